package io.pgjet.internal.result;

import io.pgjet.Row;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A view of one row of a {@link RowBuffer}; values are decoded from the buffer on access. */
final class BufferedRow implements Row {
    private final RowBuffer buffer;
    private final int row;

    BufferedRow(RowBuffer buffer, int row) {
        this.buffer = buffer;
        this.row = row;
    }

    @Override
    public int columnCount() {
        return buffer.columns().count();
    }

    @Override
    public String columnName(int index) {
        return buffer.columns().name(index);
    }

    @Override
    public int indexOf(String name) {
        return buffer.columns().indexOf(name);
    }

    @Override
    public int columnTypeOid(int index) {
        return buffer.columns().typeOid(index);
    }

    @Override
    public boolean isNull(int index) {
        return RowBuffer.readInt(buffer.data(), buffer.lengthOffset(row, index)) < 0;
    }

    @Override
    public String getString(int index) {
        byte[] data = buffer.data();
        int at = buffer.lengthOffset(row, index);
        int length = RowBuffer.readInt(data, at);
        return length < 0 ? null : new String(data, at + 4, length, StandardCharsets.UTF_8);
    }

    @Override
    public byte[] getBytes(int index) {
        byte[] data = buffer.data();
        int at = buffer.lengthOffset(row, index);
        int length = RowBuffer.readInt(data, at);
        return length < 0 ? null : Arrays.copyOfRange(data, at + 4, at + 4 + length);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("Row[");
        for (int i = 0; i < columnCount(); i++) {
            b.append(i == 0 ? "" : ", ").append(columnName(i)).append('=')
                    .append(buffer.columns().format(i) == 0 ? getString(i) : "<binary>");
        }
        return b.append(']').toString();
    }
}
