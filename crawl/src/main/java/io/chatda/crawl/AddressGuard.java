package io.chatda.crawl;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The SSRF guard: refuses a host if any address it resolves to is in the IANA special-purpose registries
 * ({@link SpecialPurposeAddresses}: private, loopback, link-local, documentation, benchmarking, translation,
 * multicast, reserved …) or is one of this machine's own interface addresses (a service listening on all
 * interfaces is reachable through the machine's public address too), unless private addresses are allowed or
 * the host name is trusted. Checked for every request, redirects included. {@link #check} returns the address
 * it checked, and the http transport connects to that address, so no second lookup can answer differently
 * (DNS rebinding).
 */
final class AddressGuard {

    /** The host may not be fetched. */
    static final class RefusedException extends Exception {
        private static final long serialVersionUID = 1L;

        RefusedException(String message) {
            super(message);
        }
    }

    /** Name resolution; {@link InetAddress#getAllByName} outside tests. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowPrivate;
    private final Set<String> trustedHosts;
    private final Resolver resolver;
    private final Set<InetAddress> ownAddresses;
    private final Predicate<InetAddress> reserved;

    /** The guard of a crawl: DNS, this machine's interfaces as they are now, the registries. */
    AddressGuard(boolean allowPrivate, Set<String> trustedHosts) {
        this(
                allowPrivate,
                trustedHosts,
                InetAddress::getAllByName,
                AddressGuard::interfaceAddresses,
                AddressGuard::isReserved);
    }

    AddressGuard(
            boolean allowPrivate,
            Set<String> trustedHosts,
            Resolver resolver,
            Supplier<Set<InetAddress>> ownAddresses,
            Predicate<InetAddress> reserved) {
        this.allowPrivate = allowPrivate;
        this.trustedHosts =
                trustedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        this.resolver = resolver;
        this.ownAddresses = allowPrivate ? Set.of() : Set.copyOf(ownAddresses.get());
        this.reserved = reserved;
    }

    /**
     * Resolves and checks a host.
     *
     * @return the address to connect to, or null if the host is exempt (private addresses allowed, or a trusted
     *         host) and the transport may resolve it itself
     * @throws RefusedException     if the host resolves to a forbidden address
     * @throws UnknownHostException if it doesn't resolve
     */
    InetAddress check(String host) throws RefusedException, UnknownHostException {
        if (allowPrivate || trustedHosts.contains(host.toLowerCase(Locale.ROOT))) {
            return null;
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses = resolver.resolve(bare);
        if (addresses.length == 0) {
            throw new UnknownHostException(host);
        }
        for (InetAddress address : addresses) {
            if (ownAddresses.contains(withoutScope(address))) {
                throw new RefusedException(
                        host + " resolves to " + address.getHostAddress() + ", an address of this machine");
            }
            if (reserved.test(address)) {
                SpecialPurposeAddresses.Block block = SpecialPurposeAddresses.blockOf(address);
                throw new RefusedException(host + " resolves to non-public address " + address.getHostAddress()
                        + (block == null ? "" : " (" + block.name() + ")"));
            }
        }
        return addresses[0];
    }

    /** Whether an address is in a special-purpose block (see {@link SpecialPurposeAddresses}). */
    static boolean isReserved(InetAddress a) {
        return a.isAnyLocalAddress()
                || a.isLoopbackAddress()
                || a.isLinkLocalAddress()
                || a.isSiteLocalAddress()
                || a.isMulticastAddress()
                || SpecialPurposeAddresses.blockOf(a) != null;
    }

    /** Every address of every network interface of this machine, up or down, without IPv6 scope ids. */
    static Set<InetAddress> interfaceAddresses() {
        Set<InetAddress> all = new HashSet<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    all.add(a);
                    all.add(withoutScope(a));
                }
            }
        } catch (SocketException e) {
            // no interface list: the registries still refuse loopback and private addresses
        }
        return all;
    }

    private static InetAddress withoutScope(InetAddress a) {
        if (a instanceof Inet6Address v6 && v6.getScopeId() != 0) {
            try {
                return InetAddress.getByAddress(v6.getAddress());
            } catch (UnknownHostException e) {
                return a;
            }
        }
        return a;
    }
}
