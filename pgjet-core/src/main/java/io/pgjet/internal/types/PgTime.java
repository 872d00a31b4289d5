package io.pgjet.internal.types;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * Converts between java.time and PostgreSQL's integer datetimes (days and microseconds since
 * 2000-01-01), and renders them as PostgreSQL's ISO output does.
 */
final class PgTime {
    static final long EPOCH_DAY_2000 = 10_957;
    static final long EPOCH_SECOND_2000 = 946_684_800L;
    static final long MICROS_PER_DAY = 86_400_000_000L;
    /** First valid date (4714-11-24 BC) in days since 2000-01-01. */
    static final long MIN_DATE = -2_451_545;
    /** One past the last valid date (5874897-12-31) in days since 2000-01-01. */
    static final long END_DATE = 2_145_031_949;
    /** First valid timestamp (4714-11-24 00:00 BC) in microseconds since 2000-01-01. */
    static final long MIN_TIMESTAMP = -211_813_488_000_000_000L;
    /** One past the last valid timestamp (294277-01-01 00:00) in microseconds since 2000-01-01. */
    static final long END_TIMESTAMP = 9_223_371_331_200_000_000L;

    private PgTime() {
    }

    /**
     * Checks a timestamp as the server sends it: infinity, -infinity, or within PostgreSQL's
     * range. Anything else cannot come from a server, and would overflow the conversions.
     *
     * @throws io.pgjet.PgProtocolException if out of range
     */
    static long checkTimestamp(long micros, Codec codec) {
        if (micros != Long.MAX_VALUE && micros != Long.MIN_VALUE && (micros < MIN_TIMESTAMP || micros >= END_TIMESTAMP)) {
            throw codec.malformed(micros + " microseconds is outside the timestamp range");
        }
        return micros;
    }

    /** Rounds nanoseconds to microseconds, half to even, as PostgreSQL's input does. */
    static long roundNanos(long seconds, int nanos) {
        long micros = nanos / 1000;
        int rest = nanos % 1000;
        if (rest > 500 || (rest == 500 && (micros & 1) == 1)) {
            micros++;
        }
        return Math.addExact(Math.multiplyExact(seconds, 1_000_000L), micros);
    }

    /** Returns microseconds since 2000-01-01 00:00 of a local date-time, rounded; may overflow. */
    static long toMicros(LocalDateTime t) {
        long seconds = t.toEpochSecond(ZoneOffset.UTC) - EPOCH_SECOND_2000;
        return roundNanos(seconds, t.getNano());
    }

    static LocalDateTime toLocalDateTime(long micros) {
        long seconds = Math.floorDiv(micros, 1_000_000L);
        int nanos = (int) Math.floorMod(micros, 1_000_000L) * 1000;
        return LocalDateTime.ofEpochSecond(seconds + EPOCH_SECOND_2000, nanos, ZoneOffset.UTC);
    }

    static LocalDate toLocalDate(int days) {
        return LocalDate.ofEpochDay(days + EPOCH_DAY_2000);
    }

    /** Appends a date as ISO output does: year padded to 4 digits, BC years counted from 1. */
    static void appendDate(StringBuilder sb, LocalDate d) {
        int year = d.getYear();
        int shown = year > 0 ? year : 1 - year;
        String y = Integer.toString(shown);
        for (int i = y.length(); i < 4; i++) {
            sb.append('0');
        }
        sb.append(y).append('-');
        pad2(sb, d.getMonthValue()).append('-');
        pad2(sb, d.getDayOfMonth());
    }

    static boolean isBc(LocalDate d) {
        return d.getYear() <= 0;
    }

    /** Appends HH:MM:SS[.ffffff] of a time of day given in microseconds (up to 24:00:00). */
    static void appendTime(StringBuilder sb, long micros) {
        long seconds = micros / 1_000_000L;
        pad2(sb, (int) (seconds / 3600)).append(':');
        pad2(sb, (int) (seconds / 60 % 60)).append(':');
        pad2(sb, (int) (seconds % 60));
        long frac = micros % 1_000_000L;
        if (frac != 0) {
            String digits = Long.toString(1_000_000L + frac).substring(1);
            int end = digits.length();
            while (digits.charAt(end - 1) == '0') {
                end--;
            }
            sb.append('.').append(digits, 0, end);
        }
    }

    static long microsOfDay(LocalTime t) {
        return t.toNanoOfDay() / 1000;
    }

    /** Appends a UTC offset as PostgreSQL does: +HH, then :MM and :SS only when not zero. */
    static void appendOffset(StringBuilder sb, int totalSeconds) {
        int a = Math.abs(totalSeconds);
        sb.append(totalSeconds < 0 ? '-' : '+');
        pad2(sb, a / 3600);
        int min = a / 60 % 60;
        int sec = a % 60;
        if (min != 0 || sec != 0) {
            sb.append(':');
            pad2(sb, min);
        }
        if (sec != 0) {
            sb.append(':');
            pad2(sb, sec);
        }
    }

    static StringBuilder pad2(StringBuilder sb, int v) {
        if (v < 10) {
            sb.append('0');
        }
        return sb.append(v);
    }
}
