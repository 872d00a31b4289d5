package io.pgjet.r2dbc.internal;

import io.pgjet.AsyncConnection;
import io.pgjet.internal.conn.RealConnection;
import io.pgjet.internal.result.StatementResult;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The two engine verbs R2DBC needs that PgJet's public API does not have yet: one statement's
 * rows together with its command status (an R2DBC result carries both), and a multi-statement
 * string answered per statement. Everything this module takes from {@code io.pgjet.internal}
 * goes through here, so promoting these verbs to the public API is a change to this class only.
 */
final class CoreAccess {
    private final RealConnection connection;

    private CoreAccess(RealConnection connection) {
        this.connection = connection;
    }

    /** Returns access to {@code connection}, which must come from {@code PgJet.connectAsync}. */
    static CoreAccess of(AsyncConnection connection) {
        if (!(connection instanceof RealConnection real)) {
            throw new IllegalArgumentException("not a PgJet connection from PgJet.connectAsync: "
                    + connection.getClass().getName());
        }
        return new CoreAccess(real);
    }

    /**
     * Runs one statement (extended protocol, binary values, cached prepared statement) and
     * returns its rows and status. Cancelling the future sends a cancel request.
     */
    CompletableFuture<StatementResult> query(String sql, Object[] args) {
        return connection.query(sql, args);
    }

    /** Runs {@code sql} through the simple query protocol and returns one result per statement. */
    CompletableFuture<List<StatementResult>> simpleQuery(String sql) {
        return connection.simpleQuery(sql);
    }
}
