package io.pgjet.internal.conn;

import io.pgjet.PgException;

/**
 * Recognises server errors meaning a cached prepared statement is no longer usable as described:
 * its result type changed after a schema change ("cached plan must not change result type",
 * SQLSTATE 0A000), or it no longer exists on the server (26000, e.g. after DISCARD ALL).
 */
final class StaleStatements {
    private StaleStatements() {}

    static boolean isStale(Throwable error) {
        if (!(error instanceof PgException)) {
            return false;
        }
        PgException e = (PgException) error;
        String state = e.sqlState();
        if ("26000".equals(state)) {
            return true;
        }
        String routine = e.routine();
        return "0A000".equals(state) && ("RevalidateCachedQuery".equals(routine)
                || String.valueOf(e.serverMessage()).contains("cached plan must not change result type"));
    }
}
