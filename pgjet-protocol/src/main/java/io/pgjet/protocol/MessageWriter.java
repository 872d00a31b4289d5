package io.pgjet.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

/** Writes the building blocks of frontend messages: headers, back-patched lengths, strings, counts. */
final class MessageWriter {

    private static final int MAX_COUNT = 0xFFFF;

    private MessageWriter() {
    }

    /** Writes a type byte and a placeholder length; returns the message start. */
    static int begin(ByteBuf out, char type) {
        int start = out.writerIndex();
        out.writeByte(type);
        out.writeInt(0);
        return start;
    }

    /** Back-patches the int32 length of the typed message starting at {@code start}. */
    static void patchLength(ByteBuf out, int start) {
        out.setInt(start + 1, out.writerIndex() - start - 1);
    }

    /** Writes Describe or Close: type, target byte ('S' or 'P'), name. */
    static void targeted(ByteBuf out, char type, char target, String name) {
        int start = begin(out, type);
        out.writeByte(target);
        writeName(out, name, "name", start);
        patchLength(out, start);
    }

    /** Writes an int16 count of format codes followed by the codes. */
    static void writeFormats(ByteBuf out, short[] formats, String field) {
        int count = formats == null ? 0 : formats.length;
        if (count > MAX_COUNT) {
            // the message is built only on failure: this runs for every Bind
            checkCount(count, field + ".length");
        }
        out.writeShort(count);
        for (int i = 0; i < count; i++) {
            out.writeShort(formats[i]);
        }
    }

    /** Checks a count fits the protocol's unsigned int16. */
    static void checkCount(int count, String field) {
        if (count < 0 || count > MAX_COUNT) {
            throw new IllegalArgumentException(field + " must be 0.." + MAX_COUNT + ", got " + count);
        }
    }

    /** Writes an optional name; null is written as the empty string. */
    static void writeName(ByteBuf out, String name, String field, int messageStart) {
        if (name == null || name.isEmpty()) {
            out.writeByte(0);
        } else {
            writeString(out, name, field, messageStart);
        }
    }

    /** Writes a NUL-terminated UTF-8 string, rolling back to {@code messageStart} if it holds a NUL. */
    static void writeString(ByteBuf out, String value, String field, int messageStart) {
        if (value == null) {
            out.writerIndex(messageStart);
            throw new NullPointerException(field);
        }
        if (value.indexOf(0) >= 0) {
            out.writerIndex(messageStart);
            throw new IllegalArgumentException(field + " must not contain U+0000 (NUL)");
        }
        ByteBufUtil.writeUtf8(out, value);
        out.writeByte(0);
    }
}
