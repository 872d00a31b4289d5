package io.pgjet.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.pgjet.testkit.PgServer;
import io.pgjet.testkit.PgTestServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Real HikariCP pools PgJet's driver, built by class name and by JDBC URL, under concurrent borrowers. */
class HikariTest {
    private static final int BORROWERS = 16;
    private static final int ROUNDS = 50;

    @Test
    void poolsThroughDataSourceClassName() throws Exception {
        PgServer server = PgTestServer.shared();
        HikariConfig config = new HikariConfig();
        config.setDataSourceClassName(PgJetDataSource.class.getName());
        config.addDataSourceProperty("serverName", server.host());
        config.addDataSourceProperty("portNumber", server.port());
        config.addDataSourceProperty("databaseName", server.database());
        config.addDataSourceProperty("user", server.user());
        if (server.password() != null) {
            config.addDataSourceProperty("password", server.password());
        }
        config.addDataSourceProperty("applicationName", "hikari-ds");
        config.setMaximumPoolSize(4);
        config.setPoolName("pgjet-ds");
        try (HikariDataSource pool = new HikariDataSource(config)) {
            exercise(pool, "hikari_ds");
            try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("show application_name")) {
                rs.next();
                assertEquals("hikari-ds", rs.getString(1));
            }
        }
    }

    @Test
    void poolsThroughJdbcUrl() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(Jdbc.url());
        config.setMaximumPoolSize(4);
        config.setAutoCommit(false);
        config.setTransactionIsolation("TRANSACTION_REPEATABLE_READ");
        config.setPoolName("pgjet-url");
        try (HikariDataSource pool = new HikariDataSource(config)) {
            exercise(pool, "hikari_url");
            try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("show transaction_isolation")) {
                rs.next();
                assertEquals("repeatable read", rs.getString(1));
                c.rollback();
            }
        }
    }

    /** Borrowers insert and read concurrently, more of them than connections, then the counts are checked. */
    private static void exercise(HikariDataSource pool, String table) throws Exception {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("drop table if exists " + table);
            s.execute("create table " + table + " (worker int, n int)");
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
        ExecutorService threads = Executors.newFixedThreadPool(BORROWERS);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int w = 0; w < BORROWERS; w++) {
                int worker = w;
                results.add(threads.submit(() -> {
                    int seen = 0;
                    for (int i = 0; i < ROUNDS; i++) {
                        try (Connection c = pool.getConnection();
                                PreparedStatement insert = c.prepareStatement("insert into " + table + " values (?, ?)");
                                PreparedStatement count = c.prepareStatement("select count(*) from " + table + " where worker = ?")) {
                            insert.setInt(1, worker);
                            insert.setInt(2, i);
                            insert.executeUpdate();
                            count.setInt(1, worker);
                            try (ResultSet rs = count.executeQuery()) {
                                rs.next();
                                seen = rs.getInt(1);
                            }
                            if (!c.getAutoCommit()) {
                                c.commit();
                            }
                        }
                    }
                    return seen;
                }));
            }
            for (Future<Integer> result : results) {
                assertEquals(ROUNDS, result.get(2, TimeUnit.MINUTES));
            }
        } finally {
            threads.shutdownNow();
        }
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from " + table)) {
            rs.next();
            assertEquals(BORROWERS * ROUNDS, rs.getInt(1));
            s.execute("drop table " + table);
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
        assertTrue(pool.getHikariPoolMXBean().getTotalConnections() <= 4);
    }

    @Test
    void brokenConnectionIsEvictedByThePool() throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(Jdbc.url());
        config.setMaximumPoolSize(1);
        config.setPoolName("pgjet-evict");
        try (HikariDataSource pool = new HikariDataSource(config)) {
            int firstPid;
            try (Connection c = pool.getConnection()) {
                firstPid = c.unwrap(io.pgjet.Connection.class).getServerPid();
            }
            try (Connection killer = Jdbc.open(); Statement s = killer.createStatement()) {
                s.execute("select pg_terminate_backend(" + firstPid + ")");
            }
            // Hikari skips its validity check for a connection used within the last 500 ms, so the
            // dead one may be lent once: its first statement then fails with a connection SQLSTATE,
            // which makes Hikari evict it; the next borrower gets a new session.
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.executeQuery("select 1").close();
            } catch (SQLException e) {
                assertTrue(e.getSQLState().startsWith("08"), e.getSQLState());
            }
            try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select pg_backend_pid()")) {
                rs.next();
                assertTrue(rs.getInt(1) != firstPid);
            }
        }
    }
}
