package io.pgjet.r2dbc.internal;

import io.pgjet.CommandStatus;
import io.pgjet.CopySink;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Publishes COPY TO STDOUT data. PgJet hands the sink one chunk at a time on a worker thread and
 * reads no further from the server until the sink returns, so waiting here for the subscriber's
 * demand is what makes the socket's backpressure reach the subscriber. Cancelling cancels the
 * COPY on the server.
 */
final class CopyOutPublisher implements Publisher<ByteBuffer> {
    private final Function<CopySink, CompletableFuture<CommandStatus>> copy;

    CopyOutPublisher(Function<CopySink, CompletableFuture<CommandStatus>> copy) {
        this.copy = copy;
    }

    @Override
    public void subscribe(Subscriber<? super ByteBuffer> subscriber) {
        java.util.Objects.requireNonNull(subscriber, "subscriber");
        subscriber.onSubscribe(new Pump(subscriber));
    }

    private final class Pump implements Subscription, CopySink {
        private final Subscriber<? super ByteBuffer> subscriber;
        private final AtomicLong demand = new AtomicLong();
        private final AtomicBoolean started = new AtomicBoolean();
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition wanted = lock.newCondition();
        private volatile boolean cancelled;
        private volatile CompletableFuture<CommandStatus> running;

        Pump(Subscriber<? super ByteBuffer> subscriber) {
            this.subscriber = subscriber;
        }

        @Override
        public void request(long n) {
            if (cancelled) {
                return;
            }
            if (n <= 0) {
                cancel();
                subscriber.onError(Demand.notPositive(n));
                return;
            }
            Demand.add(demand, n);
            signal();
            if (started.compareAndSet(false, true)) {
                running = copy.apply(this);
                if (cancelled) {
                    running.cancel(true);
                }
                running.whenComplete((status, error) -> {
                    if (cancelled) {
                        return;
                    }
                    if (error != null) {
                        subscriber.onError(Errors.translate(error));
                    } else {
                        subscriber.onComplete();
                    }
                });
            }
        }

        @Override
        public void cancel() {
            cancelled = true;
            signal();
            CompletableFuture<CommandStatus> copying = running;
            if (copying != null && !copying.isDone()) {
                copying.cancel(true); // stops the COPY on the server rather than reading it to the end
            }
        }

        private void signal() {
            lock.lock();
            try {
                wanted.signalAll();
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void write(ByteBuffer chunk) throws IOException {
            ByteBuffer copy = ByteBuffer.allocate(chunk.remaining());
            copy.put(chunk.duplicate()).flip();
            lock.lock();
            try {
                while (demand.get() == 0 && !cancelled) {
                    wanted.await(100, TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the subscriber's demand", e);
            } finally {
                lock.unlock();
            }
            if (cancelled) {
                throw new IOException("the subscriber cancelled the COPY");
            }
            Demand.produced(demand, 1);
            subscriber.onNext(copy);
        }
    }
}
