package io.pgjet.bench.drivers;

import static io.pgjet.bench.drivers.PgJetDriver.plural;

import io.pgjet.bench.BenchData;
import io.pgjet.bench.BenchTarget;
import io.pgjet.bench.CheckFailedException;
import io.pgjet.bench.DriverId;
import io.pgjet.bench.Job;
import io.pgjet.bench.WideChecksum;
import io.pgjet.bench.Workload;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.ClientSSLOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.pgclient.SslMode;
import io.vertx.sqlclient.Cursor;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.PreparedStatement;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlResult;
import io.vertx.sqlclient.Transaction;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.ToLongFunction;

/**
 * vertx-pg-client used as its documentation recommends for speed: {@code preparedQuery} with
 * prepared-statement caching on, pipelining on (limit at least the depth), one
 * {@link PgConnection} per lane on vertx's default event loops, {@code executeBatch} for
 * batches, and a cursor in a transaction for streaming. It has no COPY support.
 */
public final class VertxDriver implements Driver {
    /** The wide query with its four oid columns cast to int8, which vertx can decode. */
    static final String WIDE_SQL_OID_AS_INT8 = BenchData.WIDE_SQL
            .replace("typname, oid, typnamespace,", "typname, oid::int8, typnamespace::int8,")
            .replace("typrelid, typelem from", "typrelid::int8, typelem::int8 from");

    private final BenchTarget target;
    private final BenchData data;
    private Vertx vertx;

    /** Creates the driver for {@code target}; the vertx instance starts on first use. */
    public VertxDriver(BenchTarget target, BenchData data) {
        this.target = target;
        this.data = data;
    }

    @Override
    public DriverId id() {
        return DriverId.VERTX;
    }

    @Override
    public String version() {
        String v = PgConnection.class.getPackage().getImplementationVersion();
        return v == null ? io.vertx.core.impl.VertxImpl.class.getPackage().getImplementationVersion() : v;
    }

    @Override
    public String unsupported(Workload workload, int param) {
        return workload == Workload.COPY ? "vertx-pg-client has no COPY support" : null;
    }

    private PgConnectOptions options(int depth) {
        PgConnectOptions options = new PgConnectOptions()
                .setHost(target.host())
                .setPort(target.port())
                .setDatabase(target.database())
                .setUser(target.user())
                .setPassword(target.password())
                .setCachePreparedStatements(true)
                .setPipeliningLimit(Math.max(PgConnectOptions.DEFAULT_PIPELINING_LIMIT, depth));
        if (target.sslmode().equals("require")) {
            options.setSslMode(SslMode.REQUIRE).setSslOptions(new ClientSSLOptions().setTrustAll(true));
        } else {
            options.setSslMode(SslMode.DISABLE);
        }
        return options;
    }

    private synchronized Vertx vertx() {
        if (vertx == null) {
            vertx = Vertx.vertx();
        }
        return vertx;
    }

    private List<PgConnection> connect(int count, int depth) {
        List<Future<PgConnection>> pending = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            pending.add(PgConnection.connect(vertx(), options(depth)));
        }
        List<PgConnection> connections = new ArrayList<>();
        for (Future<PgConnection> f : pending) {
            connections.add(f.await());
        }
        return connections;
    }

    @Override
    public Job open(Workload workload, int param) throws Exception {
        switch (workload) {
            case POINT:
                return new Requests(connect(param, 1), 1,
                        c -> c.preparedQuery(BenchData.POINT_SQL).execute(Tuple.of(data.randomAid())),
                        VertxDriver::point, plural(param, "connection") + ", 1 request in flight each");
            case PIPELINE:
                return new Requests(connect(1, param), param,
                        c -> c.preparedQuery(BenchData.POINT_SQL).execute(Tuple.of(data.randomAid())),
                        VertxDriver::point, "1 connection, " + plural(param, "request") + " in flight (pipelining limit "
                                + Math.max(PgConnectOptions.DEFAULT_PIPELINING_LIMIT, param) + ")");
            case SELECT1:
                return new Requests(connect(1, param), param, c -> c.preparedQuery(BenchData.SELECT1_SQL).execute(),
                        VertxDriver::select1, "1 connection, " + plural(param, "request") + " in flight (pipelining limit "
                                + Math.max(PgConnectOptions.DEFAULT_PIPELINING_LIMIT, param) + ")");
            case SERIES:
                return new Requests(connect(1, 1), 1, c -> c.preparedQuery(BenchData.SERIES_SQL).execute(),
                        VertxDriver::series, "preparedQuery, getInteger");
            case WIDE:
                return new Requests(connect(1, 1), 1, c -> c.preparedQuery(WIDE_SQL_OID_AS_INT8).execute(),
                        this::wide, "preparedQuery, typed getters") {
                    @Override
                    public String note() {
                        return "oid columns cast to int8 in the SQL: vertx-pg-client " + version()
                                + " returns null for oid values in binary results";
                    }
                };
            case BATCH:
                return new Batch();
            case STREAM:
                return new Stream();
            case POOL:
                Pool pool = PgBuilder.pool()
                        .with(new PoolOptions().setMaxSize(Workload.POOL_CONNECTIONS))
                        .connectingTo(options(1))
                        .using(vertx())
                        .build();
                return Requests.pooled(pool, param,
                        p -> p.preparedQuery(BenchData.POINT_SQL).execute(Tuple.of(data.randomAid())),
                        VertxDriver::point, plural(param, "request chain") + ", Pool of " + Workload.POOL_CONNECTIONS
                                + ", one borrow per query");
            default:
                throw new IllegalArgumentException(unsupported(workload, param));
        }
    }

    private static long point(RowSet<Row> rows) {
        CheckFailedException.expect("point rows", 1, rows.size());
        CheckFailedException.expect("abalance", 0, VertxValues.int4(rows.iterator().next(), 0));
        return 1;
    }

    private static long select1(RowSet<Row> rows) {
        CheckFailedException.expect("select 1 rows", 1, rows.size());
        CheckFailedException.expect("select 1 value", 1, VertxValues.int4(rows.iterator().next(), 0));
        return 1;
    }

    private static long series(RowSet<Row> rows) {
        long sum = 0;
        long n = 0;
        for (Row r : rows) {
            sum += VertxValues.int4(r, 0);
            n++;
        }
        CheckFailedException.expect("series rows", BenchData.SERIES_ROWS, n);
        CheckFailedException.expect("series sum", BenchData.SERIES_SUM, sum);
        return n;
    }

    private long wide(RowSet<Row> rows) {
        WideChecksum sum = new WideChecksum();
        for (Row r : rows) {
            sum.add(VertxValues.text(r, 0), VertxValues.oid(r, 1), VertxValues.oid(r, 2), VertxValues.int2(r, 3),
                    VertxValues.bool(r, 4), VertxValues.character(r, 5), VertxValues.character(r, 6),
                    VertxValues.bool(r, 7), VertxValues.bool(r, 8), VertxValues.character(r, 9),
                    VertxValues.oid(r, 10), VertxValues.oid(r, 11));
        }
        return sum.check(data);
    }

    @Override
    public synchronized void close() {
        if (vertx != null) {
            vertx.close().await();
            vertx = null;
        }
    }

    /** Requests kept in flight with completion handlers on the connections' event loops. */
    private static class Requests implements Job.Async {
        private final int lanes;
        private final int depth;
        private final IntFunction<Future<RowSet<Row>>> issue;
        private final ToLongFunction<RowSet<Row>> check;
        private final String how;
        private final Runnable closer;

        /** {@code depth} requests in flight on each of {@code connections}. */
        Requests(List<PgConnection> connections, int depth, Function<PgConnection, Future<RowSet<Row>>> query,
                ToLongFunction<RowSet<Row>> check, String how) {
            this(connections.size(), depth, lane -> query.apply(connections.get(lane)), check, how, () -> {
                for (PgConnection c : connections) {
                    c.close().await();
                }
            });
        }

        private Requests(int lanes, int depth, IntFunction<Future<RowSet<Row>>> issue,
                ToLongFunction<RowSet<Row>> check, String how, Runnable closer) {
            this.lanes = lanes;
            this.depth = depth;
            this.issue = issue;
            this.check = check;
            this.how = how;
            this.closer = closer;
        }

        /** {@code callers} request chains sharing {@code pool}, which lends a connection per query. */
        static Requests pooled(Pool pool, int callers, Function<Pool, Future<RowSet<Row>>> query,
                ToLongFunction<RowSet<Row>> check, String how) {
            return new Requests(callers, 1, lane -> query.apply(pool), check, how, () -> pool.close().await());
        }

        @Override
        public String how() {
            return how;
        }

        @Override
        public int lanes() {
            return lanes;
        }

        @Override
        public int depth() {
            return depth;
        }

        @Override
        public void call(int lane, Job.Done done) {
            issue.apply(lane).onComplete((rows, error) -> {
                if (error != null) {
                    done.done(0, error);
                    return;
                }
                long n;
                try {
                    n = check.applyAsLong(rows);
                } catch (Throwable e) {
                    done.done(0, e);
                    return;
                }
                done.done(n, null);
            });
        }

        @Override
        public void close() {
            closer.run();
        }
    }

    /** executeBatch of tuples built from the shared rows. */
    private final class Batch extends TableLoad {
        private final PgConnection connection;

        Batch() throws Exception {
            this(connect(1, 1).get(0));
        }

        private Batch(PgConnection connection) throws Exception {
            super(() -> connection.close().await(), target, "bench_batch");
            this.connection = connection;
        }

        @Override
        public String how() {
            return "preparedQuery.executeBatch of " + data.batchRows() + " tuples";
        }

        @Override
        public long run() {
            int n = data.batchRows();
            List<Tuple> tuples = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                tuples.add(Tuple.of(data.id(i), data.name(i), data.score(i), data.time(i)));
            }
            RowSet<Row> result = connection.preparedQuery(BenchData.INSERT_SQL).executeBatch(tuples).await();
            long total = 0;
            for (SqlResult<RowSet<Row>> r = result; r != null; r = r.next()) {
                total += r.rowCount();
            }
            CheckFailedException.expect("executeBatch row count", n, total);
            return n;
        }
    }

    /** A cursor read 1000 rows at a time in a transaction. */
    private final class Stream implements Job.Bulk {
        private final PgConnection connection = connect(1, 1).get(0);
        private final PreparedStatement query = connection.prepare(BenchData.STREAM_SQL).await();

        @Override
        public String how() {
            return "begin; prepare; cursor.read(" + BenchData.FETCH_SIZE + ") until done";
        }

        @Override
        public boolean watchHeap() {
            return true;
        }

        @Override
        public void before() {
        }

        @Override
        public long run() {
            int n = data.streamRows();
            Transaction tx = connection.begin().await();
            long rows = 0;
            long sum = 0;
            long balances = 0;
            try {
                Cursor cursor = query.cursor(Tuple.of(n));
                do {
                    for (Row r : cursor.read(BenchData.FETCH_SIZE).await()) {
                        sum += VertxValues.int4(r, 0);
                        balances += VertxValues.int4(r, 1);
                        rows++;
                    }
                } while (cursor.hasMore());
                cursor.close().await();
            } finally {
                tx.commit().await();
            }
            CheckFailedException.expect("stream rows", n, rows);
            CheckFailedException.expect("stream sum(aid)", BenchData.streamSum(n), sum);
            CheckFailedException.expect("stream sum(abalance)", 0, balances);
            return rows;
        }

        @Override
        public void verify(long rows) {
        }

        @Override
        public void close() {
            query.close().await();
            connection.close().await();
        }
    }
}
