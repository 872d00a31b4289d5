package io.pgjet.protocol;

import io.netty.buffer.ByteBuf;

/**
 * Reads the structure of DataRow bodies in place, without copying or allocating.
 *
 * <p>A DataRow body is an int16 column count followed, per column, by an int32 length (-1 for
 * NULL) and that many value bytes. None of these methods changes the row's indices, retains it or
 * releases it. Stateless and thread-safe.
 */
public final class DataRows {

    private DataRows() {
    }

    /**
     * Returns a row's column count.
     *
     * @param row a DataRow body positioned at its column count
     * @return the number of columns
     * @throws ProtocolException if fewer than 2 bytes are readable
     */
    public static int columnCount(ByteBuf row) {
        if (row.readableBytes() < 2) {
            throw new ProtocolException("DataRow truncated: no column count");
        }
        return row.getUnsignedShort(row.readerIndex());
    }

    /**
     * Locates every column of a row for random access.
     *
     * @param row a validated DataRow body positioned at its column count
     * @param valueIndexes receives, per column, the absolute index of the value's first byte
     * @param lengths receives, per column, the value length, or -1 for NULL
     * @return the number of columns written to the arrays
     * @throws IllegalArgumentException if an array is shorter than the column count
     * @throws ProtocolException if the row is malformed
     */
    public static int locateColumns(ByteBuf row, int[] valueIndexes, int[] lengths) {
        int count = columnCount(row);
        if (valueIndexes.length < count || lengths.length < count) {
            throw new IllegalArgumentException("arrays too short for " + count + " columns");
        }
        int index = row.readerIndex() + 2;
        int end = row.writerIndex();
        for (int i = 0; i < count; i++) {
            int length = columnLength(row, index, end, i);
            valueIndexes[i] = index + 4;
            lengths[i] = length;
            index += 4 + Math.max(length, 0);
        }
        return count;
    }

    /**
     * Checks a DataRow body's structure: column count, lengths that are -1 or fit the body, and no
     * trailing bytes. Does not move the reader index.
     */
    static void validate(ByteBuf row) {
        int count = columnCount(row);
        int index = row.readerIndex() + 2;
        int end = row.writerIndex();
        for (int i = 0; i < count; i++) {
            index += 4 + Math.max(columnLength(row, index, end, i), 0);
        }
        if (index != end) {
            throw new ProtocolException("DataRow has " + (end - index) + " unexpected trailing bytes after "
                    + count + " columns");
        }
    }

    /** Reads the length header at {@code index} and checks the header and value fit before {@code end}. */
    static int columnLength(ByteBuf row, int index, int end, int column) {
        if (end - index < 4) {
            throw new ProtocolException("DataRow truncated: no length for column " + column);
        }
        int length = row.getInt(index);
        if (length < -1 || length > end - index - 4) {
            throw new ProtocolException("DataRow column " + column + " declares length " + length + " but "
                    + (end - index - 4) + " bytes remain");
        }
        return length;
    }
}
