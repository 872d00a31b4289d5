package io.pgjet.internal.cursor;

import io.pgjet.internal.blocking.Futures;
import io.pgjet.internal.conn.SerialExecutor;

import io.pgjet.AsyncCursor;
import io.pgjet.PgInterfaceException;
import io.pgjet.Row;
import io.pgjet.internal.net.NettyRuntime;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.function.Supplier;

/**
 * Publishes a cursor's rows with real backpressure: a slice of {@code prefetch} rows is fetched
 * only when the subscriber has demand and the previous slice is used up, so at most one slice is
 * held in memory. All signals run on a serial worker executor, never on the I/O thread; the
 * cursor is opened on the first request and closed on completion, error or cancel.
 */
public final class CursorPublisher implements Flow.Publisher<Row> {
    private final Supplier<CompletableFuture<AsyncCursor>> opener;
    private final int prefetch;

    /** Creates a publisher that opens a cursor with {@code opener} per subscription and fetches {@code prefetch} rows at a time. */
    public CursorPublisher(Supplier<CompletableFuture<AsyncCursor>> opener, int prefetch) {
        if (prefetch <= 0) {
            throw new PgInterfaceException("prefetch must be positive: " + prefetch);
        }
        this.opener = opener;
        this.prefetch = prefetch;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super Row> subscriber) {
        new CursorSubscription(subscriber).start();
    }

    private final class CursorSubscription implements Flow.Subscription {
        private final Flow.Subscriber<? super Row> subscriber;
        private final SerialExecutor signals = new SerialExecutor(NettyRuntime.shared().blockingWork());
        // The fields below are only touched by tasks of the serial executor.
        private final ArrayDeque<Row> buffer = new ArrayDeque<>();
        private AsyncCursor cursor;
        private long demand;
        private boolean fetching;
        private boolean exhausted;
        private boolean terminated;

        CursorSubscription(Flow.Subscriber<? super Row> subscriber) {
            this.subscriber = subscriber;
        }

        void start() {
            signals.execute(() -> subscriber.onSubscribe(this));
        }

        @Override
        public void request(long n) {
            signals.execute(() -> {
                if (terminated) {
                    return;
                }
                if (n <= 0) {
                    fail(new IllegalArgumentException("Flow rule 3.9: request(" + n + ") must be positive"));
                    return;
                }
                demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
                drain();
            });
        }

        @Override
        public void cancel() {
            signals.execute(() -> {
                if (!terminated) {
                    terminated = true;
                    closeCursor();
                }
            });
        }

        private void drain() {
            while (!terminated && demand > 0 && !buffer.isEmpty()) {
                demand--;
                subscriber.onNext(buffer.poll());
            }
            if (terminated) {
                return;
            }
            if (buffer.isEmpty() && exhausted) {
                terminated = true;
                closeCursor();
                subscriber.onComplete();
            } else if (demand > 0 && buffer.isEmpty() && !fetching) {
                fetchMore();
            }
        }

        private void fetchMore() {
            fetching = true;
            CompletableFuture<AsyncCursor> ready = cursor != null
                    ? CompletableFuture.completedFuture(cursor) : opener.get();
            ready.thenCompose(c -> {
                signals.execute(() -> cursor = c);
                return c.fetch(prefetch);
            }).whenComplete((rows, error) -> signals.execute(() -> received(rows, error)));
        }

        private void received(List<Row> rows, Throwable error) {
            fetching = false;
            if (terminated) {
                return;
            }
            if (error != null) {
                fail(Futures.unwrap(error));
                return;
            }
            buffer.addAll(rows);
            exhausted = rows.size() < prefetch;
            drain();
        }

        private void fail(Throwable error) {
            terminated = true;
            closeCursor();
            subscriber.onError(error);
        }

        private void closeCursor() {
            if (cursor != null) {
                cursor.close();
            }
        }
    }
}
