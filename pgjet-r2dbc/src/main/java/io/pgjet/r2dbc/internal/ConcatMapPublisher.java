package io.pgjet.r2dbc.internal;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Maps each upstream element to a publisher and emits their elements in order, one inner
 * publisher at a time (concatMap): the next upstream element is requested only when the current
 * inner publisher completes, and the subscriber's demand is passed on to the inner publisher.
 * This is {@code Result.flatMap}.
 */
public final class ConcatMapPublisher<S, T> implements Publisher<T> {
    private final Publisher<S> upstream;
    private final Function<? super S, ? extends Publisher<? extends T>> mapper;

    /** Creates the concatenation of {@code mapper}'s publishers over {@code upstream}. */
    public ConcatMapPublisher(Publisher<S> upstream, Function<? super S, ? extends Publisher<? extends T>> mapper) {
        this.upstream = upstream;
        this.mapper = mapper;
    }

    @Override
    public void subscribe(Subscriber<? super T> subscriber) {
        java.util.Objects.requireNonNull(subscriber, "subscriber");
        upstream.subscribe(new Outer<>(subscriber, mapper));
    }

    private static final class Outer<S, T> implements Subscriber<S>, Subscription {
        private final Subscriber<? super T> downstream;
        private final Function<? super S, ? extends Publisher<? extends T>> mapper;
        private final AtomicLong demand = new AtomicLong();
        // Guards the hand-over of demand between request() and a new inner subscription.
        private final ReentrantLock lock = new ReentrantLock();
        private Subscription upstream;
        private Subscription inner;
        private boolean innerActive;
        private boolean upstreamDone;
        private volatile boolean done;
        private boolean started;

        Outer(Subscriber<? super T> downstream, Function<? super S, ? extends Publisher<? extends T>> mapper) {
            this.downstream = downstream;
            this.mapper = mapper;
        }

        @Override
        public void onSubscribe(Subscription s) {
            upstream = s;
            downstream.onSubscribe(this);
        }

        @Override
        public void onNext(S item) {
            if (done) {
                return;
            }
            Publisher<? extends T> next;
            try {
                next = java.util.Objects.requireNonNull(mapper.apply(item), "flatMap function returned null");
            } catch (RuntimeException e) {
                fail(e);
                return;
            }
            lock.lock();
            try {
                innerActive = true;
            } finally {
                lock.unlock();
            }
            next.subscribe(new Inner());
        }

        @Override
        public void onError(Throwable error) {
            Subscription current = inner;
            if (current != null) {
                current.cancel();
            }
            if (!done) {
                done = true;
                downstream.onError(Errors.translate(error));
            }
        }

        @Override
        public void onComplete() {
            boolean finish;
            lock.lock();
            try {
                upstreamDone = true;
                finish = !innerActive;
            } finally {
                lock.unlock();
            }
            if (finish && !done) {
                done = true;
                downstream.onComplete();
            }
        }

        @Override
        public void request(long n) {
            if (done) {
                return;
            }
            if (n <= 0) {
                cancel();
                done = true;
                downstream.onError(Demand.notPositive(n));
                return;
            }
            Subscription current;
            boolean first;
            lock.lock();
            try {
                Demand.add(demand, n);
                current = inner;
                first = !started;
                started = true;
            } finally {
                lock.unlock();
            }
            if (first) {
                upstream.request(1);
            } else if (current != null) {
                current.request(n);
            }
        }

        @Override
        public void cancel() {
            done = true;
            upstream.cancel();
            Subscription current = inner;
            if (current != null) {
                current.cancel();
            }
        }

        private void fail(Throwable error) {
            if (!done) {
                done = true;
                upstream.cancel();
                downstream.onError(Errors.translate(error));
            }
        }

        private final class Inner implements Subscriber<T> {
            @Override
            public void onSubscribe(Subscription s) {
                long wanted;
                lock.lock();
                try {
                    inner = s;
                    wanted = demand.get();
                } finally {
                    lock.unlock();
                }
                if (wanted > 0) {
                    s.request(wanted);
                }
            }

            @Override
            public void onNext(T item) {
                if (!done) {
                    Demand.produced(demand, 1);
                    downstream.onNext(item);
                }
            }

            @Override
            public void onError(Throwable error) {
                fail(error);
            }

            @Override
            public void onComplete() {
                boolean finish;
                lock.lock();
                try {
                    inner = null;
                    innerActive = false;
                    finish = upstreamDone;
                } finally {
                    lock.unlock();
                }
                if (done) {
                    return;
                }
                if (finish) {
                    done = true;
                    downstream.onComplete();
                } else {
                    upstream.request(1);
                }
            }
        }
    }
}
