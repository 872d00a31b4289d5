package io.pgjet.r2dbc.internal;

import java.util.function.Function;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;

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

    private static final class Mapper<S, T> extends OperatorSubscriber<S, T> {
        private final Function<? super S, ? extends T> mapper;

        Mapper(Subscriber<? super T> downstream, Function<? super S, ? extends T> mapper) {
            super(downstream);
            this.mapper = mapper;
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
                fail(e);
                return;
            }
            if (mapped == null) {
                subscription.request(1);
            } else {
                downstream.onNext(mapped);
            }
        }
    }
}
