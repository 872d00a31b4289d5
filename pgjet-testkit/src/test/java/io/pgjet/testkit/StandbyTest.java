package io.pgjet.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A standby made by {@link PgCluster#startStandby()} streams changes from its primary. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StandbyTest {

    @Test
    void standbyReplicatesRowsInsertedOnThePrimary() throws Exception {
        try (PgCluster primary = PgCluster.builder().auth(AuthMethod.SCRAM_SHA_256).tls(true).start()) {
            try (Connection c = Jdbc.connect(primary.jdbcUrl())) {
                Jdbc.execute(c, "create table t(id int primary key, note text); insert into t values (1, 'before')");
            }
            try (PgCluster standby = primary.startStandby()) {
                assertTrue(standby.isStandby());
                assertNotEquals(primary.port(), standby.port());
                assertTrue(primary.isRunning(), "primary must be back up");
                try (Connection p = Jdbc.connect(primary.jdbcUrl()); Connection s = Jdbc.connect(standby.jdbcUrl())) {
                    assertEquals("t", Jdbc.queryString(s, "select pg_is_in_recovery()"));
                    assertEquals("f", Jdbc.queryString(p, "select pg_is_in_recovery()"));
                    assertEquals("before", Jdbc.queryString(s, "select note from t where id = 1"));
                    Jdbc.execute(p, "insert into t values (2, 'streamed')");
                    assertEquals("streamed", awaitRow(s, 2));
                    assertEquals("streaming", Jdbc.queryString(p, "select state from pg_stat_replication"));
                    SQLException e = assertThrows(SQLException.class, () -> Jdbc.execute(s, "insert into t values (3, 'x')"));
                    assertEquals("25006", e.getSQLState(), "read-only transaction expected");
                    // TLS works on the standby with its own copy of the material.
                    try (Connection tls = Jdbc.connect(standby, standby.superuser(), standby.password(),
                            Jdbc.verifyFull(standby.tls()))) {
                        assertEquals("t", Jdbc.queryString(tls, "select ssl from pg_stat_ssl where pid = pg_backend_pid()"));
                    }
                }
            }
        }
    }

    private static String awaitRow(Connection standby, int id) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            String v = Jdbc.queryString(standby, "select coalesce((select note from t where id = " + id + "), '')");
            if (!v.isEmpty()) {
                return v;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("row " + id + " did not reach the standby within 30 s");
    }
}
