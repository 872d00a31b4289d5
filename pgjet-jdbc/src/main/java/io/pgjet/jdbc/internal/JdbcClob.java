package io.pgjet.jdbc.internal;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Clob;
import java.sql.NClob;
import java.sql.SQLException;

/**
 * A {@link Clob} (and {@link NClob}: PostgreSQL text is Unicode either way) held in memory: the
 * value of a {@code text}/{@code varchar} column or parameter. Positions are 1-based chars, as in
 * JDBC. Not thread-safe; after {@link #free()} every method fails.
 */
final class JdbcClob implements NClob {
    private StringBuilder text;

    JdbcClob(String text) {
        this.text = new StringBuilder(text);
    }

    private StringBuilder live() throws SQLException {
        if (text == null) {
            throw SqlErrors.of("the Clob has been freed", SqlErrors.INVALID_PARAMETER);
        }
        return text;
    }

    private void checkRange(long pos, long count) throws SQLException {
        if (pos < 1 || count < 0 || pos - 1 > live().length()) {
            throw SqlErrors.of("Clob position " + pos + " or length " + count + " out of range (length "
                    + text.length() + ")", SqlErrors.INVALID_PARAMETER);
        }
    }

    @Override
    public long length() throws SQLException {
        return live().length();
    }

    @Override
    public String getSubString(long pos, int count) throws SQLException {
        checkRange(pos, count);
        int from = (int) (pos - 1);
        return text.substring(from, from + Math.min(count, text.length() - from));
    }

    @Override
    public Reader getCharacterStream() throws SQLException {
        return new StringReader(live().toString());
    }

    @Override
    public Reader getCharacterStream(long pos, long count) throws SQLException {
        checkRange(pos, count);
        if (pos - 1 + count > text.length()) {
            throw SqlErrors.of("Clob range past its end", SqlErrors.INVALID_PARAMETER);
        }
        return new StringReader(text.substring((int) (pos - 1), (int) (pos - 1 + count)));
    }

    @Override
    public InputStream getAsciiStream() throws SQLException {
        return new ByteArrayInputStream(live().toString().getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public long position(String pattern, long start) throws SQLException {
        checkRange(start, 0);
        int at = text.indexOf(pattern, (int) (start - 1));
        return at < 0 ? -1 : at + 1;
    }

    @Override
    public long position(Clob pattern, long start) throws SQLException {
        return position(pattern.getSubString(1, (int) pattern.length()), start);
    }

    @Override
    public int setString(long pos, String str) throws SQLException {
        return setString(pos, str, 0, str.length());
    }

    @Override
    public int setString(long pos, String str, int offset, int len) throws SQLException {
        checkRange(pos, len);
        if (offset < 0 || offset + len > str.length()) {
            throw SqlErrors.of("offset and length out of the string's range", SqlErrors.INVALID_PARAMETER);
        }
        int from = (int) (pos - 1);
        int end = Math.min(text.length(), from + len);
        text.replace(from, end, str.substring(offset, offset + len));
        return len;
    }

    @Override
    public OutputStream setAsciiStream(long pos) throws SQLException {
        checkRange(pos, 0);
        Writer writer = setCharacterStream(pos);
        return new OutputStream() {
            @Override
            public void write(int b) throws java.io.IOException {
                writer.write(b & 0x7f);
            }
        };
    }

    @Override
    public Writer setCharacterStream(long pos) throws SQLException {
        checkRange(pos, 0);
        return new Writer() {
            private long next = pos;

            @Override
            public void write(char[] cbuf, int off, int len) throws java.io.IOException {
                try {
                    next += setString(next, new String(cbuf, off, len));
                } catch (SQLException e) {
                    throw new java.io.IOException(e.getMessage(), e);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void truncate(long len) throws SQLException {
        if (len < 0 || len > live().length()) {
            throw SqlErrors.of("cannot truncate a Clob of " + text.length() + " chars to " + len, SqlErrors.INVALID_PARAMETER);
        }
        text.setLength((int) len);
    }

    @Override
    public void free() {
        text = null;
    }
}
