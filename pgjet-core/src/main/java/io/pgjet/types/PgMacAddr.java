package io.pgjet.types;

import java.util.Arrays;

/**
 * Holds a PostgreSQL {@code macaddr} (6 bytes) or {@code macaddr8} (8 bytes). Immutable and
 * thread-safe (the bytes are copied in and out).
 */
public final class PgMacAddr {
    private final byte[] bytes;

    private PgMacAddr(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * Creates an address from its bytes.
     *
     * @param bytes 6 or 8 bytes; copied
     * @return the address
     * @throws IllegalArgumentException for any other length
     */
    public static PgMacAddr of(byte[] bytes) {
        if (bytes.length != 6 && bytes.length != 8) {
            throw new IllegalArgumentException("a MAC address has 6 or 8 bytes, not " + bytes.length);
        }
        return new PgMacAddr(bytes.clone());
    }

    /**
     * Parses {@code 08:00:2b:01:02:03} (colons or dashes, 6 or 8 groups of two hex digits).
     *
     * @param text the address text
     * @return the address
     * @throws IllegalArgumentException if the text is not of that form
     */
    public static PgMacAddr parse(String text) {
        String[] parts = text.split("[:-]");
        if (parts.length != 6 && parts.length != 8) {
            throw new IllegalArgumentException("not a MAC address: " + text);
        }
        byte[] b = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].length() != 2) {
                throw new IllegalArgumentException("not a MAC address: " + text);
            }
            b[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return new PgMacAddr(b);
    }

    /**
     * Returns a copy of the bytes.
     *
     * @return 6 or 8 bytes
     */
    public byte[] bytes() {
        return bytes.clone();
    }

    /**
     * Returns the number of bytes.
     *
     * @return 6 for {@code macaddr}, 8 for {@code macaddr8}
     */
    public int length() {
        return bytes.length;
    }

    /**
     * Returns one byte.
     *
     * @param index 0-based
     * @return the byte as 0..255
     */
    public int get(int index) {
        return bytes[index] & 0xff;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PgMacAddr && Arrays.equals(bytes, ((PgMacAddr) o).bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /**
     * Renders the address as PostgreSQL does: lower-case hex pairs joined by colons.
     *
     * @return e.g. {@code 08:00:2b:01:02:03}
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(bytes.length * 3);
        for (int i = 0; i < bytes.length; i++) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(Character.forDigit((bytes[i] >> 4) & 0xf, 16)).append(Character.forDigit(bytes[i] & 0xf, 16));
        }
        return sb.toString();
    }
}
