package io.pgjet;

/**
 * Thrown when PgJet is called in a way it cannot honour: the fault is in the calling code or its
 * configuration, not in the server or the network.
 *
 * <p>Examples: an invalid argument or configuration value, a call on a closed connection
 * ("connection is closed"), committing a transaction twice ("transaction already committed"), or
 * a parameter value that cannot be encoded for its PostgreSQL type. Nothing was sent to the
 * server for the failed call, so the connection stays usable unless the message says otherwise.
 *
 * @see InvalidDsnException
 */
public class PgInterfaceException extends PgJetException {

    /**
     * Creates an exception with a message and no cause.
     *
     * @param message what the caller did wrong; must not contain secrets
     */
    public PgInterfaceException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and the failure that caused it.
     *
     * @param message what the caller did wrong; must not contain secrets
     * @param cause   the underlying failure, or {@code null}
     */
    public PgInterfaceException(String message, Throwable cause) {
        super(message, cause);
    }
}
