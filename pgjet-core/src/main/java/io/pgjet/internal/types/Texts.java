package io.pgjet.internal.types;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.pgjet.PgInterfaceException;
import java.nio.charset.StandardCharsets;

/** Reads and writes UTF-8 text values (client_encoding is always UTF8). */
final class Texts {
    private Texts() {
    }

    static String utf8(byte[] b, int off, int len) {
        return new String(b, off, len, StandardCharsets.UTF_8);
    }

    /** Writes a string as UTF-8, refusing NUL characters PostgreSQL cannot store. */
    static void write(CharSequence s, ByteBuf out, String typeName) {
        checkNoNul(s, typeName);
        ByteBufUtil.writeUtf8(out, s);
    }

    static void checkNoNul(CharSequence s, String typeName) {
        int i = s instanceof String ? ((String) s).indexOf('\0') : indexOfNul(s);
        if (i >= 0) {
            throw new PgInterfaceException("cannot encode a string containing a NUL character (U+0000, at index "
                    + i + ") as " + typeName + ": PostgreSQL text cannot store it");
        }
    }

    private static int indexOfNul(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\0') {
                return i;
            }
        }
        return -1;
    }

    /** Writes a NUL-terminated string (tsvector lexemes, tsquery operands). */
    static void writeCString(String s, ByteBuf out, String typeName) {
        write(s, out, typeName);
        out.writeByte(0);
    }
}
