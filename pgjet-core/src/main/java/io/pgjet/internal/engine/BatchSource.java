package io.pgjet.internal.engine;

import io.pgjet.PgInterfaceException;
import java.util.Iterator;

/**
 * Parameter sets for a batch, taken without blocking the I/O thread: {@link #poll()} returns
 * the next set when one is ready, and a source that is not exhausted but has nothing ready calls
 * back through {@link #whenReady} once it has.
 */
public interface BatchSource {

    /**
     * Returns the next parameter set, or null when none is ready right now.
     *
     * @throws RuntimeException when the source failed; the batch is abandoned and rolled back
     */
    Object[] poll();

    /** Returns whether the source will never produce another parameter set. */
    boolean exhausted();

    /** Runs {@code wake} (on any thread, once) when {@link #poll()} may return something new. */
    void whenReady(Runnable wake);

    /**
     * Returns a source reading {@code iterator} (always ready; the iterator must not block). A null
     * element fails the batch (as a parameter set that cannot be read) instead of being skipped.
     */
    static BatchSource of(Iterator<Object[]> iterator) {
        return new BatchSource() {
            @Override
            public Object[] poll() {
                if (!iterator.hasNext()) {
                    return null;
                }
                Object[] next = iterator.next();
                if (next == null) {
                    // Never taken for "nothing ready yet": that would drop the row silently.
                    throw new PgInterfaceException("the parameter set is null");
                }
                return next;
            }

            @Override
            public boolean exhausted() {
                return !iterator.hasNext();
            }

            @Override
            public void whenReady(Runnable wake) {
                wake.run();
            }
        };
    }
}
