package vn.govqms.notification.webhook;

import io.netty.util.NetUtil;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Which addresses a webhook may never reach: this service's own networks (loopback, private, link-local, carrier-grade NAT,
 * multicast, reserved) and the IPv6 forms that carry one of those IPv4 addresses inside them (IPv4-mapped and -compatible,
 * NAT64 64:ff9b::/96, 6to4 2002::/16, Teredo 2001::/32), which a host may route to the IPv4 address they embed.
 */
public final class Addresses {

    /** IPv4 networks that are not the public internet (RFC 6890), as {address, prefix length}. */
    private static final int[][] BLOCKED_V4 = {
            {ip4(0, 0, 0, 0), 8}, {ip4(10, 0, 0, 0), 8}, {ip4(100, 64, 0, 0), 10}, {ip4(127, 0, 0, 0), 8},
            {ip4(169, 254, 0, 0), 16}, {ip4(172, 16, 0, 0), 12}, {ip4(192, 0, 0, 0), 24}, {ip4(192, 168, 0, 0), 16},
            {ip4(198, 18, 0, 0), 15}, {ip4(224, 0, 0, 0), 4}, {ip4(240, 0, 0, 0), 4}};

    private Addresses() {
    }

    /** The address when {@code host} is written as one (brackets of an IPv6 URL host allowed), without asking DNS. */
    public static Optional<InetAddress> literal(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!NetUtil.isValidIpV4Address(h) && !NetUtil.isValidIpV6Address(h)) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(NetUtil.createByteArrayFromIpAddressString(h)));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** Why {@code a} is refused, or empty when it is a public address. */
    public static Optional<String> blocked(InetAddress a) {
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            return blockedV4(b) ? Optional.of("an internal address (" + a.getHostAddress() + ")") : Optional.empty();
        }
        if (!(a instanceof Inet6Address)) {
            return Optional.of("not an IP address");
        }
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isMulticastAddress()
                || (b[0] & 0xfe) == 0xfc // unique local fc00::/7
                || prefix(b, 0x01, 0x00, 0, 0, 0, 0, 0, 0)) { // discard-only 100::/64
            return Optional.of("an internal address (" + a.getHostAddress() + ")");
        }
        // 64:ff9b:1::/48 is NAT64 for a site's own networks (RFC 8215): whatever it embeds is the site's choice
        if (prefix(b, 0x00, 0x64, 0xff, 0x9b, 0x00, 0x01)) {
            return Optional.of("a local-use NAT64 address (" + a.getHostAddress() + ")");
        }
        for (byte[] v4 : embedded(b)) {
            if (blockedV4(v4)) {
                return Optional.of("an IPv6 address (" + a.getHostAddress() + ") that carries the internal address "
                        + (v4[0] & 0xff) + "." + (v4[1] & 0xff) + "." + (v4[2] & 0xff) + "." + (v4[3] & 0xff));
            }
        }
        return Optional.empty();
    }

    /** The IPv4 addresses an IPv6 transition form carries (none for a native IPv6 address). */
    static byte[][] embedded(byte[] b) {
        if (allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff // IPv4-mapped ::ffff:0:0/96
                || allZero(b, 0, 12) // IPv4-compatible ::/96 (deprecated; :: and ::1 are caught before)
                || prefix(b, 0x00, 0x64, 0xff, 0x9b) && allZero(b, 4, 12)) { // NAT64 well-known prefix 64:ff9b::/96
            return new byte[][] {slice(b, 12)};
        }
        if (prefix(b, 0x20, 0x02)) { // 6to4 2002:AABB:CCDD::/48
            return new byte[][] {slice(b, 2)};
        }
        if (prefix(b, 0x20, 0x01, 0x00, 0x00)) { // Teredo 2001:0::/32: the server, and the client's address inverted
            byte[] client = slice(b, 12);
            for (int i = 0; i < 4; i++) {
                client[i] = (byte) ~client[i];
            }
            return new byte[][] {slice(b, 4), client};
        }
        return new byte[0][];
    }

    private static boolean blockedV4(byte[] b) {
        int v = (b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | (b[3] & 0xff);
        for (int[] net : BLOCKED_V4) {
            int mask = -1 << (32 - net[1]);
            if ((v & mask) == (net[0] & mask)) {
                return true;
            }
        }
        return false;
    }

    private static int ip4(int a, int b, int c, int d) {
        return a << 24 | b << 16 | c << 8 | d;
    }

    private static boolean prefix(byte[] b, int... bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if ((b[i] & 0xff) != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] slice(byte[] b, int from) {
        return new byte[] {b[from], b[from + 1], b[from + 2], b[from + 3]};
    }
}
