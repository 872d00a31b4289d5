package io.pgjet.internal.types;

import io.pgjet.PgInterfaceException;
import java.math.BigDecimal;
import java.math.BigInteger;

/** Converts between Java number classes with range and exactness checks. */
final class Numbers {
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private Numbers() {
    }

    /** Returns whether a class is a number class the integer codecs accept. */
    static boolean isNumber(Class<?> c) {
        // The common boxes first: this runs for every integer parameter, and isAssignableFrom
        // showed up in profiles as a call into the VM.
        return c == Integer.class || c == Long.class || Number.class.isAssignableFrom(c);
    }

    /** Returns whether a number is exactly zero (BigDecimal and BigInteger by their sign). */
    static boolean isZero(Number value) {
        if (value instanceof BigDecimal) {
            return ((BigDecimal) value).signum() == 0;
        }
        if (value instanceof BigInteger) {
            return ((BigInteger) value).signum() == 0;
        }
        return value.doubleValue() == 0;
    }

    /**
     * Returns the exact integral value of a Number, or throws naming the type.
     */
    static long toLongExact(Object value, Codec codec) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger) {
            BigInteger b = (BigInteger) value;
            if (b.compareTo(LONG_MIN) < 0 || b.compareTo(LONG_MAX) > 0) {
                throw codec.outOfRange(value, "");
            }
            return b.longValue();
        }
        if (value instanceof BigDecimal) {
            try {
                return ((BigDecimal) value).longValueExact();
            } catch (ArithmeticException e) {
                throw new PgInterfaceException("cannot encode " + value + " as " + codec.typeName()
                        + ": not an integer in range", e);
            }
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            long l = (long) d;
            if (l != d || d >= 0x1p63 || Double.isNaN(d)) {
                throw new PgInterfaceException("cannot encode " + value + " as " + codec.typeName()
                        + ": not an integer in range");
            }
            return l;
        }
        if (value instanceof Number) {
            return toLongExact(new BigDecimal(value.toString()), codec);
        }
        throw codec.cannotEncode(value);
    }

    /** Converts a decoded integer to the requested wrapper or big number class. */
    static Object fromLong(long v, Class<?> target, Codec codec) {
        if (target == Long.class) {
            return v;
        } else if (target == Integer.class) {
            if ((int) v != v) {
                throw new PgInterfaceException(codec.typeName() + " value " + v + " does not fit in an Integer");
            }
            return (int) v;
        } else if (target == Short.class) {
            if ((short) v != v) {
                throw new PgInterfaceException(codec.typeName() + " value " + v + " does not fit in a Short");
            }
            return (short) v;
        } else if (target == BigInteger.class) {
            return BigInteger.valueOf(v);
        } else if (target == BigDecimal.class) {
            return BigDecimal.valueOf(v);
        } else if (target == Double.class) {
            return (double) v;
        } else if (target == Float.class) {
            return (float) v;
        }
        return null;
    }
}
