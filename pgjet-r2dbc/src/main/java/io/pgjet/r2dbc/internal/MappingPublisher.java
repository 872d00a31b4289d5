package io.pgjet.r2dbc.internal;

import java.util.function.Function;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Maps each upstream element with a function; a null result drops the element (and asks upstream
 * for one more, so the subscriber's demand is kept). An exception from the function cancels
 * upstream and becomes the subscriber's {@code onError}. This is how {@code Result.map} and
 * {@code Result.filter} work over segments.
 */
public final class MappingPublisher<S, T> implements Publisher<T> {
    private final Publisher<S> upstream;
    private final Function<? super S, ? extends T> mapper;

    /** Creates a publisher of {@code mapper} applied to every element of {@code upstream}. */
    public MappingPublisher(Publisher<S> upstream, Function<? super S, ? extends T> mapper) {
        this.upstream = upstream;
        this.mapper = mapper;
    }

    @Override
    public void subscribe(Subscriber<? super T> subscriber) {
        java.util.Objects.requireNonNull(subscriber, "subscriber");
        upstream.subscribe(new Mapper<>(subscriber, mapper));
    }

    private static final class Mapper<S, T> implements Subscriber<S>, Subscription {
        private final Subscriber<? super T> downstream;
        private final Function<? super S, ? extends T> mapper;
        private Subscription subscription;
        private boolean done;

        Mapper(Subscriber<? super T> downstream, Function<? super S, ? extends T> mapper) {
            this.downstream = downstream;
            this.mapper = mapper;
        }

        @Override
        public void onSubscribe(Subscription s) {
            subscription = s;
            downstream.onSubscribe(this);
        }

        @Override
        public void onNext(S item) {
            if (done) {
                return;
            }
            T mapped;
            try {
                mapped = mapper.apply(item);
            } catch (RuntimeException e) {
                done = true;
                subscription.cancel();
                downstream.onError(Errors.translate(e));
                return;
            }
            if (mapped == null) {
                subscription.request(1);
            } else {
                downstream.onNext(mapped);
            }
        }

        @Override
        public void onError(Throwable error) {
            if (!done) {
                done = true;
                downstream.onError(Errors.translate(error));
            }
        }

        @Override
        public void onComplete() {
            if (!done) {
                done = true;
                downstream.onComplete();
            }
        }

        @Override
        public void request(long n) {
            subscription.request(n);
        }

        @Override
        public void cancel() {
            subscription.cancel();
        }
    }
}
