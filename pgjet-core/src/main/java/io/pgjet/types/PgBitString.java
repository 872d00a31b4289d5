package io.pgjet.types;

import java.util.Arrays;

/**
 * Holds a PostgreSQL {@code bit(n)} or {@code bit varying} value: a sequence of bits, the first
 * bit being the most significant bit of the first byte. Immutable and thread-safe.
 */
public final class PgBitString {
    private final int length;
    private final byte[] bytes;

    private PgBitString(int length, byte[] bytes) {
        this.length = length;
        this.bytes = bytes;
    }

    /**
     * Creates a bit string from packed bytes.
     *
     * @param length the number of bits
     * @param bytes  at least {@code ceil(length / 8)} bytes; copied, pad bits are cleared
     * @return the bit string
     * @throws IllegalArgumentException if the length is negative or there are too few bytes
     */
    public static PgBitString of(int length, byte[] bytes) {
        int n = (length + 7) >>> 3;
        if (length < 0 || bytes.length < n) {
            throw new IllegalArgumentException("need " + n + " bytes for " + length + " bits, got " + bytes.length);
        }
        byte[] copy = Arrays.copyOf(bytes, n);
        if ((length & 7) != 0) {
            copy[n - 1] &= (byte) (0xff << (8 - (length & 7)));
        }
        return new PgBitString(length, copy);
    }

    /**
     * Parses a string of {@code 0} and {@code 1} characters.
     *
     * @param bits e.g. {@code "10110"}
     * @return the bit string
     * @throws IllegalArgumentException on any other character
     */
    public static PgBitString parse(String bits) {
        byte[] b = new byte[(bits.length() + 7) >>> 3];
        for (int i = 0; i < bits.length(); i++) {
            char c = bits.charAt(i);
            if (c == '1') {
                b[i >> 3] |= (byte) (0x80 >>> (i & 7));
            } else if (c != '0') {
                throw new IllegalArgumentException("not a bit string: " + bits);
            }
        }
        return new PgBitString(bits.length(), b);
    }

    /**
     * Returns the number of bits.
     *
     * @return the length in bits
     */
    public int length() {
        return length;
    }

    /**
     * Returns one bit.
     *
     * @param index 0-based, the first bit is the leftmost in the text form
     * @return the bit
     * @throws IndexOutOfBoundsException if the index is outside the string
     */
    public boolean get(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException(index);
        }
        return (bytes[index >> 3] & (0x80 >>> (index & 7))) != 0;
    }

    /**
     * Returns a copy of the packed bytes (pad bits zero).
     *
     * @return {@code ceil(length / 8)} bytes
     */
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PgBitString && ((PgBitString) o).length == length
                && Arrays.equals(bytes, ((PgBitString) o).bytes);
    }

    @Override
    public int hashCode() {
        return 31 * length + Arrays.hashCode(bytes);
    }

    /**
     * Renders the bits as PostgreSQL does.
     *
     * @return e.g. {@code 10110}
     */
    @Override
    public String toString() {
        char[] c = new char[length];
        for (int i = 0; i < length; i++) {
            c[i] = (bytes[i >> 3] & (0x80 >>> (i & 7))) != 0 ? '1' : '0';
        }
        return new String(c);
    }
}
