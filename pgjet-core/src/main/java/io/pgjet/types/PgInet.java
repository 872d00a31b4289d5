package io.pgjet.types;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Objects;

/**
 * Holds a PostgreSQL {@code inet}: a host address with an optional network mask length.
 *
 * <p>An IPv4-mapped IPv6 address such as {@code ::ffff:1.2.3.4} stays an
 * {@link java.net.Inet6Address} (PostgreSQL keeps it IPv6). Immutable and thread-safe.
 *
 * @param address the address (its host bits may be set)
 * @param netmask the mask length in bits: 0..32 for IPv4, 0..128 for IPv6
 */
public record PgInet(InetAddress address, int netmask) {

    /**
     * Creates an inet value.
     *
     * @param address see the record component
     * @param netmask see the record component
     * @throws NullPointerException     if the address is null
     * @throws IllegalArgumentException if the mask length does not fit the address family
     */
    public PgInet {
        Objects.requireNonNull(address, "address");
        checkNetmask(address, netmask);
    }

    /**
     * Creates a host value: the mask covers the whole address (/32 or /128).
     *
     * @param address the address
     * @return the inet value
     */
    public static PgInet of(InetAddress address) {
        return new PgInet(address, maxBits(address));
    }

    /**
     * Renders the value as PostgreSQL does: the address, then {@code /netmask} unless the mask
     * covers the whole address.
     *
     * @return the text form, e.g. {@code 192.168.0.1/24} or {@code ::1}
     */
    @Override
    public String toString() {
        String text = format(address);
        return netmask == maxBits(address) ? text : text + "/" + netmask;
    }

    static int maxBits(InetAddress address) {
        return address instanceof Inet4Address ? 32 : 128;
    }

    static void checkNetmask(InetAddress address, int netmask) {
        if (netmask < 0 || netmask > maxBits(address)) {
            throw new IllegalArgumentException("netmask " + netmask + " is out of range for " + address);
        }
    }

    /** Formats an address as PostgreSQL's inet output does (RFC 5952 style for IPv6). */
    static String format(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length == 4) {
            return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + "." + (b[3] & 0xff);
        }
        int[] words = new int[8];
        for (int i = 0; i < 8; i++) {
            words[i] = (b[2 * i] & 0xff) << 8 | (b[2 * i + 1] & 0xff);
        }
        int bestBase = -1;
        int bestLen = 0;
        int curBase = -1;
        int curLen = 0;
        for (int i = 0; i < 8; i++) {
            if (words[i] == 0) {
                if (curBase < 0) {
                    curBase = i;
                    curLen = 1;
                } else {
                    curLen++;
                }
                if (curLen > bestLen) {
                    bestBase = curBase;
                    bestLen = curLen;
                }
            } else {
                curBase = -1;
            }
        }
        if (bestLen < 2) {
            bestBase = -1;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (bestBase >= 0 && i >= bestBase && i < bestBase + bestLen) {
                if (i == bestBase) {
                    sb.append(':');
                }
                continue;
            }
            if (i != 0) {
                sb.append(':');
            }
            if (i == 6 && bestBase == 0 && (bestLen == 6 || (bestLen == 5 && words[5] == 0xffff))) {
                sb.append(b[12] & 0xff).append('.').append(b[13] & 0xff).append('.')
                        .append(b[14] & 0xff).append('.').append(b[15] & 0xff);
                return sb.toString();
            }
            sb.append(Integer.toHexString(words[i]));
        }
        if (bestBase >= 0 && bestBase + bestLen == 8) {
            sb.append(':');
        }
        return sb.toString();
    }
}
