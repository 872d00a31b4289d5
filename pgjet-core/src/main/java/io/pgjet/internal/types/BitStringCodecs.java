package io.pgjet.internal.types;

import io.netty.buffer.ByteBuf;
import io.pgjet.types.PgBitString;

/**
 * Codec for {@code bit} and {@code varbit}: PgBitString (int32 bit count, then the bits packed
 * most significant first, pad bits zero). Also decodes to Boolean when the string is one bit
 * long, and encodes Boolean as one bit.
 */
final class BitStringCodecs extends Codec {

    BitStringCodecs(boolean varying) {
        super(varying ? TypeOids.VARBIT : TypeOids.BIT, varying ? "varbit" : "bit", PgBitString.class);
    }

    @Override
    public Object decode(byte[] buf, int off, int len, CodecContext ctx) {
        if (len < 4) {
            throw malformed("too short");
        }
        int bits = BinaryPrimitives.int4(buf, off);
        if (bits < 0 || len != 4 + ((bits + 7L) >>> 3)) {
            throw malformed(bits + " bits do not fit in " + len + " bytes");
        }
        byte[] b = new byte[len - 4];
        System.arraycopy(buf, off + 4, b, 0, b.length);
        return PgBitString.of(bits, b);
    }

    @Override
    protected Object decodeAs(byte[] buf, int off, int len, Class<?> target, CodecContext ctx) {
        if (target == Boolean.class) {
            PgBitString s = (PgBitString) decode(buf, off, len, ctx);
            if (s.length() != 1) {
                throw new io.pgjet.PgInterfaceException("cannot decode " + typeName() + " of " + s.length()
                        + " bits as java.lang.Boolean");
            }
            return s.get(0);
        }
        return super.decodeAs(buf, off, len, target, ctx);
    }

    @Override
    public void encode(Object value, ByteBuf out, CodecContext ctx) {
        if (value instanceof Boolean) {
            out.writeInt(1).writeByte((Boolean) value ? 0x80 : 0);
        } else if (value instanceof PgBitString) {
            PgBitString s = (PgBitString) value;
            out.writeInt(s.length()).writeBytes(s.bytes());
        } else {
            throw cannotEncode(value);
        }
    }

    @Override
    public boolean canEncode(Class<?> type) {
        return type == PgBitString.class || type == Boolean.class;
    }
}
