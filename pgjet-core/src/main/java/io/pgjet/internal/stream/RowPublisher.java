package io.pgjet.internal.stream;

import io.pgjet.Row;
import io.pgjet.internal.blocking.Futures;
import io.pgjet.internal.conn.SerialExecutor;
import io.pgjet.internal.net.NettyRuntime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.function.Supplier;

/**
 * Publishes the rows of a streamed statement ({@link RowQueue}) with backpressure: rows are
 * handed to the subscriber only against demand, and while demand is missing the queue fills up
 * to its high-water mark and the connection stops reading, which holds the server back.
 *
 * <p>Cold: each subscription runs the statement once; it is submitted during {@code subscribe},
 * so it takes its place in the connection's pipeline then. All signals run on a serial PgJet
 * worker executor, never on the I/O thread. Cancelling the subscription closes the queue (the
 * statement is cancelled on the server and the rest discarded); a subscriber that throws from
 * {@code onNext} is treated as having cancelled (Flow rule 2.13).
 */
public final class RowPublisher implements Flow.Publisher<Row> {
    private final Supplier<CompletableFuture<RowQueue>> opener;

    /**
     * Creates a publisher that starts the statement with {@code opener} per subscription.
     *
     * @param opener submits the statement and returns its queue (a failed future, or one that
     *     throws, fails the subscription)
     */
    public RowPublisher(Supplier<CompletableFuture<RowQueue>> opener) {
        this.opener = opener;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super Row> subscriber) {
        if (subscriber == null) {
            throw new NullPointerException("Flow rule 1.9: the subscriber must not be null");
        }
        new StreamSubscription(subscriber).start();
    }

    private final class StreamSubscription implements Flow.Subscription {
        private final Flow.Subscriber<? super Row> subscriber;
        private final SerialExecutor signals = new SerialExecutor(NettyRuntime.shared().blockingWork());
        private final Runnable drainTask = this::drainAfterWait;
        // The fields below are only touched by tasks of the serial executor.
        private volatile RowQueue queue;
        private RowQueue.Batch batch;
        private long demand;
        private boolean waiting;
        private boolean terminated;

        StreamSubscription(Flow.Subscriber<? super Row> subscriber) {
            this.subscriber = subscriber;
        }

        void start() {
            signals.execute(() -> subscriber.onSubscribe(this));
            CompletableFuture<RowQueue> opened;
            try {
                opened = opener.get();
            } catch (RuntimeException e) {
                opened = CompletableFuture.failedFuture(e);
            }
            opened.whenComplete((q, error) -> signals.execute(() -> opened(q, error)));
        }

        private void opened(RowQueue opened, Throwable error) {
            if (error != null) {
                if (!terminated) {
                    terminated = true;
                    subscriber.onError(Futures.unwrap(error));
                }
                return;
            }
            queue = opened;
            if (terminated) {
                opened.close(); // cancelled before the statement was under way
                return;
            }
            drain();
        }

        @Override
        public void request(long n) {
            signals.execute(() -> {
                if (terminated) {
                    return;
                }
                if (n <= 0) {
                    terminated = true;
                    closeQueue();
                    subscriber.onError(new IllegalArgumentException("Flow rule 3.9: request(" + n + ") must be positive"));
                    return;
                }
                demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
                drain();
            });
        }

        @Override
        public void cancel() {
            // Stop the statement now, on the caller's thread, not after the hop to the signal
            // executor: a caller that cancels and then sends its next request on the connection
            // must find the stream alone in flight, or its cancel request cannot be sent safely
            // and the statement would run to its end. RowQueue.close is thread-safe and idempotent.
            RowQueue opened = queue;
            if (opened != null) {
                opened.close();
            }
            signals.execute(() -> {
                if (!terminated) {
                    terminated = true;
                    closeQueue();
                }
            });
        }

        private void drainAfterWait() {
            waiting = false;
            drain();
        }

        private void drain() {
            if (queue == null || waiting) {
                return;
            }
            while (!terminated) {
                if (batch != null && batch.hasNext()) {
                    if (demand == 0) {
                        return;
                    }
                    demand--;
                    Row row = batch.next();
                    try {
                        subscriber.onNext(row);
                    } catch (Throwable e) {
                        terminated = true;
                        closeQueue();
                        throw e;
                    }
                    continue;
                }
                // Read before take(): every row is queued before the end is recorded.
                boolean ended = queue.isEnded();
                batch = queue.take();
                if (batch != null) {
                    continue;
                }
                if (ended) {
                    terminated = true;
                    Throwable failure = queue.failure();
                    if (failure != null) {
                        subscriber.onError(failure);
                    } else {
                        subscriber.onComplete();
                    }
                    return;
                }
                // Waited for even without demand, so the end is signalled without a further request.
                waiting = true;
                queue.whenAvailable().whenComplete((ignored, error) -> signals.execute(drainTask));
                return;
            }
        }

        private void closeQueue() {
            batch = null;
            if (queue != null) {
                queue.close();
            }
        }
    }
}
