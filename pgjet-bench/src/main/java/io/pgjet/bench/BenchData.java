package io.pgjet.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The data every workload uses: creates the tables (a pgbench-like {@code pgbench_accounts} by
 * SQL, so pgbench itself is not needed), holds the rows to insert, and knows the checksums each
 * result must match. Setup and verification use a pgjdbc connection that is not a contestant.
 */
public final class BenchData {
    /** The point select of pgbench's built-in select-only script. */
    public static final String POINT_SQL = "select abalance from pgbench_accounts where aid = $1";
    /** The same with a JDBC placeholder. */
    public static final String POINT_SQL_JDBC = "select abalance from pgbench_accounts where aid = ?";
    /** The smallest query. */
    public static final String SELECT1_SQL = "select 1";
    /** A thousand ints. */
    public static final String SERIES_SQL = "select * from generate_series(1, 1000)";
    /** The series' checksum: 1 + 2 + ... + 1000. */
    public static final long SERIES_SUM = 500_500;
    /** Rows in one series result. */
    public static final int SERIES_ROWS = 1000;
    /** Twelve columns of assorted types from pg_type. */
    public static final String WIDE_SQL = "select typname, oid, typnamespace, typlen, typbyval, typtype, typcategory,"
            + " typispreferred, typisdefined, typdelim, typrelid, typelem from pg_type";
    /** The batch insert. */
    public static final String INSERT_SQL = "insert into bench_batch (id, name, score, created) values ($1, $2, $3, $4)";
    /** The same with JDBC placeholders. */
    public static final String INSERT_SQL_JDBC = "insert into bench_batch (id, name, score, created) values (?, ?, ?, ?)";
    /** The columns of the load tables, in order. */
    public static final String[] LOAD_COLUMNS = {"id", "name", "score", "created"};
    /** The COPY statement (text format). */
    public static final String COPY_SQL = "copy bench_copy (id, name, score, created) from stdin";
    /** The streamed query. */
    public static final String STREAM_SQL = "select aid, abalance from pgbench_accounts where aid <= $1";
    /** The same with a JDBC placeholder. */
    public static final String STREAM_SQL_JDBC = "select aid, abalance from pgbench_accounts where aid <= ?";
    /** Rows per cursor fetch, for every driver. */
    public static final int FETCH_SIZE = 1000;

    private static final OffsetDateTime BASE_TIME = OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 123_456_000, ZoneOffset.UTC);

    private final int scale;
    private final int batchRows;
    private final int copyRows;
    private final int streamRows;
    private final int[] ids;
    private final String[] names;
    private final double[] scores;
    private final OffsetDateTime[] times;
    private long wideRows;
    private long wideOidSum;
    private long wideHash;

    /**
     * Creates the data description; nothing touches the server until {@link #setUp}.
     *
     * @param scale pgbench scale: 100,000 accounts per unit
     * @param batchRows rows per batch operation
     * @param copyRows rows per COPY operation
     * @param streamRows rows per stream operation (at most the number of accounts)
     */
    public BenchData(int scale, int batchRows, int copyRows, int streamRows) {
        this.scale = scale;
        this.batchRows = batchRows;
        this.copyRows = copyRows;
        this.streamRows = (int) Math.min(streamRows, accounts());
        int n = Math.max(batchRows, copyRows);
        ids = new int[n];
        names = new String[n];
        scores = new double[n];
        times = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            int id = i + 1;
            ids[i] = id;
            names[i] = "name-" + id;
            scores[i] = id * 0.25;
            times[i] = BASE_TIME.plusSeconds(id);
        }
    }

    /** Returns the pgbench scale. */
    public int scale() {
        return scale;
    }

    /** Returns the number of rows in pgbench_accounts. */
    public long accounts() {
        return scale * 100_000L;
    }

    /** Returns rows per batch operation. */
    public int batchRows() {
        return batchRows;
    }

    /** Returns rows per COPY operation. */
    public int copyRows() {
        return copyRows;
    }

    /** Returns rows per stream operation. */
    public int streamRows() {
        return streamRows;
    }

    /** Returns the id of insert row {@code i} (0-based); ids run 1..n. */
    public int id(int i) {
        return ids[i];
    }

    /** Returns the name of insert row {@code i}. */
    public String name(int i) {
        return names[i];
    }

    /** Returns the score of insert row {@code i}. */
    public double score(int i) {
        return scores[i];
    }

    /** Returns the timestamp of insert row {@code i}. */
    public OffsetDateTime time(int i) {
        return times[i];
    }

    /** Returns the number of rows the wide query returns. */
    public long wideRows() {
        return wideRows;
    }

    /** Returns the sum of the oid column of the wide query. */
    public long wideOidSum() {
        return wideOidSum;
    }

    /** Returns the reference hash of all decoded wide values (see {@link WideChecksum}). */
    public long wideHash() {
        return wideHash;
    }

    /** Returns the checksum of a stream of {@code n} accounts: the sum of aid 1..n. */
    public static long streamSum(long n) {
        return n * (n + 1) / 2;
    }

    /** Returns a random account id, uniformly in 1..accounts. */
    public int randomAid() {
        return 1 + java.util.concurrent.ThreadLocalRandom.current().nextInt((int) accounts());
    }

    /**
     * Creates what is missing: pgbench_branches/pgbench_accounts at this scale (recreated when
     * present at another scale), bench_batch and bench_copy; then records the wide checksums.
     */
    public void setUp(Connection admin, java.util.function.Consumer<String> progress) throws SQLException {
        admin.setAutoCommit(true);
        try (Statement s = admin.createStatement()) {
            if (!accountsReady(s)) {
                progress.accept("creating pgbench_accounts at scale " + scale + " (" + accounts() + " rows)");
                s.execute("drop table if exists pgbench_accounts, pgbench_branches");
                s.execute("create table pgbench_branches (bid int not null primary key, bbalance int, filler char(88))");
                s.execute("insert into pgbench_branches select b, 0, '' from generate_series(1, " + scale + ") b");
                s.execute("create table pgbench_accounts (aid int not null, bid int, abalance int, filler char(84))"
                        + " with (fillfactor = 100)");
                s.execute("insert into pgbench_accounts select a, (a - 1) / 100000 + 1, 0, ''"
                        + " from generate_series(1, " + accounts() + ") a");
                s.execute("alter table pgbench_accounts add primary key (aid)");
                s.execute("vacuum analyze pgbench_branches, pgbench_accounts");
            }
            for (String table : new String[] {"bench_batch", "bench_copy"}) {
                s.execute("create table if not exists " + table
                        + " (id int4, name text, score float8, created timestamptz)");
                s.execute("truncate " + table);
            }
            // The reference has the server render every value as text and parses it here, independent of
            // every contestant's decoding.
            WideChecksum reference = new WideChecksum();
            try (ResultSet rs = s.executeQuery("select typname::text, oid::text, typnamespace::text, typlen::text,"
                    + " typbyval::text, typtype::text, typcategory::text, typispreferred::text, typisdefined::text,"
                    + " typdelim::text, typrelid::text, typelem::text from pg_type")) {
                while (rs.next()) {
                    reference.add(rs.getString(1), Long.parseLong(rs.getString(2)), Long.parseLong(rs.getString(3)),
                            Short.parseShort(rs.getString(4)), Boolean.parseBoolean(rs.getString(5)),
                            firstChar(rs.getString(6)), firstChar(rs.getString(7)), Boolean.parseBoolean(rs.getString(8)),
                            Boolean.parseBoolean(rs.getString(9)), firstChar(rs.getString(10)),
                            Long.parseLong(rs.getString(11)), Long.parseLong(rs.getString(12)));
                }
            }
            wideRows = reference.rows();
            wideOidSum = reference.oidSum();
            wideHash = reference.hash();
        }
    }

    /** Returns the first character of a "char" value's text, or 0 for the empty string (the NUL "char"). */
    public static char firstChar(String s) {
        return s == null || s.isEmpty() ? 0 : s.charAt(0);
    }

    private boolean accountsReady(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("select to_regclass('pgbench_accounts') is not null"
                + " and to_regclass('pgbench_branches') is not null")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return false;
            }
        }
        try (ResultSet rs = s.executeQuery("select (select count(*) from pgbench_branches),"
                + " (select count(*) from pgbench_accounts), (select count(*) from pgbench_accounts where abalance <> 0)")) {
            rs.next();
            return rs.getLong(1) == scale && rs.getLong(2) == accounts() && rs.getLong(3) == 0;
        }
    }

    /** Empties a load table before the next batch or copy operation. */
    public static void truncate(Connection admin, String table) throws SQLException {
        try (Statement s = admin.createStatement()) {
            s.execute("truncate " + table);
        }
    }

    /**
     * Checks that {@code table} holds exactly insert rows 1..n with every column as sent: count,
     * sum of ids, and a row-by-row comparison of name, score and timestamp computed server-side.
     */
    public static void verifyLoaded(Connection admin, String table, int n) throws SQLException {
        String sql = "select count(*), coalesce(sum(id), 0), count(*) filter (where name = 'name-' || id"
                + " and score = id * 0.25::float8"
                + " and created = timestamptz '2024-01-01 00:00:00.123456+00' + id * interval '1 second')"
                + " from " + table;
        try (PreparedStatement ps = admin.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            CheckFailedException.expect(table + " row count", n, rs.getLong(1));
            CheckFailedException.expect(table + " sum(id)", streamSum(n), rs.getLong(2));
            CheckFailedException.expect(table + " rows equal to what was sent", n, rs.getLong(3));
        }
    }
}
