package th.onecitizen.registry.validation;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Which IP addresses the platform may call: only public unicast ones. Loopback, private (RFC 1918), carrier-grade
 * NAT, link-local (including cloud metadata 169.254.169.254 and fd00:ec2::254), unique-local, multicast, reserved
 * and documentation ranges are refused, as is any IPv6 form that embeds a forbidden IPv4 address (mapped,
 * compatible, NAT64, 6to4).
 */
public final class AddressPolicy {

    private AddressPolicy() {
    }

    /** Why the address may not be called, or empty when it may. */
    public static Optional<String> forbiddenReason(InetAddress address) {
        if (address instanceof Inet4Address v4) {
            return ipv4Reason(v4.getAddress());
        }
        if (address instanceof Inet6Address v6) {
            return ipv6Reason(v6.getAddress());
        }
        return Optional.of("unknown address family");
    }

    private static Optional<String> ipv4Reason(byte[] a) {
        int b0 = a[0] & 0xff;
        int b1 = a[1] & 0xff;
        int b2 = a[2] & 0xff;
        if (b0 == 0) {
            return Optional.of("'this network' address (0.0.0.0/8)");
        }
        if (b0 == 127) {
            return Optional.of("loopback address (127.0.0.0/8)");
        }
        if (b0 == 10 || (b0 == 172 && (b1 & 0xf0) == 16) || (b0 == 192 && b1 == 168)) {
            return Optional.of("private address (RFC 1918)");
        }
        if (b0 == 100 && (b1 & 0xc0) == 64) {
            return Optional.of("carrier-grade NAT address (100.64.0.0/10)");
        }
        if (b0 == 169 && b1 == 254) {
            return Optional.of("link-local or cloud metadata address (169.254.0.0/16)");
        }
        if ((b0 == 192 && b1 == 0 && (b2 == 0 || b2 == 2)) || (b0 == 198 && (b1 & 0xfe) == 18)
                || (b0 == 198 && b1 == 51 && b2 == 100) || (b0 == 203 && b1 == 0 && b2 == 113)) {
            return Optional.of("reserved, benchmarking or documentation address");
        }
        if (b0 >= 224) {
            return Optional.of("multicast, reserved or broadcast address");
        }
        return Optional.empty();
    }

    private static Optional<String> ipv6Reason(byte[] a) {
        boolean firstTenZero = true;
        for (int i = 0; i < 10; i++) {
            firstTenZero &= a[i] == 0;
        }
        boolean firstTwelveZero = firstTenZero && a[10] == 0 && a[11] == 0;
        if (firstTwelveZero) {
            boolean allZero = a[12] == 0 && a[13] == 0 && a[14] == 0 && (a[15] == 0 || a[15] == 1);
            if (allZero) {
                return Optional.of(a[15] == 1 ? "loopback address (::1)" : "unspecified address (::)");
            }
            return embedded(a, 12, "IPv4-compatible");
        }
        if (firstTenZero && (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff) {
            return embedded(a, 12, "IPv4-mapped");
        }
        int w0 = ((a[0] & 0xff) << 8) | (a[1] & 0xff);
        if (w0 == 0x0064 && a[2] == (byte) 0xff && a[3] == (byte) 0x9b) {
            return embedded(a, 12, "NAT64");
        }
        if (w0 == 0x2002) {
            return embedded(a, 2, "6to4");
        }
        if ((a[0] & 0xfe) == 0xfc) {
            return Optional.of("unique-local address (fc00::/7)");
        }
        if ((a[0] & 0xff) == 0xfe && (a[1] & 0xc0) == 0x80) {
            return Optional.of("link-local address (fe80::/10)");
        }
        if ((a[0] & 0xff) == 0xfe && (a[1] & 0xc0) == 0xc0) {
            return Optional.of("site-local address (fec0::/10)");
        }
        if ((a[0] & 0xff) == 0xff) {
            return Optional.of("multicast address (ff00::/8)");
        }
        if (w0 == 0x2001 && a[2] == 0x0d && (a[3] & 0xff) == 0xb8) {
            return Optional.of("documentation address (2001:db8::/32)");
        }
        return Optional.empty();
    }

    private static Optional<String> embedded(byte[] a, int from, String form) {
        byte[] v4 = {a[from], a[from + 1], a[from + 2], a[from + 3]};
        return ipv4Reason(v4).map(r -> form + " form of a " + r);
    }

    /**
     * Parses a host that is an IP literal in any form a resolver might accept (BSD {@code inet_aton}: 1 to 4 parts,
     * decimal, octal with a leading 0, hex with 0x; or a bracketed IPv6 literal), or empty when it is a name.
     */
    public static Optional<InetAddress> parseLiteral(String host) {
        if (host.startsWith("[") && host.endsWith("]")) {
            return ipv6(host.substring(1, host.length() - 1));
        }
        if (host.indexOf(':') >= 0) {
            return ipv6(host);
        }
        return inetAton(host);
    }

    /** True when the host is an IPv4 literal in the one unambiguous form, dotted decimal without leading zeros. */
    public static boolean isCanonicalIpv4(String host) {
        return host.matches("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    }

    private static Optional<InetAddress> ipv6(String literal) {
        if (!literal.matches("[0-9a-fA-F:.%]+")) {
            return Optional.empty();
        }
        try {
            // A literal: getByName parses without any DNS query.
            return Optional.of(InetAddress.getByName("[" + literal.replaceAll("%.*$", "") + "]"));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static Optional<InetAddress> inetAton(String host) {
        if (host.isEmpty() || !host.matches("(?i)[0-9a-fx.]+") || host.endsWith(".") || host.contains("..")) {
            return Optional.empty();
        }
        String[] parts = host.split("\\.");
        if (parts.length > 4) {
            return Optional.empty();
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            Long v = number(parts[i]);
            if (v == null) {
                return Optional.empty();
            }
            values[i] = v;
        }
        long address = 0;
        for (int i = 0; i < parts.length - 1; i++) {
            if (values[i] > 255) {
                return Optional.empty();
            }
            address |= values[i] << (8 * (3 - i));
        }
        long last = values[parts.length - 1];
        if (last >= (1L << (8 * (5 - parts.length)))) {
            return Optional.empty();
        }
        address |= last;
        byte[] b = {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
        try {
            return Optional.of(InetAddress.getByAddress(b));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static Long number(String part) {
        try {
            String p = part.toLowerCase(java.util.Locale.ROOT);
            if (p.startsWith("0x")) {
                return p.length() == 2 ? 0L : Long.parseLong(p.substring(2), 16);
            }
            if (p.length() > 1 && p.startsWith("0")) {
                return Long.parseLong(p.substring(1), 8);
            }
            return p.length() > 10 ? null : Long.parseLong(p);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
