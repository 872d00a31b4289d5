package io.pgjet.bench.drivers;

import static io.pgjet.bench.drivers.PgJetDriver.plural;

import io.pgjet.Connection;
import io.pgjet.Cursor;
import io.pgjet.PgJet;
import io.pgjet.Pool;
import io.pgjet.Row;
import io.pgjet.Transaction;
import io.pgjet.bench.BenchData;
import io.pgjet.bench.BenchTarget;
import io.pgjet.bench.CheckFailedException;
import io.pgjet.bench.DriverId;
import io.pgjet.bench.Job;
import io.pgjet.bench.Workload;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.ToLongFunction;

/**
 * PgJet's blocking API as users get it from {@code PgJet.connect} and {@code PgJet.createPool}:
 * caller-driven connections, whose calling threads write and read the socket themselves (with
 * {@code -Dpgjet.blockingTransport=eventloop} in {@code PGJET_BENCH_JAVA_OPTS}, the facade over
 * the event loops instead). One platform thread per request in flight. For {@code point} each
 * thread has its own connection; for {@code pipeline} and {@code select1} the D threads share one
 * connection, which pipelines their requests automatically. Bulk work uses the same verbs as the
 * asynchronous contestant, waited for.
 */
public final class PgJetBlockingDriver implements Driver {
    private final BenchTarget target;
    private final BenchData data;

    /** Creates the driver for {@code target}. */
    public PgJetBlockingDriver(BenchTarget target, BenchData data) {
        this.target = target;
        this.data = data;
    }

    @Override
    public DriverId id() {
        return DriverId.PGJET_BLOCKING;
    }

    @Override
    public String version() {
        return PgJetDriver.pgjetVersion();
    }

    @Override
    public String unsupported(Workload workload, int param) {
        return null;
    }

    @Override
    public Job open(Workload workload, int param) throws Exception {
        switch (workload) {
            case POINT:
                return new Threads(connect(param), param, c -> c.fetch(BenchData.POINT_SQL, data.randomAid()),
                        PgJetChecks::point, plural(param, "thread") + ", 1 connection each");
            case PIPELINE:
                return new Threads(connect(1), param, c -> c.fetch(BenchData.POINT_SQL, data.randomAid()),
                        PgJetChecks::point, plural(param, "thread") + " sharing 1 connection (automatic pipelining)");
            case SELECT1:
                return new Threads(connect(1), param, c -> c.fetch(BenchData.SELECT1_SQL), PgJetChecks::select1,
                        plural(param, "thread") + " sharing 1 connection (automatic pipelining)");
            case SERIES:
                return new Threads(connect(1), 1, c -> c.fetch(BenchData.SERIES_SQL), PgJetChecks::series,
                        "fetch, getInt");
            case WIDE:
                return new Threads(connect(1), 1, c -> c.fetch(BenchData.WIDE_SQL), r -> PgJetChecks.wide(r, data),
                        "fetch, getString/getLong/getInt/getBoolean, get(i, Character.class)");
            case BATCH:
                return new Batch();
            case COPY:
                return new Copy();
            case STREAM:
                return new Stream();
            case POOL:
                return Threads.pooled(PgJet.createPool(target.pgjetDsn(), PgJetDriver.poolOptions()), param,
                        pool -> pool.fetch(BenchData.POINT_SQL, data.randomAid()), PgJetChecks::point,
                        plural(param, "thread") + ", one borrow per query (" + PgJetDriver.POOL_HOW.replace("AsyncPool", "Pool")
                                + ")");
            default:
                throw new IllegalArgumentException(workload.id());
        }
    }

    private Connection[] connect(int count) {
        Connection[] connections = new Connection[count];
        for (int i = 0; i < count; i++) {
            connections[i] = PgJet.connect(target.pgjetDsn());
        }
        return connections;
    }

    /** Threads calling the facade: on connections of their own or shared, or through a pool. */
    private static final class Threads implements Job.Loop {
        private final int threads;
        private final IntFunction<List<Row>> query;
        private final ToLongFunction<List<Row>> check;
        private final String how;
        private final Runnable closer;

        /** Thread i uses connection i modulo the number of connections. */
        Threads(Connection[] connections, int threads, Function<Connection, List<Row>> query,
                ToLongFunction<List<Row>> check, String how) {
            this(threads, thread -> query.apply(connections[thread % connections.length]), check, how, () -> {
                for (Connection c : connections) {
                    c.close();
                }
            });
        }

        private Threads(int threads, IntFunction<List<Row>> query, ToLongFunction<List<Row>> check, String how,
                Runnable closer) {
            this.threads = threads;
            this.query = query;
            this.check = check;
            this.how = how;
            this.closer = closer;
        }

        /** {@code threads} threads borrowing from {@code pool} for every query. */
        static Threads pooled(Pool pool, int threads, Function<Pool, List<Row>> query, ToLongFunction<List<Row>> check,
                String how) {
            return new Threads(threads, thread -> query.apply(pool), check, how, pool::close);
        }

        @Override
        public String how() {
            return how;
        }

        @Override
        public int threads() {
            return threads;
        }

        @Override
        public long call(int thread) {
            return check.applyAsLong(query.apply(thread));
        }

        @Override
        public void close() {
            closer.run();
        }
    }

    /** A bulk job on one connection, with a pgjdbc connection for truncating and verifying. */
    private abstract class Load extends TableLoad {
        final Connection connection;

        Load(String table) throws Exception {
            this(PgJet.connect(target.pgjetDsn()), table);
        }

        private Load(Connection connection, String table) throws Exception {
            super(connection, target, table);
            this.connection = connection;
        }
    }

    /** The blocking executeMany. */
    private final class Batch extends Load {
        Batch() throws Exception {
            super("bench_batch");
        }

        @Override
        public String how() {
            return "executeMany of " + data.batchRows() + " rows, plain path (one Bind/Execute per row, one Sync)";
        }

        @Override
        public long run() {
            long affected = connection.executeMany(BenchData.INSERT_SQL, LoadRows.of(data, data.batchRows()));
            CheckFailedException.expect("executeMany rows affected", data.batchRows(), affected);
            return affected;
        }
    }

    /** The blocking copyRecordsToTable (binary COPY). */
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
                    BenchData.LOAD_COLUMNS).rowCount();
            CheckFailedException.expect("COPY row count", data.copyRows(), copied);
            return copied;
        }
    }

    /** openCursor in a transaction, fetching 1000 rows at a time. */
    private final class Stream implements Job.Bulk {
        private final Connection connection = PgJet.connect(target.pgjetDsn());

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
            try (Transaction tx = connection.transaction()) {
                try (Cursor cursor = connection.openCursor(BenchData.STREAM_SQL, n)) {
                    List<Row> batch;
                    do {
                        batch = cursor.fetch(BenchData.FETCH_SIZE);
                        for (int i = 0, size = batch.size(); i < size; i++) {
                            Row r = batch.get(i);
                            sum.add(PgJetValues.int4(r, 0), PgJetValues.int4(r, 1));
                        }
                    } while (batch.size() == BenchData.FETCH_SIZE);
                }
                tx.commit();
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
