package io.pgjet.r2dbc.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Publishes the value of a future started on the first request (nothing is sent to the server
 * before a subscriber asks), then completes; a null value completes empty. Cancelling before the
 * future is done cancels it, which makes PgJet send a cancel request for a running query.
 * Failures are translated to R2DBC exceptions. Each subscription starts its own future.
 */
public final class FuturePublisher<T> implements Publisher<T> {
    private final Supplier<? extends CompletableFuture<? extends T>> start;

    /** Creates a publisher that calls {@code start} once per subscription, on its first request. */
    public FuturePublisher(Supplier<? extends CompletableFuture<? extends T>> start) {
        this.start = start;
    }

    /** Returns a publisher of an already running future (cancelling a subscription cancels it). */
    public static <T> FuturePublisher<T> of(CompletableFuture<? extends T> running) {
        return new FuturePublisher<>(() -> running);
    }

    @Override
    public void subscribe(Subscriber<? super T> subscriber) {
        java.util.Objects.requireNonNull(subscriber, "subscriber");
        subscriber.onSubscribe(new Once<>(subscriber, start));
    }

    private static final class Once<T> implements Subscription {
        private final Subscriber<? super T> subscriber;
        private final Supplier<? extends CompletableFuture<? extends T>> start;
        private final AtomicBoolean started = new AtomicBoolean();
        private volatile boolean cancelled;
        private volatile CompletableFuture<? extends T> future;

        Once(Subscriber<? super T> subscriber, Supplier<? extends CompletableFuture<? extends T>> start) {
            this.subscriber = subscriber;
            this.start = start;
        }

        @Override
        public void request(long n) {
            if (cancelled || !started.compareAndSet(false, true)) {
                return;
            }
            if (n <= 0) {
                cancelled = true;
                subscriber.onError(Demand.notPositive(n));
                return;
            }
            CompletableFuture<? extends T> running;
            try {
                running = start.get();
            } catch (RuntimeException e) {
                subscriber.onError(Errors.translate(e));
                return;
            }
            future = running;
            running.whenComplete((value, error) -> {
                if (cancelled) {
                    return;
                }
                if (error != null) {
                    subscriber.onError(Errors.translate(error));
                    return;
                }
                if (value != null) {
                    subscriber.onNext(value);
                }
                subscriber.onComplete();
            });
        }

        @Override
        public void cancel() {
            cancelled = true;
            CompletableFuture<? extends T> running = future;
            if (running != null && !running.isDone()) {
                running.cancel(true);
            }
        }
    }
}
