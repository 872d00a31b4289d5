package io.pgjet.internal.replication;

import io.pgjet.replication.ReplicationMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A test subscriber: requests what the test asks for and hands messages over through a queue. */
final class Collector implements Flow.Subscriber<ReplicationMessage> {
    final LinkedBlockingQueue<ReplicationMessage> received = new LinkedBlockingQueue<>();
    final CompletableFuture<Void> done = new CompletableFuture<>();
    private final long initialDemand;
    private volatile Flow.Subscription subscription;

    Collector(long initialDemand) {
        this.initialDemand = initialDemand;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (initialDemand > 0) {
            s.request(initialDemand);
        }
    }

    @Override
    public void onNext(ReplicationMessage item) {
        received.add(item);
    }

    @Override
    public void onError(Throwable throwable) {
        done.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        done.complete(null);
    }

    void request(long n) {
        subscription.request(n);
    }

    void cancel() {
        subscription.cancel();
    }

    /** Takes messages until one matches {@code last}; fails after {@code timeout}. */
    List<ReplicationMessage> until(Predicate<ReplicationMessage> last, Duration timeout) throws InterruptedException {
        List<ReplicationMessage> messages = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            ReplicationMessage m = left <= 0 ? null : received.poll(left, TimeUnit.NANOSECONDS);
            if (m == null) {
                throw new AssertionError("timed out after " + messages.size() + " messages: "
                        + (messages.size() > 20 ? messages.subList(messages.size() - 20, messages.size()) : messages)
                        + (done.isCompletedExceptionally() ? " (stream failed: " + done.handle((v, e) -> e).join() + ")" : ""));
            }
            messages.add(m);
            if (last.test(m)) {
                return messages;
            }
        }
    }
}
