package io.pgjet.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Builds and inspects wire bytes for tests. Byte specs are hex digits (whitespace ignored) with
 * {@code 'quoted'} segments standing for their ASCII bytes, e.g. {@code "51 0000000d 'select 1' 00"}.
 */
final class Wire {

    private Wire() {
    }

    /** Parses a byte spec into bytes. */
    static byte[] bytes(String spec) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < spec.length()) {
            char c = spec.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'') {
                int end = spec.indexOf('\'', i + 1);
                out.writeBytes(spec.substring(i + 1, end).getBytes(StandardCharsets.US_ASCII));
                i = end + 1;
            } else {
                out.write(Integer.parseInt(spec.substring(i, i + 2), 16));
                i += 2;
            }
        }
        return out.toByteArray();
    }

    /** Wraps a byte spec in a buffer. The caller releases it. */
    static ByteBuf buffer(String spec) {
        return Unpooled.wrappedBuffer(bytes(spec));
    }

    /** Builds a typed frame, computing the length from the body spec. */
    static ByteBuf frame(char type, String bodySpec) {
        byte[] body = bytes(bodySpec);
        ByteBuf frame = Unpooled.buffer(5 + body.length);
        frame.writeByte(type).writeInt(4 + body.length).writeBytes(body);
        return frame;
    }

    /** Runs an encoder into a fresh buffer and returns the bytes written, releasing the buffer. */
    static byte[] encode(Consumer<ByteBuf> encoder) {
        ByteBuf out = Unpooled.buffer(16);
        try {
            encoder.accept(out);
            return ByteBufUtil.getBytes(out);
        } finally {
            out.release();
        }
    }

    /** Renders bytes as lowercase hex for readable assertion failures. */
    static String hex(byte[] bytes) {
        return ByteBufUtil.hexDump(bytes);
    }

    /** Renders a buffer's readable bytes as hex without moving its indices. */
    static String hex(ByteBuf buf) {
        return ByteBufUtil.hexDump(buf);
    }
}
