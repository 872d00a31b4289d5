package io.pgjet.internal.conn;

import io.pgjet.PgException;
import io.pgjet.types.OutdatedSchemaCacheException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises failures meaning a statement's cached description is no longer usable: the server's
 * "cached plan must not change result type" (SQLSTATE 0A000) after a schema change, a statement
 * that no longer exists on the server (26000, e.g. after DISCARD ALL), and a result whose user
 * type was altered since PgJet introspected it ({@link OutdatedSchemaCacheException}); and
 * decides when the call may be run again.
 */
final class StaleStatements {
    /** Words of SQL that change data; a statement holding one is never re-run. */
    private static final Pattern WRITES = Pattern.compile("\\b(insert|update|delete|merge|copy|call|do)\\b");

    private static final System.Logger LOG = System.getLogger("io.pgjet.statements");

    private StaleStatements() {}

    /** Logs (DEBUG) a cached statement the server no longer accepts, and whether the call is re-run. */
    static void log(Throwable error, boolean retry) {
        if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
            LOG.log(System.Logger.Level.DEBUG, "cached statement is stale after a schema change (" + error.getMessage()
                    + "); prepared again" + (retry ? ", and the call retried once" : "; the call fails (retrying it is unsafe)"));
        }
    }

    /**
     * Returns whether {@code error} means the statement's cached description was stale.
     *
     * @param freshlyPrepared whether the failed attempt prepared the statement itself: the
     *     server's errors then have another cause, an out-of-date type does not
     */
    static boolean isStale(Throwable error, boolean freshlyPrepared) {
        if (error instanceof OutdatedSchemaCacheException) {
            return true;
        }
        return !freshlyPrepared && isStale(error);
    }

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

    /**
     * Returns whether a call that failed as stale may be run again: never inside a transaction
     * block (the failed attempt's effects are part of it). A statement the server refused (a
     * stale plan, a composite parameter of an altered type) ran nothing; but one whose result
     * could not be decoded (an altered type) did run, so it is re-run only when it read rows and
     * nothing else: its command tag is {@code SELECT} and its text holds no data-changing keyword
     * (a false positive only costs the retry).
     *
     * @param tag the failed attempt's command tag, or null
     */
    static boolean mayRetry(Throwable error, byte transactionStatus, String sql, String tag) {
        if (transactionStatus != 'I') {
            return false;
        }
        if (!(error instanceof OutdatedSchemaCacheException) || tag == null) {
            return true; // refused by the server before it ran (no CommandComplete): nothing to repeat
        }
        return tag.startsWith("SELECT") && !WRITES.matcher(sql.toLowerCase(Locale.ROOT)).find();
    }
}
