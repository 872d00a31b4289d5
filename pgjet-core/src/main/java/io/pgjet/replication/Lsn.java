package io.pgjet.replication;

/**
 * A PostgreSQL write-ahead log position ({@code pg_lsn}), written {@code X/Y} in hexadecimal.
 * Compared as an unsigned 64-bit number.
 *
 * @param value the position as an unsigned 64-bit number
 */
public record Lsn(long value) implements Comparable<Lsn> {
    /** The invalid position {@code 0/0}; as a start position it means "where the slot is". */
    public static final Lsn INVALID = new Lsn(0);

    /**
     * Parses the {@code X/Y} form PostgreSQL prints.
     *
     * @param text e.g. {@code "16/B374D848"}
     * @return the position
     * @throws IllegalArgumentException when {@code text} is not of that form
     */
    public static Lsn parse(String text) {
        int slash = text == null ? -1 : text.indexOf('/');
        if (slash <= 0 || slash == text.length() - 1 || slash > 8 || text.length() - slash - 1 > 8) {
            throw new IllegalArgumentException("not an LSN (expected X/Y in hexadecimal): " + text);
        }
        try {
            long high = Long.parseLong(text.substring(0, slash), 16);
            long low = Long.parseLong(text.substring(slash + 1), 16);
            return new Lsn(high << 32 | low);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an LSN (expected X/Y in hexadecimal): " + text, e);
        }
    }

    /**
     * Returns whether this position is after {@code other}.
     *
     * @param other another position
     * @return true when this one is later
     */
    public boolean isAfter(Lsn other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(Lsn other) {
        return Long.compareUnsigned(value, other.value);
    }

    /** Returns the {@code X/Y} form. */
    @Override
    public String toString() {
        return Long.toHexString(value >>> 32).toUpperCase() + "/" + Long.toHexString(value & 0xFFFFFFFFL).toUpperCase();
    }
}
