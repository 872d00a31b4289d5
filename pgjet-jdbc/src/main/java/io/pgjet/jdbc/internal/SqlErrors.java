package io.pgjet.jdbc.internal;

import io.pgjet.PgAuthenticationException;
import io.pgjet.PgConnectionException;
import io.pgjet.PgException;
import io.pgjet.PgInterfaceException;
import io.pgjet.PgTimeoutException;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;

/**
 * Turns PgJet's exceptions into {@link SQLException}s: the server's SQLSTATE is kept (the vendor
 * code is always 0, PostgreSQL has none) and picks the JDBC subclass by SQLSTATE class; client-side
 * failures get the SQLSTATE pgjdbc uses for them. The PgJet exception is the cause, so callers can
 * still reach every ErrorResponse field. Stateless.
 */
public final class SqlErrors {
    /** SQLSTATE of a lost or unusable connection (connection_failure). */
    public static final String CONNECTION_FAILURE = "08006";
    /** SQLSTATE of a connection that could not be made (sqlclient_unable_to_establish_sqlconnection). */
    public static final String UNABLE_TO_CONNECT = "08001";
    /** SQLSTATE of a call on a closed object or a misuse of the API (object_not_in_prerequisite_state). */
    public static final String OBJECT_STATE = "55000";
    /** SQLSTATE of an invalid argument (invalid_parameter_value). */
    public static final String INVALID_PARAMETER = "22023";
    /** SQLSTATE of a query cancelled by a timeout or {@code Statement.cancel()} (query_canceled). */
    public static final String QUERY_CANCELED = "57014";

    private SqlErrors() {
    }

    /** Returns the {@link SQLException} for {@code error}, any exception PgJet or the driver threw. */
    public static SQLException of(Throwable error) {
        if (error instanceof SQLException sql) {
            return sql;
        }
        if (error instanceof PgException pg) {
            return forServerError(pg);
        }
        if (error instanceof PgTimeoutException) {
            return new SQLTimeoutException(error.getMessage(), QUERY_CANCELED, 0, error);
        }
        if (error instanceof PgAuthenticationException) {
            return new SQLInvalidAuthorizationSpecException(error.getMessage(), "28000", 0, error);
        }
        if (error instanceof PgConnectionException) {
            return new SQLNonTransientConnectionException(error.getMessage(), CONNECTION_FAILURE, 0, error);
        }
        if (error instanceof PgInterfaceException) {
            return new SQLException(error.getMessage(), INVALID_PARAMETER, 0, error);
        }
        return new SQLException(String.valueOf(error.getMessage()), "XX000", 0, error);
    }

    /** Returns a plain driver-side error with SQLSTATE {@code state}. */
    public static SQLException of(String message, String state) {
        return new SQLException(message, state);
    }

    /** Returns the error for a call on a closed connection, statement or result set. */
    public static SQLException closed(String what) {
        return new SQLNonTransientConnectionException(what + " is closed", what.equals("connection")
                ? CONNECTION_FAILURE : OBJECT_STATE);
    }

    /** Returns the error for a JDBC feature this driver does not implement (yet). */
    public static SQLFeatureNotSupportedException unsupported(String what) {
        return new SQLFeatureNotSupportedException(what + " is not supported by PgJet's JDBC driver", "0A000");
    }

    private static SQLException forServerError(PgException error) {
        String state = error.sqlState() == null ? "XX000" : error.sqlState();
        String message = error.getMessage();
        String sqlClass = state.length() >= 2 ? state.substring(0, 2) : state;
        switch (sqlClass) {
            case "23":
                return new SQLIntegrityConstraintViolationException(message, state, 0, error);
            case "40":
                return new SQLTransactionRollbackException(message, state, 0, error);
            case "42":
                return new SQLSyntaxErrorException(message, state, 0, error);
            case "22":
                return new SQLDataException(message, state, 0, error);
            case "28":
                return new SQLInvalidAuthorizationSpecException(message, state, 0, error);
            case "08":
                return new SQLNonTransientConnectionException(message, state, 0, error);
            case "57":
                if (state.equals(QUERY_CANCELED)) {
                    return new SQLTimeoutException(message, state, 0, error);
                }
                // admin_shutdown, crash_shutdown, cannot_connect_now: the session is gone or was refused.
                return state.equals("57P03") ? new SQLTransientConnectionException(message, state, 0, error)
                        : new SQLNonTransientConnectionException(message, state, 0, error);
            case "0A":
                return new SQLFeatureNotSupportedException(message, state, 0, error);
            default:
                return new SQLException(message, state, 0, error);
        }
    }

    /**
     * Checks a count, size or time a caller gave ({@code setFetchSize}, {@code setMaxRows}, ...).
     *
     * @param value the value given
     * @param what what it is ("fetch size"), for the message
     * @throws SQLException (22023) when {@code value} is negative
     */
    static void checkNotNegative(long value, String what) throws SQLException {
        if (value < 0) {
            throw of(what + " must not be negative", INVALID_PARAMETER);
        }
    }

    /**
     * Returns {@code self} as {@code iface} for {@link java.sql.Wrapper#unwrap}: the driver's
     * objects wrap nothing but themselves.
     *
     * @throws SQLException when {@code self} is not an {@code iface}
     */
    static <T> T unwrapSelf(Object self, Class<T> iface) throws SQLException {
        if (iface.isInstance(self)) {
            return iface.cast(self);
        }
        throw of("not a wrapper for " + iface.getName(), INVALID_PARAMETER);
    }
}
