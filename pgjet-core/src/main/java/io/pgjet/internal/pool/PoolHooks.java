package io.pgjet.internal.pool;

import io.pgjet.AsyncConnection;
import io.pgjet.PgTimeoutException;
import io.pgjet.internal.Futures;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Runs the user's pool hooks ({@code init}, {@code setup}, {@code reset}): a hook that throws
 * or returns null is a failed or finished future, and a hook that never finishes fails after a
 * limit instead of holding its connection (and the pool's room for it) forever.
 */
final class PoolHooks {
    private PoolHooks() {}

    /**
     * Runs {@code hook} on {@code connection} ({@code null}: nothing to run); the future fails
     * with {@link PgTimeoutException} if the hook has not finished within {@code limit}.
     */
    static CompletableFuture<?> run(String name, Function<AsyncConnection, CompletableFuture<?>> hook,
            AsyncConnection connection, Duration limit) {
        CompletableFuture<?> done;
        if (hook == null) {
            return CompletableFuture.completedFuture(null);
        }
        try {
            done = hook.apply(connection);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (done == null) {
            return CompletableFuture.completedFuture(null);
        }
        return done.isDone() ? done : bounded(name, done, limit);
    }

    /** Returns whether {@code error} is the limit of {@link #run} (the hook may still be running). */
    static boolean timedOut(Throwable error) {
        return Futures.unwrap(error) instanceof HookTimeoutException;
    }

    private static CompletableFuture<?> bounded(String name, CompletableFuture<?> hook, Duration limit) {
        CompletableFuture<Object> result = new CompletableFuture<>();
        ScheduledFuture<?> timer = PoolTimer.get().schedule(() -> result.completeExceptionally(
                new HookTimeoutException("the pool's " + name + " hook did not finish within " + limit.toMillis()
                        + " ms (acquireTimeout); its connection is closed")),
                limit.toNanos(), TimeUnit.NANOSECONDS);
        hook.whenComplete((value, error) -> {
            timer.cancel(false);
            if (error != null) {
                result.completeExceptionally(Futures.unwrap(error));
            } else {
                result.complete(value);
            }
        });
        return result;
    }

    /** The limit of a hook that never finished. */
    private static final class HookTimeoutException extends PgTimeoutException {
        private static final long serialVersionUID = 1L;

        HookTimeoutException(String message) {
            super(message);
        }
    }
}
