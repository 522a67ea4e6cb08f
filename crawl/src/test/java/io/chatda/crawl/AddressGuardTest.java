package io.chatda.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 19 item 6: the IANA special-purpose registries in full, the machine's own addresses, and a connection
 * pinned to the address that was checked. The "public" address in the hostile-server tests is 127.0.0.1, told
 * to the guard as public, since a test can only serve on this machine.
 */
class AddressGuardTest {

    private HttpServer server;
    private final AtomicInteger secretHits = new AtomicInteger();

    @BeforeEach
    void startHostileServer() throws Exception {
        // listening on every interface, as the service that the attack reached did
        server = HttpServer.create(new InetSocketAddress(0), 0);
        server.createContext("/", exchange -> {
            byte[] body = ("<html><title>secret</title><p>host "
                            + exchange.getRequestHeaders().getFirst("Host") + "</p></html>")
                    .getBytes(StandardCharsets.UTF_8);
            secretHits.incrementAndGet();
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void everySpecialPurposeRangeIsRefused() throws Exception {
        for (String a : List.of(
                "127.0.0.1",
                "10.1.2.3",
                "172.16.0.1",
                "192.168.1.1",
                "169.254.169.254",
                "224.0.0.1",
                "0.0.0.0",
                "100.64.0.1",
                "192.0.0.8",
                "192.0.2.1",
                "192.31.196.1",
                "192.52.193.1",
                "192.88.99.1",
                "192.175.48.1",
                "198.18.0.1",
                "198.19.255.255",
                "198.51.100.7",
                "203.0.113.9",
                "240.0.0.1",
                "255.255.255.255",
                "::",
                "::1",
                "::ffff:127.0.0.1",
                "64:ff9b::c000:201",
                "64:ff9b:1::1",
                "100::1",
                "2001::1",
                "2001:2::1",
                "2001:db8::1",
                "2002::1",
                "2620:4f:8000::1",
                "3fff::1",
                "5f00::1",
                "fc00::1",
                "fd12::1",
                "fe80::1",
                "fec0::1",
                "ff02::1",
                "::8.8.8.8")) {
            assertThat(AddressGuard.isReserved(InetAddress.getByName(a))).as(a).isTrue();
        }
        for (String a : List.of(
                "93.184.216.34",
                "8.8.8.8",
                "1.1.1.1",
                "198.20.0.1",
                "192.0.3.1",
                "203.0.114.1",
                "2606:4700::1111",
                "2a00:1450::1",
                "2001:4860::8888")) {
            assertThat(AddressGuard.isReserved(InetAddress.getByName(a))).as(a).isFalse();
        }
    }

    @Test
    void theMachinesOwnAddressesAreKnown() throws Exception {
        Set<InetAddress> own = AddressGuard.interfaceAddresses();
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                assertThat(own).contains(a);
            }
        }
    }

    @Test
    void aServiceOnThisMachinesOwnPublicAddressIsRefused() {
        // 127.0.0.1 plays this machine's public address: allowed by the registry, but one of its own
        Predicate<InetAddress> reserved = a -> !a.getHostAddress().equals("127.0.0.1") && AddressGuard.isReserved(a);
        AddressGuard guard = new AddressGuard(
                false, Set.of(), InetAddress::getAllByName, AddressGuard::interfaceAddresses, reserved);
        Fetcher.FetchException refused = fetchFails(guard, "http://127.0.0.1:" + port() + "/secret");
        assertThat(refused.reason).isEqualTo(SkipReason.PRIVATE_ADDRESS);
        assertThat(refused.getMessage()).contains("this machine");
        assertThat(secretHits).hasValue(0);
    }

    @Test
    void theConnectionGoesToTheCheckedAddressWithoutASecondLookup() throws Exception {
        // DNS rebinding: the first answer is public, every later one the secret service's (here: unresolvable)
        AtomicInteger lookups = new AtomicInteger();
        AddressGuard.Resolver rebinding = host -> {
            if (!host.equals("rebind.test")) {
                throw new java.net.UnknownHostException(host);
            }
            return lookups.incrementAndGet() == 1
                    ? new InetAddress[] {InetAddress.getByName("127.0.0.1")}
                    : new InetAddress[] {InetAddress.getByName("10.0.0.1")};
        };
        Predicate<InetAddress> reserved = a -> !a.getHostAddress().equals("127.0.0.1") && AddressGuard.isReserved(a);
        AddressGuard guard = new AddressGuard(false, Set.of(), rebinding, Set::of, reserved);
        CrawlConfig config = config();
        try (Fetcher fetcher = new Fetcher(guard, new UrlRules(config), config)) {
            Fetcher.Response r = fetcher.get("http://rebind.test:" + port() + "/page", null, null, true, hop -> null);
            assertThat(r.status()).isEqualTo(200);
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("host rebind.test:" + port());
        }
        assertThat(lookups).hasValue(1);
    }

    @Test
    void refusedHostsSayWhichAddressAndWhy() {
        AddressGuard guard = new AddressGuard(
                false,
                Set.of(),
                h -> new InetAddress[] {InetAddress.getByName("198.18.0.5")},
                Set::of,
                AddressGuard::isReserved);
        assertThatThrownBy(() -> guard.check("bench.test"))
                .isInstanceOf(AddressGuard.RefusedException.class)
                .hasMessageContaining("198.18.0.5")
                .hasMessageContaining("benchmarking");
    }

    private Fetcher.FetchException fetchFails(AddressGuard guard, String url) {
        CrawlConfig config = config();
        try (Fetcher fetcher = new Fetcher(guard, new UrlRules(config), config)) {
            fetcher.get(url, null, null, true, hop -> null);
        } catch (Fetcher.FetchException e) {
            return e;
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("fetched " + url);
    }

    private static CrawlConfig config() {
        return CrawlConfig.builder(List.of("http://a.example/"))
                .readTimeout(Duration.ofSeconds(5))
                .build();
    }

    private int port() {
        return server.getAddress().getPort();
    }
}
