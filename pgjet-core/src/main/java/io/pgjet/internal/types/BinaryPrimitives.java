package io.pgjet.internal.types;

import io.pgjet.PgInterfaceException;
import io.pgjet.PgProtocolException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Reads binary-format primitives from a byte array without boxing: the engine's fast path for
 * {@code getInt}, {@code getLong}, {@code getDouble} and {@code getBoolean}.
 *
 * <p>Stateless and thread-safe. Offsets are not checked beyond the array bounds the JVM checks;
 * the typed readers trust the caller to have checked the column's type and length, the
 * {@code as*} methods check both.
 */
public final class BinaryPrimitives {
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private BinaryPrimitives() {
    }

    /**
     * Reads a big-endian int2.
     *
     * @param b   the bytes
     * @param off where the value starts
     * @return the value
     */
    public static short int2(byte[] b, int off) {
        return (short) SHORT.get(b, off);
    }

    /**
     * Reads a big-endian int4.
     *
     * @param b   the bytes
     * @param off where the value starts
     * @return the value
     */
    public static int int4(byte[] b, int off) {
        return (int) INT.get(b, off);
    }

    /**
     * Reads a big-endian int8.
     *
     * @param b   the bytes
     * @param off where the value starts
     * @return the value
     */
    public static long int8(byte[] b, int off) {
        return (long) LONG.get(b, off);
    }

    /**
     * Reads an unsigned 32-bit value (oid, xid, cid, reg*).
     *
     * @param b   the bytes
     * @param off where the value starts
     * @return the value, 0..4294967295
     */
    public static long uint4(byte[] b, int off) {
        return int4(b, off) & 0xffffffffL;
    }

    /**
     * Reads a big-endian float4.
     *
     * @param b   the bytes
     * @param off where the value starts
     * @return the value
     */
    public static float float4(byte[] b, int off) {
        return Float.intBitsToFloat(int4(b, off));
    }

    /**
     * Reads a big-endian float8.
     *
     * @param b   the bytes
     * @param off where the value starts
     * @return the value
     */
    public static double float8(byte[] b, int off) {
        return Double.longBitsToDouble(int8(b, off));
    }

    /**
     * Reads a bool.
     *
     * @param b   the bytes
     * @param off where the value starts
     * @return true when the byte is not zero
     */
    public static boolean bool(byte[] b, int off) {
        return b[off] != 0;
    }

    /**
     * Reads an integer-valued column as a long, widening int2, int4, oid-like types and integral
     * numeric values.
     *
     * @param oid the column's type OID
     * @param b   the bytes
     * @param off where the value starts
     * @param len the value's length
     * @return the value
     * @throws PgInterfaceException if the type is not an integer type, or a numeric value is not
     *     an integer within the range of long
     * @throws PgProtocolException  if the length does not fit the type
     */
    public static long asLong(int oid, byte[] b, int off, int len) {
        switch (oid) {
            case TypeOids.INT8:
            case TypeOids.XID8:
                check(oid, len, 8);
                return int8(b, off);
            case TypeOids.INT4:
                check(oid, len, 4);
                return int4(b, off);
            case TypeOids.INT2:
                check(oid, len, 2);
                return int2(b, off);
            case TypeOids.NUMERIC:
                return NumericCodec.toLongExact(b, off, len);
            default:
                if (isUnsigned32(oid)) {
                    check(oid, len, 4);
                    return uint4(b, off);
                }
                throw new PgInterfaceException("cannot read " + TypeOids.name(oid) + " as long");
        }
    }

    /**
     * Reads an integer-valued column as an int, like {@link #asLong} but failing when the value
     * does not fit.
     *
     * @param oid the column's type OID
     * @param b   the bytes
     * @param off where the value starts
     * @param len the value's length
     * @return the value
     * @throws PgInterfaceException if the type is not an integer type or the value is out of range
     */
    public static int asInt(int oid, byte[] b, int off, int len) {
        if (oid == TypeOids.INT4 && len == 4) {
            return int4(b, off);
        }
        long v = asLong(oid, b, off, len);
        if ((int) v != v) {
            throw new PgInterfaceException(TypeOids.name(oid) + " value " + v + " does not fit in an int");
        }
        return (int) v;
    }

    /**
     * Reads a numeric column as a double, widening integer types, float4 and numeric (rounded to
     * the nearest double; NaN and infinities kept).
     *
     * @param oid the column's type OID
     * @param b   the bytes
     * @param off where the value starts
     * @param len the value's length
     * @return the value
     * @throws PgInterfaceException if the type is not numeric
     */
    public static double asDouble(int oid, byte[] b, int off, int len) {
        switch (oid) {
            case TypeOids.FLOAT8:
                check(oid, len, 8);
                return float8(b, off);
            case TypeOids.FLOAT4:
                check(oid, len, 4);
                return float4(b, off);
            case TypeOids.NUMERIC:
                return NumericCodec.toDouble(b, off, len);
            default:
                return asLong(oid, b, off, len);
        }
    }

    /**
     * Reads a bool column.
     *
     * @param oid the column's type OID
     * @param b   the bytes
     * @param off where the value starts
     * @param len the value's length
     * @return the value
     * @throws PgInterfaceException if the column is not bool
     */
    public static boolean asBoolean(int oid, byte[] b, int off, int len) {
        if (oid != TypeOids.BOOL) {
            throw new PgInterfaceException("cannot read " + TypeOids.name(oid) + " as boolean");
        }
        check(oid, len, 1);
        return b[off] != 0;
    }

    static boolean isUnsigned32(int oid) {
        switch (oid) {
            case TypeOids.OID:
            case TypeOids.XID:
            case TypeOids.CID:
            case TypeOids.REGPROC:
            case TypeOids.REGPROCEDURE:
            case TypeOids.REGOPER:
            case TypeOids.REGOPERATOR:
            case TypeOids.REGCLASS:
            case TypeOids.REGTYPE:
            case TypeOids.REGCONFIG:
            case TypeOids.REGDICTIONARY:
            case TypeOids.REGNAMESPACE:
            case TypeOids.REGROLE:
            case TypeOids.REGCOLLATION:
                return true;
            default:
                return false;
        }
    }

    private static void check(int oid, int len, int expected) {
        if (len != expected) {
            throw new PgProtocolException("malformed binary " + TypeOids.name(oid) + " value: expected "
                    + expected + " bytes, got " + len);
        }
    }
}
