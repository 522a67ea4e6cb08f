package io.chatda.app.cluster;

import java.util.List;

/**
 * The HAProxy configuration of a cluster on one machine: one front end that speaks HTTP/1.1 and h2c on
 * the same port, query replicas behind it over h2c, health checks on {@code /ready}, and retries that
 * move a request to another replica when its connection failed or its replica died before answering.
 *
 * <p>A 503 is never retried and never marks a replica down: it is chatda's own load shedding, and
 * treating it as a failure would take every replica out of the pool exactly when load peaks.
 */
public record HaproxyConfig(int port, List<Integer> replicaPorts, String statsSocket) {

    /** How often HAProxy asks each replica whether it is ready. */
    static final String CHECK_INTERVAL = "500ms";

    public HaproxyConfig {
        replicaPorts = List.copyOf(replicaPorts);
        if (replicaPorts.isEmpty()) {
            throw new IllegalArgumentException("a cluster needs at least one query replica");
        }
    }

    /** The configuration file's text. */
    public String render() {
        StringBuilder b = new StringBuilder();
        b.append("""
                global
                    stats socket %s mode 600 level admin
                    # to stderr, which is logs/haproxy.log: failed or retried requests only, with their termination state
                    log stderr format raw local0 info
                defaults
                    mode http
                    log global
                    option httplog
                    option dontlog-normal
                    timeout connect 1s
                    timeout client 60s
                    timeout server 60s
                    timeout http-request 10s
                    timeout queue 5s
                    # another replica gets the request when the connection failed or the replica died mid-request;
                    # a 503 is chatda shedding load and goes back to the client as it is
                    retries 3
                    retry-on conn-failure empty-response junk-response
                    option redispatch 1
                    option http-keep-alive
                frontend chatda
                    bind 127.0.0.1:%d
                    option forwardfor
                    default_backend replicas
                backend replicas
                    balance leastconn
                    option httpchk
                    http-check send meth GET uri /ready
                    http-check expect status 200
                    default-server proto h2 check check-proto h1 inter %s fall 2 rise 1 maxconn 10000
                """.formatted(statsSocket, port, CHECK_INTERVAL));
        for (int i = 0; i < replicaPorts.size(); i++) {
            b.append("    server replica-")
                    .append(i + 1)
                    .append(" 127.0.0.1:")
                    .append(replicaPorts.get(i))
                    .append('\n');
        }
        return b.toString();
    }
}
