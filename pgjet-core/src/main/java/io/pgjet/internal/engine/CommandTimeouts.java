package io.pgjet.internal.engine;

import io.pgjet.PgTimeoutException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Arms a command's timeout the same way on every transport. */
public final class CommandTimeouts {
    private CommandTimeouts() {}

    /**
     * Fails {@code command}'s future with {@link PgTimeoutException} after {@code timeoutNanos}
     * (which also sends a cancel request through the future's hooks); the timer is cancelled as
     * soon as the command settles.
     *
     * @param timer where the timeout runs; its task must not block
     * @return the armed timer
     */
    public static ScheduledFuture<?> arm(ResultCommand<?> command, long timeoutNanos, ScheduledExecutorService timer) {
        ScheduledFuture<?> armed = timer.schedule(() -> command.future().timeOut(new PgTimeoutException(
                "the query did not finish within " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos)
                        + " ms; a cancel request was sent to the server")),
                timeoutNanos, TimeUnit.NANOSECONDS);
        command.future().whenComplete((result, error) -> armed.cancel(false));
        return armed;
    }
}
