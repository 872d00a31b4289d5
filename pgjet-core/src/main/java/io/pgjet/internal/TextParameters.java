package io.pgjet.internal;

import io.pgjet.PgInterfaceException;
import io.pgjet.internal.engine.Parameters;

/**
 * Turns Java arguments into PostgreSQL text parameters whose types the server infers. Interim
 * encoding until the binary type codecs take over: numbers, booleans, strings and
 * {@code byte[]} (as bytea hex) are supported.
 */
final class TextParameters {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private TextParameters() {}

    static Parameters of(Object[] args) {
        if (args == null || args.length == 0) {
            return Parameters.NONE;
        }
        String[] values = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            values[i] = text(args[i], i + 1);
        }
        return Parameters.text(values);
    }

    private static String text(Object value, int position) {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[]) {
            byte[] bytes = (byte[]) value;
            char[] out = new char[2 + bytes.length * 2];
            out[0] = '\\';
            out[1] = 'x';
            for (int i = 0; i < bytes.length; i++) {
                out[2 + 2 * i] = HEX[(bytes[i] >> 4) & 0xf];
                out[3 + 2 * i] = HEX[bytes[i] & 0xf];
            }
            return new String(out);
        }
        String text = value.toString();
        if (text.indexOf('\0') >= 0) {
            throw new PgInterfaceException("parameter $" + position
                    + " contains a NUL character (U+0000), which PostgreSQL text cannot store");
        }
        return text;
    }
}
