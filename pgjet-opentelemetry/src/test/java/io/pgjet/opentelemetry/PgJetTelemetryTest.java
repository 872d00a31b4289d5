package io.pgjet.opentelemetry;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.semconv.DbAttributes;
import io.opentelemetry.semconv.ErrorAttributes;
import io.opentelemetry.semconv.ServerAttributes;
import io.pgjet.AsyncConnection;
import io.pgjet.Connection;
import io.pgjet.ConnectionConfig;
import io.pgjet.PgException;
import io.pgjet.PgJet;
import io.pgjet.PgTimeoutException;
import io.pgjet.Pool;
import io.pgjet.PoolOptions;
import io.pgjet.Secret;
import io.pgjet.testkit.PgTestServer;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Spans and the duration histogram of PgJet operations, exported in memory, against real PostgreSQL. */
class PgJetTelemetryTest {
    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
    private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
            .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
            .build();
    private final Tracer appTracer = sdk.getTracer("app");
    private final ConnectionConfig config = ConnectionConfig.parse(PgTestServer.shared().dsn()).toBuilder()
            .addListener(PgJetTelemetry.create(sdk)).build();

    @AfterEach
    void shutDown() {
        sdk.close();
    }

    private List<SpanData> querySpans() {
        return spans.getFinishedSpanItems().stream()
                .filter(s -> "query".equals(s.getAttributes().get(AttributeKey.stringKey("pgjet.operation")))).toList();
    }

    @Test
    void queryIsAClientSpanWithTheStableDatabaseAttributes() {
        try (Connection conn = PgJet.connect(config)) {
            conn.execute("create temp table obs_items (id int, name text)");
            conn.execute("insert into obs_items values (1, 'a'), (2, 'b')");
            spans.reset();
            conn.fetch("select name from obs_items where id > $1", 0);
        }
        SpanData span = querySpans().get(0);
        assertThat(span).hasName("SELECT obs_items").hasKind(SpanKind.CLIENT).hasAttributesSatisfying(
                equalTo(DbAttributes.DB_SYSTEM_NAME, "postgresql"),
                equalTo(DbAttributes.DB_NAMESPACE, config.database()),
                equalTo(DbAttributes.DB_OPERATION_NAME, "SELECT"),
                equalTo(DbAttributes.DB_COLLECTION_NAME, "obs_items"),
                equalTo(DbAttributes.DB_QUERY_SUMMARY, "SELECT obs_items"),
                equalTo(DbAttributes.DB_QUERY_TEXT, "select name from obs_items where id > $1"),
                equalTo(ServerAttributes.SERVER_PORT, (long) PgTestServer.shared().port()),
                equalTo(AttributeKey.longKey("db.response.returned_rows"), 2L));
        assertTrue(span.getAttributes().get(ServerAttributes.SERVER_ADDRESS) != null);
        assertFalse(span.getAttributes().asMap().keySet().stream().anyMatch(k -> k.getKey().startsWith("db.query.parameter")));
        assertEquals(StatusCode.UNSET, span.getStatus().getStatusCode());
    }

    @Test
    void aSecretParameterIsRecordedAsTheMaskWithQueryParametersOn() {
        String secret = "Traced-Secret-8e2d";
        ConnectionConfig withParameters = ConnectionConfig.parse(PgTestServer.shared().dsn()).toBuilder()
                .addListener(PgJetTelemetry.builder(sdk).setQueryParameters(true).build()).build();
        try (Connection conn = PgJet.connect(withParameters)) {
            assertEquals(secret + "41", conn.fetchVal("select $1::text || $2::int", Secret.of(secret), 41));
        }
        SpanData span = querySpans().get(0);
        assertThat(span).hasAttributesSatisfying(
                equalTo(AttributeKey.stringKey("db.query.parameter.0"), Secret.MASK),
                equalTo(AttributeKey.stringKey("db.query.parameter.1"), "41"));
        for (SpanData s : spans.getFinishedSpanItems()) {
            assertFalse(s.toString().contains(secret), "the secret in " + s);
        }
    }

    @Test
    void failedQueryHasErrorStatusSqlStateAndErrorTypeAndIsCountedSo() {
        try (Connection conn = PgJet.connect(config)) {
            assertThrows(PgException.class, () -> conn.fetch("select * from obs_no_such_table"));
        }
        SpanData span = querySpans().get(0);
        assertThat(span).hasStatusSatisfying(s -> s.hasCode(StatusCode.ERROR)).hasAttributesSatisfying(
                equalTo(DbAttributes.DB_RESPONSE_STATUS_CODE, "42P01"),
                equalTo(ErrorAttributes.ERROR_TYPE, "42P01"));
        assertFalse(span.getEvents().isEmpty(), "the exception is recorded");
        HistogramPointData failed = durationPoints().stream()
                .filter(p -> "42P01".equals(p.getAttributes().get(ErrorAttributes.ERROR_TYPE))).findFirst().orElseThrow();
        assertEquals(1, failed.getCount());
        assertEquals("42P01", failed.getAttributes().get(DbAttributes.DB_RESPONSE_STATUS_CODE));
    }

    @Test
    void durationHistogramIsInSecondsWithTheConventionsBuckets() {
        try (Connection conn = PgJet.connect(config)) {
            conn.fetch("select 1");
            conn.fetch("select 1");
        }
        MetricData metric = metrics.collectAllMetrics().stream()
                .filter(m -> m.getName().equals("db.client.operation.duration")).findFirst().orElseThrow();
        assertEquals("s", metric.getUnit());
        HistogramPointData point = metric.getHistogramData().getPoints().stream()
                .filter(p -> "SELECT".equals(p.getAttributes().get(DbAttributes.DB_OPERATION_NAME))).findFirst().orElseThrow();
        assertEquals(PgJetTelemetry.DURATION_BUCKETS, point.getBoundaries());
        assertEquals(2, point.getCount());
        assertTrue(point.getSum() > 0 && point.getSum() < 10, "seconds, not nanoseconds: " + point.getSum());
        assertEquals("postgresql", point.getAttributes().get(DbAttributes.DB_SYSTEM_NAME));
        assertEquals(null, point.getAttributes().get(DbAttributes.DB_QUERY_TEXT), "no query text on a metric");
    }

    private List<HistogramPointData> durationPoints() {
        return metrics.collectAllMetrics().stream().filter(m -> m.getName().equals("db.client.operation.duration"))
                .flatMap(m -> m.getHistogramData().getPoints().stream()).map(p -> (HistogramPointData) p).toList();
    }

    @Test
    void pipelinedRequestsAreChildrenOfTheCallersSpanAndEndWhenTheirAnswerArrives() {
        try (AsyncConnection conn = PgJet.connectAsync(config).join()) {
            spans.reset();
            Span parent = appTracer.spanBuilder("checkout").startSpan();
            CompletableFuture<?> slow;
            CompletableFuture<?> fast;
            CompletableFuture<?> chained;
            try (Scope scope = parent.makeCurrent()) {
                slow = conn.fetch("select pg_sleep(0.3)");
                fast = conn.fetch("select 1");
                // A callback runs on a PgJet I/O thread; wrapped the OpenTelemetry way it keeps the caller's context.
                chained = fast.thenCompose(Context.current().wrapFunction(rows -> conn.fetch("select 2")));
            }
            CompletableFuture.allOf(slow, fast, chained).join();
            parent.end();
            List<SpanData> queries = querySpans().stream()
                    .sorted(Comparator.comparingLong(SpanData::getEndEpochNanos)).toList();
            assertEquals(List.of("select pg_sleep(0.3)", "select 1", "select 2"),
                    queries.stream().map(s -> s.getAttributes().get(DbAttributes.DB_QUERY_TEXT)).toList());
            for (SpanData query : queries) {
                assertEquals(parent.getSpanContext().getSpanId(), query.getParentSpanId());
                assertEquals(parent.getSpanContext().getTraceId(), query.getTraceId());
            }
            // "select 1" was written right after the sleep but answered after it: its span covers the wait.
            SpanData second = queries.get(1);
            assertTrue(second.getEndEpochNanos() - second.getStartEpochNanos() >= TimeUnit.MILLISECONDS.toNanos(250));
        }
    }

    @Test
    void cancelledTimedOutAndPoolExhaustedOperationsCarryTheirErrorType() {
        try (AsyncConnection conn = PgJet.connectAsync(config).join()) {
            CompletableFuture<?> sleeping = conn.fetch("select pg_sleep(5)");
            sleeping.cancel(true);
            assertThrows(CompletionException.class,
                    () -> conn.withTimeout(Duration.ofMillis(200)).fetch("select pg_sleep(4)").join());
        }
        try (Pool pool = PgJet.createPool(config, PoolOptions.DEFAULT.withSize(1, 1));
                Connection held = pool.acquire()) {
            assertThrows(PgTimeoutException.class, () -> pool.acquire(Duration.ofMillis(100)));
        }
        List<String> errorTypes = spans.getFinishedSpanItems().stream()
                .map(s -> s.getAttributes().get(ErrorAttributes.ERROR_TYPE)).filter(t -> t != null).toList();
        assertTrue(errorTypes.contains("java.util.concurrent.CancellationException"), errorTypes.toString());
        assertTrue(errorTypes.contains(PgTimeoutException.class.getName()), errorTypes.toString());
        SpanData acquire = spans.getFinishedSpanItems().stream().filter(s -> s.getName().equals("ACQUIRE")
                && s.getStatus().getStatusCode() == StatusCode.ERROR).findFirst().orElseThrow();
        assertEquals(SpanKind.INTERNAL, acquire.getKind());
    }

    @Test
    void traceparentCommentIsOffByDefaultAndReachesTheServerWhenOn() {
        try (Connection conn = PgJet.connect(config)) {
            assertEquals("select current_query()", conn.<String>fetchVal("select current_query()"));
        }
        ConnectionConfig commented = config.toBuilder().listeners(List.of(
                PgJetTelemetry.builder(sdk).setTraceparentComment(true).build())).build();
        String seen;
        try (Connection conn = PgJet.connect(commented)) {
            spans.reset();
            seen = conn.fetchVal("select current_query()");
        }
        SpanData span = querySpans().get(0);
        assertEquals("/*traceparent='00-" + span.getTraceId() + "-" + span.getSpanId() + "-"
                + span.getSpanContext().getTraceFlags().asHex() + "'*/ select current_query()",
                seen);
        assertEquals("select current_query()", span.getAttributes().get(DbAttributes.DB_QUERY_TEXT),
                "the span keeps the caller's SQL");
    }

    @Test
    void cursorFetchesAreClientSpansUnderTheirTransaction() {
        try (Connection conn = PgJet.connect(config)) {
            conn.execute("create temp table otel_cursor (a int)");
            conn.execute("insert into otel_cursor select generate_series(1, 7)");
            spans.reset();
            try (io.pgjet.Transaction tx = conn.transaction()) {
                io.pgjet.Cursor cursor = conn.openCursor("select a from otel_cursor");
                assertEquals(5, cursor.fetch(5).size());
                assertEquals(2, cursor.fetch(5).size());
                cursor.close();
                tx.commit();
            }
        }
        List<SpanData> fetches = spans.getFinishedSpanItems().stream()
                .filter(s -> "cursor_fetch".equals(s.getAttributes().get(AttributeKey.stringKey("pgjet.operation"))))
                .sorted(Comparator.comparingLong(SpanData::getStartEpochNanos)).toList();
        assertEquals(2, fetches.size());
        SpanData transaction = spans.getFinishedSpanItems().stream().filter(s -> s.getName().equals("TRANSACTION"))
                .findFirst().orElseThrow();
        for (SpanData fetch : fetches) {
            assertThat(fetch).hasName("FETCH otel_cursor").hasKind(SpanKind.CLIENT)
                    .hasParentSpanId(transaction.getSpanId())
                    .hasAttribute(DbAttributes.DB_OPERATION_NAME, "FETCH")
                    .hasAttribute(DbAttributes.DB_COLLECTION_NAME, "otel_cursor");
        }
        assertEquals(List.of(5L, 2L), fetches.stream()
                .map(s -> s.getAttributes().get(AttributeKey.longKey("db.response.returned_rows"))).toList());
    }

    @Test
    void traceparentApplicationNameIsOffByDefaultAndShowsInPgStatActivityWhenOn() throws Exception {
        try (Connection conn = PgJet.connect(config)) {
            conn.fetch("select 1");
            assertFalse(conn.<String>fetchVal("select current_setting('application_name')").startsWith("00-"));
        }
        ConnectionConfig named = config.toBuilder().listeners(List.of(
                PgJetTelemetry.builder(sdk).setTraceparentApplicationName(true).build())).build();
        ConnectionConfig plain = ConnectionConfig.parse(PgTestServer.shared().dsn());
        try (AsyncConnection traced = PgJet.connectAsync(named).join(); Connection watcher = PgJet.connect(plain)) {
            int pid = traced.getServerPid();
            spans.reset();
            CompletableFuture<?> sleeping = traced.fetch("select pg_sleep(1.5)");
            String seen = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (seen == null && System.nanoTime() < deadline) {
                seen = watcher.fetchVal("select application_name from pg_stat_activity where pid = $1"
                        + " and state = 'active' and query = 'select pg_sleep(1.5)'", pid);
                Thread.sleep(20);
            }
            sleeping.join();
            SpanData span = querySpans().stream()
                    .filter(s -> "select pg_sleep(1.5)".equals(s.getAttributes().get(DbAttributes.DB_QUERY_TEXT)))
                    .findFirst().orElseThrow();
            assertEquals("00-" + span.getTraceId() + "-" + span.getSpanId() + "-"
                    + span.getSpanContext().getTraceFlags().asHex(), seen, "pg_stat_activity names the running span");
        }
        try (Connection conn = PgJet.connect(named)) {
            spans.reset();
            String own = conn.fetchVal("select current_setting('application_name')");
            SpanData span = querySpans().get(0);
            assertEquals("00-" + span.getTraceId() + "-" + span.getSpanId() + "-"
                    + span.getSpanContext().getTraceFlags().asHex(), own, "the blocking facade sets it too");
            assertEquals(1, querySpans().size(), "setting it is not a traced query of its own");
        }
    }

    /**
     * A small trace as docs/observability.md shows it: written to target/sample-trace.txt so the
     * documentation quotes a real run.
     */
    @Test
    void sampleTraceOfACheckoutIsOneTraceUnderTheCallersSpan() throws Exception {
        Span checkout;
        try (Pool pool = PgJet.createPool(config, PoolOptions.DEFAULT.withSize(1, 1))) {
            spans.reset();
            checkout = appTracer.spanBuilder("POST /checkout").startSpan();
            try (Scope scope = checkout.makeCurrent(); Connection conn = pool.acquire()) {
                conn.execute("create temp table if not exists orders (id int, item text)");
                try (io.pgjet.Transaction tx = conn.transaction()) {
                    conn.execute("insert into orders values ($1, $2)", 1, "book");
                    conn.fetch("select id, item from orders where id = $1", 1);
                    tx.commit();
                }
            }
            checkout.end();
        }
        List<SpanData> trace = spans.getFinishedSpanItems().stream()
                .sorted(Comparator.comparingLong(SpanData::getStartEpochNanos)).toList();
        java.util.Map<String, SpanData> byId = new java.util.HashMap<>();
        trace.forEach(span -> byId.put(span.getSpanId(), span));
        StringBuilder out = new StringBuilder();
        for (SpanData span : trace) {
            boolean root = !span.getParentSpanContext().isValid();
            String indent = "";
            for (SpanData up = byId.get(span.getParentSpanId()); up != null; up = byId.get(up.getParentSpanId())) {
                indent += "  ";
            }
            String attributeIndent = indent + "    ";
            out.append(indent).append(span.getName()).append("  [").append(span.getKind())
                    .append(", ").append(String.format(java.util.Locale.ROOT, "%.2f ms",
                            (span.getEndEpochNanos() - span.getStartEpochNanos()) / 1e6)).append("]\n");
            span.getAttributes().forEach((key, value) -> {
                if (!key.getKey().equals("server.address")) { // differs per machine
                    out.append(attributeIndent).append(key.getKey()).append(" = ").append(value).append('\n');
                }
            });
            assertEquals(checkout.getSpanContext().getTraceId(), span.getTraceId());
        }
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "sample-trace.txt"), out);
        assertEquals(List.of("POST /checkout", "ACQUIRE", "CREATE orders", "TRANSACTION", "BEGIN", "INSERT orders",
                "SELECT orders", "COMMIT", "DISCARD"), trace.stream().map(SpanData::getName).toList());
        SpanData transaction = trace.get(3);
        for (SpanData statement : trace.subList(4, 8)) {
            assertEquals(transaction.getSpanId(), statement.getParentSpanId(), statement.getName());
        }
        assertEquals(checkout.getSpanContext().getSpanId(), trace.get(8).getParentSpanId());
    }

    @Test
    void statementsInATransactionAreChildrenOfItsSpanEvenFromPgJetsThreads() {
        try (AsyncConnection conn = PgJet.connectAsync(config).join()) {
            spans.reset();
            Span request = appTracer.spanBuilder("request").startSpan();
            CompletableFuture<?> done;
            try (Scope scope = request.makeCurrent()) {
                // Callbacks not wrapped: they run on an I/O thread with no current context, yet
                // each statement finds its transaction (and the savepoint its outer transaction).
                done = conn.transaction().thenCompose(tx -> conn.fetch("select 1")
                        .thenCompose(rows -> conn.transaction())
                        .thenCompose(savepoint -> conn.execute("select 2").thenCompose(status -> savepoint.commit()))
                        .thenCompose(ignored -> tx.commit()));
            }
            done.join();
            conn.fetch("select 3").join(); // after the commit: no transaction, and no current span here
            request.end();
            List<SpanData> all = spans.getFinishedSpanItems();
            java.util.function.Function<String, SpanData> named = name -> all.stream()
                    .filter(s -> name.equals(s.getAttributes().get(DbAttributes.DB_QUERY_TEXT))
                            || name.equals(s.getName()))
                    .findFirst().orElseThrow(() -> new AssertionError("no span " + name + " in " + all));
            List<SpanData> transactions = all.stream().filter(s -> s.getName().equals("TRANSACTION"))
                    .sorted(Comparator.comparingLong(SpanData::getStartEpochNanos)).toList();
            assertEquals(2, transactions.size());
            SpanData outer = transactions.get(0);
            SpanData savepoint = transactions.get(1);
            assertEquals(request.getSpanContext().getSpanId(), outer.getParentSpanId());
            assertEquals(outer.getSpanId(), savepoint.getParentSpanId());
            assertEquals(outer.getSpanId(), named.apply("BEGIN").getParentSpanId());
            assertEquals(outer.getSpanId(), named.apply("select 1").getParentSpanId());
            assertEquals(outer.getSpanId(), named.apply("COMMIT").getParentSpanId());
            assertEquals(savepoint.getSpanId(), named.apply("SAVEPOINT pgjet_savepoint_1").getParentSpanId());
            assertEquals(savepoint.getSpanId(), named.apply("select 2").getParentSpanId());
            assertEquals(savepoint.getSpanId(), named.apply("RELEASE SAVEPOINT pgjet_savepoint_1").getParentSpanId());
            SpanData after = named.apply("select 3");
            assertFalse(after.getParentSpanContext().isValid(), "a statement after the commit has no parent");
            for (SpanData span : List.of(named.apply("select 1"), named.apply("select 2"), savepoint)) {
                assertEquals(request.getSpanContext().getTraceId(), span.getTraceId());
            }
        }
    }
}
