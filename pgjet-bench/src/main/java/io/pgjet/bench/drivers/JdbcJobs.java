package io.pgjet.bench.drivers;

import com.zaxxer.hikari.HikariDataSource;
import io.pgjet.bench.BenchData;
import io.pgjet.bench.CheckFailedException;
import io.pgjet.bench.Job;
import io.pgjet.bench.WideChecksum;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The plain-JDBC work both JDBC contestants (pgjdbc and pgjet-jdbc) run, in one place, so their
 * rows differ only in the driver behind {@code java.sql}.
 */
final class JdbcJobs {
    private JdbcJobs() {
    }

    /** Opens one JDBC connection. */
    interface ConnectionSource {
        /** Returns a new connection. */
        Connection open() throws SQLException;
    }

    /** Runs one operation on a prepared statement and checks it. */
    interface StatementWork {
        /** Returns the number of rows the operation produced. */
        long run(PreparedStatement statement) throws SQLException;
    }

    /** {@code threads} threads, each running {@code work} on its own connection's prepared {@code sql}. */
    static Job.Loop queries(ConnectionSource source, int threads, String sql, String how, StatementWork work)
            throws SQLException {
        Connection[] connections = new Connection[threads];
        PreparedStatement[] statements = new PreparedStatement[threads];
        for (int i = 0; i < threads; i++) {
            connections[i] = source.open();
            statements[i] = connections[i].prepareStatement(sql.replace("$1", "?"));
        }
        return new Job.Loop() {
            @Override
            public String how() {
                return how;
            }

            @Override
            public int threads() {
                return threads;
            }

            @Override
            public long call(int thread) throws SQLException {
                return work.run(statements[thread]);
            }

            @Override
            public void close() throws SQLException {
                for (Connection c : connections) {
                    c.close();
                }
            }
        };
    }

    /**
     * {@code threads} threads borrowing from {@code pool} for every query, as a JDBC application
     * does: getConnection, prepareStatement (the driver's statement cache keeps it prepared),
     * execute, close. Closes the pool with the job.
     */
    static Job.Loop pooled(HikariDataSource pool, int threads, String how, BenchData data) {
        return new Job.Loop() {
            @Override
            public String how() {
                return how;
            }

            @Override
            public int threads() {
                return threads;
            }

            @Override
            public long call(int thread) throws SQLException {
                try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(BenchData.POINT_SQL_JDBC)) {
                    return point(ps, data);
                }
            }

            @Override
            public void close() {
                pool.close();
            }
        };
    }

    /** One point select by a random key; checks the row. */
    static long point(PreparedStatement ps, BenchData data) throws SQLException {
        ps.setInt(1, data.randomAid());
        try (ResultSet rs = ps.executeQuery()) {
            CheckFailedException.expect("point rows", 1, rs.next() ? 1 : 0);
            CheckFailedException.expect("abalance", 0, PgJdbcValues.int4(rs, 1));
        }
        return 1;
    }

    /** The wide rows of pg_type through plain typed getters; checks the checksum. */
    static long wide(PreparedStatement ps, BenchData data) throws SQLException {
        WideChecksum sum = new WideChecksum();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
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

    /**
     * addBatch per row of the batch data, one executeBatch; checks the update counts when the
     * driver reports them ({@code exactCounts}; a rewritten batch reports SUCCESS_NO_INFO).
     */
    static long batch(PreparedStatement insert, BenchData data, boolean exactCounts) throws SQLException {
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
            total += c == java.sql.Statement.SUCCESS_NO_INFO ? 0 : c;
        }
        if (exactCounts) {
            CheckFailedException.expect("executeBatch update count", n, total);
        }
        return n;
    }
}
