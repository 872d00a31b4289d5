package io.pgjet.internal.types;

import io.netty.buffer.ByteBuf;

/**
 * Encodes and decodes one-dimensional arrays of int2/int4/int8/float4/float8/bool elements
 * straight from and into Java primitive arrays, without boxing.
 */
final class PrimitiveArrays {
    private PrimitiveArrays() {
    }

    /** Returns the element size on the wire of an element type with a primitive fast path, else 0. */
    static int size(int elementOid) {
        switch (elementOid) {
            case TypeOids.BOOL:
                return 1;
            case TypeOids.INT2:
                return 2;
            case TypeOids.INT4:
            case TypeOids.FLOAT4:
                return 4;
            case TypeOids.INT8:
            case TypeOids.FLOAT8:
                return 8;
            default:
                return 0;
        }
    }

    /**
     * Writes the elements of a primitive array (length-prefixed each) if its class fits the
     * element type exactly or by lossless widening.
     *
     * @return false when there is no fast path for this pair, nothing written
     */
    static boolean write(Object array, int elementOid, ByteBuf out) {
        if (array instanceof int[] && (elementOid == TypeOids.INT4 || elementOid == TypeOids.INT8)) {
            int[] a = (int[]) array;
            boolean wide = elementOid == TypeOids.INT8;
            out.ensureWritable(a.length * (wide ? 12 : 8));
            for (int v : a) {
                if (wide) {
                    out.writeInt(8).writeLong(v);
                } else {
                    out.writeInt(4).writeInt(v);
                }
            }
            return true;
        }
        if (array instanceof long[] && elementOid == TypeOids.INT8) {
            long[] a = (long[]) array;
            out.ensureWritable(a.length * 12);
            for (long v : a) {
                out.writeInt(8).writeLong(v);
            }
            return true;
        }
        if (array instanceof short[] && elementOid == TypeOids.INT2) {
            short[] a = (short[]) array;
            out.ensureWritable(a.length * 6);
            for (short v : a) {
                out.writeInt(2).writeShort(v);
            }
            return true;
        }
        if (array instanceof double[] && elementOid == TypeOids.FLOAT8) {
            double[] a = (double[]) array;
            out.ensureWritable(a.length * 12);
            for (double v : a) {
                out.writeInt(8).writeDouble(v);
            }
            return true;
        }
        if (array instanceof float[] && (elementOid == TypeOids.FLOAT4 || elementOid == TypeOids.FLOAT8)) {
            float[] a = (float[]) array;
            boolean wide = elementOid == TypeOids.FLOAT8;
            out.ensureWritable(a.length * 12);
            for (float v : a) {
                if (wide) {
                    out.writeInt(8).writeDouble(v);
                } else {
                    out.writeInt(4).writeFloat(v);
                }
            }
            return true;
        }
        if (array instanceof boolean[] && elementOid == TypeOids.BOOL) {
            boolean[] a = (boolean[]) array;
            out.ensureWritable(a.length * 5);
            for (boolean v : a) {
                out.writeInt(1).writeByte(v ? 1 : 0);
            }
            return true;
        }
        return false;
    }

    /**
     * Reads {@code count} length-prefixed elements starting at {@code pos} into a new primitive
     * array of class {@code leaf}'s array type, if the element type fits the class exactly or by
     * widening; the caller has checked that there are no NULLs.
     *
     * @return the array, or null when there is no fast path for this pair
     */
    static Object read(byte[] b, int pos, int count, int elementOid, Class<?> leaf, Codec codec) {
        int size = size(elementOid);
        if (size == 0) {
            return null;
        }
        if (leaf == int.class && (elementOid == TypeOids.INT4 || elementOid == TypeOids.INT2)) {
            int[] a = new int[count];
            for (int i = 0; i < count; i++, pos += 4 + size) {
                check(b, pos, size, codec);
                a[i] = size == 4 ? BinaryPrimitives.int4(b, pos + 4) : BinaryPrimitives.int2(b, pos + 4);
            }
            return a;
        }
        if (leaf == long.class && (elementOid == TypeOids.INT8 || elementOid == TypeOids.INT4
                || elementOid == TypeOids.INT2)) {
            long[] a = new long[count];
            for (int i = 0; i < count; i++, pos += 4 + size) {
                check(b, pos, size, codec);
                a[i] = size == 8 ? BinaryPrimitives.int8(b, pos + 4)
                        : size == 4 ? BinaryPrimitives.int4(b, pos + 4) : BinaryPrimitives.int2(b, pos + 4);
            }
            return a;
        }
        if (leaf == short.class && elementOid == TypeOids.INT2) {
            short[] a = new short[count];
            for (int i = 0; i < count; i++, pos += 6) {
                check(b, pos, 2, codec);
                a[i] = BinaryPrimitives.int2(b, pos + 4);
            }
            return a;
        }
        if (leaf == double.class && (elementOid == TypeOids.FLOAT8 || elementOid == TypeOids.FLOAT4)) {
            double[] a = new double[count];
            for (int i = 0; i < count; i++, pos += 4 + size) {
                check(b, pos, size, codec);
                a[i] = size == 8 ? BinaryPrimitives.float8(b, pos + 4) : BinaryPrimitives.float4(b, pos + 4);
            }
            return a;
        }
        if (leaf == float.class && elementOid == TypeOids.FLOAT4) {
            float[] a = new float[count];
            for (int i = 0; i < count; i++, pos += 8) {
                check(b, pos, 4, codec);
                a[i] = BinaryPrimitives.float4(b, pos + 4);
            }
            return a;
        }
        if (leaf == boolean.class && elementOid == TypeOids.BOOL) {
            boolean[] a = new boolean[count];
            for (int i = 0; i < count; i++, pos += 5) {
                check(b, pos, 1, codec);
                a[i] = b[pos + 4] != 0;
            }
            return a;
        }
        return null;
    }

    private static void check(byte[] b, int pos, int size, Codec codec) {
        if (pos + 4 + size > b.length || BinaryPrimitives.int4(b, pos) != size) {
            throw codec.malformed("element of unexpected length");
        }
    }
}
