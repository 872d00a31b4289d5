package io.pgjet.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.testkit.PgBouncer;
import io.pgjet.testkit.PgTestServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * PgJetDataSource with pgjdbc's {@code prepareThreshold=0} behind pgbouncer in transaction mode:
 * two connections share one server connection, so any named statement would collide; prepared
 * statements, batches and a transaction all work.
 */
class PgBouncerSmokeTest {
    @Test
    void prepareThresholdZeroWorksBehindPgbouncerTransactionMode() throws SQLException {
        try (PgBouncer bouncer = PgBouncer.start(PgTestServer.shared(), PgBouncer.PoolMode.TRANSACTION,
                java.util.Map.of("default_pool_size", "1"))) {
            PgJetDataSource ds = new PgJetDataSource();
            ds.setUrl("jdbc:postgresql://" + bouncer.host() + ":" + bouncer.port() + "/" + bouncer.database());
            ds.setUser(bouncer.user());
            ds.setPassword(bouncer.password());
            ds.setPrepareThreshold(0);
            try (Connection a = ds.getConnection(); Connection b = ds.getConnection()) {
                try (Statement s = a.createStatement()) {
                    s.execute("drop table if exists jdbc_bouncer; create table jdbc_bouncer (id int, name text)");
                }
                for (int i = 0; i < 3; i++) {
                    try (PreparedStatement pa = a.prepareStatement("select ?::int + 1");
                            PreparedStatement pb = b.prepareStatement("select ?::text || 'b'")) {
                        pa.setInt(1, i);
                        pb.setString(1, "x");
                        try (ResultSet ra = pa.executeQuery(); ResultSet rb = pb.executeQuery()) {
                            assertTrue(ra.next() && rb.next());
                            assertEquals(i + 1, ra.getInt(1));
                            assertEquals("xb", rb.getString(1));
                        }
                    }
                }
                a.setAutoCommit(false);
                try (PreparedStatement insert = a.prepareStatement("insert into jdbc_bouncer values (?, ?)")) {
                    for (int i = 0; i < 3; i++) {
                        insert.setInt(1, i);
                        insert.setString(2, "n" + i);
                        insert.addBatch();
                    }
                    assertEquals(3, insert.executeBatch().length);
                }
                a.commit();
                a.setAutoCommit(true);
                try (Statement s = b.createStatement(); ResultSet r = s.executeQuery("select count(*) from jdbc_bouncer")) {
                    assertTrue(r.next());
                    assertEquals(3, r.getInt(1));
                }
                try (Statement s = b.createStatement(); ResultSet r = s.executeQuery("select count(*) from pg_prepared_statements")) {
                    assertTrue(r.next());
                    assertEquals(0, r.getInt(1));
                    assertFalse(r.next());
                }
                try (Statement s = a.createStatement()) {
                    s.execute("drop table jdbc_bouncer");
                }
            }
        }
    }
}
