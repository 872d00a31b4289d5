package io.pgjet.internal.result;

import io.pgjet.PgInterfaceException;
import io.pgjet.Row;
import io.pgjet.internal.types.BinaryPrimitives;
import io.pgjet.internal.types.Codec;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A view of one row of a {@link RowBuffer}; each getter locates its value in the buffer and
 * decodes it with the column's codec (binary) or from text. Nothing is cached per row: the
 * buffer already knows where every value starts.
 */
final class BufferedRow implements Row, RecordMapper.LayoutAware {
    private final RowBuffer buffer;
    private final int row;
    private final byte[] data;

    BufferedRow(RowBuffer buffer, int row) {
        this.buffer = buffer;
        this.row = row;
        this.data = buffer.chunkOf(row);
    }

    /** Returns the offset of the length that precedes value {@code index} in {@link #data}. */
    private int at(int index) {
        return buffer.lengthOffset(row, index);
    }

    private Columns columns() {
        return buffer.columns();
    }

    @Override
    public Columns layout() {
        return buffer.columns();
    }

    @Override
    public int columnCount() {
        return columns().count();
    }

    @Override
    public String columnName(int index) {
        return columns().name(index);
    }

    @Override
    public int indexOf(String name) {
        return columns().indexOf(name);
    }

    @Override
    public int columnTypeOid(int index) {
        return columns().typeOid(index);
    }

    @Override
    public boolean isNull(int index) {
        return RowBuffer.readInt(data, at(index)) < 0;
    }

    @Override
    public String getString(int index) {
        int at = at(index);
        int length = RowBuffer.readInt(data, at);
        if (length < 0) {
            return null;
        }
        Codec codec = columns().codec(index);
        return codec == null ? new String(data, at + 4, length, StandardCharsets.UTF_8)
                : codec.decodeText(data, at + 4, length, buffer.context());
    }

    @Override
    public byte[] getBytes(int index) {
        int at = at(index);
        int length = RowBuffer.readInt(data, at);
        return length < 0 ? null : Arrays.copyOfRange(data, at + 4, at + 4 + length);
    }

    @Override
    public Object get(int index) {
        int at = at(index);
        int length = RowBuffer.readInt(data, at);
        if (length < 0) {
            return null;
        }
        Codec codec = columns().codec(index);
        return codec == null ? new String(data, at + 4, length, StandardCharsets.UTF_8)
                : codec.decode(data, at + 4, length, buffer.context());
    }

    @Override
    public <T> T get(int index, Class<T> type) {
        int at = at(index);
        int length = RowBuffer.readInt(data, at);
        if (length < 0) {
            return null;
        }
        Codec codec = columns().codec(index);
        if (codec == null) {
            return TextValues.convert(new String(data, at + 4, length, StandardCharsets.UTF_8), type, columnName(index));
        }
        return codec.decode(data, at + 4, length, type, buffer.context());
    }

    /** Returns the offset of the length of a non-NULL value, or throws naming the column. */
    private int valueOffset(int index, String javaType) {
        int at = at(index);
        if (RowBuffer.readInt(data, at) < 0) {
            throw new PgInterfaceException("column \"" + columnName(index) + "\" is NULL; it cannot be read as "
                    + javaType + " (use get() or isNull())");
        }
        return at;
    }

    private int length(int at) {
        return RowBuffer.readInt(data, at);
    }

    private boolean isText(int index) {
        return !columns().isBinary(index);
    }

    private <T> T fromText(int index, int at, Class<T> type) {
        return TextValues.convert(new String(data, at + 4, length(at), StandardCharsets.UTF_8), type,
                columnName(index));
    }

    @Override
    public int getInt(int index) {
        int at = valueOffset(index, "int");
        return isText(index) ? fromText(index, at, Integer.class)
                : BinaryPrimitives.asInt(columnTypeOid(index), data, at + 4, length(at));
    }

    @Override
    public long getLong(int index) {
        int at = valueOffset(index, "long");
        return isText(index) ? fromText(index, at, Long.class)
                : BinaryPrimitives.asLong(columnTypeOid(index), data, at + 4, length(at));
    }

    @Override
    public double getDouble(int index) {
        int at = valueOffset(index, "double");
        return isText(index) ? fromText(index, at, Double.class)
                : BinaryPrimitives.asDouble(columnTypeOid(index), data, at + 4, length(at));
    }

    @Override
    public boolean getBoolean(int index) {
        int at = valueOffset(index, "boolean");
        return isText(index) ? fromText(index, at, Boolean.class)
                : BinaryPrimitives.asBoolean(columnTypeOid(index), data, at + 4, length(at));
    }

    @Override
    public <R extends Record> R as(Class<R> recordType) {
        return RecordMapper.map(this, recordType);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("Row[");
        for (int i = 0; i < columnCount(); i++) {
            b.append(i == 0 ? "" : ", ").append(columnName(i)).append('=').append(getString(i));
        }
        return b.append(']').toString();
    }
}
