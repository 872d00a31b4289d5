package io.pgjet.types;

import io.pgjet.PgInterfaceException;
import java.time.Duration;
import java.time.Period;

/**
 * Holds a PostgreSQL {@code interval} exactly as the server stores it: months, days and
 * microseconds, three fields that are not converted into each other (a month is not 30 days, a
 * day is not always 24 hours).
 *
 * <p>PostgreSQL 17 added infinite intervals: {@link #POSITIVE_INFINITY} and
 * {@link #NEGATIVE_INFINITY} are their exact representations. Immutable and thread-safe.
 *
 * @param months       whole months (years are 12 months)
 * @param days         whole days
 * @param microseconds the time part, may exceed a day
 */
public record PgInterval(int months, int days, long microseconds) {

    /** Represents {@code 'infinity'::interval} (PostgreSQL 17 and later). */
    public static final PgInterval POSITIVE_INFINITY =
            new PgInterval(Integer.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE);
    /** Represents {@code '-infinity'::interval} (PostgreSQL 17 and later). */
    public static final PgInterval NEGATIVE_INFINITY =
            new PgInterval(Integer.MIN_VALUE, Integer.MIN_VALUE, Long.MIN_VALUE);
    /** Represents the zero interval. */
    public static final PgInterval ZERO = new PgInterval(0, 0, 0);

    /**
     * Creates an interval from a duration, keeping it all in the time part as PostgreSQL does for
     * {@code '90000 seconds'::interval}.
     *
     * @param duration the duration; nanoseconds are rounded half-even to microseconds
     * @return the interval
     * @throws PgInterfaceException if the duration exceeds the range of microseconds in a long
     */
    public static PgInterval of(Duration duration) {
        long seconds = duration.getSeconds();
        int nanos = duration.getNano();
        long micros = nanos / 1000;
        int rest = nanos % 1000;
        if (rest > 500 || (rest == 500 && (micros & 1) == 1)) {
            micros++;
        }
        try {
            return new PgInterval(0, 0, Math.addExact(Math.multiplyExact(seconds, 1_000_000L), micros));
        } catch (ArithmeticException e) {
            throw new PgInterfaceException("duration " + duration + " is out of range for interval", e);
        }
    }

    /**
     * Creates an interval from a period: years and months become months, days stay days.
     *
     * @param period the period
     * @return the interval
     * @throws PgInterfaceException if the months or days do not fit in an int
     */
    public static PgInterval of(Period period) {
        try {
            return new PgInterval(Math.toIntExact(period.toTotalMonths()), period.getDays(), 0);
        } catch (ArithmeticException e) {
            throw new PgInterfaceException("period " + period + " is out of range for interval", e);
        }
    }

    /**
     * Returns whether this is {@code infinity} or {@code -infinity}.
     *
     * @return true for either infinite interval
     */
    public boolean isInfinite() {
        return equals(POSITIVE_INFINITY) || equals(NEGATIVE_INFINITY);
    }

    /**
     * Converts to a duration, counting each day as 24 hours.
     *
     * @return the duration
     * @throws PgInterfaceException if {@link #months()} is not zero (a month has no fixed length)
     *     or the interval is infinite
     */
    public Duration toDuration() {
        if (months != 0 || isInfinite()) {
            throw new PgInterfaceException("interval " + this + " has months or is infinite: it has no fixed duration");
        }
        return Duration.ofDays(days).plus(Duration.of(microseconds, java.time.temporal.ChronoUnit.MICROS));
    }

    /**
     * Converts to a period of months and days.
     *
     * @return the period (years folded into months as {@code Period.of(0, months, days)} normalized)
     * @throws PgInterfaceException if {@link #microseconds()} is not zero or the interval is infinite
     */
    public Period toPeriod() {
        if (microseconds != 0 || isInfinite()) {
            throw new PgInterfaceException("interval " + this + " has a time part or is infinite: it is not a Period");
        }
        return Period.of(months / 12, months % 12, days);
    }

    /**
     * Renders the interval as PostgreSQL does with {@code IntervalStyle = postgres} (the default),
     * for example {@code 1 year 2 mons -3 days +04:05:06.5}.
     *
     * @return the text form
     */
    @Override
    public String toString() {
        if (equals(POSITIVE_INFINITY)) {
            return "infinity";
        }
        if (equals(NEGATIVE_INFINITY)) {
            return "-infinity";
        }
        StringBuilder sb = new StringBuilder();
        boolean[] state = {true, false}; // is_zero, is_before
        part(sb, months / 12, "year", state);
        part(sb, months % 12, "mon", state);
        part(sb, days, "day", state);
        long hour = microseconds / 3_600_000_000L;
        long rest = microseconds - hour * 3_600_000_000L;
        long min = rest / 60_000_000L;
        rest -= min * 60_000_000L;
        long sec = rest / 1_000_000L;
        long fsec = rest - sec * 1_000_000L;
        if (state[0] || microseconds != 0) {
            boolean minus = hour < 0 || min < 0 || sec < 0 || fsec < 0;
            if (!state[0]) {
                sb.append(' ');
            }
            sb.append(minus ? "-" : state[1] ? "+" : "");
            pad2(sb, Math.abs(hour)).append(':');
            pad2(sb, Math.abs(min)).append(':');
            pad2(sb, Math.abs(sec));
            appendFraction(sb, Math.abs(fsec));
        }
        return sb.toString();
    }

    private static void part(StringBuilder sb, int value, String unit, boolean[] state) {
        if (value == 0) {
            return;
        }
        if (!state[0]) {
            sb.append(' ');
        }
        if (state[1] && value > 0) {
            sb.append('+');
        }
        sb.append(value).append(' ').append(unit);
        if (value != 1) {
            sb.append('s');
        }
        state[1] = value < 0;
        state[0] = false;
    }

    private static StringBuilder pad2(StringBuilder sb, long v) {
        if (v < 10) {
            sb.append('0');
        }
        return sb.append(v);
    }

    /** Appends {@code .ffffff} without trailing zeros, nothing when zero. */
    static void appendFraction(StringBuilder sb, long micros) {
        if (micros == 0) {
            return;
        }
        String digits = Long.toString(1_000_000L + micros).substring(1);
        int end = digits.length();
        while (digits.charAt(end - 1) == '0') {
            end--;
        }
        sb.append('.').append(digits, 0, end);
    }
}
