package io.pgjet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.testkit.PgTestServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Which failures {@link PgJetException#isRetryable()} calls transient, from real server errors. */
class RetryableErrorsTest {
    private static final String DSN = PgTestServer.shared().dsn();

    @Test
    void aWriteRefusedByAReadOnlySessionIsRetryable() {
        try (Connection conn = PgJet.connect(DSN)) {
            conn.execute("set default_transaction_read_only = on");
            PgException e = assertThrows(PgException.class, () -> conn.execute("create temp table never (a int)"));
            assertEquals("25006", e.sqlState());
            assertTrue(e.isRetryable());
        }
    }

    @Test
    void aTerminatedSessionIsARetryableConnectionError() {
        try (Connection victim = PgJet.connect(DSN); Connection admin = PgJet.connect(DSN)) {
            int pid = victim.fetchVal("select pg_backend_pid()");
            admin.execute("select pg_terminate_backend($1)", pid);
            PgConnectionException e = assertThrows(PgConnectionException.class, () -> {
                for (int i = 0; i < 50; i++) { // the FATAL arrives on the next read
                    victim.fetchVal("select 1");
                    Thread.sleep(20);
                }
            });
            assertTrue(e.isRetryable());
            assertTrue(e.getCause() instanceof PgException && ((PgException) e.getCause()).isRetryable(), e.toString());
        }
    }

    @Test
    void mistakesInTheWorkAreNotRetryable() {
        try (Connection conn = PgJet.connect(DSN)) {
            PgException syntax = assertThrows(PgException.class, () -> conn.execute("selec 1"));
            assertFalse(syntax.isRetryable());
            PgException unique = assertThrows(PgException.class,
                    () -> conn.execute("select 1/0"));
            assertFalse(unique.isRetryable());
        }
        assertFalse(new PgInterfaceException("bad argument").isRetryable());
    }

    @Test
    void hostRecheckSecondsComesFromTheConnectionString() {
        assertEquals(Duration.ofSeconds(7), ConnectionConfig.parse("postgresql://h/db?host_recheck_seconds=7").hostRecheck());
        assertEquals(Duration.ofSeconds(3), ConnectionConfig.parse("host=h hostRecheckSeconds=3").hostRecheck());
        assertNull(ConnectionConfig.parse("postgresql://h/db?host_recheck_seconds=0").hostRecheck());
        assertThrows(InvalidDsnException.class, () -> ConnectionConfig.parse("postgresql://h/db?host_recheck_seconds=x"));
    }
}
