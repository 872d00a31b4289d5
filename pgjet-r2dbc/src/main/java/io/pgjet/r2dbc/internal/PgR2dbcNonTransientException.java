package io.pgjet.r2dbc.internal;

import io.r2dbc.spi.R2dbcNonTransientException;

/**
 * A server error whose SQLSTATE class has no more specific R2DBC exception, or a client-side
 * PgJet failure (its {@link #getCause() cause} is the PgJet exception).
 */
public final class PgR2dbcNonTransientException extends R2dbcNonTransientException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception for a client-side failure or a server error without SQL text. */
    public PgR2dbcNonTransientException(String message, String sqlState, Throwable cause) {
        super(message, sqlState, 0, cause);
    }

    /** Creates an exception for a server error of {@code sql}. */
    public PgR2dbcNonTransientException(String message, String sqlState, String sql, Throwable cause) {
        super(message, sqlState, 0, sql, cause);
    }
}
