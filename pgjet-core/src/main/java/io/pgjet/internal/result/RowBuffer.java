package io.pgjet.internal.result;

import io.netty.buffer.ByteBuf;
import io.pgjet.PgInterfaceException;
import io.pgjet.internal.types.BinaryPrimitives;
import io.pgjet.internal.types.CodecContext;
import io.pgjet.protocol.ProtocolException;
import java.util.Arrays;

/**
 * Keeps every row of one result as the raw bytes of its DataRow, back to back in a few large
 * chunks, plus where each value starts. Rows cost their wire bytes and four bytes of index per
 * value: no object per row or per value until the caller asks for one, and any value is found in
 * one step.
 *
 * <p>Chunks grow geometrically up to 64 KiB and are never copied when the result grows (a row
 * larger than that gets a chunk of its own); the value index grows the same way, in blocks of
 * 1024 entries once past the first. Filled on the I/O thread, then read-only (safely published
 * through the query's future).
 *
 * <p>Each row is checked while it is indexed (column count, every length -1 or within the row, no
 * trailing bytes): the engine asks the protocol layer to skip its own check of DataRow bodies,
 * because walking the copied bytes here is cheaper than walking the network buffer twice.
 */
public final class RowBuffer {
    private static final int MAX_CHUNK = 64 * 1024;
    private static final int BLOCK_SHIFT = 10;
    private static final int BLOCK_SIZE = 1 << BLOCK_SHIFT;
    private static final int BLOCK_MASK = BLOCK_SIZE - 1;
    private static final int[] NO_OFFSETS = new int[0];

    private final Columns columns;
    private final int columnCount;
    private final CodecContext context;
    /** The chunk rows are appended to (the only one while {@code chunkCount == 1}). */
    private byte[] current;
    /**
     * Every chunk, in order, and the index of the first row stored in each (ascending); both null
     * until a second chunk is needed, so a small answer pays for neither array.
     */
    private byte[][] chunks;
    private int[] chunkFirstRow;
    private int chunkCount;
    private int used;
    /**
     * Per value (slot = row * columnCount + column): offset in its row's chunk of the 4-byte length
     * that precedes it. Slots below {@link #BLOCK_SIZE} are in {@code firstBlock}, which grows by
     * doubling up to that size; later ones in full-size blocks of {@code laterBlocks} (index
     * {@code slot >>> BLOCK_SHIFT}; entry 0 unused), null until needed.
     */
    private int[] firstBlock = NO_OFFSETS;
    private int[][] laterBlocks;
    private int rowCount;
    /** The chunk of the last row looked up by {@link #chunkOf}: a hint for in-order reads. */
    private int lastChunk;

    /** Creates an empty buffer for rows of the given layout. */
    public RowBuffer(Columns columns) {
        this.columns = columns;
        this.columnCount = columns.count();
        // Taken once per result: the session facts (time zone) in force when the rows arrived.
        this.context = columns.contextOrNull();
    }

    /** Returns the column layout. */
    public Columns columns() {
        return columns;
    }

    /** Returns the session facts for decoding this result's values (null if all columns are text). */
    CodecContext context() {
        return context;
    }

    /** Returns the number of rows. */
    public int rowCount() {
        return rowCount;
    }

    /**
     * Appends a DataRow body (positioned at its column count), checking its structure.
     *
     * @throws ProtocolException if the body is malformed or its column count differs from the
     *     RowDescription's
     */
    public void add(ByteBuf body) {
        int length = body.readableBytes();
        if (length < 2) {
            throw new ProtocolException("DataRow truncated: no column count");
        }
        if ((long) (rowCount + 1) * columnCount > Integer.MAX_VALUE) {
            throw new PgInterfaceException("the result has more than " + Integer.MAX_VALUE
                    + " values, too many to hold in memory; read it through a cursor instead");
        }
        byte[] chunk = current;
        if (chunk == null || used + length > chunk.length) {
            chunk = newChunk(length);
        }
        body.getBytes(body.readerIndex(), chunk, used, length);
        index(chunk, used, used + length);
        used += length;
        rowCount++;
    }

    /** Checks the row copied to {@code chunk[start, end)} and records where each value's length is. */
    private void index(byte[] chunk, int start, int end) {
        int count = (chunk[start] & 0xff) << 8 | (chunk[start + 1] & 0xff);
        if (count != columnCount) {
            throw new ProtocolException("DataRow has " + count + " columns, RowDescription announced "
                    + columnCount);
        }
        int slot = rowCount * columnCount;
        int[] block = null;
        int blockEnd = 0; // slots below this index live in `block`
        int pos = start + 2;
        for (int i = 0; i < count; i++, slot++) {
            if (end - pos < 4) {
                throw new ProtocolException("DataRow truncated: no length for column " + i);
            }
            int length = readInt(chunk, pos);
            if (length < -1 || length > end - pos - 4) {
                throw new ProtocolException("DataRow column " + i + " has invalid length " + length + " ("
                        + (end - pos - 4) + " bytes left)");
            }
            if (slot >= blockEnd) {
                block = blockFor(slot);
                blockEnd = (slot & ~BLOCK_MASK) + block.length;
            }
            block[slot & BLOCK_MASK] = pos;
            pos += 4 + Math.max(length, 0);
        }
        if (pos != end) {
            throw new ProtocolException("DataRow has " + (end - pos) + " unexpected trailing bytes after "
                    + count + " columns");
        }
    }

    private int[] blockFor(int slot) {
        if (slot < BLOCK_SIZE) {
            if (slot >= firstBlock.length) {
                // A one-row answer stays small; the first block doubles until it is full-size.
                int size = Math.min(BLOCK_SIZE, Math.max(Math.max(8, columnCount * 4), firstBlock.length * 2));
                while (size <= slot) {
                    size *= 2;
                }
                firstBlock = Arrays.copyOf(firstBlock, size);
            }
            return firstBlock;
        }
        int blockIndex = slot >>> BLOCK_SHIFT;
        if (laterBlocks == null) {
            laterBlocks = new int[Math.max(4, blockIndex + 1)][];
        } else if (blockIndex >= laterBlocks.length) {
            laterBlocks = Arrays.copyOf(laterBlocks, Math.max(blockIndex + 1, laterBlocks.length * 2));
        }
        int[] block = laterBlocks[blockIndex];
        if (block == null) {
            block = new int[BLOCK_SIZE];
            laterBlocks[blockIndex] = block;
        }
        return block;
    }

    private byte[] newChunk(int length) {
        int previous = current == null ? 0 : current.length;
        // The first chunk fits a few rows (a one-row answer stays small); later ones double.
        int size = Math.max(length, Math.min(MAX_CHUNK, previous == 0 ? Math.max(64, length * 4) : previous * 2));
        byte[] chunk = new byte[size];
        if (chunkCount == 1) {
            chunks = new byte[4][];
            chunkFirstRow = new int[4];
            chunks[0] = current;
        } else if (chunkCount > 1 && chunkCount == chunks.length) {
            chunks = Arrays.copyOf(chunks, chunkCount * 2);
            chunkFirstRow = Arrays.copyOf(chunkFirstRow, chunkCount * 2);
        }
        if (chunkCount > 0) {
            chunks[chunkCount] = chunk;
            chunkFirstRow[chunkCount] = rowCount;
        }
        chunkCount++;
        current = chunk;
        used = 0;
        return chunk;
    }

    /** Returns the chunk holding row {@code row}; offsets from {@link #lengthOffset} index into it. */
    byte[] chunkOf(int row) {
        if (chunkCount == 1) {
            return current;
        }
        // Rows are mostly read in order: try the chunk of the previous lookup first. The hint is
        // only a guess (a plain field other threads may see stale), checked before use.
        int hint = lastChunk;
        if (hint < chunkCount && chunkFirstRow[hint] <= row && (hint + 1 == chunkCount || row < chunkFirstRow[hint + 1])) {
            return chunks[hint];
        }
        int index = Arrays.binarySearch(chunkFirstRow, 0, chunkCount, row);
        // Not found: the chunk is the one before the insertion point (-index - 1).
        int found = index >= 0 ? index : -index - 2;
        lastChunk = found;
        return chunks[found];
    }

    /**
     * Returns the offset (in {@link #chunkOf(int)}) of the 4-byte length that precedes value
     * {@code column} of row {@code row}; the value itself starts 4 bytes later.
     */
    int lengthOffset(int row, int column) {
        if (column < 0 || column >= columnCount) {
            throw new IndexOutOfBoundsException("column " + column + " of " + columnCount);
        }
        int slot = row * columnCount + column;
        return slot < BLOCK_SIZE ? firstBlock[slot] : laterBlocks[slot >>> BLOCK_SHIFT][slot & BLOCK_MASK];
    }

    /** Reads a big-endian int32 in one load (the byte-by-byte form costs four bounds checks). */
    static int readInt(byte[] b, int pos) {
        return BinaryPrimitives.int4(b, pos);
    }
}
