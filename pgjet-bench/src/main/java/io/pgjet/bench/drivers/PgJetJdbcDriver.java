package io.pgjet.bench.drivers;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.pgjet.bench.BenchData;
import io.pgjet.bench.BenchTarget;
import io.pgjet.bench.DriverId;
import io.pgjet.bench.Job;
import io.pgjet.bench.Workload;
import io.pgjet.jdbc.PgJetDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;

/**
 * PgJet's JDBC driver ({@code pgjet-jdbc}) driven by exactly the JDBC code a pgjdbc application
 * runs, so the row beside {@code pgjdbc} compares the drivers, not the code: a connection and a
 * reused {@code PreparedStatement} per thread for point queries and wide rows, HikariCP (fed
 * {@link PgJetDataSource}) with one borrow per query for the pool, and
 * {@code addBatch}/{@code executeBatch} for batch. Not in the default set of drivers; ask for it
 * with {@code --drivers pgjet-jdbc,pgjdbc}.
 */
public final class PgJetJdbcDriver implements Driver {
    private static final Set<Workload> RUNS = Set.of(Workload.POINT, Workload.POOL, Workload.BATCH, Workload.WIDE);
    private final BenchTarget target;
    private final BenchData data;
    private final PgJetDataSource dataSource = new PgJetDataSource();

    /** Creates the driver; fails if pgjdbc's URLs would reach PgJet's driver through DriverManager. */
    public PgJetJdbcDriver(BenchTarget target, BenchData data) throws SQLException {
        this.target = target;
        this.data = data;
        // Both drivers accept jdbc:postgresql:; the pgjdbc contestant must still get pgjdbc.
        java.sql.Driver resolved = DriverManager.getDriver(target.jdbcUrl());
        if (!resolved.getClass().getName().startsWith("org.postgresql.")) {
            throw new IllegalStateException("DriverManager resolves " + target.jdbcUrl() + " to "
                    + resolved.getClass().getName() + ", not pgjdbc: the pgjdbc rows would measure PgJet");
        }
        dataSource.setUrl(target.jdbcUrl());
        target.jdbcProperties(Map.of()).forEach((k, v) -> dataSource.setProperty((String) k, (String) v));
    }

    @Override
    public DriverId id() {
        return DriverId.PGJET_JDBC;
    }

    @Override
    public String version() {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDriverVersion();
        } catch (SQLException e) {
            return "(version unknown)";
        }
    }

    @Override
    public String unsupported(Workload workload, int param) {
        return RUNS.contains(workload) ? null
                : "the pgjet-jdbc contestant runs the JDBC comparisons only (point, pool, batch, wide); see pgjet-blocking";
    }

    @Override
    public Job open(Workload workload, int param) throws Exception {
        return switch (workload) {
            case POINT -> JdbcJobs.queries(dataSource::getConnection, param, BenchData.POINT_SQL_JDBC,
                    PgJetDriver.plural(param, "thread") + ", 1 connection each", ps -> JdbcJobs.point(ps, data));
            case POOL -> pooled(param);
            case WIDE -> JdbcJobs.queries(dataSource::getConnection, 1, BenchData.WIDE_SQL,
                    "PreparedStatement, typed getters", ps -> JdbcJobs.wide(ps, data));
            case BATCH -> new Batch();
            default -> throw new IllegalArgumentException(workload.id());
        };
    }

    /** HikariCP over {@link PgJetDataSource}: getConnection, prepareStatement, execute, close per query. */
    private Job pooled(int threads) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(dataSource);
        config.setMaximumPoolSize(Workload.POOL_CONNECTIONS);
        config.setMinimumIdle(Workload.POOL_CONNECTIONS);
        config.setPoolName("bench-hikari-pgjet-jdbc");
        return JdbcJobs.pooled(new HikariDataSource(config), threads, PgJetDriver.plural(threads, "thread")
                + ", HikariCP of " + Workload.POOL_CONNECTIONS + " over PgJetDataSource, one borrow per query", data);
    }

    /** addBatch per row, one executeBatch (pipelined by the driver; exact per-row counts). */
    private final class Batch extends TableLoad {
        private final PreparedStatement insert;

        Batch() throws Exception {
            this(dataSource.getConnection());
        }

        private Batch(Connection connection) throws Exception {
            super(connection, target, "bench_batch");
            insert = connection.prepareStatement(BenchData.INSERT_SQL_JDBC);
        }

        @Override
        public String how() {
            return "addBatch x " + data.batchRows() + ", executeBatch";
        }

        @Override
        public long run() throws SQLException {
            return JdbcJobs.batch(insert, data, true);
        }
    }
}
