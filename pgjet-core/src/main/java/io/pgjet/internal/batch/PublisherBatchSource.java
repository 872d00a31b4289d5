package io.pgjet.internal.batch;

import io.pgjet.PgInterfaceException;
import io.pgjet.internal.engine.BatchSource;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A batch source fed by a {@link Flow.Publisher}: requests parameter sets in slices of 512 as the
 * batch consumes them, so at most about one slice waits in memory, and wakes the batch when a
 * slice arrives. A publisher error abandons (and rolls back) the batch.
 */
public final class PublisherBatchSource implements BatchSource, Flow.Subscriber<Object[]> {
    private static final int PREFETCH = 512;

    private final Queue<Object[]> ready = new ConcurrentLinkedQueue<>();
    private final AtomicReference<Runnable> wake = new AtomicReference<>();
    private volatile Flow.Subscription subscription;
    private volatile boolean done;
    private volatile Throwable error;
    /** Consumed since the last request; touched only by the polling (I/O) thread. */
    private int consumed;

    /** Subscribes to {@code publisher} and returns the source that hands its parameter sets to a batch. */
    public static PublisherBatchSource subscribe(Flow.Publisher<Object[]> publisher) {
        PublisherBatchSource source = new PublisherBatchSource();
        publisher.subscribe(source);
        return source;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(PREFETCH);
    }

    @Override
    public void onNext(Object[] parameters) {
        if (parameters == null) {
            onError(new NullPointerException("Flow rule 2.13: the publisher emitted null"));
            return;
        }
        ready.add(parameters);
        signal();
    }

    @Override
    public void onError(Throwable failure) {
        error = failure;
        done = true;
        signal();
    }

    @Override
    public void onComplete() {
        done = true;
        signal();
    }

    private void signal() {
        Runnable w = wake.getAndSet(null);
        if (w != null) {
            w.run();
        }
    }

    @Override
    public Object[] poll() {
        Object[] next = ready.poll();
        if (next != null) {
            if (++consumed >= PREFETCH / 2) {
                consumed = 0;
                subscription.request(PREFETCH / 2);
            }
            return next;
        }
        Throwable failure = error;
        if (failure != null) {
            throw new PgInterfaceException("the publisher of parameter sets failed: " + failure, failure);
        }
        return null;
    }

    @Override
    public boolean exhausted() {
        return done && error == null && ready.isEmpty();
    }

    @Override
    public void whenReady(Runnable task) {
        wake.set(task);
        if (!ready.isEmpty() || done) {
            signal();
        }
    }
}
