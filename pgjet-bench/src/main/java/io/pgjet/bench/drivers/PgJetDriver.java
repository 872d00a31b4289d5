package io.pgjet.bench.drivers;

import io.pgjet.AsyncConnection;
import io.pgjet.AsyncCursor;
import io.pgjet.AsyncPool;
import io.pgjet.AsyncTransaction;
import io.pgjet.ConnectionConfig;
import io.pgjet.PgJet;
import io.pgjet.PoolOptions;
import io.pgjet.Row;
import io.pgjet.bench.BenchData;
import io.pgjet.bench.BenchTarget;
import io.pgjet.bench.CheckFailedException;
import io.pgjet.bench.DriverId;
import io.pgjet.bench.Job;
import io.pgjet.bench.Workload;
import io.pgjet.observe.PgJetListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.ToLongFunction;

/**
 * PgJet's asynchronous API used as its guide recommends: requests kept in flight with callbacks on
 * {@code AsyncConnection.fetch} (statements are prepared and cached by PgJet, concurrent requests
 * pipeline automatically), {@code executeMany} for batches, {@code copyRecordsToTable} (binary
 * COPY) for loads, and {@code openCursor} in a transaction for streaming.
 */
public final class PgJetDriver implements Driver {
    private final BenchTarget target;
    private final BenchData data;
    private final DriverId id;
    /** Registered on every connection and pool, or null for none. */
    private final PgJetListener listener;

    /** Creates the driver for {@code target}. */
    public PgJetDriver(BenchTarget target, BenchData data) {
        this(target, data, DriverId.PGJET, null);
    }

    /**
     * Creates the driver for {@code target} under another name, with {@code listener} on every
     * connection and pool (to measure what observing costs).
     */
    public PgJetDriver(BenchTarget target, BenchData data, DriverId id, PgJetListener listener) {
        this.target = target;
        this.data = data;
        this.id = id;
        this.listener = listener;
    }

    @Override
    public DriverId id() {
        return id;
    }

    @Override
    public String version() {
        return pgjetVersion();
    }

    static String pgjetVersion() {
        String v = PgJet.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }

    @Override
    public String unsupported(Workload workload, int param) {
        return null;
    }

    @Override
    public Job open(Workload workload, int param) throws Exception {
        switch (workload) {
            case POINT:
                return new Requests(connect(param), 1, c -> c.fetch(BenchData.POINT_SQL, data.randomAid()),
                        PgJetChecks::point, plural(param, "connection") + ", 1 request in flight each");
            case PIPELINE:
                return new Requests(connect(1), param, c -> c.fetch(BenchData.POINT_SQL, data.randomAid()),
                        PgJetChecks::point,
                        "1 connection, " + plural(param, "request") + " in flight (automatic pipelining)");
            case SELECT1:
                return new Requests(connect(1), param, c -> c.fetch(BenchData.SELECT1_SQL), PgJetChecks::select1,
                        "1 connection, " + plural(param, "request") + " in flight (automatic pipelining)");
            case SERIES:
                return new Requests(connect(1), 1, c -> c.fetch(BenchData.SERIES_SQL), PgJetChecks::series,
                        "fetch, getInt");
            case WIDE:
                return new Requests(connect(1), 1, c -> c.fetch(BenchData.WIDE_SQL), r -> PgJetChecks.wide(r, data),
                        "fetch, getString/getLong/getInt/getBoolean, get(i, Character.class)");
            case BATCH:
                return new Batch();
            case COPY:
                return new Copy();
            case STREAM:
                return new Stream();
            case POOL:
                return Requests.pooled(createPool(target.pgjetDsn()), param,
                        pool -> pool.fetch(BenchData.POINT_SQL, data.randomAid()), PgJetChecks::point,
                        plural(param, "request chain") + ", one borrow per query (" + POOL_HOW + ")");
            default:
                throw new IllegalArgumentException(workload.id());
        }
    }

    /**
     * How both PgJet drivers' pools are set up for the pool workload: the default reset, which
     * sends nothing for a borrower that changed nothing (as HikariCP and vertx-pg-client's pool
     * send nothing).
     */
    static final String POOL_HOW = "AsyncPool of " + Workload.POOL_CONNECTIONS + ", default reset";

    /** Options for the pool workload's pools. */
    static PoolOptions poolOptions() {
        return PoolOptions.DEFAULT.withSize(Workload.POOL_CONNECTIONS, Workload.POOL_CONNECTIONS);
    }

    private AsyncPool createPool(String dsn) {
        return PgJet.createPoolAsync(config(dsn), poolOptions()).join();
    }

    /** Returns e.g. "1 connection" or "8 connections". */
    static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private List<AsyncConnection> connect(int count) {
        return connect(count, target.pgjetDsn());
    }

    private ConnectionConfig config(String dsn) {
        ConnectionConfig config = ConnectionConfig.parse(dsn);
        return listener == null ? config : config.toBuilder().addListener(listener).build();
    }

    private List<AsyncConnection> connect(int count, String dsn) {
        List<CompletableFuture<AsyncConnection>> pending = new ArrayList<>();
        ConnectionConfig config = config(dsn);
        for (int i = 0; i < count; i++) {
            pending.add(PgJet.connectAsync(config));
        }
        List<AsyncConnection> connections = new ArrayList<>();
        for (CompletableFuture<AsyncConnection> f : pending) {
            connections.add(f.join());
        }
        return connections;
    }

    /** Requests kept in flight on callbacks, on connections of their own or through a pool. */
    private static final class Requests implements Job.Async {
        private final int lanes;
        private final int depth;
        private final IntFunction<CompletableFuture<List<Row>>> issue;
        private final ToLongFunction<List<Row>> check;
        private final String how;
        private final Runnable closer;

        /** {@code depth} requests in flight on each of {@code connections}. */
        Requests(List<AsyncConnection> connections, int depth,
                Function<AsyncConnection, CompletableFuture<List<Row>>> query, ToLongFunction<List<Row>> check,
                String how) {
            this(connections.size(), depth, lane -> query.apply(connections.get(lane)), check, how,
                    () -> connections.forEach(AsyncConnection::close));
        }

        private Requests(int lanes, int depth, IntFunction<CompletableFuture<List<Row>>> issue,
                ToLongFunction<List<Row>> check, String how, Runnable closer) {
            this.lanes = lanes;
            this.depth = depth;
            this.issue = issue;
            this.check = check;
            this.how = how;
            this.closer = closer;
        }

        /** {@code callers} request chains, each borrowing from {@code pool} for every request. */
        static Requests pooled(AsyncPool pool, int callers, Function<AsyncPool, CompletableFuture<List<Row>>> query,
                ToLongFunction<List<Row>> check, String how) {
            return new Requests(callers, 1, lane -> query.apply(pool), check, how, pool::close);
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
            issue.apply(lane).whenComplete((rows, error) -> {
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

    /** A bulk job on one connection, with a pgjdbc connection for truncating and verifying. */
    private abstract class Load extends TableLoad {
        final AsyncConnection connection;

        Load(String table) throws Exception {
            this(connect(1).get(0), table);
        }

        Load(String table, String dsn) throws Exception {
            this(connect(1, dsn).get(0), table);
        }

        private Load(AsyncConnection connection, String table) throws Exception {
            super(connection, target, table);
            this.connection = connection;
        }
    }

    /**
     * executeMany on a connection with {@code rewrite_batched_inserts=true}, as the guide
     * recommends for bulk inserts: the single-row INSERT runs as one INSERT ... SELECT FROM
     * unnest(arrays) per chunk of rows, all under one Sync. (pgjet-blocking runs the plain path.)
     */
    private final class Batch extends Load {
        Batch() throws Exception {
            super("bench_batch", target.pgjetDsn() + "&rewrite_batched_inserts=true");
        }

        @Override
        public String how() {
            return "executeMany of " + data.batchRows() + " rows, rewrite_batched_inserts=true"
                    + " (INSERT ... SELECT FROM unnest per chunk, one Sync)";
        }

        @Override
        public long run() {
            long affected = connection.executeMany(BenchData.INSERT_SQL, LoadRows.of(data, data.batchRows())).join();
            CheckFailedException.expect("executeMany rows affected", data.batchRows(), affected);
            return affected;
        }
    }

    /** copyRecordsToTable: binary COPY encoded from the Java values. */
    private final class Copy extends Load {
        Copy() throws Exception {
            super("bench_copy");
        }

        @Override
        public String how() {
            return "copyRecordsToTable of " + data.copyRows() + " Object[] rows (binary COPY)";
        }

        @Override
        public long run() {
            long copied = connection.copyRecordsToTable("bench_copy", LoadRows.of(data, data.copyRows()),
                    BenchData.LOAD_COLUMNS).join().rowCount();
            CheckFailedException.expect("COPY row count", data.copyRows(), copied);
            return copied;
        }
    }

    /** openCursor in a transaction, fetching 1000 rows at a time. */
    private final class Stream implements Job.Bulk {
        private final AsyncConnection connection = connect(1).get(0);

        @Override
        public String how() {
            return "transaction; openCursor; fetch(" + BenchData.FETCH_SIZE + ") until done";
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
            StreamSum sum = new StreamSum();
            AsyncTransaction tx = connection.transaction().join();
            try {
                AsyncCursor cursor = connection.openCursor(BenchData.STREAM_SQL, n).join();
                List<Row> batch;
                do {
                    batch = cursor.fetch(BenchData.FETCH_SIZE).join();
                    for (int i = 0, size = batch.size(); i < size; i++) {
                        Row r = batch.get(i);
                        sum.add(PgJetValues.int4(r, 0), PgJetValues.int4(r, 1));
                    }
                } while (batch.size() == BenchData.FETCH_SIZE);
                cursor.close().join();
            } finally {
                tx.commit().join();
            }
            return sum.check(n);
        }

        @Override
        public void verify(long rows) {
        }

        @Override
        public void close() {
            connection.close();
        }
    }
}
