package io.pgjet.observe;

import io.pgjet.PgException;
import java.util.concurrent.CancellationException;

/**
 * How an {@link Operation} ended.
 *
 * @param rows rows returned or affected, or -1 when unknown or when it failed
 * @param commandTag the server's command tag (such as {@code SELECT 1}, {@code INSERT 0 3},
 *     {@code COMMIT}), or {@code null} when there is none or it failed
 * @param error the failure, or {@code null} on success
 * @param durationNanos from the start callback to the answer, in nanoseconds (including time
 *     queued behind earlier pipelined requests)
 */
public record Outcome(long rows, String commandTag, Throwable error, long durationNanos) {

    /**
     * Returns whether the operation succeeded.
     *
     * @return {@code true} when there is no error
     */
    public boolean succeeded() {
        return error == null;
    }

    /**
     * Returns the SQLSTATE of a server error.
     *
     * @return the five-character code, or {@code null} when the operation succeeded or failed on
     *     the client side (timeout, lost connection, cancelled before it was sent)
     */
    public String sqlState() {
        return error instanceof PgException ? ((PgException) error).sqlState() : null;
    }

    /**
     * Returns whether the caller cancelled the operation (the future was cancelled).
     *
     * @return {@code true} for a cancellation
     */
    public boolean cancelled() {
        return error instanceof CancellationException;
    }

    /**
     * Returns a low-cardinality name of the failure for metrics: the SQLSTATE of a server error,
     * else the fully qualified name of the exception class (as OpenTelemetry's {@code error.type} asks).
     *
     * @return the error type, or {@code null} on success
     */
    public String errorType() {
        if (error == null) {
            return null;
        }
        String state = sqlState();
        return state != null ? state : error.getClass().getName();
    }
}
