package io.pgjet;

/**
 * Thrown when the client cannot complete authentication on its own side.
 *
 * <p>Examples: the server asks for a password but none was configured (nor found in the password
 * file), the server asks for an authentication method PgJet does not implement, the SCRAM server
 * signature does not verify, or {@code channel_binding=require} cannot be honoured. The connection
 * attempt is abandoned. When the <em>server</em> rejects the credentials it sends an error, which
 * surfaces as a {@link PgException} (for example {@code io.pgjet.errors.InvalidPasswordException}).
 */
public class PgAuthenticationException extends PgConnectionException {

    /**
     * Creates an exception with a message and no cause.
     *
     * @param message what went wrong; must not contain the password
     */
    public PgAuthenticationException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and the failure that caused it.
     *
     * @param message what went wrong; must not contain the password
     * @param cause   the underlying failure, or {@code null}
     */
    public PgAuthenticationException(String message, Throwable cause) {
        super(message, cause);
    }
}
