package io.pgjet.internal.pool;

import io.pgjet.AsyncConnection;
import io.pgjet.ConnectionConfig;
import io.pgjet.PgException;
import io.pgjet.TargetSessionAttrs;
import io.pgjet.internal.blocking.Futures;
import io.pgjet.internal.net.SessionAttributes;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Whether a pooled connection's server still has the role the pool's
 * {@code target_session_attrs} asked for when the connection was opened. A failover changes roles
 * under open connections: the old primary becomes a standby, is made read-only or goes away, and
 * another host is promoted. Only the explicit roles (primary, standby, read-write, read-only)
 * are checked: {@code any} and {@code prefer-standby} accept every server.
 */
final class HostRecheck {
    private static final String QUERY = "select pg_catalog.pg_is_in_recovery(), "
            + "pg_catalog.current_setting('transaction_read_only') = 'on'";

    private final TargetSessionAttrs wanted;
    private final long intervalNanos;

    HostRecheck(ConnectionConfig config) {
        this.wanted = config.targetSessionAttrs();
        Duration interval = config.hostRecheck();
        this.intervalNanos = interval == null || !checksRole(wanted) ? -1 : interval.toNanos();
    }

    private static boolean checksRole(TargetSessionAttrs wanted) {
        return wanted != TargetSessionAttrs.ANY && wanted != TargetSessionAttrs.PREFER_STANDBY;
    }

    /** Whether the pool promised a role, so a role change is worth looking for. */
    boolean checksRole() {
        return checksRole(wanted);
    }

    /** Whether free connections are checked periodically at all ({@code host_recheck_seconds}). */
    boolean periodic() {
        return intervalNanos >= 0;
    }

    /** Whether a free connection last checked at {@code checkedAt} is due for a periodic check. */
    boolean due(long checkedAt, long now) {
        return intervalNanos >= 0 && now - checkedAt >= intervalNanos;
    }

    /**
     * Asks the server for its role (one round trip, bounded by {@code timeout}); the future
     * holds whether it still matches, and fails if the connection does not answer.
     */
    CompletableFuture<Boolean> matches(AsyncConnection connection, Duration timeout) {
        return connection.withTimeout(timeout).fetchRow(QUERY).thenApply(row ->
                SessionAttributes.matches(wanted, row.get(0, Boolean.class), row.get(1, Boolean.class)));
    }

    /**
     * Whether {@code error} says the server refused a write because it is read-only now
     * (SQLSTATE 25006), the sign that a failover may have changed its role.
     */
    static boolean saysReadOnly(Throwable error) {
        Throwable cause = error == null ? null : Futures.unwrap(error);
        return cause instanceof PgException && "25006".equals(((PgException) cause).sqlState());
    }
}
