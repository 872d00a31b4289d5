package io.pgjet;

/**
 * Base class of every exception PgJet throws.
 *
 * <p>Catch this type to handle any PgJet failure. The subclasses tell server errors
 * ({@link PgException} and its generated SQLSTATE subclasses in {@code io.pgjet.errors}) apart
 * from client-side failures ({@link PgConnectionException}, {@link PgTimeoutException},
 * {@link PgProtocolException}, {@link PgInterfaceException}). It is unchecked, like the
 * {@code CompletableFuture} world it is delivered through.
 *
 * <p>PgJet never puts a password into the message of any of its exceptions.
 */
public abstract class PgJetException extends RuntimeException {

    /**
     * Creates an exception with a message and no cause.
     *
     * @param message what went wrong, for humans; must not contain secrets
     */
    protected PgJetException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and the exception that caused it.
     *
     * @param message what went wrong, for humans; must not contain secrets
     * @param cause   the underlying failure, or {@code null}
     */
    protected PgJetException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Returns whether the failed work may succeed if it is run again from the start on a fresh
     * connection (for example a pool's next connection after a failover). {@code false} here;
     * overridden by {@link PgConnectionException} (always retryable) and {@link PgException}
     * (retryable for serialization failures, deadlocks, a read-only server and a server shutting
     * down or refusing connections).
     *
     * <p>Retryable does not mean the work did not run. What is safe to run again:
     * <ul>
     * <li>a whole transaction whose {@code COMMIT} was not yet sent when the error came: the
     *     server rolled it back (a read-only error, a serialization failure, a lost connection);
     * <li>any failure to connect: nothing was sent;
     * <li>a read-only error (25006) for any statement: the server refused to run it.
     * </ul>
     * A {@link PgConnectionException} for a connection lost while an autocommit statement or a
     * {@code COMMIT} was in flight leaves its outcome unknown: it may have committed. Retry such
     * work only when it is idempotent, or check first whether it took effect.
     *
     * @return whether a new attempt on a new connection may succeed
     */
    public boolean isRetryable() {
        return false;
    }
}
