package io.pgjet.bench.drivers;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.pgjet.bench.BenchData;
import io.pgjet.bench.BenchTarget;
import io.pgjet.bench.CheckFailedException;
import io.pgjet.bench.DriverId;
import io.pgjet.bench.Job;
import io.pgjet.bench.TextCopyEncoder;
import io.pgjet.bench.Workload;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * pgjdbc used as its documentation recommends for speed: a connection and a reused
 * {@code PreparedStatement} per thread (server-side prepared after pgjdbc's threshold, reached in
 * warm-up), {@code addBatch}/{@code executeBatch} (optionally with
 * {@code reWriteBatchedInserts=true}), {@code CopyManager} for COPY, and {@code setFetchSize} in
 * a transaction for cursors. pgjdbc has no pipelining API: depth above 1 is not available.
 */
public final class PgJdbcDriver implements Driver {
    private final BenchTarget target;
    private final BenchData data;
    private final boolean rewrite;

    /**
     * Creates the driver.
     *
     * @param rewrite whether to set {@code reWriteBatchedInserts=true} (the pgjdbc-rewrite contestant)
     */
    public PgJdbcDriver(BenchTarget target, BenchData data, boolean rewrite) {
        this.target = target;
        this.data = data;
        this.rewrite = rewrite;
    }

    @Override
    public DriverId id() {
        return rewrite ? DriverId.PGJDBC_REWRITE : DriverId.PGJDBC;
    }

    @Override
    public String version() {
        return org.postgresql.util.DriverInfo.DRIVER_VERSION;
    }

    @Override
    public String unsupported(Workload workload, int param) {
        if (rewrite && workload != Workload.BATCH) {
            return "reWriteBatchedInserts changes only batch inserts; see the pgjdbc row";
        }
        if ((workload == Workload.PIPELINE || workload == Workload.SELECT1) && param > 1) {
            return "pgjdbc has no pipelining API; depth 1 only";
        }
        return null;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(target.jdbcUrl(),
                target.jdbcProperties(rewrite ? Map.of("reWriteBatchedInserts", "true") : Map.of()));
    }

    @Override
    public Job open(Workload workload, int param) throws Exception {
        switch (workload) {
            case POINT:
                return JdbcJobs.queries(this::connect, param, BenchData.POINT_SQL_JDBC,
                        PgJetDriver.plural(param, "thread") + ", 1 connection each", ps -> JdbcJobs.point(ps, data));
            case POOL:
                return hikari(param);
            case PIPELINE:
                return JdbcJobs.queries(this::connect, 1, BenchData.POINT_SQL_JDBC,
                        "1 thread, 1 connection, 1 request at a time", ps -> JdbcJobs.point(ps, data));
            case SELECT1:
                return JdbcJobs.queries(this::connect, 1, BenchData.SELECT1_SQL,
                        "1 thread, 1 connection, 1 request at a time", PgJdbcDriver::select1);
            case SERIES:
                return JdbcJobs.queries(this::connect, 1, BenchData.SERIES_SQL, "PreparedStatement, getInt",
                        PgJdbcDriver::series);
            case WIDE:
                return JdbcJobs.queries(this::connect, 1, BenchData.WIDE_SQL, "PreparedStatement, typed getters",
                        ps -> JdbcJobs.wide(ps, data));
            case BATCH:
                return new Batch();
            case COPY:
                return new Copy();
            case STREAM:
                return new Stream();
            default:
                throw new IllegalArgumentException(workload.id());
        }
    }

    private static long select1(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            CheckFailedException.expect("select 1 rows", 1, rs.next() ? 1 : 0);
            CheckFailedException.expect("select 1 value", 1, PgJdbcValues.int4(rs, 1));
        }
        return 1;
    }

    private static long series(PreparedStatement ps) throws SQLException {
        long rows = 0;
        long sum = 0;
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                sum += PgJdbcValues.int4(rs, 1);
                rows++;
            }
        }
        CheckFailedException.expect("series rows", BenchData.SERIES_ROWS, rows);
        CheckFailedException.expect("series sum", BenchData.SERIES_SUM, sum);
        return rows;
    }

    /** HikariCP over pgjdbc's URL, one borrow per query, as a pgjdbc application does. */
    private Job hikari(int threads) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(target.jdbcUrl());
        config.setDataSourceProperties(target.jdbcProperties(Map.of()));
        config.setMaximumPoolSize(Workload.POOL_CONNECTIONS);
        config.setMinimumIdle(Workload.POOL_CONNECTIONS);
        config.setPoolName("bench-hikari");
        return JdbcJobs.pooled(new HikariDataSource(config), threads, PgJetDriver.plural(threads, "thread")
                + ", HikariCP " + hikariVersion() + " of " + Workload.POOL_CONNECTIONS + ", one borrow per query", data);
    }

    private static String hikariVersion() {
        try (InputStream in = HikariDataSource.class.getResourceAsStream(
                "/META-INF/maven/com.zaxxer/HikariCP/pom.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "(version unknown)");
        } catch (IOException e) {
            return "(version unknown)";
        }
    }

    /** addBatch per row, one executeBatch. */
    private final class Batch extends TableLoad {
        private final PreparedStatement insert;

        Batch() throws Exception {
            this(connect());
        }

        private Batch(Connection connection) throws Exception {
            super(connection, target, "bench_batch");
            insert = connection.prepareStatement(BenchData.INSERT_SQL_JDBC);
        }

        @Override
        public String how() {
            return "addBatch x " + data.batchRows() + ", executeBatch" + (rewrite ? " (reWriteBatchedInserts=true)" : "");
        }

        @Override
        public long run() throws SQLException {
            return JdbcJobs.batch(insert, data, !rewrite);
        }
    }

    /** CopyManager.copyIn fed by the same text encoder as PgJet's COPY. */
    private final class Copy extends TableLoad {
        private final Connection connection;

        Copy() throws Exception {
            this(connect());
        }

        private Copy(Connection connection) throws Exception {
            super(connection, target, "bench_copy");
            this.connection = connection;
        }

        @Override
        public String how() {
            return "CopyManager copyIn of " + data.copyRows() + " rows, text format, 64 KiB chunks";
        }

        @Override
        public long run() throws SQLException {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(BenchData.COPY_SQL);
            TextCopyEncoder chunks = new TextCopyEncoder(data, data.copyRows());
            while (chunks.hasNext()) {
                byte[] chunk = chunks.next();
                copy.writeToCopy(chunk, 0, chunk.length);
            }
            long copied = copy.endCopy();
            CheckFailedException.expect("COPY row count", data.copyRows(), copied);
            return copied;
        }
    }

    /** setFetchSize in a transaction: pgjdbc reads the result through a portal. */
    private final class Stream implements Job.Bulk {
        private final Connection connection = connect();
        private final PreparedStatement query;

        Stream() throws SQLException {
            connection.setAutoCommit(false);
            query = connection.prepareStatement(BenchData.STREAM_SQL_JDBC);
            query.setFetchSize(BenchData.FETCH_SIZE);
        }

        @Override
        public String how() {
            return "autocommit off, setFetchSize(" + BenchData.FETCH_SIZE + ")";
        }

        @Override
        public boolean watchHeap() {
            return true;
        }

        @Override
        public void before() {
        }

        @Override
        public long run() throws SQLException {
            int n = data.streamRows();
            long rows = 0;
            long sum = 0;
            long balances = 0;
            query.setInt(1, n);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    sum += PgJdbcValues.int4(rs, 1);
                    balances += PgJdbcValues.int4(rs, 2);
                    rows++;
                }
            }
            connection.commit();
            CheckFailedException.expect("stream rows", n, rows);
            CheckFailedException.expect("stream sum(aid)", BenchData.streamSum(n), sum);
            CheckFailedException.expect("stream sum(abalance)", 0, balances);
            return rows;
        }

        @Override
        public void verify(long rows) {
        }

        @Override
        public void close() throws SQLException {
            connection.rollback();
            connection.close();
        }
    }
}
