package io.pgjet.types;

import java.net.InetAddress;
import java.util.Objects;

/**
 * Holds a PostgreSQL {@code cidr}: a network address whose bits right of the mask are zero.
 * Immutable and thread-safe.
 *
 * @param address the network address
 * @param netmask the mask length in bits: 0..32 for IPv4, 0..128 for IPv6
 */
public record PgCidr(InetAddress address, int netmask) {

    /**
     * Creates a cidr value.
     *
     * @param address see the record component
     * @param netmask see the record component
     * @throws NullPointerException     if the address is null
     * @throws IllegalArgumentException if the mask length does not fit the family, or bits right
     *     of the mask are set (PostgreSQL rejects such values)
     */
    public PgCidr {
        Objects.requireNonNull(address, "address");
        PgInet.checkNetmask(address, netmask);
        byte[] b = address.getAddress();
        for (int bit = netmask; bit < b.length * 8; bit++) {
            if ((b[bit >> 3] & (0x80 >> (bit & 7))) != 0) {
                throw new IllegalArgumentException("cidr " + PgInet.format(address) + "/" + netmask
                        + " has bits set to the right of the netmask");
            }
        }
    }

    /**
     * Renders the value as PostgreSQL does: always {@code address/netmask}.
     *
     * @return the text form, e.g. {@code 10.0.0.0/8}
     */
    @Override
    public String toString() {
        return PgInet.format(address) + "/" + netmask;
    }
}
