package io.pgjet.r2dbc.internal;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Publishes the elements of a list as they are requested, then completes. Reentrant requests
 * (a subscriber asking for more inside {@code onNext}) are handled by one drain loop, so the
 * stack stays flat for any list size.
 */
public final class ListPublisher<T> implements Publisher<T> {
    private final List<? extends T> items;

    /** Creates a publisher of {@code items} (not copied: do not change the list afterwards). */
    public ListPublisher(List<? extends T> items) {
        this.items = items;
    }

    @Override
    public void subscribe(Subscriber<? super T> subscriber) {
        java.util.Objects.requireNonNull(subscriber, "subscriber");
        subscriber.onSubscribe(new Cursor<>(items, subscriber));
    }

    private static final class Cursor<T> implements Subscription {
        private final List<? extends T> items;
        private final Subscriber<? super T> subscriber;
        private final AtomicLong demand = new AtomicLong();
        private final AtomicInteger wip = new AtomicInteger();
        private int next;
        private volatile boolean done;

        Cursor(List<? extends T> items, Subscriber<? super T> subscriber) {
            this.items = items;
            this.subscriber = subscriber;
        }

        @Override
        public void request(long n) {
            if (done) {
                return;
            }
            if (n <= 0) {
                done = true;
                subscriber.onError(Demand.notPositive(n));
                return;
            }
            Demand.add(demand, n);
            if (wip.getAndIncrement() != 0) {
                return;
            }
            int missed = 1;
            do {
                long wanted = demand.get();
                long emitted = 0;
                while (emitted < wanted && next < items.size() && !done) {
                    subscriber.onNext(items.get(next++));
                    emitted++;
                }
                if (!done && next == items.size()) {
                    done = true;
                    subscriber.onComplete();
                }
                if (emitted > 0) {
                    Demand.produced(demand, emitted);
                }
                missed = wip.addAndGet(-missed);
            } while (missed != 0);
        }

        @Override
        public void cancel() {
            done = true;
        }
    }
}
