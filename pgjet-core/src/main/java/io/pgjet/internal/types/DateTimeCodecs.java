package io.pgjet.internal.types;

import io.netty.buffer.ByteBuf;
import io.pgjet.PgInterfaceException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;

/**
 * Codecs for {@code date} (LocalDate), {@code time} (LocalTime) and {@code timetz}
 * (OffsetTime).
 *
 * <p>Dates use the proleptic Gregorian calendar, as PostgreSQL does: year 0 is 1 BC. The
 * infinite dates map to {@link LocalDate#MAX} and {@link LocalDate#MIN} both ways. Dates outside
 * 4714-11-24 BC .. 5874897-12-31 are rejected. Times are rounded half-even to microseconds;
 * {@code 24:00:00} decodes to {@link LocalTime#MAX}, and values that round up to midnight of
 * the next day are sent as {@code 24:00:00}.
 */
final class DateTimeCodecs {
    private DateTimeCodecs() {
    }

    /** Codec for {@code date}. Also decodes to LocalDateTime (start of day). */
    static final class DateCodec extends Codec {
        DateCodec() {
            super(TypeOids.DATE, "date", LocalDate.class);
        }

        @Override
        public Object decode(byte[] buf, int off, int len, CodecContext ctx) {
            checkLength(len, 4);
            int days = BinaryPrimitives.int4(buf, off);
            if (days == Integer.MAX_VALUE) {
                return LocalDate.MAX;
            }
            if (days == Integer.MIN_VALUE) {
                return LocalDate.MIN;
            }
            return PgTime.toLocalDate(days);
        }

        @Override
        protected Object decodeAs(byte[] buf, int off, int len, Class<?> target, CodecContext ctx) {
            if (target == LocalDateTime.class) {
                LocalDate d = (LocalDate) decode(buf, off, len, ctx);
                return d == LocalDate.MAX ? LocalDateTime.MAX : d == LocalDate.MIN ? LocalDateTime.MIN : d.atStartOfDay();
            }
            return super.decodeAs(buf, off, len, target, ctx);
        }

        @Override
        public String formatText(Object value, CodecContext ctx) {
            LocalDate d = (LocalDate) value;
            if (d.equals(LocalDate.MAX)) {
                return "infinity";
            }
            if (d.equals(LocalDate.MIN)) {
                return "-infinity";
            }
            StringBuilder sb = new StringBuilder(16);
            PgTime.appendDate(sb, d);
            if (PgTime.isBc(d)) {
                sb.append(" BC");
            }
            return sb.toString();
        }

        @Override
        public void encode(Object value, ByteBuf out, CodecContext ctx) {
            if (!(value instanceof LocalDate)) {
                throw cannotEncode(value);
            }
            LocalDate d = (LocalDate) value;
            if (d.equals(LocalDate.MAX)) {
                out.writeInt(Integer.MAX_VALUE);
            } else if (d.equals(LocalDate.MIN)) {
                out.writeInt(Integer.MIN_VALUE);
            } else {
                long days = d.toEpochDay() - PgTime.EPOCH_DAY_2000;
                if (days < PgTime.MIN_DATE || days >= PgTime.END_DATE) {
                    throw outOfRange(value, "(date range is 4714-11-24 BC to 5874897-12-31)");
                }
                out.writeInt((int) days);
            }
        }

        @Override
        public boolean canEncode(Class<?> type) {
            return type == LocalDate.class;
        }
    }

    /** Codec for {@code time}. */
    static final class TimeCodec extends Codec {
        TimeCodec() {
            super(TypeOids.TIME, "time", LocalTime.class);
        }

        @Override
        public Object decode(byte[] buf, int off, int len, CodecContext ctx) {
            checkLength(len, 8);
            return toLocalTime(BinaryPrimitives.int8(buf, off), this);
        }

        @Override
        public String decodeText(byte[] buf, int off, int len, CodecContext ctx) {
            checkLength(len, 8);
            long micros = BinaryPrimitives.int8(buf, off);
            toLocalTime(micros, this); // range check: the server sends 0 to 24:00:00
            StringBuilder sb = new StringBuilder(15);
            PgTime.appendTime(sb, micros);
            return sb.toString();
        }

        @Override
        public String formatText(Object value, CodecContext ctx) {
            StringBuilder sb = new StringBuilder(15);
            PgTime.appendTime(sb, roundTime((LocalTime) value));
            return sb.toString();
        }

        @Override
        public void encode(Object value, ByteBuf out, CodecContext ctx) {
            if (!(value instanceof LocalTime)) {
                throw cannotEncode(value);
            }
            out.writeLong(roundTime((LocalTime) value));
        }

        @Override
        public boolean canEncode(Class<?> type) {
            return type == LocalTime.class;
        }
    }

    /** Codec for {@code timetz}: the offset travels as seconds west of UTC. */
    static final class TimeTzCodec extends Codec {
        TimeTzCodec() {
            super(TypeOids.TIMETZ, "timetz", OffsetTime.class);
        }

        @Override
        public Object decode(byte[] buf, int off, int len, CodecContext ctx) {
            checkLength(len, 12);
            LocalTime t = toLocalTime(BinaryPrimitives.int8(buf, off), this);
            int west = BinaryPrimitives.int4(buf, off + 8);
            try {
                return OffsetTime.of(t, ZoneOffset.ofTotalSeconds(-west));
            } catch (java.time.DateTimeException e) {
                throw malformed("zone offset " + (-west) + " s");
            }
        }

        @Override
        protected Object decodeAs(byte[] buf, int off, int len, Class<?> target, CodecContext ctx) {
            if (target == LocalTime.class) {
                return ((OffsetTime) decode(buf, off, len, ctx)).toLocalTime();
            }
            return super.decodeAs(buf, off, len, target, ctx);
        }

        @Override
        public String decodeText(byte[] buf, int off, int len, CodecContext ctx) {
            checkLength(len, 12);
            StringBuilder sb = new StringBuilder(24);
            PgTime.appendTime(sb, BinaryPrimitives.int8(buf, off));
            PgTime.appendOffset(sb, -BinaryPrimitives.int4(buf, off + 8));
            return sb.toString();
        }

        @Override
        public String formatText(Object value, CodecContext ctx) {
            OffsetTime t = (OffsetTime) value;
            StringBuilder sb = new StringBuilder(24);
            PgTime.appendTime(sb, roundTime(t.toLocalTime()));
            PgTime.appendOffset(sb, t.getOffset().getTotalSeconds());
            return sb.toString();
        }

        @Override
        public void encode(Object value, ByteBuf out, CodecContext ctx) {
            if (!(value instanceof OffsetTime)) {
                throw cannotEncode(value);
            }
            OffsetTime t = (OffsetTime) value;
            out.writeLong(roundTime(t.toLocalTime()));
            out.writeInt(-t.getOffset().getTotalSeconds());
        }

        @Override
        public boolean canEncode(Class<?> type) {
            return type == OffsetTime.class;
        }
    }

    static LocalTime toLocalTime(long micros, Codec codec) {
        if (micros == PgTime.MICROS_PER_DAY) {
            return LocalTime.MAX;
        }
        if (micros < 0 || micros > PgTime.MICROS_PER_DAY) {
            throw new io.pgjet.PgProtocolException("malformed binary " + codec.typeName() + " value: " + micros
                    + " microseconds is not a time of day");
        }
        return LocalTime.ofNanoOfDay(micros * 1000);
    }

    /** Rounds a time to microseconds half-even; 23:59:59.9999995 and later become 24:00:00. */
    static long roundTime(LocalTime t) {
        long nanos = t.toNanoOfDay();
        long micros = nanos / 1000;
        long rest = nanos % 1000;
        if (rest > 500 || (rest == 500 && (micros & 1) == 1)) {
            micros++;
        }
        return micros;
    }

    static PgInterfaceException unsupportedInfinity(Codec codec, Class<?> target) {
        return new PgInterfaceException("cannot decode " + codec.typeName() + " infinity as " + target.getName());
    }
}
