package io.pgjet.internal.types;

import io.netty.buffer.ByteBuf;
import io.pgjet.PgInterfaceException;
import java.math.BigDecimal;

/**
 * Codecs for {@code float4} (Float) and {@code float8} (Double). NaN, both infinities and -0.0
 * travel unchanged. Encoding accepts any {@link Number}; a value that overflows or underflows
 * float4 is rejected, as PostgreSQL's float8-to-float4 cast rejects it.
 */
final class FloatCodecs {
    private FloatCodecs() {
    }

    /** Codec for {@code float4}. */
    static final class Float4Codec extends Codec {
        Float4Codec() {
            super(TypeOids.FLOAT4, "float4", Float.class);
        }

        @Override
        public Object decode(byte[] buf, int off, int len, CodecContext ctx) {
            checkLength(len, 4);
            return BinaryPrimitives.float4(buf, off);
        }

        @Override
        protected Object decodeAs(byte[] buf, int off, int len, Class<?> target, CodecContext ctx) {
            checkLength(len, 4);
            float f = BinaryPrimitives.float4(buf, off);
            if (target == Double.class) {
                return (double) f;
            }
            if (target == BigDecimal.class) {
                return toBigDecimal(f, this);
            }
            return super.decodeAs(buf, off, len, target, ctx);
        }

        @Override
        public String formatText(Object value, CodecContext ctx) {
            return FloatText.float4((Float) value);
        }

        @Override
        public void encode(Object value, ByteBuf out, CodecContext ctx) {
            if (value instanceof Float) {
                out.writeFloat((Float) value);
                return;
            }
            if (!(value instanceof Number)) {
                throw cannotEncode(value);
            }
            double d = ((Number) value).doubleValue();
            float f = (float) d;
            if (Float.isInfinite(f) && !Double.isInfinite(d)) {
                throw outOfRange(value, "(overflows float4)");
            }
            if (f == 0 && d != 0) {
                throw outOfRange(value, "(underflows float4)");
            }
            out.writeFloat(f);
        }

        @Override
        public boolean canEncode(Class<?> type) {
            return Numbers.isNumber(type);
        }
    }

    /** Codec for {@code float8}. */
    static final class Float8Codec extends Codec {
        Float8Codec() {
            super(TypeOids.FLOAT8, "float8", Double.class);
        }

        @Override
        public Object decode(byte[] buf, int off, int len, CodecContext ctx) {
            checkLength(len, 8);
            return BinaryPrimitives.float8(buf, off);
        }

        @Override
        protected Object decodeAs(byte[] buf, int off, int len, Class<?> target, CodecContext ctx) {
            checkLength(len, 8);
            double d = BinaryPrimitives.float8(buf, off);
            if (target == Float.class) {
                return (float) d;
            }
            if (target == BigDecimal.class) {
                return toBigDecimal(d, this);
            }
            return super.decodeAs(buf, off, len, target, ctx);
        }

        @Override
        public String formatText(Object value, CodecContext ctx) {
            return FloatText.float8((Double) value);
        }

        @Override
        public void encode(Object value, ByteBuf out, CodecContext ctx) {
            if (!(value instanceof Number)) {
                throw cannotEncode(value);
            }
            out.writeDouble(((Number) value).doubleValue());
        }

        @Override
        public boolean canEncode(Class<?> type) {
            return Numbers.isNumber(type);
        }
    }

    /** Converts a finite float to the BigDecimal of its shortest text, e.g. 0.1f to 0.1. */
    static BigDecimal toBigDecimal(double d, Codec codec) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new PgInterfaceException("cannot decode " + codec.typeName() + " " + d + " as java.math.BigDecimal");
        }
        String text = codec.oid() == TypeOids.FLOAT4 ? FloatText.float4((float) d) : FloatText.float8(d);
        return new BigDecimal(text.startsWith("-0") && d == 0 ? "0" : text);
    }
}
