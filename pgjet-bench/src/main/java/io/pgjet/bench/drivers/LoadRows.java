package io.pgjet.bench.drivers;

import io.pgjet.bench.BenchData;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The insert rows as PgJet's {@code executeMany} and {@code copyRecordsToTable} take them: one
 * {@code Object[]} per row, made lazily while PgJet reads the iterable (so building them is
 * timed, as building pgjdbc's parameters and vertx's tuples is).
 */
final class LoadRows implements Iterator<Object[]> {
    private final BenchData data;
    private final int rows;
    private int next;

    private LoadRows(BenchData data, int rows) {
        this.data = data;
        this.rows = rows;
    }

    /** Returns the first {@code rows} insert rows of {@code data}, made afresh on each iteration. */
    static Iterable<Object[]> of(BenchData data, int rows) {
        return () -> new LoadRows(data, rows);
    }

    @Override
    public boolean hasNext() {
        return next < rows;
    }

    @Override
    public Object[] next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        int r = next++;
        return new Object[] {data.id(r), data.name(r), data.score(r), data.time(r)};
    }
}
