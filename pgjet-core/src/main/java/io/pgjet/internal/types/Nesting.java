package io.pgjet.internal.types;

/**
 * Bounds how deeply container values (arrays, composites, records) nest while one thread
 * decodes them. Their element and field types come from the bytes (an array header's element
 * type, a record field's type), so a hostile server could send a value nested thousands of
 * levels deep — a few kilobytes — and overflow the stack; PostgreSQL's own values nest a few
 * levels at most.
 */
final class Nesting {
    /** The deepest nesting decoded; deeper values are refused as malformed. */
    static final int MAX_DEPTH = 100;

    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private Nesting() {
    }

    /**
     * Enters one level; the caller leaves it with {@code depth[0]--} in a finally block.
     *
     * @return the counter to decrement
     * @throws io.pgjet.PgProtocolException if the value nests deeper than {@link #MAX_DEPTH}
     */
    static int[] enter(Codec codec) {
        int[] depth = DEPTH.get();
        if (depth[0] >= MAX_DEPTH) {
            throw codec.malformed("values nested more than " + MAX_DEPTH + " levels deep");
        }
        depth[0]++;
        return depth;
    }

    /** Returns whether one more level would be too deep (for checks that answer "cannot tell"). */
    static boolean full() {
        return DEPTH.get()[0] >= MAX_DEPTH;
    }
}
