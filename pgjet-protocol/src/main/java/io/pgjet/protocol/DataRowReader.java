package io.pgjet.protocol;

import io.netty.buffer.ByteBuf;
import java.util.NoSuchElementException;

/**
 * Walks the columns of DataRow bodies one after another, without allocating; reusable across
 * rows via {@link #reset}.
 *
 * <p>After {@link #nextColumn()} the row's reader index is at the first byte of that column's
 * value, so the caller can decode it straight from the row. The reader does not depend on where
 * the caller leaves the reader index: the next call moves to the following column regardless.
 * The reader keeps a reference to the row but never retains or releases it. Not thread-safe.
 */
public final class DataRowReader {

    private ByteBuf row;
    private int columnCount;
    private int column = -1;
    private int nextHeader;
    private int valueIndex;
    private int valueLength;

    /** Creates a reader with no row; call {@link #reset} before reading. */
    public DataRowReader() {
    }

    /**
     * Starts reading a row.
     *
     * @param row a DataRow body positioned at its column count (as passed to {@link
     *     BackendHandler#dataRow}); the reader index is moved past the column count
     * @return this reader
     * @throws ProtocolException if the row has no column count
     */
    public DataRowReader reset(ByteBuf row) {
        this.columnCount = DataRows.columnCount(row);
        this.row = row;
        this.column = -1;
        this.nextHeader = row.readerIndex() + 2;
        this.valueIndex = nextHeader;
        this.valueLength = -1;
        row.readerIndex(nextHeader);
        return this;
    }

    /**
     * Moves to the next column and positions the row's reader index at its value.
     *
     * @return the value length in bytes, or -1 for NULL
     * @throws NoSuchElementException if all columns have been read
     * @throws ProtocolException if the column's length does not fit the row
     */
    public int nextColumn() {
        if (column + 1 >= columnCount) {
            throw new NoSuchElementException("all " + columnCount + " columns have been read");
        }
        int header = nextHeader;
        int length = DataRows.columnLength(row, header, row.writerIndex(), column + 1);
        column++;
        valueIndex = header + 4;
        valueLength = length;
        nextHeader = valueIndex + Math.max(length, 0);
        row.readerIndex(valueIndex);
        return length;
    }

    /**
     * Skips the next column without reading it.
     *
     * @throws NoSuchElementException if all columns have been read
     * @throws ProtocolException if the column's length does not fit the row
     */
    public void skip() {
        nextColumn();
        row.readerIndex(nextHeader);
    }

    /**
     * Skips the next {@code count} columns.
     *
     * @param count number of columns to skip, not negative
     * @throws NoSuchElementException if fewer than {@code count} columns remain
     * @throws ProtocolException if a column's length does not fit the row
     */
    public void skip(int count) {
        for (int i = 0; i < count; i++) {
            skip();
        }
    }

    /**
     * Tells whether another column follows.
     *
     * @return true if {@link #nextColumn()} can be called
     */
    public boolean hasNextColumn() {
        return column + 1 < columnCount;
    }

    /**
     * Returns the row's column count.
     *
     * @return the number of columns in the current row
     */
    public int columnCount() {
        return columnCount;
    }

    /**
     * Returns the index of the column last moved to.
     *
     * @return the zero-based column index, or -1 before the first {@link #nextColumn()}
     */
    public int columnIndex() {
        return column;
    }

    /**
     * Returns the absolute index of the current column's first value byte.
     *
     * @return an index into {@link #row()}
     */
    public int valueIndex() {
        return valueIndex;
    }

    /**
     * Returns the current column's value length.
     *
     * @return the length in bytes, or -1 for NULL
     */
    public int valueLength() {
        return valueLength;
    }

    /**
     * Returns the row being read.
     *
     * @return the buffer passed to {@link #reset}, or null before the first reset
     */
    public ByteBuf row() {
        return row;
    }
}
