package io.pgjet.internal.result;

import io.netty.buffer.ByteBuf;
import io.pgjet.protocol.ProtocolException;
import java.util.Arrays;

/**
 * Keeps every row of one result as the raw bytes of its DataRow, back to back in a few large
 * chunks, plus where each row starts. Rows cost their wire bytes and four bytes of index: no
 * object per row or per value until the caller asks for one.
 *
 * <p>Chunks grow geometrically up to 64 KiB and are never copied when the result grows (a row
 * larger than that gets a chunk of its own), so filling the buffer allocates little more than
 * the rows themselves. Filled on the I/O thread, then read-only (safely published through the
 * query's future).
 */
public final class RowBuffer {
    private static final int MAX_CHUNK = 64 * 1024;
    private static final int[] NO_ROWS = new int[0];

    private final Columns columns;
    private byte[][] chunks = new byte[1][];
    /** Index of the first row stored in each chunk, ascending. */
    private int[] chunkFirstRow = new int[1];
    private int chunkCount;
    private int used;
    /** Per row: offset of its body in its chunk. */
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
        byte[] chunk = chunkCount == 0 ? null : chunks[chunkCount - 1];
        if (chunk == null || used + length > chunk.length) {
            chunk = newChunk(length);
        }
        if (rowCount == rowStarts.length) {
            rowStarts = Arrays.copyOf(rowStarts, Math.max(8, rowStarts.length * 2));
        }
        body.getBytes(body.readerIndex(), chunk, used, length);
        rowStarts[rowCount++] = used;
        used += length;
    }

    private byte[] newChunk(int length) {
        int previous = chunkCount == 0 ? 0 : chunks[chunkCount - 1].length;
        // The first chunk fits a few rows (a one-row answer stays small); later ones double.
        int size = Math.max(length, Math.min(MAX_CHUNK, previous == 0 ? Math.max(64, length * 4) : previous * 2));
        if (chunkCount == chunks.length) {
            chunks = Arrays.copyOf(chunks, chunkCount * 2);
            chunkFirstRow = Arrays.copyOf(chunkFirstRow, chunkCount * 2);
        }
        byte[] chunk = new byte[size];
        chunks[chunkCount] = chunk;
        chunkFirstRow[chunkCount] = rowCount;
        chunkCount++;
        used = 0;
        return chunk;
    }

    /** Returns the chunk holding row {@code row}; offsets from {@link #lengthOffset} index into it. */
    byte[] chunkOf(int row) {
        if (chunkCount == 1) {
            return chunks[0];
        }
        int index = Arrays.binarySearch(chunkFirstRow, 0, chunkCount, row);
        // Not found: the chunk is the one before the insertion point (-index - 1).
        return chunks[index >= 0 ? index : -index - 2];
    }

    /**
     * Returns the offset (in {@link #chunkOf(int)}) of the 4-byte length that precedes value
     * {@code column} of row {@code row}; the value itself starts 4 bytes later. Walks the row's
     * columns.
     */
    int lengthOffset(byte[] chunk, int row, int column) {
        if (column < 0 || column >= columns.count()) {
            throw new IndexOutOfBoundsException("column " + column + " of " + columns.count());
        }
        int pos = rowStarts[row] + 2;
        for (int i = 0; i < column; i++) {
            int length = readInt(chunk, pos);
            pos += 4 + Math.max(length, 0);
        }
        return pos;
    }

    /**
     * Returns the offset of the length of value {@code column}, walking on from the known offset
     * {@code from} of value {@code fromColumn} (same row, {@code fromColumn <= column}).
     */
    int lengthOffsetFrom(byte[] chunk, int from, int fromColumn, int column) {
        if (column >= columns.count()) {
            throw new IndexOutOfBoundsException("column " + column + " of " + columns.count());
        }
        int pos = from;
        for (int i = fromColumn; i < column; i++) {
            int length = readInt(chunk, pos);
            pos += 4 + Math.max(length, 0);
        }
        return pos;
    }

    static int readInt(byte[] b, int pos) {
        return (b[pos] & 0xff) << 24 | (b[pos + 1] & 0xff) << 16 | (b[pos + 2] & 0xff) << 8 | (b[pos + 3] & 0xff);
    }
}
