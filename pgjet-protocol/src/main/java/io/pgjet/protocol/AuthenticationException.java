package io.pgjet.protocol;

/**
 * Signals a failed authentication exchange: the server reported a SASL error, sent a malformed
 * or forged SCRAM message (wrong nonce, wrong server signature, unusable parameters), or channel
 * binding cannot be computed for the server's certificate.
 *
 * <p>The message never contains the password or values derived from it.
 */
public class AuthenticationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception describing why authentication failed.
     *
     * @param message why authentication failed
     */
    public AuthenticationException(String message) {
        super(message);
    }

    /**
     * Creates an exception describing why authentication failed, with its cause.
     *
     * @param message why authentication failed
     * @param cause the underlying failure
     */
    public AuthenticationException(String message, Throwable cause) {
        super(message, cause);
    }
}
