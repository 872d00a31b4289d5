package io.pgjet.r2dbc.internal;

import java.util.function.ToLongFunction;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;

/**
 * Sums a value over all upstream elements and publishes the total once upstream completes, or
 * nothing when no element had a value (the function returns -1 for "none"). This is
 * {@code Result.getRowsUpdated}.
 */
public final class SumPublisher<S> implements Publisher<Long> {
    private final Publisher<S> upstream;
    private final ToLongFunction<? super S> value;

    /** Creates a publisher of the sum of {@code value} over {@code upstream}. */
    public SumPublisher(Publisher<S> upstream, ToLongFunction<? super S> value) {
        this.upstream = upstream;
        this.value = value;
    }

    @Override
    public void subscribe(Subscriber<? super Long> subscriber) {
        java.util.Objects.requireNonNull(subscriber, "subscriber");
        upstream.subscribe(new Summer<>(subscriber, value));
    }

    private static final class Summer<S> extends OperatorSubscriber<S, Long> {
        private final ToLongFunction<? super S> value;
        private long sum;
        private boolean seen;
        private volatile boolean requested;

        Summer(Subscriber<? super Long> downstream, ToLongFunction<? super S> value) {
            super(downstream);
            this.value = value;
        }

        @Override
        public void onNext(S item) {
            if (done) {
                return;
            }
            long v;
            try {
                v = value.applyAsLong(item);
            } catch (RuntimeException e) {
                fail(e);
                return;
            }
            if (v >= 0) {
                sum += v;
                seen = true;
            }
        }

        @Override
        public void onComplete() {
            if (done) {
                return;
            }
            done = true;
            if (seen) {
                downstream.onNext(sum);
            }
            downstream.onComplete();
        }

        @Override
        public void request(long n) {
            if (n <= 0) {
                subscription.cancel();
                onError(Demand.notPositive(n));
                return;
            }
            if (!requested) {
                requested = true;
                subscription.request(Long.MAX_VALUE);
            }
        }
    }
}
