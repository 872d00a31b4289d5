package io.pgjet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.testkit.PgTestServer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the pool's default reset sends on release and what the next borrower sees. Each pool has
 * one connection, so the next borrower gets the very session the last one left. What the pooled
 * session ran last is read from {@code pg_stat_activity.query} on a separate connection: after a
 * release the pool has finished (close() waits for it), so a reset would be the last statement.
 */
class PoolResetTest {
    private static final String DSN = PgTestServer.shared().dsn();
    private static final String FULL_RESET_SQL =
            "CLOSE ALL; SELECT pg_advisory_unlock_all(); UNLISTEN *; RESET ALL; DISCARD TEMP";

    private Pool pool;
    private Connection admin;
    private int pid;

    @BeforeEach
    void open() {
        pool = PgJet.createPool(DSN, PoolOptions.DEFAULT.withSize(1, 1));
        admin = PgJet.connect(DSN);
        pid = pool.withConnection(Connection::getServerPid);
    }

    @AfterEach
    void close() {
        pool.close();
        admin.close();
    }

    /**
     * Returns the last statement the pooled session ran, once the connection is back in the pool
     * (the verbs and withConnection give it back in the background).
     */
    private String lastStatement() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (pool.idleSize() != 1) {
            assertTrue(System.nanoTime() < deadline, "the connection did not come back");
            Thread.onSpinWait();
        }
        return admin.fetchVal("select query from pg_stat_activity where pid = $1", pid);
    }

    /** Runs {@code sql} on a lease and gives the connection back (close() waits for the reset). */
    private void leaseRuns(String sql) {
        try (Connection conn = pool.acquire()) {
            assertEquals(pid, conn.getServerPid());
            conn.execute(sql);
        }
    }

    @Test
    void aCleanLeaseSendsNoReset() {
        try (Connection conn = pool.acquire()) {
            assertEquals(1, (int) conn.fetchVal("select $1::int4", 1));
            assertEquals(2, (int) conn.fetchVal("select 2"));
        }
        assertEquals("select 2", lastStatement(), "nothing ran after the borrower's last query");
        pool.withConnection(conn -> {
            try (Transaction tx = conn.transaction()) {
                conn.fetch("select 3");
                tx.commit();
            }
            return null;
        });
        assertEquals("COMMIT", lastStatement(), "a committed transaction needs no reset either");
        assertEquals(4, (int) pool.fetchVal("select 4"));
        assertEquals("select 4", lastStatement());
    }

    @Test
    void fullResetOptionResetsEveryLease() {
        try (Pool full = PgJet.createPool(DSN, PoolOptions.DEFAULT.withSize(1, 1).withReset(PoolOptions.FULL_RESET))) {
            int fullPid;
            try (Connection conn = full.acquire()) { // close() waits for the reset
                fullPid = conn.getServerPid();
                conn.fetchVal("select 1");
            }
            assertEquals(FULL_RESET_SQL, admin.fetchVal("select query from pg_stat_activity where pid = $1", fullPid));
        }
    }

    @Test
    void settingsChangedWithSetAreReset() {
        String defaultWorkMem = pool.fetchVal("show work_mem");
        try (Connection conn = pool.acquire()) {
            conn.execute("set work_mem = '7MB'");
            conn.execute("set application_name = 'left behind'");
        }
        assertEquals("RESET ALL;", lastStatement(), "only what undoes a SET");
        try (Connection conn = pool.acquire()) {
            assertEquals(defaultWorkMem, conn.fetchVal("show work_mem"));
            assertNotEquals("left behind", conn.fetchVal("show application_name"));
        }
    }

    @Test
    void settingsMadeByInitSurviveTheResetOfABorrowersSettings() {
        PoolOptions options = PoolOptions.DEFAULT.withSize(1, 1).withInit(conn -> conn.execute(
                "set search_path = pool_reset_app, public").thenCompose(ok -> conn.execute("set work_mem = '3MB'")));
        try (Pool initialized = PgJet.createPool(DSN, options)) {
            String defaultTimeout = initialized.fetchVal("show statement_timeout");
            try (Connection conn = initialized.acquire()) {
                conn.execute("set work_mem = '5MB'");
                conn.execute("set statement_timeout = '17s'");
                conn.execute("set search_path = public");
            }
            try (Connection conn = initialized.acquire()) {
                assertEquals("pool_reset_app, public", conn.fetchVal("show search_path"));
                assertEquals("3MB", conn.fetchVal("show work_mem"));
                assertEquals(defaultTimeout, conn.fetchVal("show statement_timeout"));
                conn.execute("set work_mem = '6MB'");
                conn.execute("begin"); // left open: the full reset, then init's settings again
            }
            try (Connection conn = initialized.acquire()) {
                assertEquals("pool_reset_app, public", conn.fetchVal("show search_path"));
                assertEquals("3MB", conn.fetchVal("show work_mem"));
            }
        }
    }

    @Test
    void aReportedSettingChangedThroughSetConfigIsReset() {
        try (Connection conn = pool.acquire()) {
            conn.fetchVal("select set_config('application_name', 'set in a select', false)");
        }
        assertNotEquals("set in a select", pool.fetchVal("show application_name"));
    }

    @Test
    void listenInSqlIsUndone() {
        leaseRuns("listen pool_reset_channel");
        assertEquals("UNLISTEN *;", lastStatement());
        assertEquals(0L, (long) pool.fetchVal("select count(*) from pg_listening_channels()"));
    }

    @Test
    void aListenerAddedThroughTheLeaseDoesNotKeepListening() throws Exception {
        try (Connection conn = pool.acquire()) {
            conn.addListener("pool_reset_api_channel", n -> { });
        }
        assertEquals(0L, (long) pool.fetchVal("select count(*) from pg_listening_channels()"));
    }

    @Test
    void aWithHoldCursorIsClosed() {
        leaseRuns("declare pool_reset_cursor cursor with hold for select 1");
        assertEquals("CLOSE ALL;", lastStatement());
        assertEquals(0L, (long) pool.fetchVal("select count(*) from pg_cursors where name = 'pool_reset_cursor'"));
    }

    @Test
    void aTemporaryTableIsDropped() {
        leaseRuns("create temp table pool_reset_temp (x int)");
        assertEquals("DISCARD TEMP;", lastStatement());
        assertNull(pool.fetchVal("select to_regclass('pool_reset_temp')::text"));
    }

    @Test
    void aStatementPreparedInSqlIsDeallocatedAndPgJetsCachedOnesStay() {
        try (Connection conn = pool.acquire()) {
            conn.fetchVal("select 'cached'");
            conn.execute("prepare pool_reset_prepared as select 1");
        }
        try (Connection conn = pool.acquire()) {
            assertEquals(0L, (long) conn.fetchVal("select count(*) from pg_prepared_statements where from_sql"));
            assertTrue((long) conn.<Long>fetchVal("select count(*) from pg_prepared_statements where not from_sql") > 0,
                    "the statement cache's statements are still prepared");
            assertEquals("cached", conn.fetchVal("select 'cached'"));
        }
    }

    @Test
    void aStatementPreparedThroughTheLeaseIsClosedOnRelease() {
        PreparedStatement statement;
        try (Connection conn = pool.acquire()) {
            statement = conn.prepare("select 42 as pool_reset_answer");
            assertEquals(42, (int) statement.fetchRow().getInt(0));
        }
        assertThrows(PgInterfaceException.class, statement::fetchRow, "it would run on the next borrower's lease");
        assertEquals(0L, (long) pool.fetchVal(
                "select count(*) from pg_prepared_statements where statement = 'select 42 as pool_reset_answer'"));
    }

    @Test
    void discardAllByABorrowerDoesNotBreakTheNextBorrowersTransaction() {
        try (Connection conn = pool.acquire()) {
            assertEquals(5, (int) conn.fetchVal("select 5"));
            conn.execute("discard all");
        }
        int five = pool.withConnection(conn -> {
            try (Transaction tx = conn.transaction()) {
                int value = conn.fetchVal("select 5"); // the cached statement must be prepared again
                tx.commit();
                return value;
            }
        });
        assertEquals(5, five);
    }

    @Test
    void aDoBlockGetsTheFullReset() {
        leaseRuns("do $$ begin perform pg_advisory_lock(4711); end $$");
        assertEquals(FULL_RESET_SQL, lastStatement(), "code may have changed anything");
        assertEquals(0L, (long) admin.fetchVal(
                "select count(*) from pg_locks where locktype = 'advisory' and pid = $1", pid));
    }

    @Test
    void aTransactionLeftOpenIsRolledBackWithTheFullReset() {
        try (Connection conn = pool.acquire()) {
            conn.execute("begin");
            conn.execute("set local work_mem = '9MB'");
        }
        try (Connection conn = pool.acquire()) {
            assertEquals(false, conn.isInTransaction());
            try (Transaction tx = conn.transaction()) { // a BEGIN, not a savepoint of the abandoned one
                assertEquals(false, tx.isNested());
                tx.commit();
            }
        }
    }

    @Test
    void aChangeStillRunningAtReleaseIsReset() throws Exception {
        AsyncPool async = pool.async();
        AsyncConnection conn = async.acquire().get(10, TimeUnit.SECONDS);
        CompletableFuture<CommandStatus> set = conn.execute("set application_name = 'still running'");
        CompletableFuture<Void> back = conn.closeAsync(); // not waiting for the SET first
        set.get(10, TimeUnit.SECONDS);
        back.get(10, TimeUnit.SECONDS);
        assertNotEquals("still running", pool.fetchVal("show application_name"));
    }

    @Test
    void aSessionAdvisoryLockTakenInASelectIsNotSeenByTheTrackedReset() {
        // Documented limit (PoolOptions.TRACKED_RESET): the server reports nothing for it.
        try (Connection conn = pool.acquire()) {
            conn.fetchVal("select pg_advisory_lock(4712)::text");
        }
        assertEquals(1L, (long) admin.fetchVal(
                "select count(*) from pg_locks where locktype = 'advisory' and pid = $1", pid));
        pool.fetchVal("select pg_advisory_unlock_all()::text");
    }
}
