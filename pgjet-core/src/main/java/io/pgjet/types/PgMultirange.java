package io.pgjet.types;

import java.util.List;

/**
 * Holds a PostgreSQL multirange value (PostgreSQL 14 and later): an ordered list of
 * non-overlapping ranges. Immutable and thread-safe if the bound values are.
 *
 * @param ranges the ranges; the server merges and sorts them, the client does not
 * @param <T>    the Java type of the range bounds
 */
public record PgMultirange<T>(List<PgRange<T>> ranges) {

    /**
     * Creates a multirange.
     *
     * @param ranges see the record component
     * @throws NullPointerException if the list or a range is null
     */
    public PgMultirange {
        ranges = List.copyOf(ranges);
    }

    /**
     * Creates a multirange from ranges.
     *
     * @param ranges the ranges
     * @param <T>    the bound type
     * @return the multirange
     */
    @SafeVarargs
    public static <T> PgMultirange<T> of(PgRange<T>... ranges) {
        java.util.List<PgRange<T>> list = new java.util.ArrayList<>(ranges.length);
        for (PgRange<T> r : ranges) {
            list.add(r);
        }
        return new PgMultirange<>(list);
    }

    /**
     * Renders the multirange like PostgreSQL: <code>{[1,3),[5,7)}</code>.
     *
     * @return the text form
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < ranges.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(ranges.get(i));
        }
        return sb.append('}').toString();
    }
}
