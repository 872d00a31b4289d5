package io.pgjet.internal.pool;

import io.pgjet.AsyncConnection;
import io.pgjet.PgTimeoutException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
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
    /** When it started waiting. */
    final long since;
    /**
     * The blocking caller that waits for itself ({@link ConnectionPool#acquireBlocking}), woken by
     * {@link #nudge()} to try for a free connection; null for an asynchronous caller.
     */
    final Thread thread;
    /** Whether it stands in the pool's line; read and written under the pool's lock. */
    boolean queued;
    /** Whether the pool handed it a connection in turn (past the barging window); under the pool's lock. */
    boolean handedInTurn;
    /** Set when a connection went on the free stack for this caller to try for. */
    private volatile boolean nudged;
    private final AtomicReference<ScheduledFuture<?>> timer = new AtomicReference<>();

    /**
     * @param onCancel called when the caller cancels {@code result}, to take the waiter out of line
     */
    PoolWaiter(CompletableFuture<AsyncConnection> result, Duration timeout, Consumer<PoolWaiter> onCancel) {
        this(result, timeout, onCancel, null);
    }

    /**
     * @param thread the blocking caller's thread, woken when {@code result} completes or on a
     *     {@link #nudge()}; null for an asynchronous caller
     */
    PoolWaiter(CompletableFuture<AsyncConnection> result, Duration timeout, Consumer<PoolWaiter> onCancel,
            Thread thread) {
        this.result = result;
        this.timeout = timeout;
        this.since = System.nanoTime();
        this.deadline = since + (timeout.compareTo(FOREVER) > 0 ? FOREVER : timeout).toNanos();
        this.thread = thread;
        result.whenComplete((connection, error) -> {
            cancelTimer();
            if (error instanceof CancellationException) {
                onCancel.accept(this);
            }
            if (thread != null) {
                LockSupport.unpark(thread);
            }
        });
    }

    /** Wakes a blocking caller to try for a connection just put on the free stack. */
    void nudge() {
        nudged = true;
        LockSupport.unpark(thread);
    }

    /** Whether a nudge came since the last {@link #clearNudge()}. */
    boolean nudged() {
        return nudged;
    }

    /** Forgets the last nudge; call before looking at the free stack, so no nudge after it is lost. */
    void clearNudge() {
        nudged = false;
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
