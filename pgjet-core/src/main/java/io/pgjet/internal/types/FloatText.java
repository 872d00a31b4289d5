package io.pgjet.internal.types;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Renders float4 and float8 values as PostgreSQL 12+ does with {@code extra_float_digits = 1}
 * (the default): the shortest decimal that reads back to the same value, in positional notation
 * for decimal exponents from -4 up to 14 (float8) or 5 (float4), scientific notation otherwise
 * ({@code 1e+20}, {@code 1.5e-05}). Not a hot path; thread-safe.
 */
public final class FloatText {
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private FloatText() {
    }

    /**
     * Renders a float8.
     *
     * @param d the value
     * @return e.g. {@code 3.14}, {@code -0}, {@code NaN}, {@code -Infinity}, {@code 1e+100}
     */
    public static String float8(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0) {
            return (Double.doubleToRawLongBits(d) < 0) ? "-0" : "0";
        }
        double a = Math.abs(d);
        BigDecimal x = new BigDecimal(a);
        BigDecimal below = new BigDecimal(Math.nextDown(a));
        BigDecimal above = a == Double.MAX_VALUE ? x.add(x.subtract(below)) : new BigDecimal(Math.nextUp(a));
        return layout(shortest(new BigDecimal(d), x.add(below), x.add(above), 17), 15);
    }

    /**
     * Renders a float4.
     *
     * @param f the value
     * @return the shortest text that reads back as the same float
     */
    public static String float4(float f) {
        if (Float.isNaN(f)) {
            return "NaN";
        }
        if (Float.isInfinite(f)) {
            return f > 0 ? "Infinity" : "-Infinity";
        }
        if (f == 0) {
            return (Float.floatToRawIntBits(f) < 0) ? "-0" : "0";
        }
        float a = Math.abs(f);
        BigDecimal x = new BigDecimal(a);
        BigDecimal below = new BigDecimal(Math.nextDown(a));
        BigDecimal above = a == Float.MAX_VALUE ? x.add(x.subtract(below)) : new BigDecimal(Math.nextUp(a));
        return layout(shortest(new BigDecimal(f), x.add(below), x.add(above), 9), 6);
    }

    /**
     * Finds the shortest decimal strictly inside the rounding interval of a value (bounds given
     * doubled, as sums of the value and its neighbours), as Ryu does.
     */
    private static BigDecimal shortest(BigDecimal exact, BigDecimal lowSum, BigDecimal highSum, int maxDigits) {
        BigDecimal low = lowSum.divide(TWO);
        BigDecimal high = highSum.divide(TWO);
        BigDecimal magnitude = exact.abs();
        for (int p = 1; p < maxDigits; p++) {
            BigDecimal r = magnitude.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (r.compareTo(low) > 0 && r.compareTo(high) < 0) {
                return exact.signum() < 0 ? r.negate() : r;
            }
        }
        return exact.round(new MathContext(maxDigits, RoundingMode.HALF_EVEN));
    }

    private static String layout(BigDecimal r, int maxExp) {
        BigDecimal s = r.stripTrailingZeros();
        String digits = s.unscaledValue().abs().toString();
        int exp = digits.length() - 1 - s.scale();
        StringBuilder sb = new StringBuilder(24);
        if (s.signum() < 0) {
            sb.append('-');
        }
        if (exp < -4 || exp >= maxExp) {
            sb.append(digits.charAt(0));
            if (digits.length() > 1) {
                sb.append('.').append(digits, 1, digits.length());
            }
            sb.append('e').append(exp < 0 ? '-' : '+');
            int a = Math.abs(exp);
            if (a < 10) {
                sb.append('0');
            }
            sb.append(a);
        } else if (exp < 0) {
            sb.append("0.");
            for (int i = -1; i > exp; i--) {
                sb.append('0');
            }
            sb.append(digits);
        } else if (digits.length() <= exp + 1) {
            sb.append(digits);
            for (int i = digits.length(); i <= exp; i++) {
                sb.append('0');
            }
        } else {
            sb.append(digits, 0, exp + 1).append('.').append(digits, exp + 1, digits.length());
        }
        return sb.toString();
    }
}
