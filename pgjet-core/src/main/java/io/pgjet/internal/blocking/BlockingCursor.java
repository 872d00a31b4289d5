package io.pgjet.internal.blocking;

import io.pgjet.AsyncCursor;
import io.pgjet.Cursor;
import io.pgjet.Row;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** The blocking facade of a cursor, and the lazy {@link Stream} over one. */
final class BlockingCursor implements Cursor {
    private final Awaiter awaiter;
    private final AsyncCursor async;

    BlockingCursor(Awaiter awaiter, AsyncCursor async) {
        this.awaiter = awaiter;
        this.async = async;
    }

    /** Returns a lazy stream over the cursor's rows, {@code prefetch} rows per round trip; closing it closes the cursor. */
    Stream<Row> stream(int prefetch) {
        Spliterator<Row> rows = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
            private final ArrayDeque<Row> buffer = new ArrayDeque<>();
            private boolean exhausted;

            @Override
            public boolean tryAdvance(Consumer<? super Row> action) {
                if (buffer.isEmpty() && !exhausted) {
                    List<Row> next = fetch(prefetch);
                    exhausted = next.size() < prefetch;
                    buffer.addAll(next);
                }
                Row row = buffer.poll();
                if (row == null) {
                    close();
                    return false;
                }
                action.accept(row);
                return true;
            }
        };
        return StreamSupport.stream(rows, false).onClose(this::close);
    }

    @Override
    public List<Row> fetch(int n) {
        return awaiter.call(() -> async.fetch(n));
    }

    @Override
    public Row fetchRow() {
        return awaiter.call(() -> async.fetchRow());
    }

    @Override
    public long forward(long n) {
        return awaiter.call(() -> async.forward(n));
    }

    @Override
    public List<Row> backward(int n) {
        return awaiter.call(() -> async.backward(n));
    }

    @Override
    public Row absolute(long position) {
        return awaiter.call(() -> async.absolute(position));
    }

    @Override
    public Row relative(long offset) {
        return awaiter.call(() -> async.relative(offset));
    }

    @Override
    public boolean isScrollable() {
        return async.isScrollable();
    }

    @Override
    public void close() {
        awaiter.call(() -> async.close());
    }
}
