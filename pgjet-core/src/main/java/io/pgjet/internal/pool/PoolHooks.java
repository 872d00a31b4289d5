package io.pgjet.internal.pool;

import io.pgjet.AsyncConnection;
import io.pgjet.PgTimeoutException;
import io.pgjet.internal.blocking.Futures;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Runs the user's pool hooks ({@code init}, {@code setup}, {@code reset}): a hook that throws
 * or returns null is a failed or finished future, and a hook that never finishes fails after a
 * limit instead of holding its connection (and the pool's room for it) forever. The same limit
 * bounds the rest of a release ({@link #within}).
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
        return within(done, limit, "the pool's " + name + " hook");
    }

    /** Returns whether {@code error} is the limit of {@link #run} (the hook may still be running). */
    static boolean timedOut(Throwable error) {
        return Futures.unwrap(error) instanceof HookTimeoutException;
    }

    /**
     * Returns {@code work}'s outcome, or a failure once {@code limit} has passed without one
     * ({@code what} names the work in the message); {@code work} itself is left running.
     */
    static <T> CompletableFuture<T> within(CompletableFuture<T> work, Duration limit, String what) {
        if (work.isDone()) {
            return work;
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        ScheduledFuture<?> timer = PoolTimer.get().schedule(() -> result.completeExceptionally(
                new HookTimeoutException(what + " did not finish within " + limit.toMillis()
                        + " ms (acquireTimeout); its connection is closed")),
                limit.toNanos(), TimeUnit.NANOSECONDS);
        work.whenComplete((value, error) -> {
            timer.cancel(false);
            if (error != null) {
                result.completeExceptionally(Futures.unwrap(error));
            } else {
                result.complete(value);
            }
        });
        return result;
    }

    /** The limit of work that never finished. */
    private static final class HookTimeoutException extends PgTimeoutException {
        private static final long serialVersionUID = 1L;

        HookTimeoutException(String message) {
            super(message);
        }
    }
}
