package io.pgjet.r2dbc.internal;

import io.pgjet.r2dbc.PgJetR2dbcOptions;
import io.r2dbc.spi.IsolationLevel;
import io.r2dbc.spi.TransactionDefinition;
import java.time.Duration;
import java.util.Locale;

/** The SQL of transaction control: BEGIN with a definition, savepoint names, timeouts. */
final class Isolations {
    private Isolations() {
    }

    /** Returns the R2DBC level for a PostgreSQL setting value such as {@code read committed}. */
    static IsolationLevel of(String setting) {
        String level = setting == null ? "read committed" : setting.trim().toLowerCase(Locale.ROOT);
        switch (level) {
            case "serializable":
                return IsolationLevel.SERIALIZABLE;
            case "repeatable read":
                return IsolationLevel.REPEATABLE_READ;
            case "read uncommitted":
                return IsolationLevel.READ_UNCOMMITTED;
            default:
                return IsolationLevel.READ_COMMITTED;
        }
    }

    /**
     * Returns the statement(s) that begin a transaction as {@code definition} says: isolation,
     * read-only, deferrable, and a lock wait timeout as {@code SET LOCAL lock_timeout} (one
     * round trip: both go in one simple query).
     */
    static String beginSql(TransactionDefinition definition) {
        StringBuilder sql = new StringBuilder("BEGIN");
        String separator = " ";
        IsolationLevel isolation = definition.getAttribute(TransactionDefinition.ISOLATION_LEVEL);
        if (isolation != null) {
            sql.append(separator).append("ISOLATION LEVEL ").append(isolation.asSql());
            separator = ", ";
        }
        Boolean readOnly = definition.getAttribute(TransactionDefinition.READ_ONLY);
        if (readOnly != null) {
            sql.append(separator).append(readOnly ? "READ ONLY" : "READ WRITE");
            separator = ", ";
        }
        Boolean deferrable = definition.getAttribute(PgJetR2dbcOptions.DEFERRABLE);
        if (deferrable != null) {
            sql.append(separator).append(deferrable ? "DEFERRABLE" : "NOT DEFERRABLE");
        }
        Duration lockWait = definition.getAttribute(TransactionDefinition.LOCK_WAIT_TIMEOUT);
        if (lockWait != null) {
            sql.append("; SET LOCAL lock_timeout = ").append(millis(lockWait));
        }
        return sql.toString();
    }

    /** Returns {@code name} as a quoted SQL identifier. */
    static String identifier(String name) {
        if (name == null || name.isEmpty() || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("savepoint name must be a non-empty string without U+0000");
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** Returns a timeout as a whole number of milliseconds for SET (0 disables it). */
    static long millis(Duration timeout) {
        if (timeout == null || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be zero or positive");
        }
        return timeout.toMillis();
    }
}
