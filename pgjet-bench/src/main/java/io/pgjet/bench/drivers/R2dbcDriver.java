package io.pgjet.bench.drivers;

import static io.pgjet.bench.drivers.PgJetDriver.plural;

import io.pgjet.bench.BenchData;
import io.pgjet.bench.BenchTarget;
import io.pgjet.bench.CheckFailedException;
import io.pgjet.bench.DriverId;
import io.pgjet.bench.Job;
import io.pgjet.bench.WideChecksum;
import io.pgjet.bench.Workload;
import io.pgjet.r2dbc.PgJetConnectionFactory;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An R2DBC driver driven through the SPI with Reactor, the way Spring Data R2DBC users call it:
 * {@code createStatement(...).bind(...).execute()} then {@code Result.map}. The same code runs
 * PgJet's driver and r2dbc-postgresql, so the ratio compares the drivers, not the harness.
 * Requests issued while others are in flight on one connection are left to the driver (PgJet
 * pipelines them; r2dbc-postgresql queues them). Batches bind every row with {@code add()}.
 */
public final class R2dbcDriver implements Driver {
    private static final Duration WAIT = Duration.ofMinutes(5);

    private final DriverId id;
    private final ConnectionFactory factory;
    private final String version;
    private final BenchTarget target;
    private final BenchData data;

    private R2dbcDriver(DriverId id, ConnectionFactory factory, String version, BenchTarget target, BenchData data) {
        this.id = id;
        this.factory = factory;
        this.version = version;
        this.target = target;
        this.data = data;
    }

    /** Returns PgJet's R2DBC driver for {@code target}. */
    public static R2dbcDriver pgjet(BenchTarget target, BenchData data) {
        return new R2dbcDriver(DriverId.PGJET_R2DBC, PgJetConnectionFactory.of(target.pgjetDsn()),
                PgJetDriver.pgjetVersion(), target, data);
    }

    /** Returns r2dbc-postgresql for {@code target}, with its prepared-statement cache on (its default). */
    public static R2dbcDriver r2dbcPostgresql(BenchTarget target, BenchData data) {
        PostgresqlConnectionConfiguration.Builder config = PostgresqlConnectionConfiguration.builder()
                .host(target.host()).port(target.port()).database(target.database())
                .username(target.user()).password(target.password())
                .sslMode(target.sslmode().equals("require") ? io.r2dbc.postgresql.client.SSLMode.REQUIRE
                        : io.r2dbc.postgresql.client.SSLMode.DISABLE);
        String v = PostgresqlConnectionFactory.class.getPackage().getImplementationVersion();
        return new R2dbcDriver(DriverId.R2DBC_POSTGRESQL, new PostgresqlConnectionFactory(config.build()),
                v == null ? "1.1.3.RELEASE" : v, target, data);
    }

    @Override
    public DriverId id() {
        return id;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public String unsupported(Workload workload, int param) {
        switch (workload) {
            case POINT, PIPELINE, SERIES, WIDE, BATCH:
                return null;
            default:
                return "the R2DBC comparison covers point, pipeline, series, wide and batch";
        }
    }

    private List<Connection> connect(int count) {
        List<Connection> connections = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            connections.add(Mono.from(factory.create()).block(WAIT));
        }
        return connections;
    }

    @Override
    public Job open(Workload workload, int param) throws Exception {
        switch (workload) {
            case POINT:
                return new Requests(connect(param), 1, c -> point(c), plural(param, "connection") + ", 1 request in flight each");
            case PIPELINE:
                return new Requests(connect(1), param, c -> point(c), "1 connection, " + plural(param, "request")
                        + " in flight (issued concurrently through the SPI)");
            case SERIES:
                return new Requests(connect(1), 1, c -> series(c), "Result.map, get(0, Integer.class)");
            case WIDE:
                return new Requests(connect(1), 1, c -> wide(c), "Result.map, typed get(i, Class)");
            case BATCH:
                return new Batch(connect(1).get(0));
            default:
                throw new IllegalArgumentException(unsupported(workload, param));
        }
    }

    private Mono<Long> point(Connection c) {
        return Flux.from(c.createStatement(BenchData.POINT_SQL).bind(0, data.randomAid()).execute())
                .concatMap(r -> r.map((Readable row) -> row.get(0, Integer.class)))
                .collectList().map(values -> {
                    CheckFailedException.expect("point rows", 1, values.size());
                    CheckFailedException.expect("abalance", 0, values.get(0));
                    return 1L;
                });
    }

    private static Mono<Long> series(Connection c) {
        return Flux.from(c.createStatement(BenchData.SERIES_SQL).execute())
                .concatMap(r -> r.map((Readable row) -> row.get(0, Integer.class)))
                .reduce(new long[2], (acc, v) -> {
                    acc[0]++;
                    acc[1] += v;
                    return acc;
                }).map(acc -> {
                    CheckFailedException.expect("series rows", BenchData.SERIES_ROWS, acc[0]);
                    CheckFailedException.expect("series sum", BenchData.SERIES_SUM, acc[1]);
                    return acc[0];
                });
    }

    private Mono<Long> wide(Connection c) {
        // oid columns are cast to int8 for both drivers: r2dbc-postgresql has no Long mapping for oid.
        return Flux.from(c.createStatement(VertxDriver.WIDE_SQL_OID_AS_INT8).execute())
                .concatMap(r -> r.map((Readable row) -> row))
                .reduce(new WideChecksum(), (sum, row) -> {
                    sum.add(row.get(0, String.class), row.get(1, Long.class), row.get(2, Long.class),
                            row.get(3, Short.class), row.get(4, Boolean.class), character(row, 5), character(row, 6),
                            row.get(7, Boolean.class), row.get(8, Boolean.class), character(row, 9),
                            row.get(10, Long.class), row.get(11, Long.class));
                    return sum;
                }).map(sum -> sum.check(data));
    }

    private static char character(Readable row, int index) {
        return BenchData.firstChar(row.get(index, String.class));
    }

    /** Requests kept in flight by subscribing again from each completion. */
    private static final class Requests implements Job.Async {
        private final List<Connection> connections;
        private final int depth;
        private final Function<Connection, Mono<Long>> query;
        private final String how;

        Requests(List<Connection> connections, int depth, Function<Connection, Mono<Long>> query, String how) {
            this.connections = connections;
            this.depth = depth;
            this.query = query;
            this.how = how;
        }

        @Override
        public String how() {
            return how;
        }

        @Override
        public int lanes() {
            return connections.size();
        }

        @Override
        public int depth() {
            return depth;
        }

        @Override
        public void call(int lane, Job.Done done) {
            query.apply(connections.get(lane)).subscribe(rows -> done.done(rows, null), error -> done.done(0, error));
        }

        @Override
        public void close() {
            for (Connection c : connections) {
                Mono.from(c.close()).block(WAIT);
            }
        }
    }

    /** One statement with a binding per row ({@code bind...add}), executed as one batch. */
    private final class Batch extends TableLoad {
        private final Connection connection;

        Batch(Connection connection) throws Exception {
            super(() -> Mono.from(connection.close()).block(WAIT), target, "bench_batch");
            this.connection = connection;
        }

        @Override
        public String how() {
            return "createStatement(insert).bind(...).add() x " + data.batchRows() + ", execute, sum getRowsUpdated";
        }

        @Override
        public long run() {
            int n = data.batchRows();
            Statement insert = connection.createStatement(BenchData.INSERT_SQL);
            for (int i = 0; i < n; i++) {
                OffsetDateTime time = data.time(i);
                insert.bind(0, data.id(i)).bind(1, data.name(i)).bind(2, data.score(i)).bind(3, time);
                if (i < n - 1) {
                    insert.add();
                }
            }
            Long total = Flux.from(insert.execute()).concatMap(Result::getRowsUpdated).reduce(0L, Long::sum).block(WAIT);
            CheckFailedException.expect("batch row count", (long) n, total);
            return n;
        }
    }
}
