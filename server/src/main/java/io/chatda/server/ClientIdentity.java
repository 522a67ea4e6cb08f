package io.chatda.server;

import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.util.InetAddressPredicates;
import com.linecorp.armeria.server.ServiceRequestContext;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.function.Predicate;

/**
 * Who a request comes from, for rate limits and the access log: the socket's peer address, unless that
 * peer is a configured trusted proxy, in which case the rightmost {@code X-Forwarded-For} entry that is
 * not itself a trusted proxy (entries further left are whatever the client chose to send).
 */
final class ClientIdentity {

    private final Predicate<InetAddress> trusted;

    /**
     * @param trustedProxies IP addresses or CIDR blocks, e.g. {@code 10.0.0.0/8}
     * @throws IllegalArgumentException for an entry that is neither
     */
    ClientIdentity(List<String> trustedProxies) {
        Predicate<InetAddress> any = a -> false;
        for (String entry : trustedProxies) {
            String cidr = entry.strip();
            if (!cidr.contains("/")) {
                if (!NetUtil.isValidIpV4Address(cidr) && !NetUtil.isValidIpV6Address(cidr)) {
                    throw new IllegalArgumentException("trusted proxy must be an IP address or CIDR: " + entry);
                }
                cidr += NetUtil.isValidIpV4Address(cidr) ? "/32" : "/128";
            }
            try {
                any = any.or(InetAddressPredicates.ofCidr(cidr));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("trusted proxy must be an IP address or CIDR: " + entry, e);
            }
        }
        this.trusted = any;
    }

    InetAddress of(ServiceRequestContext ctx) {
        InetAddress peer = ((InetSocketAddress) ctx.remoteAddress()).getAddress();
        if (!trusted.test(peer)) {
            return peer;
        }
        String forwarded = ctx.request().headers().get(HttpHeaderNames.X_FORWARDED_FOR);
        if (forwarded == null) {
            return peer;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            InetAddress hop = literal(hops[i].strip());
            if (hop == null) {
                return peer;
            }
            if (!trusted.test(hop)) {
                return hop;
            }
        }
        return peer;
    }

    private static InetAddress literal(String text) {
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(text);
        if (bytes == null) {
            return null;
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (java.net.UnknownHostException e) {
            return null;
        }
    }
}
