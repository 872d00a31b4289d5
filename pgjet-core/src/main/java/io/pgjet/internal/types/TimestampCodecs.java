package io.pgjet.internal.types;

import io.netty.buffer.ByteBuf;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Codecs for {@code timestamp} (LocalDateTime) and {@code timestamptz} (OffsetDateTime in the
 * session time zone).
 *
 * <p>Values are microseconds since 2000-01-01 00:00 (UTC for timestamptz). Java values are
 * rounded half-even to microseconds. {@code infinity} and {@code -infinity} map to the MAX and MIN
 * constants of LocalDateTime, OffsetDateTime and Instant, both ways; values outside 4714-11-24 BC
 * .. 294276-12-31 23:59:59.999999 are rejected when encoding.
 */
final class TimestampCodecs {
    private TimestampCodecs() {
    }

    /**
     * Codec for {@code timestamp}. Also decodes to LocalDate. Encodes LocalDateTime, and
     * Instant/OffsetDateTime/ZonedDateTime converted to the session time zone's local time (as
     * the server's timestamptz-to-timestamp cast does).
     */
    static final class TimestampCodec extends Codec {
        TimestampCodec() {
            super(TypeOids.TIMESTAMP, "timestamp", LocalDateTime.class);
        }

        @Override
        public Object decode(byte[] buf, int off, int len, CodecContext ctx) {
            checkLength(len, 8);
            long micros = PgTime.checkTimestamp(BinaryPrimitives.int8(buf, off), this);
            if (micros == Long.MAX_VALUE) {
                return LocalDateTime.MAX;
            }
            if (micros == Long.MIN_VALUE) {
                return LocalDateTime.MIN;
            }
            return PgTime.toLocalDateTime(micros);
        }

        @Override
        protected Object decodeAs(byte[] buf, int off, int len, Class<?> target, CodecContext ctx) {
            if (target == LocalDate.class) {
                LocalDateTime t = (LocalDateTime) decode(buf, off, len, ctx);
                return t == LocalDateTime.MAX ? LocalDate.MAX : t == LocalDateTime.MIN ? LocalDate.MIN : t.toLocalDate();
            }
            return super.decodeAs(buf, off, len, target, ctx);
        }

        @Override
        public String formatText(Object value, CodecContext ctx) {
            LocalDateTime t = (LocalDateTime) value;
            if (t.equals(LocalDateTime.MAX)) {
                return "infinity";
            }
            if (t.equals(LocalDateTime.MIN)) {
                return "-infinity";
            }
            return isoText(PgTime.toLocalDateTime(PgTime.toMicros(t)), null);
        }

        @Override
        public void encode(Object value, ByteBuf out, CodecContext ctx) {
            LocalDateTime t;
            if (value instanceof LocalDateTime) {
                t = (LocalDateTime) value;
            } else if (value instanceof Instant) {
                t = infinite((Instant) value, out) ? null : LocalDateTime.ofInstant((Instant) value, ctx.timeZone());
            } else if (value instanceof OffsetDateTime) {
                OffsetDateTime o = (OffsetDateTime) value;
                t = infinite(o, out) ? null : o.atZoneSameInstant(ctx.timeZone()).toLocalDateTime();
            } else if (value instanceof ZonedDateTime) {
                t = ((ZonedDateTime) value).withZoneSameInstant(ctx.timeZone()).toLocalDateTime();
            } else {
                throw cannotEncode(value);
            }
            if (t != null) {
                writeLocal(t, out, this);
            }
        }

        @Override
        public boolean canEncode(Class<?> type) {
            return type == LocalDateTime.class || type == Instant.class || type == OffsetDateTime.class
                    || type == ZonedDateTime.class;
        }
    }

    /**
     * Codec for {@code timestamptz}. Decodes to OffsetDateTime at the session zone's offset, and
     * to Instant, ZonedDateTime (session zone) or LocalDateTime (session zone). Encodes those
     * four; a LocalDateTime is taken as local time in the session zone, as the server takes a
     * literal without offset.
     */
    static final class TimestampTzCodec extends Codec {
        TimestampTzCodec() {
            super(TypeOids.TIMESTAMPTZ, "timestamptz", OffsetDateTime.class);
        }

        @Override
        public Object decode(byte[] buf, int off, int len, CodecContext ctx) {
            checkLength(len, 8);
            long micros = PgTime.checkTimestamp(BinaryPrimitives.int8(buf, off), this);
            if (micros == Long.MAX_VALUE) {
                return OffsetDateTime.MAX;
            }
            if (micros == Long.MIN_VALUE) {
                return OffsetDateTime.MIN;
            }
            Instant instant = toInstant(micros);
            ZoneId zone = ctx.timeZone();
            ZoneOffset offset = zone instanceof ZoneOffset ? (ZoneOffset) zone : zone.getRules().getOffset(instant);
            return OffsetDateTime.ofInstant(instant, offset);
        }

        @Override
        protected Object decodeAs(byte[] buf, int off, int len, Class<?> target, CodecContext ctx) {
            checkLength(len, 8);
            long micros = PgTime.checkTimestamp(BinaryPrimitives.int8(buf, off), this);
            boolean inf = micros == Long.MAX_VALUE || micros == Long.MIN_VALUE;
            if (target == Instant.class) {
                return inf ? (micros > 0 ? Instant.MAX : Instant.MIN) : toInstant(micros);
            }
            if (target == LocalDateTime.class) {
                return inf ? (micros > 0 ? LocalDateTime.MAX : LocalDateTime.MIN)
                        : LocalDateTime.ofInstant(toInstant(micros), ctx.timeZone());
            }
            if (target == ZonedDateTime.class) {
                if (inf) {
                    throw DateTimeCodecs.unsupportedInfinity(this, target);
                }
                return ZonedDateTime.ofInstant(toInstant(micros), ctx.timeZone());
            }
            return super.decodeAs(buf, off, len, target, ctx);
        }

        @Override
        public String formatText(Object value, CodecContext ctx) {
            OffsetDateTime t = (OffsetDateTime) value;
            if (t.equals(OffsetDateTime.MAX)) {
                return "infinity";
            }
            if (t.equals(OffsetDateTime.MIN)) {
                return "-infinity";
            }
            Instant instant = toInstant(roundedMicros(t.toInstant(), this));
            ZoneOffset offset = ctx.timeZone().getRules().getOffset(instant);
            return isoText(LocalDateTime.ofInstant(instant, offset), offset);
        }

        @Override
        public void encode(Object value, ByteBuf out, CodecContext ctx) {
            Instant instant;
            if (value instanceof OffsetDateTime) {
                if (infinite((OffsetDateTime) value, out)) {
                    return;
                }
                instant = ((OffsetDateTime) value).toInstant();
            } else if (value instanceof Instant) {
                if (infinite((Instant) value, out)) {
                    return;
                }
                instant = (Instant) value;
            } else if (value instanceof ZonedDateTime) {
                instant = ((ZonedDateTime) value).toInstant();
            } else if (value instanceof LocalDateTime) {
                LocalDateTime t = (LocalDateTime) value;
                if (t.equals(LocalDateTime.MAX) || t.equals(LocalDateTime.MIN)) {
                    out.writeLong(t.equals(LocalDateTime.MAX) ? Long.MAX_VALUE : Long.MIN_VALUE);
                    return;
                }
                instant = t.atZone(ctx.timeZone()).toInstant();
            } else {
                throw cannotEncode(value);
            }
            out.writeLong(roundedMicros(instant, this));
        }

        @Override
        public boolean canEncode(Class<?> type) {
            return type == OffsetDateTime.class || type == Instant.class || type == ZonedDateTime.class
                    || type == LocalDateTime.class;
        }
    }

    static Instant toInstant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L) + PgTime.EPOCH_SECOND_2000,
                Math.floorMod(micros, 1_000_000L) * 1000L);
    }

    private static boolean infinite(Instant i, ByteBuf out) {
        if (i.equals(Instant.MAX) || i.equals(Instant.MIN)) {
            out.writeLong(i.equals(Instant.MAX) ? Long.MAX_VALUE : Long.MIN_VALUE);
            return true;
        }
        return false;
    }

    private static boolean infinite(OffsetDateTime t, ByteBuf out) {
        if (t.equals(OffsetDateTime.MAX) || t.equals(OffsetDateTime.MIN)) {
            out.writeLong(t.equals(OffsetDateTime.MAX) ? Long.MAX_VALUE : Long.MIN_VALUE);
            return true;
        }
        return false;
    }

    static long roundedMicros(Instant instant, Codec codec) {
        long micros;
        try {
            micros = PgTime.roundNanos(instant.getEpochSecond() - PgTime.EPOCH_SECOND_2000, instant.getNano());
        } catch (ArithmeticException e) {
            throw codec.outOfRange(instant, "(timestamp range is 4714-11-24 BC to 294276-12-31)");
        }
        check(micros, instant, codec);
        return micros;
    }

    private static void writeLocal(LocalDateTime t, ByteBuf out, Codec codec) {
        if (t.equals(LocalDateTime.MAX) || t.equals(LocalDateTime.MIN)) {
            out.writeLong(t.equals(LocalDateTime.MAX) ? Long.MAX_VALUE : Long.MIN_VALUE);
            return;
        }
        long micros;
        try {
            micros = PgTime.toMicros(t);
        } catch (ArithmeticException e) {
            throw codec.outOfRange(t, "(timestamp range is 4714-11-24 BC to 294276-12-31)");
        }
        check(micros, t, codec);
        out.writeLong(micros);
    }

    private static void check(long micros, Object value, Codec codec) {
        if (micros < PgTime.MIN_TIMESTAMP || micros >= PgTime.END_TIMESTAMP) {
            throw codec.outOfRange(value, "(timestamp range is 4714-11-24 BC to 294276-12-31)");
        }
    }

    /** Renders ISO output: date, time, optional offset, then " BC" for years before 1. */
    static String isoText(LocalDateTime t, ZoneOffset offset) {
        StringBuilder sb = new StringBuilder(32);
        PgTime.appendDate(sb, t.toLocalDate());
        sb.append(' ');
        PgTime.appendTime(sb, t.toLocalTime().toNanoOfDay() / 1000);
        if (offset != null) {
            PgTime.appendOffset(sb, offset.getTotalSeconds());
        }
        if (PgTime.isBc(t.toLocalDate())) {
            sb.append(" BC");
        }
        return sb.toString();
    }
}
