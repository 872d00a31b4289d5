package io.pgjet.internal.types;

import io.netty.buffer.ByteBuf;
import io.pgjet.PgInterfaceException;
import io.pgjet.types.PgRecord;

/**
 * Converts the binary form of a type to and from a tuple of simple values, for user codecs of
 * format TUPLE. Supported types and their tuples:
 * <ul>
 *   <li>composite types: the attribute values in their default Java types</li>
 *   <li>interval: {@code {Integer months, Integer days, Long microseconds}}</li>
 *   <li>timestamp, timestamptz: {@code {Long microseconds since 2000-01-01}}</li>
 *   <li>date: {@code {Integer days since 2000-01-01}}</li>
 *   <li>time: {@code {Long microseconds}}; timetz: {@code {Long microseconds, Integer offset
 *       seconds east of UTC}}</li>
 *   <li>point: {@code {Double x, Double y}}; circle: {@code {x, y, radius}}; box and lseg:
 *       {@code {x1, y1, x2, y2}}; line: {@code {a, b, c}}</li>
 * </ul>
 */
final class TupleForms {
    private TupleForms() {
    }

    static boolean supports(Codec base) {
        if (base instanceof CompositeCodec) {
            return true;
        }
        switch (base.oid()) {
            case TypeOids.INTERVAL:
            case TypeOids.TIMESTAMP:
            case TypeOids.TIMESTAMPTZ:
            case TypeOids.DATE:
            case TypeOids.TIME:
            case TypeOids.TIMETZ:
            case TypeOids.POINT:
            case TypeOids.CIRCLE:
            case TypeOids.BOX:
            case TypeOids.LSEG:
            case TypeOids.LINE:
                return true;
            default:
                return false;
        }
    }

    static Object[] decode(Codec base, byte[] b, int off, int len, CodecContext ctx) {
        if (base instanceof CompositeCodec) {
            return ((PgRecord) base.decode(b, off, len, ctx)).values().toArray();
        }
        switch (base.oid()) {
            case TypeOids.INTERVAL:
                return new Object[] {BinaryPrimitives.int4(b, off + 12), BinaryPrimitives.int4(b, off + 8),
                    BinaryPrimitives.int8(b, off)};
            case TypeOids.TIMESTAMP:
            case TypeOids.TIMESTAMPTZ:
            case TypeOids.TIME:
                return new Object[] {BinaryPrimitives.int8(b, off)};
            case TypeOids.DATE:
                return new Object[] {BinaryPrimitives.int4(b, off)};
            case TypeOids.TIMETZ:
                return new Object[] {BinaryPrimitives.int8(b, off), -BinaryPrimitives.int4(b, off + 8)};
            default:
                Object[] out = new Object[len / 8];
                for (int i = 0; i < out.length; i++) {
                    out[i] = BinaryPrimitives.float8(b, off + 8 * i);
                }
                return out;
        }
    }

    static void encode(Codec base, Object[] t, ByteBuf out, CodecContext ctx) {
        if (base instanceof CompositeCodec) {
            base.encode(t, out, ctx);
            return;
        }
        try {
            switch (base.oid()) {
                case TypeOids.INTERVAL:
                    check(t, 3);
                    out.writeLong(((Number) t[2]).longValue()).writeInt(((Number) t[1]).intValue())
                            .writeInt(((Number) t[0]).intValue());
                    return;
                case TypeOids.TIMESTAMP:
                case TypeOids.TIMESTAMPTZ:
                case TypeOids.TIME:
                    check(t, 1);
                    out.writeLong(((Number) t[0]).longValue());
                    return;
                case TypeOids.DATE:
                    check(t, 1);
                    out.writeInt(((Number) t[0]).intValue());
                    return;
                case TypeOids.TIMETZ:
                    check(t, 2);
                    out.writeLong(((Number) t[0]).longValue()).writeInt(-((Number) t[1]).intValue());
                    return;
                default:
                    int n = base.oid() == TypeOids.POINT ? 2 : base.oid() == TypeOids.BOX || base.oid() == TypeOids.LSEG ? 4 : 3;
                    check(t, n);
                    for (Object o : t) {
                        out.writeDouble(((Number) o).doubleValue());
                    }
            }
        } catch (ClassCastException | NullPointerException e) {
            throw new PgInterfaceException("tuple for " + base.typeName() + " must hold numbers", e);
        }
    }

    private static void check(Object[] t, int n) {
        if (t.length != n) {
            throw new PgInterfaceException("tuple has " + t.length + " elements, expected " + n);
        }
    }
}
