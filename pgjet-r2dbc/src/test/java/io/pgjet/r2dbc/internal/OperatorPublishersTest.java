package io.pgjet.r2dbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * The one-upstream operators behind {@code Result.map}/{@code filter} ({@link MappingPublisher})
 * and {@code Result.getRowsUpdated} ({@link SumPublisher}): what they request and cancel upstream,
 * what reaches downstream, and that nothing does after a terminal signal.
 */
class OperatorPublishersTest {

    /** An upstream driven by hand: records requests and cancellation, emits what the test says. */
    private static final class Source<T> implements Publisher<T>, Subscription {
        Subscriber<? super T> subscriber;
        final List<Long> requests = new ArrayList<>();
        boolean cancelled;

        @Override
        public void subscribe(Subscriber<? super T> s) {
            subscriber = s;
            s.onSubscribe(this);
        }

        @Override
        public void request(long n) {
            requests.add(n);
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    /** Records every signal it receives; requests {@code initial} on subscribe. */
    private static final class Recorder<T> implements Subscriber<T> {
        final long initial;
        Subscription subscription;
        final List<T> items = new ArrayList<>();
        final List<Throwable> errors = new ArrayList<>();
        int completions;

        Recorder(long initial) {
            this.initial = initial;
        }

        @Override
        public void onSubscribe(Subscription s) {
            subscription = s;
            if (initial > 0) {
                s.request(initial);
            }
        }

        @Override
        public void onNext(T item) {
            items.add(item);
        }

        @Override
        public void onError(Throwable error) {
            errors.add(error);
        }

        @Override
        public void onComplete() {
            completions++;
        }
    }

    @Test
    void mapPassesRequestsUpAndDropsNullResultsAskingForOneMore() {
        Source<Integer> source = new Source<>();
        Recorder<String> out = new Recorder<>(3);
        new MappingPublisher<Integer, String>(source, i -> i % 2 == 0 ? null : "v" + i).subscribe(out);
        source.subscriber.onNext(1);
        source.subscriber.onNext(2);
        source.subscriber.onNext(3);
        source.subscriber.onComplete();
        assertEquals(List.of("v1", "v3"), out.items);
        assertEquals(List.of(3L, 1L), source.requests, "the dropped element is replaced by a request for one");
        assertEquals(1, out.completions);
        out.subscription.cancel();
        assertTrue(source.cancelled);
    }

    /** Subscribes a recorder asking for {@code initial} to the sum of {@code source}'s elements. */
    private static Recorder<Long> sumOf(Source<Long> source, long initial) {
        Recorder<Long> out = new Recorder<>(initial);
        new SumPublisher<Long>(source, v -> v).subscribe(out);
        return out;
    }

    @Test
    void sumRequestsEverythingOnceAndPublishesTheTotalOfTheValuesPresent() {
        Source<Long> source = new Source<>();
        Recorder<Long> out = sumOf(source, 1);
        out.subscription.request(5);
        source.subscriber.onNext(2L);
        source.subscriber.onNext(-1L);
        source.subscriber.onNext(3L);
        source.subscriber.onComplete();
        source.subscriber.onComplete();
        assertEquals(List.of(Long.MAX_VALUE), source.requests);
        assertEquals(List.of(5L), out.items);
        assertEquals(1, out.completions);

        Source<Long> none = new Source<>();
        Recorder<Long> empty = sumOf(none, 1);
        none.subscriber.onNext(-1L);
        none.subscriber.onComplete();
        assertEquals(List.of(), empty.items, "no element had a value: no total");
        assertEquals(1, empty.completions);
    }

    /** Subscribes to {@code operator} over a source whose first element makes the operator's function throw. */
    private static void failsOnItsFunctionsError(Function<Source<Long>, Publisher<?>> operator, RuntimeException boom) {
        Source<Long> source = new Source<>();
        Recorder<Object> out = new Recorder<>(Long.MAX_VALUE);
        operator.apply(source).subscribe(out);
        source.subscriber.onNext(1L);
        assertTrue(source.cancelled, "upstream is cancelled");
        source.subscriber.onNext(2L);
        source.subscriber.onError(new IllegalStateException("late"));
        source.subscriber.onComplete();
        assertEquals(List.of(), out.items);
        assertEquals(List.of(boom), out.errors, "the function's error, once");
        assertEquals(0, out.completions);
    }

    @Test
    void aFailingFunctionCancelsUpstreamAndIsTheOnlyTerminalSignal() {
        IllegalStateException boom = new IllegalStateException("boom");
        failsOnItsFunctionsError(source -> new MappingPublisher<Long, Long>(source, v -> {
            throw boom;
        }), boom);
        failsOnItsFunctionsError(source -> new SumPublisher<Long>(source, v -> {
            throw boom;
        }), boom);
    }

    @Test
    void aNonPositiveRequestIsAnErrorNamingRuleThreeNine() {
        Source<Long> source = new Source<>();
        Recorder<Long> out = sumOf(source, 0);
        out.subscription.request(0);
        assertTrue(source.cancelled);
        assertEquals(1, out.errors.size());
        IllegalArgumentException e = assertInstanceOf(IllegalArgumentException.class, out.errors.get(0));
        assertEquals("§3.9: request must be positive, was 0", e.getMessage());

        Recorder<String> listOut = new Recorder<>(0);
        new ListPublisher<>(List.of("a")).subscribe(listOut);
        listOut.subscription.request(-2);
        assertEquals("§3.9: request must be positive, was -2", listOut.errors.get(0).getMessage());
        listOut.subscription.request(1);
        assertEquals(List.of(), listOut.items, "nothing after the error");
        assertEquals(1, listOut.errors.size());
    }
}
