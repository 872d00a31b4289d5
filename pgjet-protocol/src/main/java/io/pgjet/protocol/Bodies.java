package io.pgjet.protocol;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * Reads fields from a backend message body with bounds checks that raise {@link
 * ProtocolException} (never an index exception). Strings are decoded as UTF-8; malformed
 * sequences become U+FFFD.
 *
 * <p>The {@code message} arguments name the message being parsed and are used only to build the
 * exception text.
 */
final class Bodies {

    private Bodies() {
    }

    static byte readByte(ByteBuf body, String message, String field) {
        require(body, 1, message, field);
        return body.readByte();
    }

    static short readShort(ByteBuf body, String message, String field) {
        require(body, 2, message, field);
        return body.readShort();
    }

    static int readUnsignedShort(ByteBuf body, String message, String field) {
        require(body, 2, message, field);
        return body.readUnsignedShort();
    }

    static int readInt(ByteBuf body, String message, String field) {
        require(body, 4, message, field);
        return body.readInt();
    }

    /** Returns the length, without its terminator, of the NUL-terminated string at the reader index. */
    static int cStringLength(ByteBuf body, String message, String field) {
        int length = body.bytesBefore((byte) 0);
        if (length < 0) {
            throw new ProtocolException(message + ": " + field + " is not NUL-terminated within the message body");
        }
        return length;
    }

    /** Reads a NUL-terminated string and skips its terminator. */
    static String readCString(ByteBuf body, String message, String field) {
        int length = cStringLength(body, message, field);
        String value = length == 0 ? "" : body.toString(body.readerIndex(), length, StandardCharsets.UTF_8);
        body.skipBytes(length + 1);
        return value;
    }

    /** Copies {@code length} bytes into a new array after checking they are present. */
    static byte[] readBytes(ByteBuf body, int length, String message, String field) {
        if (length < 0) {
            throw new ProtocolException(message + ": negative length " + length + " for " + field);
        }
        require(body, length, message, field);
        byte[] bytes = new byte[length];
        body.readBytes(bytes);
        return bytes;
    }

    /** Copies all remaining bytes into a new array. */
    static byte[] readRemaining(ByteBuf body) {
        byte[] bytes = new byte[body.readableBytes()];
        body.readBytes(bytes);
        return bytes;
    }

    static void require(ByteBuf body, int length, String message, String field) {
        if (body.readableBytes() < length) {
            throw new ProtocolException(message + " truncated: " + field + " needs " + length + " bytes, "
                    + body.readableBytes() + " left");
        }
    }

    /** Checks the body was consumed exactly. */
    static void expectEnd(ByteBuf body, String message) {
        if (body.isReadable()) {
            throw new ProtocolException(message + " has " + body.readableBytes() + " unexpected trailing bytes");
        }
    }
}
