package io.pgjet.r2dbc.internal;

import io.pgjet.PgConnectionException;
import io.pgjet.PgException;
import io.pgjet.PgJetException;
import io.pgjet.PgTimeoutException;
import io.r2dbc.spi.R2dbcBadGrammarException;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcPermissionDeniedException;
import io.r2dbc.spi.R2dbcRollbackException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Translates PgJet's failures into the R2DBC exception hierarchy: server errors by SQLSTATE
 * class, client-side ones by kind. The PgJet exception stays the cause, so every ErrorResponse
 * field (detail, hint, constraint, ...) is still there. Programming errors of the caller
 * (IllegalArgumentException, IllegalStateException, cancellation) pass through unchanged.
 */
public final class Errors {
    private Errors() {
    }

    /** Returns the R2DBC form of {@code error}, unwrapping future wrappers first. */
    public static Throwable translate(Throwable error) {
        Throwable cause = unwrap(error);
        if (cause instanceof R2dbcException || !(cause instanceof PgJetException pg)) {
            return cause;
        }
        return of(pg);
    }

    /** Returns the R2DBC exception for a PgJet one. */
    public static R2dbcException of(PgJetException error) {
        String message = error.getMessage();
        if (error instanceof PgException server) {
            return ofServer(server, message);
        }
        if (error instanceof PgTimeoutException) {
            return new R2dbcTimeoutException(message, "57014", 0, error);
        }
        if (error instanceof PgConnectionException) {
            return new R2dbcNonTransientResourceException(message, "08006", 0, error);
        }
        return new PgR2dbcNonTransientException(message, null, error);
    }

    private static R2dbcException ofServer(PgException error, String message) {
        String state = error.sqlState() == null ? "XX000" : error.sqlState();
        String sql = error.query();
        if (state.equals("57014")) {
            return new R2dbcTimeoutException(message, state, 0, sql, error);
        }
        if (state.equals("42501")) {
            return new R2dbcPermissionDeniedException(message, state, 0, sql, error);
        }
        switch (state.length() >= 2 ? state.substring(0, 2) : state) {
            case "42":
                return new R2dbcBadGrammarException(message, state, 0, sql, error);
            case "22", "23", "27", "44":
                return new R2dbcDataIntegrityViolationException(message, state, 0, sql, error);
            case "28":
                return new R2dbcPermissionDeniedException(message, state, 0, sql, error);
            case "40":
                return new R2dbcRollbackException(message, state, 0, sql, error);
            case "08":
                return new R2dbcNonTransientResourceException(message, state, 0, sql, error);
            case "53", "55", "57", "58":
                return new R2dbcTransientResourceException(message, state, 0, sql, error);
            default:
                return new PgR2dbcNonTransientException(message, state, sql, error);
        }
    }

    private static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
