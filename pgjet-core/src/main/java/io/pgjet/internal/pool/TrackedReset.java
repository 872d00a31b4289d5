package io.pgjet.internal.pool;

import io.pgjet.AsyncConnection;
import io.pgjet.internal.conn.RealConnection;
import io.pgjet.internal.engine.SessionChanges;
import io.pgjet.internal.engine.SessionState;
import java.util.concurrent.CompletableFuture;

/**
 * The pool's default reset ({@link io.pgjet.PoolOptions#TRACKED_RESET}): undoes only what the
 * lease changed, as the session recorded it from the server's own reports
 * ({@link SessionChanges}: command tags and ParameterStatus), in one round trip, and sends
 * nothing for a lease that changed nothing. It falls back to the full
 * {@link AsyncConnection#reset()} when it cannot tell: a transaction left open, a DO block or
 * CALL, commands still in flight, or a connection that is not PgJet's own. In a pool, the
 * settings the {@code init} hook made are put back after a {@code RESET ALL}
 * ({@link InitSettings}).
 */
public final class TrackedReset {
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);
    /** Deallocates the statements SQL PREPARE made, keeping the protocol-level ones PgJet caches. */
    private static final String DEALLOCATE_SQL_PREPARED = "DO $pgjet$DECLARE n text; BEGIN"
            + " FOR n IN SELECT name FROM pg_catalog.pg_prepared_statements WHERE from_sql LOOP"
            + " EXECUTE 'DEALLOCATE ' || pg_catalog.quote_ident(n); END LOOP; END$pgjet$";

    private TrackedReset() {}

    /** Restores the settings an init hook made, after a RESET ALL undid them. */
    private static final String RESTORE_SQL =
            "select pg_catalog.set_config(n, v, false) from unnest($1::text[], $2::text[]) as t(n, v)";

    /**
     * The settings a pool's {@code init} hook made on a connection (SET, set_config): a
     * {@code RESET ALL} would return them to the server's defaults, so the reset puts them back
     * in the same round trip. Immutable.
     */
    static final class InitSettings {
        static final InitSettings NONE = new InitSettings(new String[0], new String[0]);
        private final String[] names;
        private final String[] values;

        private InitSettings(String[] names, String[] values) {
            this.names = names;
            this.values = values;
        }

        boolean isEmpty() {
            return names.length == 0;
        }
    }

    /**
     * Undoes what the session recorded since the last reset (see the class doc); the future
     * fails if a reset statement does (the pool then closes the connection).
     */
    public static CompletableFuture<Void> reset(AsyncConnection connection) {
        return reset(connection, InitSettings.NONE);
    }

    /**
     * Reads the settings {@code init} made on a new connection (only when the server reported a
     * change while it ran, so an init that sets nothing costs nothing); call after
     * {@link #forgetChanges} before init and after init.
     */
    static CompletableFuture<InitSettings> settingsAfterInit(AsyncConnection connection) {
        if (!(connection instanceof RealConnection)
                || (((RealConnection) connection).io().session().takeChanges() & SessionChanges.SETTINGS) == 0) {
            return CompletableFuture.completedFuture(InitSettings.NONE);
        }
        return connection.fetch("select name, pg_catalog.current_setting(name) from pg_catalog.pg_settings"
                + " where source = 'session'").thenApply(rows -> {
                    String[] names = new String[rows.size()];
                    String[] values = new String[rows.size()];
                    for (int i = 0; i < rows.size(); i++) {
                        names[i] = rows.get(i).getString(0);
                        values[i] = rows.get(i).getString(1);
                    }
                    forgetChanges(connection);
                    return new InitSettings(names, values);
                });
    }

    /** Like {@link #reset(AsyncConnection)}, putting {@code init}'s settings back after a RESET ALL. */
    static CompletableFuture<Void> reset(AsyncConnection connection, InitSettings initSettings) {
        if (!(connection instanceof RealConnection)) {
            return connection.reset();
        }
        RealConnection real = (RealConnection) connection;
        SessionState session = real.io().session();
        int changes = session.takeChanges();
        boolean full = (changes & SessionChanges.UNKNOWN) != 0 || !settled(real);
        if (!full && changes == 0) {
            return DONE;
        }
        CompletableFuture<Void> done = full ? real.reset() : undo(real, changes);
        if (full && (changes & SessionChanges.PREPARED) != 0) {
            done = done.thenCompose(ok -> real.execute(DEALLOCATE_SQL_PREPARED).thenApply(status -> null));
        }
        if ((full || (changes & SessionChanges.SETTINGS) != 0) && !initSettings.isEmpty()) {
            if (full) {
                // reset() sends its RESET ALL only after its ROLLBACK: restore after all of it.
                done = done.thenCompose(ok -> restore(real, initSettings));
            } else {
                // undo() has written its RESET ALL already: pipelined behind it, one round trip.
                done = done.thenCombine(restore(real, initSettings), (a, b) -> null);
            }
        }
        if ((changes & SessionChanges.STATEMENTS) != 0) {
            // DISCARD ALL or DEALLOCATE dropped statements PgJet has cached: forget them, or the
            // next borrower's first use inside a transaction would fail.
            done = done.thenCompose(ok -> real.reloadSchemaState());
        }
        // What the reset itself made the server report (RESET ALL's ParameterStatus, DO...) is
        // no change of the next borrower's.
        return done.whenComplete((ok, error) -> session.takeChanges());
    }

    /** Returns whether the tracked reset has nothing to send for {@code connection} (the pool's fast path). */
    static boolean isClean(AsyncConnection connection) {
        if (!(connection instanceof RealConnection)) {
            return false;
        }
        RealConnection real = (RealConnection) connection;
        return real.io().session().changes() == 0 && settled(real);
    }

    /** Forgets what the session recorded so far (after startup and init: that is the pool's baseline). */
    static void forgetChanges(AsyncConnection connection) {
        if (connection instanceof RealConnection) {
            ((RealConnection) connection).io().session().takeChanges();
        }
    }

    /**
     * Whether the recorded changes tell the whole story: no transaction open (on the server or
     * as a transaction object) and no command of the lease still to complete (its changes would
     * be recorded after this look).
     */
    private static boolean settled(RealConnection real) {
        return !real.isInTransaction() && !real.hasOpenTransactions() && real.io().pendingCommands() == 0;
    }

    private static CompletableFuture<Void> restore(RealConnection real, InitSettings initSettings) {
        return real.execute(RESTORE_SQL, initSettings.names, initSettings.values).thenApply(status -> null);
    }

    /** Sends the statements that undo {@code changes}, in one round trip. */
    private static CompletableFuture<Void> undo(RealConnection real, int changes) {
        StringBuilder sql = new StringBuilder();
        if ((changes & SessionChanges.CURSORS) != 0) {
            sql.append("CLOSE ALL;");
        }
        if ((changes & SessionChanges.LISTENS) != 0) {
            real.forgetChannelListeners(); // UNLISTEN * leaves them deaf: drop them as reset() does
            sql.append("UNLISTEN *;");
        }
        if ((changes & SessionChanges.SETTINGS) != 0) {
            sql.append("RESET ALL;");
        }
        if ((changes & SessionChanges.TEMP) != 0) {
            sql.append("DISCARD TEMP;");
        }
        if ((changes & SessionChanges.PREPARED) != 0) {
            sql.append(DEALLOCATE_SQL_PREPARED).append(';');
        }
        return sql.length() == 0 ? DONE : real.execute(sql.toString()).thenApply(status -> null);
    }
}
