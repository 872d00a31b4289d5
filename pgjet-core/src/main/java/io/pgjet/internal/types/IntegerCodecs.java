package io.pgjet.internal.types;

import io.netty.buffer.ByteBuf;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Codecs for bool and the integer types: int2, int4, int8, the unsigned 32-bit types (oid,
 * xid, cid and the reg* OID aliases) and xid8.
 *
 * <p>Integers decode to their natural wrapper and to any other number class the value fits in;
 * they encode from any {@link Number} whose value is an exact integer within the type's range.
 */
final class IntegerCodecs {
    private IntegerCodecs() {
    }

    /** Codec for {@code bool}: Boolean. */
    static final class BoolCodec extends Codec {
        BoolCodec() {
            super(TypeOids.BOOL, "bool", Boolean.class);
        }

        @Override
        public Object decode(byte[] buf, int off, int len, CodecContext ctx) {
            checkLength(len, 1);
            return buf[off] != 0;
        }

        @Override
        public String formatText(Object value, CodecContext ctx) {
            return (Boolean) value ? "t" : "f";
        }

        @Override
        public void encode(Object value, ByteBuf out, CodecContext ctx) {
            if (!(value instanceof Boolean)) {
                throw cannotEncode(value);
            }
            out.writeByte((Boolean) value ? 1 : 0);
        }

        @Override
        public boolean canEncode(Class<?> type) {
            return type == Boolean.class;
        }
    }

    /** Base of the signed integer codecs. */
    abstract static class SignedCodec extends Codec {
        private final int size;
        private final long min;
        private final long max;

        SignedCodec(int oid, String name, Class<?> javaType, int size, long min, long max) {
            super(oid, name, javaType);
            this.size = size;
            this.min = min;
            this.max = max;
        }

        abstract long read(byte[] buf, int off);

        @Override
        protected Object decodeAs(byte[] buf, int off, int len, Class<?> target, CodecContext ctx) {
            checkLength(len, size);
            Object v = Numbers.fromLong(read(buf, off), target, this);
            return v != null ? v : super.decodeAs(buf, off, len, target, ctx);
        }

        @Override
        public void encode(Object value, ByteBuf out, CodecContext ctx) {
            long v = Numbers.toLongExact(value, this);
            if (v < min || v > max) {
                throw outOfRange(value, "(range " + min + ".." + max + ")");
            }
            switch (size) {
                case 2:
                    out.writeShort((int) v);
                    break;
                case 4:
                    out.writeInt((int) v);
                    break;
                default:
                    out.writeLong(v);
            }
        }

        @Override
        public boolean canEncode(Class<?> type) {
            return Numbers.isNumber(type);
        }
    }

    /** Codec for {@code int2}: Short. */
    static final class Int2Codec extends SignedCodec {
        Int2Codec() {
            super(TypeOids.INT2, "int2", Short.class, 2, Short.MIN_VALUE, Short.MAX_VALUE);
        }

        @Override
        long read(byte[] buf, int off) {
            return BinaryPrimitives.int2(buf, off);
        }

        @Override
        public Object decode(byte[] buf, int off, int len, CodecContext ctx) {
            checkLength(len, 2);
            return BinaryPrimitives.int2(buf, off);
        }
    }

    /** Codec for {@code int4}: Integer. */
    static final class Int4Codec extends SignedCodec {
        Int4Codec() {
            super(TypeOids.INT4, "int4", Integer.class, 4, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }

        @Override
        long read(byte[] buf, int off) {
            return BinaryPrimitives.int4(buf, off);
        }

        @Override
        public Object decode(byte[] buf, int off, int len, CodecContext ctx) {
            checkLength(len, 4);
            return BinaryPrimitives.int4(buf, off);
        }

        @Override
        public void encode(Object value, ByteBuf out, CodecContext ctx) {
            if (value instanceof Integer) {
                out.writeInt((Integer) value);
            } else {
                super.encode(value, out, ctx);
            }
        }
    }

    /** Codec for {@code int8}: Long. */
    static final class Int8Codec extends SignedCodec {
        Int8Codec() {
            super(TypeOids.INT8, "int8", Long.class, 8, Long.MIN_VALUE, Long.MAX_VALUE);
        }

        @Override
        long read(byte[] buf, int off) {
            return BinaryPrimitives.int8(buf, off);
        }

        @Override
        public Object decode(byte[] buf, int off, int len, CodecContext ctx) {
            checkLength(len, 8);
            return BinaryPrimitives.int8(buf, off);
        }

        @Override
        public void encode(Object value, ByteBuf out, CodecContext ctx) {
            if (value instanceof Long) {
                out.writeLong((Long) value);
            } else {
                super.encode(value, out, ctx);
            }
        }
    }

    /**
     * Codec for the unsigned 32-bit types (oid, xid, cid, regclass and the other reg* types):
     * Long in 0..4294967295. An Integer parameter is taken as the unsigned value of its bits, so
     * -1 means 4294967295 as in PostgreSQL's own input. The text form is the number (reg* names
     * are not resolved: cast to text in SQL to get them).
     */
    static final class Unsigned32Codec extends SignedCodec {
        Unsigned32Codec(int oid, String name) {
            super(oid, name, Long.class, 4, 0, 0xffffffffL);
        }

        @Override
        long read(byte[] buf, int off) {
            return BinaryPrimitives.uint4(buf, off);
        }

        @Override
        public Object decode(byte[] buf, int off, int len, CodecContext ctx) {
            checkLength(len, 4);
            return BinaryPrimitives.uint4(buf, off);
        }

        @Override
        public void encode(Object value, ByteBuf out, CodecContext ctx) {
            if (value instanceof Integer) {
                out.writeInt((Integer) value);
            } else {
                super.encode(value, out, ctx);
            }
        }
    }

    /**
     * Codec for {@code xid8}: Long (an unsigned 64-bit value; BigInteger is available for values
     * above {@code Long.MAX_VALUE}, which need an epoch above 2^31 and do not occur in practice).
     */
    static final class Xid8Codec extends Codec {
        private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

        Xid8Codec() {
            super(TypeOids.XID8, "xid8", Long.class);
        }

        @Override
        public Object decode(byte[] buf, int off, int len, CodecContext ctx) {
            checkLength(len, 8);
            long v = BinaryPrimitives.int8(buf, off);
            if (v < 0) {
                throw new io.pgjet.PgInterfaceException("xid8 value " + Long.toUnsignedString(v)
                        + " does not fit in a Long: read it as BigInteger");
            }
            return v;
        }

        @Override
        protected Object decodeAs(byte[] buf, int off, int len, Class<?> target, CodecContext ctx) {
            checkLength(len, 8);
            long v = BinaryPrimitives.int8(buf, off);
            if (target == BigInteger.class) {
                BigInteger b = BigInteger.valueOf(v);
                return v < 0 ? b.add(TWO_64) : b;
            }
            if (target == BigDecimal.class) {
                return new BigDecimal((BigInteger) decodeAs(buf, off, len, BigInteger.class, ctx));
            }
            return super.decodeAs(buf, off, len, target, ctx);
        }

        @Override
        public String decodeText(byte[] buf, int off, int len, CodecContext ctx) {
            checkLength(len, 8);
            return Long.toUnsignedString(BinaryPrimitives.int8(buf, off));
        }

        @Override
        public void encode(Object value, ByteBuf out, CodecContext ctx) {
            if (value instanceof BigInteger) {
                BigInteger b = (BigInteger) value;
                if (b.signum() < 0 || b.bitLength() > 64) {
                    throw outOfRange(value, "(range 0..2^64-1)");
                }
                out.writeLong(b.longValue());
                return;
            }
            long v = Numbers.toLongExact(value, this);
            if (v < 0) {
                throw outOfRange(value, "(xid8 is unsigned)");
            }
            out.writeLong(v);
        }

        @Override
        public boolean canEncode(Class<?> type) {
            return Numbers.isNumber(type);
        }
    }
}
