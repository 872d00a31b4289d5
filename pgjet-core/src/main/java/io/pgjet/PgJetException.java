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
}
