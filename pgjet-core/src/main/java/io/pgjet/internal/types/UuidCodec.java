package io.pgjet.internal.types;

import io.netty.buffer.ByteBuf;
import java.util.UUID;

/** Codec for {@code uuid}: java.util.UUID, 16 bytes big-endian. */
final class UuidCodec extends Codec {
    UuidCodec() {
        super(TypeOids.UUID, "uuid", UUID.class);
    }

    @Override
    public Object decode(byte[] buf, int off, int len, CodecContext ctx) {
        checkLength(len, 16);
        return new UUID(BinaryPrimitives.int8(buf, off), BinaryPrimitives.int8(buf, off + 8));
    }

    @Override
    public void encode(Object value, ByteBuf out, CodecContext ctx) {
        if (!(value instanceof UUID)) {
            throw cannotEncode(value);
        }
        UUID u = (UUID) value;
        out.writeLong(u.getMostSignificantBits()).writeLong(u.getLeastSignificantBits());
    }

    @Override
    public boolean canEncode(Class<?> type) {
        return type == UUID.class;
    }
}
