package io.pgjet.bench.drivers;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.pgjet.bench.BenchData;
import io.pgjet.bench.BenchTarget;
import io.pgjet.bench.CheckFailedException;
import io.pgjet.bench.DriverId;
import io.pgjet.bench.Job;
import io.pgjet.bench.WideChecksum;
import io.pgjet.bench.Workload;
import io.pgjet.jdbc.PgJetDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
            case POINT -> new Queries(param, BenchData.POINT_SQL_JDBC, PgJetDriver.plural(param, "thread")
                    + ", 1 connection each") {
                @Override
                long execute(PreparedStatement ps) throws SQLException {
                    ps.setInt(1, data.randomAid());
                    try (ResultSet rs = ps.executeQuery()) {
                        CheckFailedException.expect("point rows", 1, rs.next() ? 1 : 0);
                        CheckFailedException.expect("abalance", 0, PgJdbcValues.int4(rs, 1));
                    }
                    return 1;
                }
            };
            case POOL -> new Pooled(param);
            case WIDE -> new Queries(1, BenchData.WIDE_SQL, "PreparedStatement, typed getters") {
                @Override
                long execute(PreparedStatement ps) throws SQLException {
                    WideChecksum sum = new WideChecksum();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            // The same plain-JDBC getters as the pgjdbc contestant.
                            sum.add(PgJdbcValues.text(rs, 1), PgJdbcValues.oid(rs, 2), PgJdbcValues.oid(rs, 3),
                                    PgJdbcValues.int2(rs, 4), PgJdbcValues.bool(rs, 5),
                                    PgJdbcValues.character(rs, 6), PgJdbcValues.character(rs, 7),
                                    PgJdbcValues.bool(rs, 8), PgJdbcValues.bool(rs, 9),
                                    PgJdbcValues.character(rs, 10), PgJdbcValues.oid(rs, 11),
                                    PgJdbcValues.oid(rs, 12));
                        }
                    }
                    return sum.check(data);
                }
            };
            case BATCH -> new Batch();
            default -> throw new IllegalArgumentException(workload.id());
        };
    }

    /** Threads each running a prepared statement on its own connection. */
    private abstract class Queries implements Job.Loop {
        private final Connection[] connections;
        private final PreparedStatement[] statements;
        private final String how;

        Queries(int threads, String sql, String how) throws SQLException {
            this.how = how;
            connections = new Connection[threads];
            statements = new PreparedStatement[threads];
            for (int i = 0; i < threads; i++) {
                connections[i] = dataSource.getConnection();
                statements[i] = connections[i].prepareStatement(sql.replace("$1", "?"));
            }
        }

        abstract long execute(PreparedStatement ps) throws SQLException;

        @Override
        public String how() {
            return how;
        }

        @Override
        public int threads() {
            return connections.length;
        }

        @Override
        public long call(int thread) throws SQLException {
            return execute(statements[thread]);
        }

        @Override
        public void close() throws SQLException {
            for (Connection c : connections) {
                c.close();
            }
        }
    }

    /** HikariCP over {@link PgJetDataSource}: getConnection, prepareStatement, execute, close per query. */
    private final class Pooled implements Job.Loop {
        private final HikariDataSource pool;
        private final int threads;

        Pooled(int threads) {
            HikariConfig config = new HikariConfig();
            config.setDataSource(dataSource);
            config.setMaximumPoolSize(Workload.POOL_CONNECTIONS);
            config.setMinimumIdle(Workload.POOL_CONNECTIONS);
            config.setPoolName("bench-hikari-pgjet-jdbc");
            this.pool = new HikariDataSource(config);
            this.threads = threads;
        }

        @Override
        public String how() {
            return PgJetDriver.plural(threads, "thread") + ", HikariCP of " + Workload.POOL_CONNECTIONS
                    + " over PgJetDataSource, one borrow per query";
        }

        @Override
        public int threads() {
            return threads;
        }

        @Override
        public long call(int thread) throws SQLException {
            try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(BenchData.POINT_SQL_JDBC)) {
                ps.setInt(1, data.randomAid());
                try (ResultSet rs = ps.executeQuery()) {
                    CheckFailedException.expect("point rows", 1, rs.next() ? 1 : 0);
                    CheckFailedException.expect("abalance", 0, PgJdbcValues.int4(rs, 1));
                }
            }
            return 1;
        }

        @Override
        public void close() {
            pool.close();
        }
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
            int n = data.batchRows();
            for (int i = 0; i < n; i++) {
                insert.setInt(1, data.id(i));
                insert.setString(2, data.name(i));
                insert.setDouble(3, data.score(i));
                insert.setObject(4, data.time(i));
                insert.addBatch();
            }
            long total = 0;
            for (int c : insert.executeBatch()) {
                total += c;
            }
            CheckFailedException.expect("executeBatch update count", n, total);
            return n;
        }
    }
}
