package io.pgjet.types;

/**
 * Holds a PostgreSQL {@code tid}: a tuple's physical location (block number, item offset).
 * Immutable and thread-safe.
 *
 * @param block  the block number, an unsigned 32-bit value
 * @param offset the item offset within the block, an unsigned 16-bit value
 */
public record PgTid(long block, int offset) {

    /**
     * Creates a tid.
     *
     * @param block see the record component
     * @param offset see the record component
     * @throws IllegalArgumentException if a part is out of its unsigned range
     */
    public PgTid {
        if (block < 0 || block > 0xffffffffL || offset < 0 || offset > 0xffff) {
            throw new IllegalArgumentException("tid (" + block + "," + offset + ") is out of range");
        }
    }

    /**
     * Renders the tid as PostgreSQL does.
     *
     * @return e.g. {@code (0,1)}
     */
    @Override
    public String toString() {
        return "(" + block + "," + offset + ")";
    }
}
