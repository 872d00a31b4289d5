package io.pgjet.micrometer;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.pgjet.AsyncConnection;
import io.pgjet.Connection;
import io.pgjet.ConnectionConfig;
import io.pgjet.CopySink;
import io.pgjet.PgJet;
import io.pgjet.PgTimeoutException;
import io.pgjet.Pool;
import io.pgjet.PoolOptions;
import io.pgjet.Secret;
import io.pgjet.Transaction;
import io.pgjet.testkit.PgTestServer;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Observations of PgJet operations, checked with micrometer-observation-test against real PostgreSQL. */
class PgJetObservationTest {
    private static final String NAME = DefaultPgJetObservationConvention.NAME;
    private final TestObservationRegistry registry = TestObservationRegistry.create();
    private final ConnectionConfig base = ConnectionConfig.parse(PgTestServer.shared().dsn());

    private ConnectionConfig observed(PgJetObservationListener listener) {
        return base.toBuilder().addListener(listener).build();
    }

    @Test
    void successfulQueryHasTheDatabaseConventionKeysAndNoArgumentValues() {
        try (Connection conn = PgJet.connect(observed(new PgJetObservationListener(registry)))) {
            conn.execute("create temp table obs_users (id int primary key, name text)");
            conn.execute("insert into obs_users values (1, 'ann'), (2, 'bob')");
            registry.clear();
            conn.fetch("select name from obs_users where id = $1 or name = $2", 1, "s3cret-value");
        }
        assertThat(registry).hasObservationWithNameEqualTo(NAME).that()
                .hasContextualNameEqualTo("SELECT obs_users")
                .hasLowCardinalityKeyValue("db.system.name", "postgresql")
                .hasLowCardinalityKeyValue("db.namespace", base.database())
                .hasLowCardinalityKeyValue("db.operation.name", "SELECT")
                .hasLowCardinalityKeyValue("db.collection.name", "obs_users")
                .hasLowCardinalityKeyValue("server.port", Integer.toString(PgTestServer.shared().port()))
                .hasLowCardinalityKeyValueWithKey("server.address")
                .hasLowCardinalityKeyValue("error.type", "none")
                .hasLowCardinalityKeyValue("db.response.status_code", "none")
                .hasLowCardinalityKeyValue("pgjet.operation", "query")
                .hasHighCardinalityKeyValue("db.query.text", "select name from obs_users where id = $1 or name = $2")
                .hasHighCardinalityKeyValue("db.query.summary", "SELECT obs_users")
                .hasHighCardinalityKeyValue("db.response.returned_rows", "1")
                .doesNotHaveHighCardinalityKeyValueWithKey("db.query.parameter.1")
                .doesNotHaveError();
        assertThat(registry).hasHandledContextsThatSatisfy(contexts -> contexts.forEach(c -> assertTrue(
                c.getAllKeyValues().stream().noneMatch(kv -> kv.getValue().contains("s3cret-value")))));
    }

    @Test
    void failedQueryCarriesItsSqlStateAndErrorType() {
        try (Connection conn = PgJet.connect(observed(new PgJetObservationListener(registry)))) {
            conn.execute("create temp table obs_keys (id int primary key)");
            conn.execute("insert into obs_keys values (1)");
            registry.clear();
            assertThrows(io.pgjet.PgException.class, () -> conn.execute("insert into obs_keys values ($1)", 1));
        }
        assertThat(registry).hasObservationWithNameEqualTo(NAME).that()
                .hasLowCardinalityKeyValue("db.operation.name", "INSERT")
                .hasLowCardinalityKeyValue("db.collection.name", "obs_keys")
                .hasLowCardinalityKeyValue("db.response.status_code", "23505")
                .hasLowCardinalityKeyValue("error.type", "23505")
                .hasError();
    }

    @Test
    void cancelledAndTimedOutQueriesAreStoppedWithTheirError() {
        try (AsyncConnection conn = PgJet.connectAsync(observed(new PgJetObservationListener(registry))).join()) {
            registry.clear();
            CompletableFuture<?> sleeping = conn.fetch("select pg_sleep(5)");
            sleeping.cancel(true);
            assertThrows(CompletionException.class,
                    () -> conn.withTimeout(Duration.ofMillis(200)).fetch("select pg_sleep(4)").join());
        }
        assertThat(registry)
                .hasAnObservation(o -> o.hasNameEqualTo(NAME).hasContextualNameEqualTo("SELECT")
                        .hasLowCardinalityKeyValue("error.type", "java.util.concurrent.CancellationException")
                        .hasError())
                .hasAnObservation(o -> o.hasNameEqualTo(NAME)
                        .hasLowCardinalityKeyValue("error.type", PgTimeoutException.class.getName())
                        .hasLowCardinalityKeyValue("db.response.status_code", "none")
                        .hasError());
    }

    @Test
    void pipelinedQueriesStopInTheOrderOfTheirAnswersUnderTheCallersObservation() {
        List<String> stopped = new CopyOnWriteArrayList<>();
        registry.observationConfig().observationHandler(new ObservationHandler<PgJetObservationContext>() {
            @Override
            public void onStop(PgJetObservationContext context) {
                stopped.add(context.getOperation().sql());
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return context instanceof PgJetObservationContext;
            }
        });
        try (AsyncConnection conn = PgJet.connectAsync(observed(new PgJetObservationListener(registry))).join()) {
            stopped.clear();
            registry.clear();
            Observation parent = Observation.start("checkout", registry);
            CompletableFuture<?> slow;
            CompletableFuture<?> fast;
            CompletableFuture<?> last;
            try (Observation.Scope scope = parent.openScope()) {
                slow = conn.fetch("select pg_sleep(0.3)");
                fast = conn.fetch("select 1");
                last = conn.fetch("select 2");
            }
            CompletableFuture.allOf(slow, fast, last).join();
            parent.stop();
            assertEquals(List.of("select pg_sleep(0.3)", "select 1", "select 2"), stopped);
            assertThat(registry).forAllObservationsWithNameEqualTo(NAME, o -> o.hasParentObservationEqualTo(parent));
        }
    }

    @Test
    void statementsInATransactionHaveItsObservationAsParentEvenFromPgJetsThreads() {
        List<PgJetObservationContext> started = new CopyOnWriteArrayList<>();
        registry.observationConfig().observationHandler(new ObservationHandler<PgJetObservationContext>() {
            @Override
            public void onStart(PgJetObservationContext context) {
                started.add(context);
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return context instanceof PgJetObservationContext;
            }
        });
        try (AsyncConnection conn = PgJet.connectAsync(observed(new PgJetObservationListener(registry))).join()) {
            registry.clear();
            Observation request = Observation.start("request", registry);
            CompletableFuture<?> done;
            try (Observation.Scope scope = request.openScope()) {
                // The callbacks run on an I/O thread where no observation is current.
                done = conn.transaction().thenCompose(tx -> conn.fetch("select 1")
                        .thenCompose(rows -> conn.execute("select 2"))
                        .thenCompose(status -> tx.commit()));
            }
            done.join();
            request.stop();
            assertThat(registry)
                    .hasAnObservation(o -> o.hasLowCardinalityKeyValue("pgjet.operation", "transaction")
                            .hasParentObservationEqualTo(request));
            PgJetObservationContext transaction = started.stream()
                    .filter(c -> c.getOperation().kind() == io.pgjet.observe.OperationKind.TRANSACTION)
                    .findFirst().orElseThrow();
            List<String> children = started.stream()
                    .filter(c -> c.getParentObservation() != null && c.getParentObservation().getContextView() == transaction)
                    .map(c -> c.getOperation().sql()).toList();
            assertEquals(List.of("BEGIN", "select 1", "select 2", "COMMIT"), children);
        }
    }

    @Test
    void prepareCopyTransactionAndConnectAreObserved() {
        try (Connection conn = PgJet.connect(observed(new PgJetObservationListener(registry)))) {
            conn.execute("create temp table obs_copy (a int)");
            conn.execute("insert into obs_copy select generate_series(1, 4)");
            conn.prepare("select a from obs_copy where a > $1");
            conn.copyFromTable("obs_copy", CopySink.of(new ByteArrayOutputStream()), null);
            try (Transaction tx = conn.transaction()) {
                tx.commit();
            }
        }
        assertThat(registry)
                .hasAnObservation(o -> o.hasLowCardinalityKeyValue("pgjet.operation", "connect")
                        .hasContextualNameEqualTo("CONNECT"))
                .hasAnObservation(o -> o.hasLowCardinalityKeyValue("pgjet.operation", "prepare")
                        .hasLowCardinalityKeyValue("db.collection.name", "obs_copy"))
                .hasAnObservation(o -> o.hasLowCardinalityKeyValue("pgjet.operation", "copy_out")
                        .hasContextualNameEqualTo("COPY obs_copy")
                        .hasHighCardinalityKeyValue("db.response.returned_rows", "4"))
                .hasAnObservation(o -> o.hasLowCardinalityKeyValue("pgjet.operation", "transaction")
                        .doesNotHaveError());
    }

    @Test
    void customConventionAndOptInParametersAreUsed() {
        PgJetObservationConvention custom = new DefaultPgJetObservationConvention() {
            @Override
            public String getName() {
                return "orders.db";
            }
        };
        PgJetObservationListener listener = new PgJetObservationListener(registry).withConvention(custom)
                .withQueryParameters(true);
        try (Connection conn = PgJet.connect(observed(listener))) {
            conn.fetchVal("select $1::int + 1", 41);
        }
        assertThat(registry).hasAnObservation(o -> o.hasNameEqualTo("orders.db")
                .hasLowCardinalityKeyValue("pgjet.operation", "query")
                .hasHighCardinalityKeyValue("db.query.parameter.0", "41"));
    }

    @Test
    void aSecretParameterIsRecordedAsTheMaskWithParameterCaptureOn() {
        String secret = "Observed-Secret-31c9";
        List<String> recorded = new CopyOnWriteArrayList<>();
        registry.observationConfig().observationHandler(new ObservationHandler<Observation.Context>() {
            @Override
            public void onStop(Observation.Context context) {
                context.getAllKeyValues().forEach(kv -> recorded.add(kv.getKey() + "=" + kv.getValue()));
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }
        });
        PgJetObservationListener listener = new PgJetObservationListener(registry).withQueryParameters(true);
        try (Connection conn = PgJet.connect(observed(listener))) {
            assertEquals(secret + "41", conn.fetchVal("select $1::text || $2::int", Secret.of(secret), 41));
        }
        assertThat(registry).hasAnObservation(o -> o.hasNameEqualTo(NAME)
                .hasHighCardinalityKeyValue("db.query.parameter.0", Secret.MASK)
                .hasHighCardinalityKeyValue("db.query.parameter.1", "41"));
        assertTrue(recorded.contains("db.query.parameter.0=" + Secret.MASK), "recorded: " + recorded);
        assertTrue(recorded.stream().noneMatch(kv -> kv.contains(secret)), "the secret in " + recorded);
    }

    @Test
    void poolExhaustionTimesOutTheAcquireObservationAndThePoolMeters() {
        io.micrometer.core.instrument.simple.SimpleMeterRegistry meters = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        PgJetPoolMetrics metrics = new PgJetPoolMetrics("orders");
        metrics.bindTo(meters);
        ConnectionConfig config = base.toBuilder().addListener(new PgJetObservationListener(registry))
                .addListener(metrics).build();
        try (Pool pool = PgJet.createPool(config, PoolOptions.DEFAULT.withSize(1, 1))) {
            try (Connection held = pool.acquire()) {
                held.fetch("select 1");
                assertEquals(1.0, meters.get("pgjet.pool.connections.active").gauge().value());
                assertEquals(0.0, meters.get("pgjet.pool.connections.idle").gauge().value());
                assertThrows(PgTimeoutException.class, () -> pool.acquire(Duration.ofMillis(150)));
            }
            assertEquals(1.0, meters.get("pgjet.pool.connections.total").gauge().value());
            assertEquals(1.0, meters.get("pgjet.pool.connections.idle").gauge().value());
            assertEquals(1.0, meters.get("pgjet.pool.connections.max").gauge().value());
            assertEquals(0.0, meters.get("pgjet.pool.connections.pending").gauge().value());
        }
        assertEquals(1.0, meters.get("pgjet.pool.acquire.timeouts").counter().count());
        assertEquals(1, meters.get("pgjet.pool.acquire").tag("outcome", "success").timer().count());
        assertEquals(1, meters.get("pgjet.pool.acquire").tag("outcome", "timeout").timer().count());
        assertEquals(1.0, meters.get("pgjet.pool.connections.created").counter().count());
        assertEquals(1.0, meters.get("pgjet.pool.connections.closed").counter().count());
        assertEquals(1, meters.get("pgjet.pool.usage").timer().count());
        assertThat(registry).hasAnObservation(o -> o.hasLowCardinalityKeyValue("pgjet.operation", "pool_acquire")
                .hasLowCardinalityKeyValue("error.type", PgTimeoutException.class.getName()).hasError());
    }
}
