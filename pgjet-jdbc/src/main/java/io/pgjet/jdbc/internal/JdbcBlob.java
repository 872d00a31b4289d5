package io.pgjet.jdbc.internal;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Blob;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * A {@link Blob} held in memory: the value of a {@code bytea} column or parameter (PostgreSQL's
 * large objects, {@code oid} columns with {@code lo_*} functions, are not mapped). Positions are
 * 1-based as in JDBC. Not thread-safe; after {@link #free()} every method fails.
 */
final class JdbcBlob implements Blob {
    private byte[] bytes;
    private int length;

    JdbcBlob(byte[] bytes) {
        this.bytes = bytes;
        this.length = bytes.length;
    }

    private void checkLive() throws SQLException {
        if (bytes == null) {
            throw SqlErrors.of("the Blob has been freed", SqlErrors.INVALID_PARAMETER);
        }
    }

    /** Checks a 1-based position and a length against the content; {@code pos} may be one past the end. */
    private void checkRange(long pos, long count) throws SQLException {
        checkLive();
        if (pos < 1 || count < 0 || pos - 1 > length) {
            throw SqlErrors.of("Blob position " + pos + " or length " + count + " out of range (length "
                    + length + ")", SqlErrors.INVALID_PARAMETER);
        }
    }

    @Override
    public long length() throws SQLException {
        checkLive();
        return length;
    }

    @Override
    public byte[] getBytes(long pos, int count) throws SQLException {
        checkRange(pos, count);
        int from = (int) (pos - 1);
        return Arrays.copyOfRange(bytes, from, from + Math.min(count, length - from));
    }

    @Override
    public InputStream getBinaryStream() throws SQLException {
        checkLive();
        return new ByteArrayInputStream(bytes, 0, length);
    }

    @Override
    public InputStream getBinaryStream(long pos, long count) throws SQLException {
        checkRange(pos, count);
        if (pos - 1 + count > length) {
            throw SqlErrors.of("Blob range past its end", SqlErrors.INVALID_PARAMETER);
        }
        return new ByteArrayInputStream(bytes, (int) (pos - 1), (int) count);
    }

    @Override
    public long position(byte[] pattern, long start) throws SQLException {
        checkRange(start, 0);
        outer:
        for (int i = (int) (start - 1); i + pattern.length <= length; i++) {
            for (int k = 0; k < pattern.length; k++) {
                if (bytes[i + k] != pattern[k]) {
                    continue outer;
                }
            }
            return i + 1;
        }
        return -1;
    }

    @Override
    public long position(Blob pattern, long start) throws SQLException {
        return position(pattern.getBytes(1, (int) pattern.length()), start);
    }

    @Override
    public int setBytes(long pos, byte[] value) throws SQLException {
        return setBytes(pos, value, 0, value.length);
    }

    @Override
    public int setBytes(long pos, byte[] value, int offset, int count) throws SQLException {
        checkRange(pos, count);
        if (offset < 0 || offset + count > value.length) {
            throw SqlErrors.of("offset and length out of the array's range", SqlErrors.INVALID_PARAMETER);
        }
        int from = (int) (pos - 1);
        ensure(from + count);
        System.arraycopy(value, offset, bytes, from, count);
        length = Math.max(length, from + count);
        return count;
    }

    private void ensure(int capacity) {
        if (capacity > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(capacity, bytes.length * 2));
        }
    }

    @Override
    public OutputStream setBinaryStream(long pos) throws SQLException {
        checkRange(pos, 0);
        return new OutputStream() {
            private long next = pos;

            @Override
            public void write(int b) throws java.io.IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws java.io.IOException {
                try {
                    next += setBytes(next, b, off, len);
                } catch (SQLException e) {
                    throw new java.io.IOException(e.getMessage(), e);
                }
            }
        };
    }

    @Override
    public void truncate(long len) throws SQLException {
        checkLive();
        if (len < 0 || len > length) {
            throw SqlErrors.of("cannot truncate a Blob of " + length + " bytes to " + len, SqlErrors.INVALID_PARAMETER);
        }
        length = (int) len;
    }

    @Override
    public void free() {
        bytes = null;
    }

    /** The content, for binding as a parameter. */
    byte[] toBytes() throws SQLException {
        checkLive();
        return Arrays.copyOf(bytes, length);
    }
}
