package io.pgjet.internal.pool;

import io.pgjet.AsyncConnection;
import io.pgjet.PgTimeoutException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A caller waiting for a pooled connection: the future it was given and when it gives up. While
 * queued it shares the pool's timer; while a connection is opened for it, it has a timer of its
 * own ({@link #startTimer}).
 */
final class PoolWaiter {
    /** A century: longer waits are forever here, and the nanosecond arithmetic stays far from overflow. */
    private static final Duration FOREVER = Duration.ofDays(36_500);

    final CompletableFuture<AsyncConnection> result;
    final Duration timeout;
    final long deadline;
    private final AtomicReference<ScheduledFuture<?>> timer = new AtomicReference<>();

    /**
     * @param onCancel called when the caller cancels {@code result}, to take the waiter out of line
     */
    PoolWaiter(CompletableFuture<AsyncConnection> result, Duration timeout, Consumer<PoolWaiter> onCancel) {
        this.result = result;
        this.timeout = timeout;
        this.deadline = System.nanoTime() + (timeout.compareTo(FOREVER) > 0 ? FOREVER : timeout).toNanos();
        result.whenComplete((connection, error) -> {
            cancelTimer();
            if (error instanceof CancellationException) {
                onCancel.accept(this);
            }
        });
    }

    /**
     * Starts this waiter's own timer, once, for the time it has left (from any thread; a waiter
     * already served or failed starts none).
     */
    void startTimer() {
        if (timer.get() != null || result.isDone()) {
            return;
        }
        ScheduledFuture<?> started = PoolTimer.get().schedule(this::timedOutWhileOpening,
                deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (!timer.compareAndSet(null, started) || result.isDone()) {
            started.cancel(false); // another thread started one first, or the caller is done
        }
    }

    private void cancelTimer() {
        ScheduledFuture<?> t = timer.get();
        if (t != null) {
            t.cancel(false);
        }
    }

    /** Hands the caller its connection; false if it gave up (timed out or cancelled) meanwhile. */
    boolean complete(AsyncConnection connection) {
        return result.complete(connection);
    }

    /** Fails the caller after waiting in line for its whole timeout. */
    void timedOutInLine(int maxSize) {
        result.completeExceptionally(new PgTimeoutException("no pooled connection became free within "
                + timeout.toMillis() + " ms (all " + maxSize
                + " in use; raise maxSize or acquireTimeout, or release connections sooner)"));
    }

    /**
     * Fails the caller while a connection is opened for it; that connection, when it comes,
     * finds the caller gone and goes back to the pool.
     */
    private void timedOutWhileOpening() {
        result.completeExceptionally(new PgTimeoutException("no pooled connection was ready within "
                + timeout.toMillis() + " ms (opening or checking one took longer)"));
    }
}
