package io.pgjet.r2dbc.internal;

import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * The subscriber side of an operator over one upstream publisher ({@link MappingPublisher},
 * {@link SumPublisher}), which is also the subscription its downstream sees: requests and
 * cancellation go upstream, errors reach downstream translated ({@link Errors#translate}), and once
 * done (an error, completion, or the operator's function failing) what upstream still sends is
 * ignored. A subclass implements {@code onNext}, calling {@link #fail} when its function throws.
 *
 * @param <S> the upstream element type
 * @param <T> the downstream element type
 */
abstract class OperatorSubscriber<S, T> implements Subscriber<S>, Subscription {
    /** The subscriber this operator publishes to. */
    final Subscriber<? super T> downstream;
    /** Upstream's subscription, set by {@link #onSubscribe}. */
    Subscription subscription;
    /** Whether downstream has been sent its terminal signal (or is about to be). */
    boolean done;

    OperatorSubscriber(Subscriber<? super T> downstream) {
        this.downstream = downstream;
    }

    @Override
    public final void onSubscribe(Subscription s) {
        subscription = s;
        downstream.onSubscribe(this);
    }

    /** Ends the stream because the operator's function threw {@code error}: cancels upstream and passes it on. */
    final void fail(RuntimeException error) {
        done = true;
        subscription.cancel();
        downstream.onError(Errors.translate(error));
    }

    @Override
    public final void onError(Throwable error) {
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
    public final void cancel() {
        subscription.cancel();
    }
}
