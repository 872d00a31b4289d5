package io.pgjet.jdbc.internal;

import io.pgjet.Attribute;
import io.pgjet.Cursor;
import io.pgjet.PgJetException;
import io.pgjet.Row;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.util.Calendar;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A forward-only, read-only {@link ResultSet} over PgJet rows: either a whole result already read,
 * or a cursor read {@code fetchSize} rows per round trip. Getters convert as JDBC's table allows
 * ({@code getInt} on a numeric string, {@code getString} on anything: PostgreSQL's text form),
 * {@code getObject} returns the classes pgjdbc returns ({@code java.sql.Timestamp} for
 * timestamps, {@code java.sql.Array} for arrays, ...) and {@code getObject(i, Class)} reads
 * {@code java.time} types, {@code UUID}, {@code BigDecimal} and anything else PgJet decodes.
 * Not thread-safe.
 */
final class JdbcResultSet extends ForwardOnlyResultSet {
    private final JdbcStatement statement;
    private final List<Attribute> columns;
    private List<Row> rows;
    private int index = -1;
    private final Cursor cursor;
    private final int fetchSize;
    private final int maxRows;
    private long delivered;
    private boolean cursorDone;
    private boolean closed;
    private boolean wasNull;
    private final boolean scrollable;

    private JdbcResultSet(JdbcStatement statement, List<Attribute> columns, List<Row> rows, Cursor cursor,
            int fetchSize, int maxRows) {
        this.statement = statement;
        this.columns = columns;
        this.rows = rows;
        this.cursor = cursor;
        this.fetchSize = fetchSize;
        this.maxRows = maxRows;
        this.scrollable = cursor == null && statement.isScrollable();
    }

    /** Returns a result set over rows already read. */
    static JdbcResultSet ofRows(JdbcStatement statement, List<Attribute> columns, List<Row> rows) {
        return new JdbcResultSet(statement, columns, rows, null, 0, 0);
    }

    /** Returns a result set reading {@code cursor} {@code fetchSize} rows at a time, at most {@code maxRows} (0: all). */
    static JdbcResultSet ofCursor(JdbcStatement statement, List<Attribute> columns, Cursor cursor, int fetchSize, int maxRows) {
        return new JdbcResultSet(statement, columns, List.of(), cursor, fetchSize, maxRows);
    }

    /** Returns whether rows come from a cursor. */
    boolean isStreaming() {
        return cursor != null;
    }

    private void checkOpen() throws SQLException {
        if (closed) {
            throw SqlErrors.closed("result set");
        }
    }

    @Override
    public boolean next() throws SQLException {
        checkOpen();
        if (index + 1 < rows.size()) {
            index++;
            delivered++;
            return true;
        }
        if (cursor == null || cursorDone || (maxRows > 0 && delivered >= maxRows)) {
            index = rows.size();
            return false;
        }
        int want = maxRows > 0 ? (int) Math.min(fetchSize, maxRows - delivered) : fetchSize;
        statement.connection.lock().lock();
        try {
            rows = cursor.fetch(want);
        } catch (PgJetException e) {
            throw SqlErrors.of(e);
        } finally {
            statement.connection.lock().unlock();
        }
        cursorDone = rows.size() < want;
        index = -1;
        return next();
    }

    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        closed = true;
        if (cursor != null) {
            statement.connection.lock().lock();
            try {
                if (!statement.connection.pg().isClosed()) {
                    cursor.close();
                }
            } catch (PgJetException e) {
                // The cursor dies with its transaction anyway; closing must not fail the caller.
            } finally {
                statement.connection.lock().unlock();
            }
        }
        statement.resultSetClosed(this);
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public boolean wasNull() throws SQLException {
        checkOpen();
        return wasNull;
    }

    private Row row() throws SQLException {
        checkOpen();
        if (index < 0 || index >= rows.size()) {
            throw SqlErrors.of("the result set is not on a row (call next())", "24000");
        }
        return rows.get(index);
    }

    /** Returns the 0-based index of 1-based {@code column}, noting whether its value is NULL. */
    private int col(Row row, int column) throws SQLException {
        if (column < 1 || column > columns.size()) {
            throw SqlErrors.of("column index out of range: " + column + " (1.." + columns.size() + ")",
                    SqlErrors.INVALID_PARAMETER);
        }
        wasNull = row.isNull(column - 1);
        return column - 1;
    }

    @Override
    public int findColumn(String label) throws SQLException {
        checkOpen();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(label)) {
                return i + 1;
            }
        }
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(label)) {
                return i + 1;
            }
        }
        throw SqlErrors.of("no column named \"" + label + "\" in this result", "42703");
    }

    private int oid(int i) {
        return columns.get(i).typeOid();
    }

    private static SQLException conversion(Row row, int i, String target, Exception cause) {
        return new SQLException("cannot read column " + (i + 1) + " (" + row.columnName(i) + ") as " + target
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), "22018", cause);
    }

    // ---- getters by index ---------------------------------------------------------------------

    @Override
    public String getString(int columnIndex) throws SQLException {
        Row row = row();
        int i = col(row, columnIndex);
        return wasNull ? null : row.getString(i);
    }

    @Override
    public boolean getBoolean(int columnIndex) throws SQLException {
        Row row = row();
        int i = col(row, columnIndex);
        if (wasNull) {
            return false;
        }
        if (oid(i) == 16) {
            return row.getBoolean(i);
        }
        String text = row.getString(i).trim().toLowerCase(Locale.ROOT);
        switch (text) {
            case "t", "true", "y", "yes", "on", "1":
                return true;
            case "f", "false", "n", "no", "off", "0":
                return false;
            default:
                try {
                    return new BigDecimal(text).signum() != 0;
                } catch (NumberFormatException e) {
                    throw conversion(row, i, "boolean", e);
                }
        }
    }

    private BigDecimal decimal(Row row, int i) throws SQLException {
        Object value = row.get(i);
        try {
            if (value instanceof BigDecimal b) {
                return b;
            }
            if (value instanceof Long || value instanceof Integer || value instanceof Short) {
                return BigDecimal.valueOf(((Number) value).longValue());
            }
            if (value instanceof Number n) {
                return new BigDecimal(n.toString());
            }
            if (value instanceof Boolean b) {
                return b ? BigDecimal.ONE : BigDecimal.ZERO;
            }
            return new BigDecimal(row.getString(i).trim());
        } catch (NumberFormatException e) {
            throw conversion(row, i, "a number", e);
        }
    }

    private boolean isIntegral(int oid) {
        return oid == 20 || oid == 21 || oid == 23 || oid == 26;
    }

    @Override
    public long getLong(int columnIndex) throws SQLException {
        Row row = row();
        int i = col(row, columnIndex);
        if (wasNull) {
            return 0;
        }
        if (isIntegral(oid(i))) {
            return row.getLong(i);
        }
        try {
            return decimal(row, i).setScale(0, RoundingMode.DOWN).longValueExact();
        } catch (ArithmeticException e) {
            throw conversion(row, i, "long", e);
        }
    }

    /** Reads {@code columnIndex} as {@link #getLong} does; fails (22003) outside {@code min..max}, the range of {@code type}. */
    private long getLongIn(int columnIndex, long min, long max, String type) throws SQLException {
        long value = getLong(columnIndex);
        if (value < min || value > max) {
            throw SqlErrors.of("value " + value + " of column " + columnIndex + " is out of range for " + type, "22003");
        }
        return value;
    }

    @Override
    public int getInt(int columnIndex) throws SQLException {
        return (int) getLongIn(columnIndex, Integer.MIN_VALUE, Integer.MAX_VALUE, "int");
    }

    @Override
    public short getShort(int columnIndex) throws SQLException {
        return (short) getLongIn(columnIndex, Short.MIN_VALUE, Short.MAX_VALUE, "short");
    }

    @Override
    public byte getByte(int columnIndex) throws SQLException {
        return (byte) getLongIn(columnIndex, Byte.MIN_VALUE, Byte.MAX_VALUE, "byte");
    }

    @Override
    public double getDouble(int columnIndex) throws SQLException {
        Row row = row();
        int i = col(row, columnIndex);
        if (wasNull) {
            return 0;
        }
        int oid = oid(i);
        if (oid == 700 || oid == 701 || isIntegral(oid)) {
            return row.getDouble(i);
        }
        Object value = row.get(i);
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(row.getString(i).trim());
        } catch (NumberFormatException e) {
            throw conversion(row, i, "double", e);
        }
    }

    @Override
    public float getFloat(int columnIndex) throws SQLException {
        return (float) getDouble(columnIndex);
    }

    @Override
    public BigDecimal getBigDecimal(int columnIndex) throws SQLException {
        Row row = row();
        int i = col(row, columnIndex);
        return wasNull ? null : decimal(row, i);
    }

    @Override
    @Deprecated
    public BigDecimal getBigDecimal(int columnIndex, int scale) throws SQLException {
        BigDecimal value = getBigDecimal(columnIndex);
        return value == null ? null : value.setScale(scale, RoundingMode.HALF_UP);
    }

    @Override
    public byte[] getBytes(int columnIndex) throws SQLException {
        Row row = row();
        int i = col(row, columnIndex);
        if (wasNull) {
            return null;
        }
        return oid(i) == 17 ? row.get(i, byte[].class) : row.getString(i).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Date getDate(int columnIndex) throws SQLException {
        return getDate(columnIndex, null);
    }

    @Override
    public Date getDate(int columnIndex, Calendar cal) throws SQLException {
        Row row = row();
        int i = col(row, columnIndex);
        if (wasNull) {
            return null;
        }
        Object value = row.get(i);
        ZoneId zone = cal == null ? ZoneId.systemDefault() : cal.getTimeZone().toZoneId();
        if (value instanceof LocalDate d) {
            return Date.valueOf(d);
        }
        if (value instanceof LocalDateTime t) {
            return Date.valueOf(t.toLocalDate());
        }
        if (value instanceof OffsetDateTime t) {
            return Date.valueOf(t.atZoneSameInstant(zone).toLocalDate());
        }
        try {
            return Date.valueOf(LocalDate.parse(row.getString(i).trim()));
        } catch (RuntimeException e) {
            throw conversion(row, i, "a date", e);
        }
    }

    @Override
    public Time getTime(int columnIndex) throws SQLException {
        return getTime(columnIndex, null);
    }

    @Override
    public Time getTime(int columnIndex, Calendar cal) throws SQLException {
        Row row = row();
        int i = col(row, columnIndex);
        if (wasNull) {
            return null;
        }
        Object value = row.get(i);
        LocalTime time;
        if (value instanceof LocalTime t) {
            time = t;
        } else if (value instanceof OffsetTime t) {
            time = t.toLocalTime();
        } else if (value instanceof LocalDateTime t) {
            time = t.toLocalTime();
        } else if (value instanceof OffsetDateTime t) {
            time = t.atZoneSameInstant(cal == null ? ZoneId.systemDefault() : cal.getTimeZone().toZoneId()).toLocalTime();
        } else {
            try {
                time = LocalTime.parse(row.getString(i).trim());
            } catch (RuntimeException e) {
                throw conversion(row, i, "a time", e);
            }
        }
        Time result = Time.valueOf(time);
        result.setTime(result.getTime() + time.getNano() / 1_000_000);
        return result;
    }

    @Override
    public Timestamp getTimestamp(int columnIndex) throws SQLException {
        return getTimestamp(columnIndex, null);
    }

    @Override
    public Timestamp getTimestamp(int columnIndex, Calendar cal) throws SQLException {
        Row row = row();
        int i = col(row, columnIndex);
        if (wasNull) {
            return null;
        }
        Object value = row.get(i);
        if (value instanceof OffsetDateTime t) {
            return Timestamp.from(t.toInstant());
        }
        if (value instanceof LocalDateTime t) {
            // A timestamp without zone is wall time: in the calendar's zone if given, else the JVM's.
            return cal == null ? Timestamp.valueOf(t) : Timestamp.from(t.atZone(cal.getTimeZone().toZoneId()).toInstant());
        }
        if (value instanceof LocalDate d) {
            return Timestamp.valueOf(d.atStartOfDay());
        }
        if (value instanceof LocalTime t) {
            return Timestamp.valueOf(LocalDate.of(1970, 1, 1).atTime(t));
        }
        try {
            return Timestamp.valueOf(row.getString(i).trim());
        } catch (RuntimeException e) {
            throw conversion(row, i, "a timestamp", e);
        }
    }

    @Override
    public Object getObject(int columnIndex) throws SQLException {
        Row row = row();
        int i = col(row, columnIndex);
        if (wasNull) {
            return null;
        }
        switch (oid(i)) {
            case 21:
                return getInt(columnIndex);
            case 1082:
                return getDate(columnIndex);
            case 1083:
            case 1266:
                return getTime(columnIndex);
            case 1114:
            case 1184:
                return getTimestamp(columnIndex);
            default:
                break;
        }
        Attribute column = columns.get(i);
        if (PgTypes.sqlType(column.typeOid(), column.typeName()) == java.sql.Types.ARRAY) {
            return getArray(columnIndex);
        }
        return row.get(i);
    }

    @Override
    public Object getObject(int columnIndex, Map<String, Class<?>> map) throws SQLException {
        return getObject(columnIndex);
    }

    @Override
    public <T> T getObject(int columnIndex, Class<T> type) throws SQLException {
        if (type == null) {
            throw SqlErrors.of("type must not be null", SqlErrors.INVALID_PARAMETER);
        }
        Row row = row();
        int i = col(row, columnIndex);
        if (wasNull) {
            return null;
        }
        Object value;
        if (type == String.class) {
            value = getString(columnIndex);
        } else if (type == Integer.class) {
            value = getInt(columnIndex);
        } else if (type == Long.class) {
            value = getLong(columnIndex);
        } else if (type == Short.class) {
            value = getShort(columnIndex);
        } else if (type == Byte.class) {
            value = getByte(columnIndex);
        } else if (type == Double.class) {
            value = getDouble(columnIndex);
        } else if (type == Float.class) {
            value = getFloat(columnIndex);
        } else if (type == Boolean.class) {
            value = getBoolean(columnIndex);
        } else if (type == BigDecimal.class) {
            value = getBigDecimal(columnIndex);
        } else if (type == byte[].class) {
            value = getBytes(columnIndex);
        } else if (type == Date.class) {
            value = getDate(columnIndex);
        } else if (type == Time.class) {
            value = getTime(columnIndex);
        } else if (type == Timestamp.class || type == java.util.Date.class) {
            value = getTimestamp(columnIndex);
        } else if (type == Array.class) {
            value = getArray(columnIndex);
        } else if (type == Instant.class && oid(i) == 1114) {
            // pgjdbc reads a timestamp without zone as UTC when asked for an Instant.
            value = row.get(i, LocalDateTime.class).toInstant(java.time.ZoneOffset.UTC);
        } else {
            try {
                value = row.get(i, type);
            } catch (PgJetException e) {
                throw conversion(row, i, type.getName(), e);
            }
        }
        return type.cast(value);
    }

    @Override
    public Array getArray(int columnIndex) throws SQLException {
        Row row = row();
        int i = col(row, columnIndex);
        if (wasNull) {
            return null;
        }
        Attribute column = columns.get(i);
        int elementOid = PgTypes.elementOid(column.typeOid());
        String base = elementOid != 0 ? PgTypes.name(elementOid, null)
                : column.typeName() != null && column.typeName().endsWith("[]")
                        ? column.typeName().substring(0, column.typeName().length() - 2) : column.typeName();
        Object[] elements;
        try {
            elements = typedElements(row, i, elementOid);
        } catch (PgJetException e) {
            throw conversion(row, i, "an array", e);
        }
        return new JdbcArray(base, elementOid, elements);
    }

    /** Reads an array column as the typed Java array pgjdbc returns for its element type. */
    private static Object[] typedElements(Row row, int i, int elementOid) {
        Class<? extends Object[]> type;
        switch (elementOid) {
            case 23 -> type = Integer[].class;
            case 20 -> type = Long[].class;
            case 21 -> type = Short[].class;
            case 25, 1043, 1042, 19 -> type = String[].class;
            case 16 -> type = Boolean[].class;
            case 701 -> type = Double[].class;
            case 700 -> type = Float[].class;
            case 1700 -> type = BigDecimal[].class;
            case 2950 -> type = java.util.UUID[].class;
            default -> type = Object[].class;
        }
        try {
            return row.get(i, type);
        } catch (PgJetException e) {
            // Multi-dimensional arrays do not fit the one-dimensional typed array.
            return row.get(i, Object[].class);
        }
    }

    @Override
    public InputStream getAsciiStream(int columnIndex) throws SQLException {
        String s = getString(columnIndex);
        return s == null ? null : new ByteArrayInputStream(s.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public InputStream getBinaryStream(int columnIndex) throws SQLException {
        byte[] b = getBytes(columnIndex);
        return b == null ? null : new ByteArrayInputStream(b);
    }

    @Override
    public Reader getCharacterStream(int columnIndex) throws SQLException {
        String s = getString(columnIndex);
        return s == null ? null : new StringReader(s);
    }

    @Override
    public java.sql.Blob getBlob(int columnIndex) throws SQLException {
        byte[] b = getBytes(columnIndex);
        return b == null ? null : new JdbcBlob(b);
    }

    @Override
    public java.sql.Blob getBlob(String columnLabel) throws SQLException {
        return getBlob(findColumn(columnLabel));
    }

    @Override
    public java.sql.Clob getClob(int columnIndex) throws SQLException {
        return getNClob(columnIndex);
    }

    @Override
    public java.sql.Clob getClob(String columnLabel) throws SQLException {
        return getClob(findColumn(columnLabel));
    }

    @Override
    public java.sql.NClob getNClob(int columnIndex) throws SQLException {
        String s = getString(columnIndex);
        return s == null ? null : new JdbcClob(s);
    }

    @Override
    public java.sql.NClob getNClob(String columnLabel) throws SQLException {
        return getNClob(findColumn(columnLabel));
    }

    @Override
    public Reader getNCharacterStream(int columnIndex) throws SQLException {
        return getCharacterStream(columnIndex);
    }

    @Override
    public String getNString(int columnIndex) throws SQLException {
        return getString(columnIndex);
    }

    // ---- getters by label ---------------------------------------------------------------------

    @Override
    public String getString(String columnLabel) throws SQLException {
        return getString(findColumn(columnLabel));
    }

    @Override
    public boolean getBoolean(String columnLabel) throws SQLException {
        return getBoolean(findColumn(columnLabel));
    }

    @Override
    public byte getByte(String columnLabel) throws SQLException {
        return getByte(findColumn(columnLabel));
    }

    @Override
    public short getShort(String columnLabel) throws SQLException {
        return getShort(findColumn(columnLabel));
    }

    @Override
    public int getInt(String columnLabel) throws SQLException {
        return getInt(findColumn(columnLabel));
    }

    @Override
    public long getLong(String columnLabel) throws SQLException {
        return getLong(findColumn(columnLabel));
    }

    @Override
    public float getFloat(String columnLabel) throws SQLException {
        return getFloat(findColumn(columnLabel));
    }

    @Override
    public double getDouble(String columnLabel) throws SQLException {
        return getDouble(findColumn(columnLabel));
    }

    @Override
    @Deprecated
    public BigDecimal getBigDecimal(String columnLabel, int scale) throws SQLException {
        return getBigDecimal(findColumn(columnLabel), scale);
    }

    @Override
    public BigDecimal getBigDecimal(String columnLabel) throws SQLException {
        return getBigDecimal(findColumn(columnLabel));
    }

    @Override
    public byte[] getBytes(String columnLabel) throws SQLException {
        return getBytes(findColumn(columnLabel));
    }

    @Override
    public Date getDate(String columnLabel) throws SQLException {
        return getDate(findColumn(columnLabel));
    }

    @Override
    public Date getDate(String columnLabel, Calendar cal) throws SQLException {
        return getDate(findColumn(columnLabel), cal);
    }

    @Override
    public Time getTime(String columnLabel) throws SQLException {
        return getTime(findColumn(columnLabel));
    }

    @Override
    public Time getTime(String columnLabel, Calendar cal) throws SQLException {
        return getTime(findColumn(columnLabel), cal);
    }

    @Override
    public Timestamp getTimestamp(String columnLabel) throws SQLException {
        return getTimestamp(findColumn(columnLabel));
    }

    @Override
    public Timestamp getTimestamp(String columnLabel, Calendar cal) throws SQLException {
        return getTimestamp(findColumn(columnLabel), cal);
    }

    @Override
    public Object getObject(String columnLabel) throws SQLException {
        return getObject(findColumn(columnLabel));
    }

    @Override
    public Object getObject(String columnLabel, Map<String, Class<?>> map) throws SQLException {
        return getObject(findColumn(columnLabel));
    }

    @Override
    public <T> T getObject(String columnLabel, Class<T> type) throws SQLException {
        return getObject(findColumn(columnLabel), type);
    }

    @Override
    public Array getArray(String columnLabel) throws SQLException {
        return getArray(findColumn(columnLabel));
    }

    @Override
    public InputStream getAsciiStream(String columnLabel) throws SQLException {
        return getAsciiStream(findColumn(columnLabel));
    }

    @Override
    public InputStream getBinaryStream(String columnLabel) throws SQLException {
        return getBinaryStream(findColumn(columnLabel));
    }

    @Override
    public Reader getCharacterStream(String columnLabel) throws SQLException {
        return getCharacterStream(findColumn(columnLabel));
    }

    @Override
    public Reader getNCharacterStream(String columnLabel) throws SQLException {
        return getCharacterStream(findColumn(columnLabel));
    }

    @Override
    public String getNString(String columnLabel) throws SQLException {
        return getString(findColumn(columnLabel));
    }

    // ---- state --------------------------------------------------------------------------------

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        return new JdbcResultSetMetaData(columns, statement.connection.columnCatalog());
    }

    @Override
    public int getRow() throws SQLException {
        checkOpen();
        if (index < 0 || index >= rows.size()) {
            return 0;
        }
        return cursor == null ? index + 1 : (int) Math.min(delivered, Integer.MAX_VALUE);
    }

    @Override
    public boolean isBeforeFirst() throws SQLException {
        checkOpen();
        if (cursor == null) {
            return index < 0 && !rows.isEmpty();
        }
        return index < 0 && delivered == 0 && !cursorDone;
    }

    @Override
    public boolean isAfterLast() throws SQLException {
        checkOpen();
        if (cursor == null) {
            return index >= rows.size() && !rows.isEmpty();
        }
        return index >= rows.size() && (cursorDone || (maxRows > 0 && delivered >= maxRows)) && delivered > 0;
    }

    @Override
    public boolean isFirst() throws SQLException {
        checkOpen();
        if (cursor == null) {
            return index == 0 && !rows.isEmpty();
        }
        return delivered == 1 && index >= 0 && index < rows.size();
    }

    // ---- scrolling (TYPE_SCROLL_INSENSITIVE: the rows are all in memory) -----------------------

    private void checkScrollable() throws SQLException {
        checkOpen();
        if (!scrollable) {
            throw SqlErrors.of("the result set is TYPE_FORWARD_ONLY; create the statement with"
                    + " TYPE_SCROLL_INSENSITIVE to scroll", "24000");
        }
    }

    /** Moves to 0-based {@code target}, clamped to before-first (-1) .. after-last (size); returns whether on a row. */
    private boolean moveTo(long target) {
        index = (int) Math.max(-1, Math.min(target, rows.size()));
        return index >= 0 && index < rows.size();
    }

    @Override
    public boolean absolute(int row) throws SQLException {
        checkScrollable();
        return moveTo(row > 0 ? row - 1L : row < 0 ? (long) rows.size() + row : -1);
    }

    @Override
    public boolean relative(int rowsToMove) throws SQLException {
        checkScrollable();
        return moveTo((long) index + rowsToMove);
    }

    @Override
    public boolean previous() throws SQLException {
        checkScrollable();
        return moveTo(index - 1L);
    }

    @Override
    public boolean first() throws SQLException {
        checkScrollable();
        return moveTo(rows.isEmpty() ? rows.size() : 0);
    }

    @Override
    public boolean last() throws SQLException {
        checkScrollable();
        return moveTo(rows.size() - 1L);
    }

    @Override
    public void beforeFirst() throws SQLException {
        checkScrollable();
        moveTo(-1);
    }

    @Override
    public void afterLast() throws SQLException {
        checkScrollable();
        moveTo(rows.size());
    }

    @Override
    public boolean isLast() throws SQLException {
        checkOpen();
        if (cursor != null) {
            throw SqlErrors.unsupported("isLast on a streaming result set");
        }
        return index >= 0 && index == rows.size() - 1;
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        checkOpen();
        if (direction != FETCH_FORWARD && !(scrollable && (direction == FETCH_REVERSE || direction == FETCH_UNKNOWN))) {
            throw SqlErrors.unsupported("fetch directions other than FETCH_FORWARD");
        }
    }

    @Override
    public int getFetchDirection() throws SQLException {
        checkOpen();
        return FETCH_FORWARD;
    }

    @Override
    public void setFetchSize(int rows) throws SQLException {
        checkOpen();
        SqlErrors.checkNotNegative(rows, "fetch size");
    }

    @Override
    public int getFetchSize() throws SQLException {
        checkOpen();
        return fetchSize;
    }

    @Override
    public int getType() throws SQLException {
        checkOpen();
        return scrollable ? TYPE_SCROLL_INSENSITIVE : TYPE_FORWARD_ONLY;
    }

    @Override
    public int getConcurrency() throws SQLException {
        checkOpen();
        return CONCUR_READ_ONLY;
    }

    @Override
    public Statement getStatement() throws SQLException {
        checkOpen();
        return statement;
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        checkOpen();
        return null;
    }

    @Override
    public void clearWarnings() throws SQLException {
        checkOpen();
    }

    @Override
    public int getHoldability() throws SQLException {
        checkOpen();
        return CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return SqlErrors.unwrapSelf(this, iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
