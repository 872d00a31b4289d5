package io.pgjet.internal.types;

import io.netty.buffer.ByteBuf;
import io.pgjet.PgInterfaceException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Codec for {@code numeric}: BigDecimal whose scale is the value's display scale.
 *
 * <p>Wire format: int16 ndigits, int16 weight, uint16 sign, uint16 dscale, then ndigits base-10000
 * digits, most significant first; the value is {@code sum(digit[i] * 10000^(weight - i))}. The
 * server strips leading and trailing zero digits, and so does the encoder, so encoded bytes equal
 * {@code numeric_send}'s.
 *
 * <p>Special values: NaN, Infinity and -Infinity (PostgreSQL 14+) decode to the Double constants
 * by default (BigDecimal cannot hold them; asking for BigDecimal throws) and encode from the
 * Double/Float constants or the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}.
 * A BigDecimal with a negative scale is sent with scale 0 (the format has no negative display
 * scale): {@code 1E+3} is sent as {@code 1000}.
 */
final class NumericCodec extends Codec {
    private static final int POS = 0x0000;
    private static final int NEG = 0x4000;
    private static final int NAN = 0xC000;
    private static final int PINF = 0xD000;
    private static final int NINF = 0xF000;
    private static final int MAX_DSCALE = 0x3FFF;
    private static final long[] POW10 = {1, 10, 100, 1000, 10_000};

    NumericCodec() {
        super(TypeOids.NUMERIC, "numeric", BigDecimal.class);
    }

    @Override
    public Object decode(byte[] buf, int off, int len, CodecContext ctx) {
        int sign = header(buf, off, len);
        switch (sign) {
            case NAN:
                return Double.NaN;
            case PINF:
                return Double.POSITIVE_INFINITY;
            case NINF:
                return Double.NEGATIVE_INFINITY;
            default:
                return toBigDecimal(buf, off, sign);
        }
    }

    @Override
    protected Object decodeAs(byte[] buf, int off, int len, Class<?> target, CodecContext ctx) {
        int sign = header(buf, off, len);
        boolean special = sign == NAN || sign == PINF || sign == NINF;
        if (target == Double.class || target == Float.class) {
            if (special) {
                double d = (Double) decode(buf, off, len, ctx);
                return target == Double.class ? (Object) d : (Object) (float) d;
            }
            BigDecimal exact = toBigDecimal(buf, off, sign);
            double d = exact.doubleValue();
            if (Double.isInfinite(d) || (d == 0 && exact.signum() != 0)) {
                throw new PgInterfaceException("cannot decode numeric " + exact + " as " + target.getName()
                        + ": it is outside the range of double (read it as BigDecimal)");
            }
            return target == Double.class ? (Object) d : (Object) FloatCodecs.narrow(d, this);
        }
        if (special) {
            throw new PgInterfaceException("cannot decode numeric " + decodeText(buf, off, len, ctx) + " as "
                    + target.getName() + ": only Double and String can hold it");
        }
        BigDecimal v = toBigDecimal(buf, off, sign);
        try {
            if (target == BigInteger.class) {
                return v.toBigIntegerExact();
            } else if (target == Long.class) {
                return v.longValueExact();
            } else if (target == Integer.class) {
                return v.intValueExact();
            } else if (target == Short.class) {
                return v.shortValueExact();
            } else if (target == Number.class) {
                return v;
            }
        } catch (ArithmeticException e) {
            throw new PgInterfaceException("numeric value " + v.toPlainString() + " does not fit in "
                    + target.getName(), e);
        }
        return super.decodeAs(buf, off, len, target, ctx);
    }

    @Override
    public String formatText(Object value, CodecContext ctx) {
        if (value instanceof BigDecimal) {
            return ((BigDecimal) value).toPlainString();
        }
        double d = (Double) value;
        return Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity";
    }

    /** Validates the header and length, returning the sign word. */
    private int header(byte[] buf, int off, int len) {
        if (len < 8) {
            throw malformed("header needs 8 bytes, got " + len);
        }
        int ndigits = BinaryPrimitives.int2(buf, off);
        if (ndigits < 0 || len != 8 + 2 * ndigits) {
            throw malformed(ndigits + " digits do not fit in " + len + " bytes");
        }
        int sign = BinaryPrimitives.int2(buf, off + 4) & 0xffff;
        if (sign != POS && sign != NEG && sign != NAN && sign != PINF && sign != NINF) {
            throw malformed("invalid sign 0x" + Integer.toHexString(sign));
        }
        return sign;
    }

    private BigDecimal toBigDecimal(byte[] buf, int off, int sign) {
        int ndigits = BinaryPrimitives.int2(buf, off);
        int weight = BinaryPrimitives.int2(buf, off + 2);
        int dscale = BinaryPrimitives.int2(buf, off + 6) & 0xffff;
        if (ndigits == 0) {
            return BigDecimal.valueOf(0, dscale);
        }
        int scale = 4 * (ndigits - 1 - weight);
        BigDecimal v;
        if (ndigits <= 4) {
            long acc = 0;
            for (int i = 0; i < ndigits; i++) {
                acc = acc * 10_000 + digit(buf, off, i);
            }
            v = BigDecimal.valueOf(sign == NEG ? -acc : acc, scale);
        } else {
            char[] chars = new char[4 * ndigits + 1];
            chars[0] = sign == NEG ? '-' : '+';
            for (int i = 0; i < ndigits; i++) {
                int d = digit(buf, off, i);
                for (int k = 4; k >= 1; k--) {
                    chars[4 * i + k] = (char) ('0' + d % 10);
                    d /= 10;
                }
            }
            v = new BigDecimal(new BigInteger(new String(chars)), scale);
        }
        // numeric_recv truncates digits hidden by dscale; the server never sends any.
        return v.scale() == dscale ? v : v.setScale(dscale, RoundingMode.DOWN);
    }

    private int digit(byte[] buf, int off, int i) {
        int d = BinaryPrimitives.int2(buf, off + 8 + 2 * i);
        if (d < 0 || d >= 10_000) {
            throw malformed("digit " + d + " out of range");
        }
        return d;
    }

    /** Reads an integral numeric as a long without allocating when it is small. */
    static long toLongExact(byte[] buf, int off, int len) {
        NumericCodec codec = Holder.INSTANCE;
        int sign = codec.header(buf, off, len);
        int ndigits = BinaryPrimitives.int2(buf, off);
        int weight = BinaryPrimitives.int2(buf, off + 2);
        if ((sign == POS || sign == NEG) && ndigits <= 4 && weight < 4 && weight >= ndigits - 1) {
            long acc = 0;
            for (int i = 0; i <= weight; i++) {
                acc = acc * 10_000 + (i < ndigits ? codec.digit(buf, off, i) : 0);
            }
            return sign == NEG ? -acc : acc;
        }
        if (sign != POS && sign != NEG) {
            throw new PgInterfaceException("cannot read numeric NaN or infinity as long");
        }
        BigDecimal v = codec.toBigDecimal(buf, off, sign);
        try {
            return v.longValueExact();
        } catch (ArithmeticException e) {
            throw new PgInterfaceException("numeric value " + v.toPlainString() + " does not fit in a long", e);
        }
    }

    /** Reads a numeric as the nearest double. */
    static double toDouble(byte[] buf, int off, int len) {
        NumericCodec codec = Holder.INSTANCE;
        int sign = codec.header(buf, off, len);
        switch (sign) {
            case NAN:
                return Double.NaN;
            case PINF:
                return Double.POSITIVE_INFINITY;
            case NINF:
                return Double.NEGATIVE_INFINITY;
            default:
                return codec.toBigDecimal(buf, off, sign).doubleValue();
        }
    }

    @Override
    public void encode(Object value, ByteBuf out, CodecContext ctx) {
        if (value instanceof BigDecimal) {
            encode((BigDecimal) value, out);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            encode(BigDecimal.valueOf(((Number) value).longValue()), out);
        } else if (value instanceof BigInteger) {
            encode(new BigDecimal((BigInteger) value), out);
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d)) {
                special(NAN, out);
            } else if (Double.isInfinite(d)) {
                infinity(d > 0, out, ctx);
            } else {
                encode(value instanceof Float ? new BigDecimal(FloatText.float4((Float) value))
                        : new BigDecimal(FloatText.float8(d)), out);
            }
        } else if (value instanceof String) {
            String s = ((String) value).strip();
            if (s.equalsIgnoreCase("NaN")) {
                special(NAN, out);
            } else if (s.equalsIgnoreCase("Infinity") || s.equalsIgnoreCase("+Infinity")) {
                infinity(true, out, ctx);
            } else if (s.equalsIgnoreCase("-Infinity")) {
                infinity(false, out, ctx);
            } else {
                try {
                    encode(new BigDecimal(s), out);
                } catch (NumberFormatException e) {
                    throw new PgInterfaceException("cannot encode \"" + value + "\" as numeric", e);
                }
            }
        } else if (value instanceof Number) {
            encode(new BigDecimal(value.toString()), out);
        } else {
            throw cannotEncode(value);
        }
    }

    private void infinity(boolean positive, ByteBuf out, CodecContext ctx) {
        if (ctx.serverVersion() != 0 && ctx.serverVersion() < 140000) {
            throw new PgInterfaceException("numeric infinity needs PostgreSQL 14 or later");
        }
        special(positive ? PINF : NINF, out);
    }

    private static void special(int sign, ByteBuf out) {
        // numeric_send reads the display scale of a special value through the short-header mask,
        // which yields 0 for NaN and 32 for the infinities; the receiver ignores it.
        out.writeShort(0).writeShort(0).writeShort(sign).writeShort(sign == NAN ? 0 : 32);
    }

    private void encode(BigDecimal value, ByteBuf out) {
        BigDecimal v = value.scale() < 0 ? value.setScale(0) : value;
        int dscale = v.scale();
        if (dscale > MAX_DSCALE) {
            throw outOfRange(value, "(more than " + MAX_DSCALE + " digits after the decimal point)");
        }
        int signum = v.signum();
        if (signum == 0) {
            out.writeShort(0).writeShort(0).writeShort(POS).writeShort(dscale);
            return;
        }
        int pad = (4 - dscale % 4) % 4;
        int fracGroups = (dscale + pad) / 4;
        BigInteger unscaled = v.unscaledValue();
        if (unscaled.bitLength() < 50) {
            long mag = Math.abs(unscaled.longValue()) * POW10[pad];
            writeLong(mag, fracGroups, signum < 0 ? NEG : POS, dscale, out);
        } else {
            String digits = unscaled.abs().toString();
            writeDigits(digits, pad, fracGroups, signum < 0 ? NEG : POS, dscale, value, out);
        }
    }

    private static void writeLong(long mag, int fracGroups, int sign, int dscale, ByteBuf out) {
        short[] groups = new short[5];
        int n = 0;
        while (mag != 0) {
            groups[n++] = (short) (mag % 10_000);
            mag /= 10_000;
        }
        int low = 0;
        while (groups[low] == 0) {
            low++;
        }
        out.writeShort(n - low).writeShort(n - fracGroups - 1).writeShort(sign).writeShort(dscale);
        for (int i = n - 1; i >= low; i--) {
            out.writeShort(groups[i]);
        }
    }

    private void writeDigits(String digits, int pad, int fracGroups, int sign, int dscale, BigDecimal value,
            ByteBuf out) {
        int total = digits.length() + pad;
        int n = (total + 3) / 4;
        int weight = n - fracGroups - 1;
        if (weight > Short.MAX_VALUE) {
            throw outOfRange(value, "(too many digits before the decimal point)");
        }
        // Digit k (0 = most significant group) covers characters [start, start + 4) of the padded
        // string, which has (4n - total) leading zeros and pad trailing zeros.
        int lead = 4 * n - total;
        int[] groups = new int[n];
        for (int k = 0; k < n; k++) {
            int g = 0;
            for (int c = 4 * k; c < 4 * k + 4; c++) {
                int i = c - lead;
                g = g * 10 + (i >= 0 && i < digits.length() ? digits.charAt(i) - '0' : 0);
            }
            groups[k] = g;
        }
        int last = n - 1;
        while (groups[last] == 0) {
            last--;
        }
        out.writeShort(last + 1).writeShort(weight).writeShort(sign).writeShort(dscale);
        for (int k = 0; k <= last; k++) {
            out.writeShort(groups[k]);
        }
    }

    @Override
    public boolean canEncode(Class<?> type) {
        return Numbers.isNumber(type) || type == String.class;
    }

    /** Holds the instance the static fast paths validate with. */
    private static final class Holder {
        static final NumericCodec INSTANCE = new NumericCodec();
    }
}
