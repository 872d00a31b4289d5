package io.pgjet.bench;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Encodes the insert rows of {@link BenchData} as PostgreSQL text COPY data, in chunks of about
 * 64 KiB produced on demand. Both COPY contestants (PgJet and pgjdbc's CopyManager) are fed by
 * this same encoder, so the comparison is of what the drivers do with the bytes.
 */
public final class TextCopyEncoder implements Iterator<byte[]> {
    private static final int CHUNK = 64 * 1024;

    private final BenchData data;
    private final int rows;
    private int next;
    private byte[] buf = new byte[CHUNK + 512];
    private int pos;

    /** Encodes rows 0..rows-1 of {@code data}. */
    public TextCopyEncoder(BenchData data, int rows) {
        this.data = data;
        this.rows = rows;
    }

    @Override
    public boolean hasNext() {
        return next < rows;
    }

    @Override
    public byte[] next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        pos = 0;
        while (next < rows && pos < CHUNK) {
            writeRow(next++);
        }
        return Arrays.copyOf(buf, pos);
    }

    private void writeRow(int i) {
        writeInt(data.id(i));
        put((byte) '\t');
        writeText(data.name(i));
        put((byte) '\t');
        writeAscii(Double.toString(data.score(i)));
        put((byte) '\t');
        writeAscii(data.time(i).toString());
        put((byte) '\n');
    }

    private void writeInt(int v) {
        writeAscii(Integer.toString(v));
    }

    private void writeAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            put((byte) s.charAt(i));
        }
    }

    private void writeText(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                escape(s.getBytes(StandardCharsets.UTF_8)); // escapes are ASCII, so escaping UTF-8 bytes is safe
                return;
            }
        }
        for (int i = 0; i < s.length(); i++) {
            escape((byte) s.charAt(i));
        }
    }

    private void escape(byte[] bytes) {
        for (byte b : bytes) {
            escape(b);
        }
    }

    private void escape(byte b) {
        switch (b) {
            case '\\' -> { put((byte) '\\'); put((byte) '\\'); }
            case '\t' -> { put((byte) '\\'); put((byte) 't'); }
            case '\n' -> { put((byte) '\\'); put((byte) 'n'); }
            case '\r' -> { put((byte) '\\'); put((byte) 'r'); }
            default -> put(b);
        }
    }

    private void put(byte b) {
        if (pos == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        buf[pos++] = b;
    }
}
