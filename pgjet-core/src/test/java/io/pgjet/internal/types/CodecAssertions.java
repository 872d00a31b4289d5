package io.pgjet.internal.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.HexFormat;
import java.util.List;

/** Shared checks: decode server bytes, compare text, re-encode byte for byte. */
final class CodecAssertions {
    private CodecAssertions() {
    }

    static byte[] encode(Codec codec, Object value, CodecContext ctx) {
        ByteBuf buf = Unpooled.buffer();
        try {
            codec.encode(value, buf, ctx);
            byte[] out = new byte[buf.readableBytes()];
            buf.getBytes(buf.readerIndex(), out);
            return out;
        } finally {
            buf.release();
        }
    }

    static Object decode(Codec codec, byte[] bytes, CodecContext ctx) {
        byte[] padded = new byte[bytes.length + 7];
        System.arraycopy(bytes, 0, padded, 3, bytes.length);
        return codec.decode(padded, 3, bytes.length, ctx);
    }

    static <T> T decode(Codec codec, byte[] bytes, Class<T> target, CodecContext ctx) {
        byte[] padded = new byte[bytes.length + 5];
        System.arraycopy(bytes, 0, padded, 2, bytes.length);
        return codec.decode(padded, 2, bytes.length, target, ctx);
    }

    static String text(Codec codec, byte[] bytes, CodecContext ctx) {
        return codec.decodeText(bytes, 0, bytes.length, ctx);
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    /**
     * For each vector: decoded text equals the server's text, and encoding the decoded value gives
     * the server's bytes and formatting it gives the text (when {@code reencode}: the default
     * Java value keeps everything). Returns the decoded values.
     */
    static List<Object> checkAll(Codec codec, List<ServerVectors.Vector> vectors, CodecContext ctx, boolean reencode,
            String seedInfo) {
        List<Object> decoded = new java.util.ArrayList<>();
        for (ServerVectors.Vector v : vectors) {
            String where = codec.typeName() + " literal '" + v.literal() + "' " + seedInfo;
            Object value = decode(codec, v.bytes(), ctx);
            decoded.add(value);
            assertEquals(v.text(), text(codec, v.bytes(), ctx), "text of " + where);
            if (reencode) {
                assertEquals(v.text(), codec.formatText(value, ctx), "formatText of " + where);
                assertArrayEquals(v.bytes(), encode(codec, value, ctx), "re-encoding of " + where
                        + ": expected " + hex(v.bytes()) + " got " + hex(encode(codec, value, ctx)));
            }
        }
        return decoded;
    }
}
