package io.pgjet.bench.drivers;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads backend frames (type byte, int32 length, body) from a blocking stream through its own
 * 64 KiB buffer. Its own buffer rather than {@code BufferedInputStream}/{@code DataInputStream}:
 * those take a lock per call (several per header), which a ceiling should not pay. Not
 * thread-safe; one per {@link WireSession}.
 */
final class WireInput {
    private static final int HEADER = 5;

    private final InputStream in;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private int bodyLength;

    WireInput(InputStream in) {
        this.in = in;
    }

    /**
     * Reads the next frame header and returns its type byte; the body is still unread and must be
     * consumed with {@link #skipBody} or {@link #readBody} before the next call.
     */
    byte next() throws IOException {
        require(HEADER);
        byte type = buffer[position];
        int length = (buffer[position + 1] & 0xFF) << 24 | (buffer[position + 2] & 0xFF) << 16
                | (buffer[position + 3] & 0xFF) << 8 | buffer[position + 4] & 0xFF;
        if (length < 4) {
            throw new IOException("malformed frame: type '" + (char) type + "', length " + length);
        }
        position += HEADER;
        bodyLength = length - 4;
        return type;
    }

    /** Discards the body of the frame whose header {@link #next} just read, without looking at it. */
    void skipBody() throws IOException {
        int left = bodyLength;
        while (limit - position < left) {
            left -= limit - position;
            position = 0;
            limit = 0;
            fill();
        }
        position += left;
    }

    /** Returns a copy of the body of the frame whose header {@link #next} just read (startup and errors only). */
    byte[] readBody() throws IOException {
        byte[] body = new byte[bodyLength];
        int copied = 0;
        while (copied < body.length) {
            if (position == limit) {
                position = 0;
                limit = 0;
                fill();
            }
            int n = Math.min(limit - position, body.length - copied);
            System.arraycopy(buffer, position, body, copied, n);
            position += n;
            copied += n;
        }
        return body;
    }

    /** Makes at least {@code n} (at most the buffer size) unread bytes available, moving leftovers to the front. */
    private void require(int n) throws IOException {
        if (limit - position >= n) {
            return;
        }
        System.arraycopy(buffer, position, buffer, 0, limit - position);
        limit -= position;
        position = 0;
        while (limit < n) {
            fill();
        }
    }

    /** Reads whatever the socket has (at least one byte) into the free end of the buffer. */
    private void fill() throws IOException {
        int read = in.read(buffer, limit, buffer.length - limit);
        if (read < 0) {
            throw new EOFException("the server closed the connection");
        }
        limit += read;
    }
}
