package io.chatda.crawl;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Every block of the IANA IPv4 and IPv6 Special-Purpose Address Registries (RFC 6890 and its updates), plus
 * multicast and the deprecated site-local block: addresses a crawler has no business fetching from, whether the
 * registry calls them globally reachable (anycast relays, AS112) or not. An IPv6 address that embeds an IPv4
 * one (mapped, compatible, NAT64, 6to4, Teredo) is refused as a whole: its blocks are in the table.
 */
final class SpecialPurposeAddresses {

    /** One registry block. */
    record Block(byte[] prefix, int bits, String name) {

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (prefix[full] & mask);
        }
    }

    private static final List<Block> BLOCKS = List.of(
            // IPv4 (iana-ipv4-special-registry)
            block("0.0.0.0/8", "\"this\" network"),
            block("10.0.0.0/8", "private use"),
            block("100.64.0.0/10", "shared address space (carrier-grade NAT)"),
            block("127.0.0.0/8", "loopback"),
            block("169.254.0.0/16", "link local"),
            block("172.16.0.0/12", "private use"),
            block("192.0.0.0/24", "IETF protocol assignments"),
            block("192.0.2.0/24", "documentation (TEST-NET-1)"),
            block("192.31.196.0/24", "AS112-v4"),
            block("192.52.193.0/24", "AMT"),
            block("192.88.99.0/24", "deprecated 6to4 relay anycast"),
            block("192.168.0.0/16", "private use"),
            block("192.175.48.0/24", "direct delegation AS112 service"),
            block("198.18.0.0/15", "benchmarking"),
            block("198.51.100.0/24", "documentation (TEST-NET-2)"),
            block("203.0.113.0/24", "documentation (TEST-NET-3)"),
            block("224.0.0.0/4", "multicast"),
            block("240.0.0.0/4", "reserved"),
            block("255.255.255.255/32", "limited broadcast"),
            // IPv6 (iana-ipv6-special-registry)
            block("::/128", "unspecified"),
            block("::1/128", "loopback"),
            block("::/96", "IPv4-compatible (deprecated)"),
            block("::ffff:0:0/96", "IPv4-mapped"),
            block("64:ff9b::/96", "IPv4-IPv6 translation"),
            block("64:ff9b:1::/48", "local-use IPv4-IPv6 translation"),
            block("100::/64", "discard-only"),
            block("100:0:0:1::/64", "dummy IPv6 prefix"),
            block("2001::/23", "IETF protocol assignments (Teredo, benchmarking, ORCHID, …)"),
            block("2001:db8::/32", "documentation"),
            block("2002::/16", "6to4"),
            block("2620:4f:8000::/48", "direct delegation AS112 service"),
            block("3fff::/20", "documentation"),
            block("5f00::/16", "segment routing (SRv6) SIDs"),
            block("fc00::/7", "unique local"),
            block("fe80::/10", "link-local unicast"),
            block("fec0::/10", "site-local (deprecated)"),
            block("ff00::/8", "multicast"));

    private SpecialPurposeAddresses() {}

    /** The registry block holding {@code address}, or null if it is an ordinary public address. */
    static Block blockOf(InetAddress address) {
        byte[] bytes = address.getAddress();
        for (Block b : BLOCKS) {
            if (b.contains(bytes)) {
                return b;
            }
        }
        return null;
    }

    private static Block block(String cidr, String name) {
        int slash = cidr.indexOf('/');
        try {
            // literals only: no lookup happens
            byte[] prefix = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
            if (cidr.startsWith("::ffff:")) {
                prefix = new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0, 0, 0};
            }
            return new Block(prefix, Integer.parseInt(cidr.substring(slash + 1)), name);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(cidr, e);
        }
    }
}
