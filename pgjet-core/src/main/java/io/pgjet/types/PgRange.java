package io.pgjet.types;

import java.util.Objects;

/**
 * Holds a PostgreSQL range value ({@code int4range}, {@code tstzrange}, user range types...).
 *
 * <p>A bound that is {@code null} is unbounded (infinite) and never inclusive, as in PostgreSQL.
 * Values are not canonicalized on the client: {@code [1,5]} of {@code int4range} comes back from
 * the server as {@code [1,6)}. Immutable and thread-safe if the bound values are.
 *
 * @param <T> the Java type of the bounds (the subtype's default Java type when decoded)
 */
public final class PgRange<T> {
    private static final PgRange<?> EMPTY = new PgRange<>(null, false, null, false, true);

    private final T lower;
    private final T upper;
    private final boolean lowerInclusive;
    private final boolean upperInclusive;
    private final boolean empty;

    private PgRange(T lower, boolean lowerInclusive, T upper, boolean upperInclusive, boolean empty) {
        this.lower = lower;
        this.upper = upper;
        this.lowerInclusive = lower != null && lowerInclusive;
        this.upperInclusive = upper != null && upperInclusive;
        this.empty = empty;
    }

    /**
     * Returns the empty range.
     *
     * @param <T> the bound type
     * @return the shared empty range
     */
    @SuppressWarnings("unchecked")
    public static <T> PgRange<T> empty() {
        return (PgRange<T>) EMPTY;
    }

    /**
     * Creates a range from its bounds.
     *
     * @param lower          the lower bound, or null for unbounded
     * @param lowerInclusive whether the lower bound is included (ignored when unbounded)
     * @param upper          the upper bound, or null for unbounded
     * @param upperInclusive whether the upper bound is included (ignored when unbounded)
     * @param <T>            the bound type
     * @return the range (never empty; the server decides whether bounds make it empty)
     */
    public static <T> PgRange<T> of(T lower, boolean lowerInclusive, T upper, boolean upperInclusive) {
        return new PgRange<>(lower, lowerInclusive, upper, upperInclusive, false);
    }

    /**
     * Creates the range {@code [lower,upper)}, PostgreSQL's default bound style.
     *
     * @param lower the inclusive lower bound, or null for unbounded
     * @param upper the exclusive upper bound, or null for unbounded
     * @param <T>   the bound type
     * @return the range
     */
    public static <T> PgRange<T> closedOpen(T lower, T upper) {
        return of(lower, true, upper, false);
    }

    /**
     * Creates the range {@code [lower,upper]}.
     *
     * @param lower the inclusive lower bound, or null for unbounded
     * @param upper the inclusive upper bound, or null for unbounded
     * @param <T>   the bound type
     * @return the range
     */
    public static <T> PgRange<T> closed(T lower, T upper) {
        return of(lower, true, upper, true);
    }

    /**
     * Returns the lower bound.
     *
     * @return the bound, or null when unbounded or empty
     */
    public T lower() {
        return lower;
    }

    /**
     * Returns the upper bound.
     *
     * @return the bound, or null when unbounded or empty
     */
    public T upper() {
        return upper;
    }

    /**
     * Returns whether the lower bound is included.
     *
     * @return false when unbounded or empty
     */
    public boolean lowerInclusive() {
        return lowerInclusive;
    }

    /**
     * Returns whether the upper bound is included.
     *
     * @return false when unbounded or empty
     */
    public boolean upperInclusive() {
        return upperInclusive;
    }

    /**
     * Returns whether the lower end is unbounded.
     *
     * @return true when there is no lower bound and the range is not empty
     */
    public boolean lowerUnbounded() {
        return !empty && lower == null;
    }

    /**
     * Returns whether the upper end is unbounded.
     *
     * @return true when there is no upper bound and the range is not empty
     */
    public boolean upperUnbounded() {
        return !empty && upper == null;
    }

    /**
     * Returns whether this is the empty range.
     *
     * @return true for {@code 'empty'}
     */
    public boolean isEmpty() {
        return empty;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PgRange)) {
            return false;
        }
        PgRange<?> r = (PgRange<?>) o;
        return empty == r.empty && lowerInclusive == r.lowerInclusive && upperInclusive == r.upperInclusive
                && Objects.equals(lower, r.lower) && Objects.equals(upper, r.upper);
    }

    @Override
    public int hashCode() {
        return Objects.hash(lower, upper, lowerInclusive, upperInclusive, empty);
    }

    /**
     * Renders the range like PostgreSQL, using each bound's {@code toString()}: {@code [1,5)},
     * {@code (,5]}, {@code empty}. Bounds are not quoted; the codec's text rendering quotes.
     *
     * @return the text form
     */
    @Override
    public String toString() {
        if (empty) {
            return "empty";
        }
        return (lowerInclusive ? "[" : "(") + (lower == null ? "" : lower) + ","
                + (upper == null ? "" : upper) + (upperInclusive ? "]" : ")");
    }
}
