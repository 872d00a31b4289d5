package io.pgjet.internal.result;

import io.netty.buffer.ByteBuf;
import io.pgjet.protocol.ProtocolException;
import java.util.Arrays;

/**
 * Keeps every row of one result as the raw bytes of its DataRow, back to back in one growing
 * array, plus where each row starts. Rows cost their wire bytes and four bytes of index: no
 * object per row or per value until the caller asks for one.
 *
 * <p>Filled on the I/O thread, then read-only (safely published through the query's future).
 */
public final class RowBuffer {
    private static final int[] NO_ROWS = new int[0];
    private static final byte[] NO_DATA = new byte[0];
    private final Columns columns;
    private byte[] data = NO_DATA;
    private int size;
    private int[] rowStarts = NO_ROWS;
    private int rowCount;

    /** Creates an empty buffer for rows of the given layout. */
    public RowBuffer(Columns columns) {
        this.columns = columns;
    }

    /** Returns the column layout. */
    public Columns columns() {
        return columns;
    }

    /** Returns the number of rows. */
    public int rowCount() {
        return rowCount;
    }

    /**
     * Appends a DataRow body (positioned at its column count, already validated by the decoder).
     *
     * @throws ProtocolException if its column count differs from the RowDescription's
     */
    public void add(ByteBuf body) {
        int length = body.readableBytes();
        int count = body.getUnsignedShort(body.readerIndex());
        if (count != columns.count()) {
            throw new ProtocolException("DataRow has " + count + " columns, RowDescription announced "
                    + columns.count());
        }
        if (size + length > data.length) {
            // The first row sizes the array: a one-row answer stays small, long results double.
            int wanted = data.length == 0 ? Math.max(64, length * 4) : grow(data.length);
            data = Arrays.copyOf(data, Math.max(size + length, wanted));
        }
        if (rowCount == rowStarts.length) {
            rowStarts = Arrays.copyOf(rowStarts, Math.max(8, grow(rowStarts.length)));
        }
        body.getBytes(body.readerIndex(), data, size, length);
        rowStarts[rowCount++] = size;
        size += length;
    }

    private static int grow(int length) {
        int grown = length << 1;
        if (grown < 0 || grown > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("result too large to hold in memory; use a cursor");
        }
        return grown;
    }

    /** Returns the backing array; offsets from {@link #valueOffset} index into it. */
    byte[] data() {
        return data;
    }

    /**
     * Returns the offset of the 4-byte length that precedes value {@code column} of row
     * {@code row}; the value itself starts 4 bytes later. Walks the row's columns.
     */
    int lengthOffset(int row, int column) {
        if (column < 0 || column >= columns.count()) {
            throw new IndexOutOfBoundsException("column " + column + " of " + columns.count());
        }
        int pos = rowStarts[row] + 2;
        for (int i = 0; i < column; i++) {
            int length = readInt(data, pos);
            pos += 4 + Math.max(length, 0);
        }
        return pos;
    }

    static int readInt(byte[] b, int pos) {
        return (b[pos] & 0xff) << 24 | (b[pos + 1] & 0xff) << 16 | (b[pos + 2] & 0xff) << 8 | (b[pos + 3] & 0xff);
    }
}
