package io.pgjet;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.IntFunction;

/** Parameter sets made on demand, never held in a list: for tests of streamed batches. */
public final class LazyRows {
    private LazyRows() {
    }

    /**
     * Returns {@code count} rows, row {@code n} (1-based) made by {@code row} when the batch asks
     * for it; each call to {@code iterator()} starts again.
     */
    public static Iterable<Object[]> of(int count, IntFunction<Object[]> row) {
        return () -> new Iterator<>() {
            private int n;

            @Override
            public boolean hasNext() {
                return n < count;
            }

            @Override
            public Object[] next() {
                if (n >= count) {
                    throw new NoSuchElementException();
                }
                return row.apply(++n);
            }
        };
    }
}
