package io.pgjet.internal.copy;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.Flow;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Turns a {@link Flow.Publisher} into blocking pulls for a COPY's worker thread: requests
 * {@code prefetch} items when the first is taken and tops the request up whenever half of them
 * have been consumed, so at most {@code prefetch} items are ever buffered (real backpressure).
 *
 * <p>{@link #take()} blocks until an item, the completion or an error arrives;
 * {@link #cancel()} (from any thread) cancels the subscription and wakes a blocked taker.
 * Publishers that break the protocol (an item nobody requested, a null item) fail the stream.
 * Never blocks in a publisher's callback, and never calls the subscription while holding its lock.
 *
 * @param <T> the item type
 */
final class BlockingSubscriber<T> implements Flow.Subscriber<T> {
    private final int prefetch;
    private final String what;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    // guarded by lock
    private final ArrayDeque<T> items = new ArrayDeque<>();
    private Flow.Subscription subscription;
    private long outstanding;
    private boolean completed;
    private Throwable error;
    private boolean cancelled;

    /**
     * Creates a subscriber.
     *
     * @param prefetch how many items to request at most at a time
     * @param what     names the publisher in error messages, e.g. "the publisher of records"
     */
    BlockingSubscriber(int prefetch, String what) {
        this.prefetch = prefetch;
        this.what = what;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        boolean reject;
        lock.lock();
        try {
            reject = subscription != null || cancelled;
            if (!reject) {
                subscription = s;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
        if (reject) {
            s.cancel();
        }
    }

    @Override
    public void onNext(T item) {
        Flow.Subscription toCancel = null;
        lock.lock();
        try {
            if (cancelled || completed || error != null) {
                return;
            }
            if (item == null || outstanding <= 0) {
                error = new IllegalStateException(what + " broke the Flow protocol: "
                        + (item == null ? "it sent a null item" : "it sent an item that was not requested"));
                toCancel = subscription;
            } else {
                outstanding--;
                items.add(item);
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (toCancel != null) {
            toCancel.cancel();
        }
    }

    @Override
    public void onError(Throwable throwable) {
        lock.lock();
        try {
            if (!completed && error == null) {
                error = throwable == null ? new IllegalStateException(what + " failed without a cause") : throwable;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void onComplete() {
        lock.lock();
        try {
            completed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Returns the next item, or null once the publisher completed and every item was taken.
     *
     * @return the item or null
     * @throws IOException when the publisher signalled an error (the cause), broke the protocol,
     *     the subscription was cancelled, or the thread was interrupted
     */
    T take() throws IOException {
        while (true) {
            Flow.Subscription toRequest = null;
            long n = 0;
            T item;
            lock.lock();
            try {
                if (cancelled) {
                    throw new IOException("the subscription to " + what + " was cancelled");
                }
                item = items.poll();
                if (item == null) {
                    if (error != null) {
                        throw new IOException(what + " failed: " + error, error);
                    }
                    if (completed) {
                        return null;
                    }
                    if (subscription == null || outstanding > 0) {
                        try {
                            changed.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new InterruptedIOException("interrupted while waiting for " + what);
                        }
                        continue;
                    }
                    n = prefetch; // the first request, or a publisher that delivered all it was asked
                } else if (!completed && error == null && outstanding + items.size() <= prefetch / 2) {
                    n = prefetch - outstanding - items.size(); // half consumed: top up
                }
                if (n > 0) {
                    outstanding += n;
                    toRequest = subscription;
                }
            } finally {
                lock.unlock();
            }
            if (toRequest != null) {
                try {
                    toRequest.request(n);
                } catch (RuntimeException e) {
                    onError(e);
                }
            }
            if (item != null) {
                return item;
            }
        }
    }

    /** Cancels the subscription (now, or as soon as it arrives) and wakes a blocked {@link #take()}. */
    void cancel() {
        Flow.Subscription toCancel;
        lock.lock();
        try {
            if (cancelled) {
                return;
            }
            cancelled = true;
            toCancel = completed || error != null ? null : subscription;
            items.clear();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (toCancel != null) {
            toCancel.cancel();
        }
    }
}
