package io.pgjet.types;

/**
 * Holds a PostgreSQL {@code pg_lsn}: a 64-bit write-ahead log position, compared unsigned.
 * Immutable and thread-safe.
 *
 * @param value the position as an unsigned 64-bit number
 */
public record PgLsn(long value) implements Comparable<PgLsn> {

    /**
     * Parses the text form {@code XXXXXXXX/XXXXXXXX}.
     *
     * @param text e.g. {@code 16/B374D848}
     * @return the position
     * @throws IllegalArgumentException if the text is not of that form
     */
    public static PgLsn parse(String text) {
        int slash = text.indexOf('/');
        if (slash <= 0 || slash > 8 || text.length() - slash - 1 > 8 || slash == text.length() - 1) {
            throw new IllegalArgumentException("not a pg_lsn: " + text);
        }
        try {
            long hi = Long.parseLong(text.substring(0, slash), 16);
            long lo = Long.parseLong(text.substring(slash + 1), 16);
            return new PgLsn(hi << 32 | lo);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a pg_lsn: " + text, e);
        }
    }

    /**
     * Compares positions as unsigned numbers.
     *
     * @param o the other position
     * @return negative, zero or positive
     */
    @Override
    public int compareTo(PgLsn o) {
        return Long.compareUnsigned(value, o.value);
    }

    /**
     * Renders the position as PostgreSQL does: {@code %X/%X}.
     *
     * @return e.g. {@code 16/B374D848}
     */
    @Override
    public String toString() {
        return Long.toHexString(value >>> 32).toUpperCase(java.util.Locale.ROOT) + "/"
                + Long.toHexString(value & 0xffffffffL).toUpperCase(java.util.Locale.ROOT);
    }
}
