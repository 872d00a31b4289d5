package io.pgjet;

/**
 * Thrown when a connection to the server cannot be established or is lost.
 *
 * <p>Examples: every host of the connection's host list refused the connection or could not be
 * resolved, TLS was required but could not be negotiated, no host matched
 * {@code target_session_attrs}, or the socket closed while requests were in flight. When a
 * connection is lost, every pending request fails with the same instance of this exception (or
 * one caused by it), and the connection is closed.
 *
 * <p>Errors the server reports during startup (for example a wrong password, SQLSTATE 28P01) are
 * {@link PgException}s, not this type.
 */
public class PgConnectionException extends PgJetException {

    /**
     * Creates an exception with a message and no cause.
     *
     * @param message what went wrong, naming the host when it is known; must not contain secrets
     */
    public PgConnectionException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and the I/O failure that caused it.
     *
     * @param message what went wrong, naming the host when it is known; must not contain secrets
     * @param cause   the underlying failure (often an {@link java.io.IOException}), or {@code null}
     */
    public PgConnectionException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Returns {@code true}: the server or the network failed, not the work, so it may succeed on a
     * new connection (another host, or the same one once it is back). See
     * {@link PgJetException#isRetryable()} for when a lost connection leaves the work's outcome
     * unknown.
     *
     * @return {@code true}
     */
    @Override
    public boolean isRetryable() {
        return true;
    }
}
