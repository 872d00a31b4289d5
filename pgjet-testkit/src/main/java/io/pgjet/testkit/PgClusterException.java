package io.pgjet.testkit;

/**
 * Signals that a PostgreSQL cluster, or the binaries it needs, could not be prepared,
 * started or stopped. The message says what failed and, where there is one, ends with the
 * tail of the server log or the output of the failing program.
 */
public class PgClusterException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message that says what failed.
     *
     * @param message what failed, and how to fix it where known
     */
    public PgClusterException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and the failure that caused it.
     *
     * @param message what failed, and how to fix it where known
     * @param cause the underlying failure
     */
    public PgClusterException(String message, Throwable cause) {
        super(message, cause);
    }
}
