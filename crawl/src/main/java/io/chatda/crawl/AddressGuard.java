package io.chatda.crawl;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;

/**
 * The SSRF guard: refuses hosts that resolve to private, loopback, link-local, multicast, unspecified or
 * carrier-grade NAT addresses, unless private addresses are allowed or the host name is trusted.
 * Checked after DNS resolution for every request, redirects included. The JDK caches successful lookups
 * (30 s by default), so the HTTP client connects to the address checked here.
 */
final class AddressGuard {

    /** The host may not be fetched. */
    static final class RefusedException extends Exception {
        private static final long serialVersionUID = 1L;

        RefusedException(String message) {
            super(message);
        }
    }

    private final boolean allowPrivate;
    private final Set<String> trustedHosts;

    AddressGuard(boolean allowPrivate, Set<String> trustedHosts) {
        this.allowPrivate = allowPrivate;
        this.trustedHosts = trustedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toSet());
    }

    /**
     * @throws RefusedException     if the host resolves to a forbidden address
     * @throws UnknownHostException if it doesn't resolve
     */
    void check(String host) throws RefusedException, UnknownHostException {
        if (allowPrivate || trustedHosts.contains(host.toLowerCase(Locale.ROOT))) {
            return;
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        for (InetAddress address : InetAddress.getAllByName(bare)) {
            if (isForbidden(address)) {
                throw new RefusedException(host + " resolves to non-public address " + address.getHostAddress());
            }
        }
    }

    static boolean isForbidden(InetAddress a) {
        if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isMulticastAddress()
                || a.isAnyLocalAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0                                  // "this" network
                    || (first == 100 && second >= 64 && second < 128)   // carrier-grade NAT
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    || first >= 240;                           // reserved and broadcast
        }
        if (a instanceof Inet6Address) {
            int first = b[0] & 0xff;
            boolean v4Compatible = true;
            for (int i = 0; i < 12; i++) {
                v4Compatible &= b[i] == 0;
            }
            return (first & 0xfe) == 0xfc  // unique local fc00::/7
                    || v4Compatible;        // ::a.b.c.d
        }
        return true;
    }
}
