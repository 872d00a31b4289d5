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
            double d = checkedDouble((Number) value, this);
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
                return narrow(d, this);
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
            out.writeDouble(checkedDouble((Number) value, this));
        }

        @Override
        public boolean canEncode(Class<?> type) {
            return Numbers.isNumber(type);
        }
    }

    /**
     * Returns a number as a double; a value of another class than Double/Float that is beyond the
     * double range, or non-zero but below it (BigDecimal 1e400, 1e-400), is refused as the
     * server's cast refuses it, instead of becoming an infinity or zero.
     */
    static double checkedDouble(Number value, Codec codec) {
        double d = value.doubleValue();
        if (value instanceof Double || value instanceof Float) {
            return d; // NaN and the infinities travel unchanged
        }
        if (Double.isInfinite(d)) {
            throw codec.outOfRange(value, "(overflows " + codec.typeName() + ")");
        }
        if (d == 0 && !Numbers.isZero(value)) {
            throw codec.outOfRange(value, "(underflows " + codec.typeName() + ")");
        }
        return d;
    }

    /** Narrows a double read from the server to Float, refusing a finite value Float cannot hold. */
    static float narrow(double d, Codec codec) {
        float f = (float) d;
        if (Double.isFinite(d) && (Float.isInfinite(f) || (f == 0 && d != 0))) {
            throw new PgInterfaceException("cannot decode " + codec.typeName() + " value " + d
                    + " as java.lang.Float: it is outside Float's range (read it as Double)");
        }
        return f;
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
