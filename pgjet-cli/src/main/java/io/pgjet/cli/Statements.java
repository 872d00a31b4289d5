package io.pgjet.cli;

import io.pgjet.AsyncConnection;
import io.pgjet.AsyncPreparedStatement;
import io.pgjet.Attribute;
import io.pgjet.internal.conn.RealConnection;
import io.pgjet.internal.result.StatementResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Runs what {@code pgjet query} was given and returns each statement's columns, rows and command
 * status together, as psql prints them.
 *
 * <p>The public API hands out either rows ({@code fetch}) or a status ({@code execute}), and a
 * multi-statement script only as its last status; psql shows all of it. So this class, and only
 * this class in the command line, reads the engine's per-statement results from
 * {@code io.pgjet.internal} (built in the same reactor, so always the same version).
 */
final class Statements {
    private Statements() {}

    /**
     * Runs {@code sql} as a script through the simple query protocol (as {@code psql -c} does):
     * it may hold several statements, all in one implicit transaction unless it says otherwise.
     * An error stops the script; the server's exception is thrown.
     */
    static List<Outcome> script(AsyncConnection conn, String sql) {
        List<Outcome> outcomes = new ArrayList<>();
        for (StatementResult result : await(engine(conn).simpleQuery(sql))) {
            outcomes.add(new Outcome(null, result.rows(), result.status() == null ? null : result.status().tag()));
        }
        return outcomes;
    }

    /**
     * Runs one statement with {@code args} bound to {@code $1..$n} (extended protocol). The
     * statement is described first, so its columns are known even when no row comes back.
     */
    static Outcome statement(AsyncConnection conn, String sql, Object[] args) {
        List<Outcome.Column> columns;
        AsyncPreparedStatement described = await(conn.prepare(sql));
        try {
            List<Attribute> attributes = described.getAttributes();
            columns = attributes.isEmpty() ? null : new ArrayList<>();
            for (Attribute attribute : attributes) {
                columns.add(new Outcome.Column(attribute.name(), attribute.typeOid()));
            }
        } finally {
            await(described.close());
        }
        StatementResult result = await(engine(conn).query(sql, args));
        return new Outcome(columns, result.rows(), result.status() == null ? null : result.status().tag());
    }

    /** Waits for {@code future} and throws what it failed with (a PgJetException, unwrapped). */
    static <T> T await(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            throw e;
        }
    }

    private static RealConnection engine(AsyncConnection conn) {
        if (!(conn instanceof RealConnection)) {
            throw new IllegalStateException("pgjet query needs PgJet's own connection, not " + conn.getClass().getName());
        }
        return (RealConnection) conn;
    }
}
