package io.pgjet.internal.types;

import io.netty.buffer.ByteBuf;
import io.pgjet.PgInterfaceException;
import io.pgjet.types.PgLsn;
import io.pgjet.types.PgSnapshot;
import io.pgjet.types.PgTid;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** Codecs for pg_lsn, tid, pg_snapshot/txid_snapshot and money. */
final class MiscCodecs {
    private MiscCodecs() {
    }

    /** Codec for {@code pg_lsn}: PgLsn (uint64). */
    static final class LsnCodec extends Codec {
        LsnCodec() {
            super(TypeOids.PG_LSN, "pg_lsn", PgLsn.class);
        }

        @Override
        public Object decode(byte[] buf, int off, int len, CodecContext ctx) {
            checkLength(len, 8);
            return new PgLsn(BinaryPrimitives.int8(buf, off));
        }

        @Override
        protected Object decodeAs(byte[] buf, int off, int len, Class<?> target, CodecContext ctx) {
            if (target == Long.class) {
                checkLength(len, 8);
                return BinaryPrimitives.int8(buf, off);
            }
            return super.decodeAs(buf, off, len, target, ctx);
        }

        @Override
        public void encode(Object value, ByteBuf out, CodecContext ctx) {
            if (!(value instanceof PgLsn)) {
                throw cannotEncode(value);
            }
            out.writeLong(((PgLsn) value).value());
        }

        @Override
        public boolean canEncode(Class<?> type) {
            return type == PgLsn.class;
        }
    }

    /** Codec for {@code tid}: PgTid (uint32 block, uint16 offset). */
    static final class TidCodec extends Codec {
        TidCodec() {
            super(TypeOids.TID, "tid", PgTid.class);
        }

        @Override
        public Object decode(byte[] buf, int off, int len, CodecContext ctx) {
            checkLength(len, 6);
            return new PgTid(BinaryPrimitives.uint4(buf, off), BinaryPrimitives.int2(buf, off + 4) & 0xffff);
        }

        @Override
        public void encode(Object value, ByteBuf out, CodecContext ctx) {
            if (!(value instanceof PgTid)) {
                throw cannotEncode(value);
            }
            PgTid t = (PgTid) value;
            out.writeInt((int) t.block()).writeShort(t.offset());
        }

        @Override
        public boolean canEncode(Class<?> type) {
            return type == PgTid.class;
        }
    }

    /** Codec for {@code pg_snapshot} and {@code txid_snapshot}: PgSnapshot. */
    static final class SnapshotCodec extends Codec {
        SnapshotCodec(int oid, String name) {
            super(oid, name, PgSnapshot.class);
        }

        @Override
        public Object decode(byte[] buf, int off, int len, CodecContext ctx) {
            if (len < 20) {
                throw malformed("too short");
            }
            int n = BinaryPrimitives.int4(buf, off);
            if (n < 0 || len != 20 + 8L * n) {
                throw malformed(n + " transaction ids do not fit in " + len + " bytes");
            }
            List<Long> xip = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                xip.add(BinaryPrimitives.int8(buf, off + 20 + 8 * i));
            }
            return new PgSnapshot(BinaryPrimitives.int8(buf, off + 4), BinaryPrimitives.int8(buf, off + 12), xip);
        }

        @Override
        public void encode(Object value, ByteBuf out, CodecContext ctx) {
            if (!(value instanceof PgSnapshot)) {
                throw cannotEncode(value);
            }
            PgSnapshot s = (PgSnapshot) value;
            out.writeInt(s.xip().size()).writeLong(s.xmin()).writeLong(s.xmax());
            for (long x : s.xip()) {
                out.writeLong(x);
            }
        }

        @Override
        public boolean canEncode(Class<?> type) {
            return type == PgSnapshot.class;
        }
    }

    /**
     * Codec for {@code money}: BigDecimal with scale 2 (int64 cents on the wire). This assumes
     * {@code lc_monetary} has two fractional digits (C, en_US and most locales); the text form
     * is rendered as the C locale does ({@code $1,234.56}). Encodes BigDecimal, BigInteger and the
     * integer wrappers (as whole currency units) and Double/Float; more than two decimals are
     * rounded half-up, as the server's money input does.
     */
    static final class MoneyCodec extends Codec {
        private static final BigDecimal MIN = BigDecimal.valueOf(Long.MIN_VALUE, 2);
        private static final BigDecimal MAX = BigDecimal.valueOf(Long.MAX_VALUE, 2);

        MoneyCodec() {
            super(TypeOids.MONEY, "money", BigDecimal.class);
        }

        @Override
        public Object decode(byte[] buf, int off, int len, CodecContext ctx) {
            checkLength(len, 8);
            return BigDecimal.valueOf(BinaryPrimitives.int8(buf, off), 2);
        }

        @Override
        protected Object decodeAs(byte[] buf, int off, int len, Class<?> target, CodecContext ctx) {
            if (target == Double.class) {
                return ((BigDecimal) decode(buf, off, len, ctx)).doubleValue();
            }
            return super.decodeAs(buf, off, len, target, ctx);
        }

        @Override
        public String formatText(Object value, CodecContext ctx) {
            BigDecimal v = (BigDecimal) value;
            String digits = v.unscaledValue().abs().toString();
            while (digits.length() < 3) {
                digits = "0" + digits;
            }
            String units = digits.substring(0, digits.length() - 2);
            StringBuilder sb = new StringBuilder();
            if (v.signum() < 0) {
                sb.append('-');
            }
            sb.append('$');
            for (int i = 0; i < units.length(); i++) {
                if (i > 0 && (units.length() - i) % 3 == 0) {
                    sb.append(',');
                }
                sb.append(units.charAt(i));
            }
            return sb.append('.').append(digits, digits.length() - 2, digits.length()).toString();
        }

        @Override
        public void encode(Object value, ByteBuf out, CodecContext ctx) {
            BigDecimal v;
            if (value instanceof BigDecimal) {
                v = (BigDecimal) value;
            } else if (value instanceof BigInteger) {
                v = new BigDecimal((BigInteger) value);
            } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                    || value instanceof Byte) {
                v = BigDecimal.valueOf(((Number) value).longValue());
            } else if (value instanceof Double || value instanceof Float) {
                double d = ((Number) value).doubleValue();
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    throw new PgInterfaceException("cannot encode " + value + " as money");
                }
                v = new BigDecimal(FloatText.float8(d));
            } else {
                throw cannotEncode(value);
            }
            BigDecimal cents = v.setScale(2, RoundingMode.HALF_UP);
            if (cents.compareTo(MIN) < 0 || cents.compareTo(MAX) > 0) {
                throw outOfRange(value, "(money is a 64-bit count of cents)");
            }
            out.writeLong(cents.unscaledValue().longValue());
        }

        @Override
        public boolean canEncode(Class<?> type) {
            return Numbers.isNumber(type);
        }
    }
}
