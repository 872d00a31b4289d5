package io.pgjet.internal.result;

import io.netty.buffer.ByteBuf;
import io.pgjet.Row;
import io.pgjet.protocol.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A row kept as the bytes of its DataRow plus the offset of each value: one copy out of the
 * network buffer, values decoded on access.
 */
public final class RawRow implements Row {
    private final Columns columns;
    private final byte[] data;
    /** Per column: start offset in {@link #data}, or -1 for NULL. */
    private final int[] starts;
    private final int[] lengths;

    private RawRow(Columns columns, byte[] data, int[] starts, int[] lengths) {
        this.columns = columns;
        this.data = data;
        this.starts = starts;
        this.lengths = lengths;
    }

    /**
     * Copies a DataRow body (positioned at its column count) into a new row.
     *
     * @throws ProtocolException if the row does not match the column layout
     */
    public static RawRow copyOf(Columns columns, ByteBuf body) {
        int count = body.getUnsignedShort(body.readerIndex());
        if (count != columns.count()) {
            throw new ProtocolException("DataRow has " + count + " columns, RowDescription announced "
                    + columns.count());
        }
        byte[] data = new byte[body.readableBytes()];
        body.getBytes(body.readerIndex(), data);
        int[] starts = new int[count];
        int[] lengths = new int[count];
        int pos = 2;
        for (int i = 0; i < count; i++) {
            int length = (data[pos] & 0xff) << 24 | (data[pos + 1] & 0xff) << 16
                    | (data[pos + 2] & 0xff) << 8 | (data[pos + 3] & 0xff);
            pos += 4;
            if (length < 0) {
                starts[i] = -1;
            } else {
                starts[i] = pos;
                lengths[i] = length;
                pos += length;
            }
        }
        return new RawRow(columns, data, starts, lengths);
    }

    @Override
    public int columnCount() {
        return starts.length;
    }

    @Override
    public String columnName(int index) {
        return columns.name(index);
    }

    @Override
    public int indexOf(String name) {
        return columns.indexOf(name);
    }

    @Override
    public int columnTypeOid(int index) {
        return columns.typeOid(index);
    }

    @Override
    public boolean isNull(int index) {
        return starts[index] < 0;
    }

    @Override
    public String getString(int index) {
        int start = starts[index];
        return start < 0 ? null : new String(data, start, lengths[index], StandardCharsets.UTF_8);
    }

    @Override
    public byte[] getBytes(int index) {
        int start = starts[index];
        return start < 0 ? null : Arrays.copyOfRange(data, start, start + lengths[index]);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("Row[");
        for (int i = 0; i < starts.length; i++) {
            if (i > 0) {
                b.append(", ");
            }
            b.append(columns.name(i)).append('=').append(columns.format(i) == 0 ? getString(i) : "<binary>");
        }
        return b.append(']').toString();
    }
}
