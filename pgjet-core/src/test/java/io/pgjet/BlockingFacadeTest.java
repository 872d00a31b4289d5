package io.pgjet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.errors.DivisionByZeroException;
import io.pgjet.testkit.PgTestServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The blocking facade mirrors the asynchronous verbs, rethrows PgJet exceptions, honours interrupts. */
class BlockingFacadeTest {

    @Test
    void verbsReturnResultsDirectly() {
        try (Connection conn = PgJet.connect(PgTestServer.shared().dsn())) {
            List<Row> rows = conn.fetch("select g, 'v' || g as label from generate_series(1, 3) g");
            assertEquals(3, rows.size());
            assertEquals("v2", rows.get(1).getString("label"));
            assertEquals("g", rows.get(0).columnName(0));
            assertNull(conn.fetchRow("select 1 where false"));
            assertEquals(3, conn.execute("create temp table bf (a int); insert into bf values (1), (2), (3)").rowCount());
            assertEquals("INSERT", conn.execute("insert into bf values ($1)", 4).command());
        }
    }

    @Test
    void serverErrorIsThrownAsItsSqlStateClassWithCallerStack() {
        try (Connection conn = PgJet.connect(PgTestServer.shared().dsn())) {
            DivisionByZeroException e = assertThrows(DivisionByZeroException.class, () -> conn.fetch("select 1 / 0"));
            assertEquals("22012", e.sqlState());
            assertEquals("select 1 / 0", e.query());
            assertTrue(e.getSuppressed().length > 0);
        }
    }

    @Test
    void interruptingWaitingThreadCancelsTheQuery() throws Exception {
        try (Connection conn = PgJet.connect(PgTestServer.shared().dsn())) {
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
            Thread waiter = new Thread(() -> {
                try {
                    conn.execute("select pg_sleep(30)");
                } catch (Throwable e) {
                    thrown.set(e);
                    stillInterrupted.set(Thread.currentThread().isInterrupted());
                }
            });
            waiter.start();
            Thread.sleep(300);
            waiter.interrupt();
            waiter.join(10_000);
            assertTrue(thrown.get() instanceof PgInterfaceException, String.valueOf(thrown.get()));
            assertTrue(stillInterrupted.get());
            assertEquals("ok", conn.withTimeout(Duration.ofSeconds(10)).fetchRow("select 'ok'").getString(0));
        }
    }

    @Test
    void terminateFailsPendingRequests() throws Exception {
        Connection conn = PgJet.connect(PgTestServer.shared().dsn());
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread waiter = new Thread(() -> {
            try {
                conn.execute("select pg_sleep(30)");
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        waiter.start();
        Thread.sleep(300);
        conn.terminate();
        waiter.join(10_000);
        assertTrue(thrown.get() instanceof PgConnectionException, String.valueOf(thrown.get()));
        assertTrue(conn.isClosed());
    }
}
