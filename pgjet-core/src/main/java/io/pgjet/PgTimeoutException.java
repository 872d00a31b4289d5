package io.pgjet;

/**
 * Thrown when an operation did not complete within its configured time limit.
 *
 * <p>Examples: the connect timeout elapsed before a host accepted the connection and finished
 * startup, a command ran longer than its command timeout (PgJet then asks the server to cancel
 * it), or a pool could not hand out a connection in time. Whether the connection remains usable
 * depends on the operation; the message says which limit was exceeded.
 */
public class PgTimeoutException extends PgJetException {

    /**
     * Creates an exception with a message and no cause.
     *
     * @param message which limit was exceeded and by what; must not contain secrets
     */
    public PgTimeoutException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and the failure that caused it.
     *
     * @param message which limit was exceeded and by what; must not contain secrets
     * @param cause   the underlying failure, or {@code null}
     */
    public PgTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
