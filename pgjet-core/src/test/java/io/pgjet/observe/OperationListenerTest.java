package io.pgjet.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.AsyncConnection;
import io.pgjet.AsyncPool;
import io.pgjet.Connection;
import io.pgjet.ConnectionConfig;
import io.pgjet.CopySink;
import io.pgjet.CopySource;
import io.pgjet.PgException;
import io.pgjet.PgJet;
import io.pgjet.PgTimeoutException;
import io.pgjet.Pool;
import io.pgjet.PoolOptions;
import io.pgjet.PreparedStatement;
import io.pgjet.Transaction;
import io.pgjet.testkit.PgTestServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The listener SPI against a real server: which operations are reported, on which thread they
 * start, when they end, what their outcome says, on both transports and through pools.
 */
class OperationListenerTest {
    private final RecordingListener recorder = new RecordingListener();
    private final ConnectionConfig config = ConnectionConfig.parse(PgTestServer.shared().dsn()).toBuilder()
            .addListener(recorder).build();

    @AfterEach
    void contextsMatched() {
        assertEquals(List.of(), recorder.contextMismatches);
    }

    @Test
    void asyncQueryStartsOnCallerThreadAndEndsWithRowsAndCommandTag() {
        try (AsyncConnection conn = PgJet.connectAsync(config).join()) {
            recorder.clear();
            List<?> rows = conn.fetch("select g from generate_series(1, $1::int) g", 3).join();
            assertEquals(3, rows.size());
            RecordingListener.Event start = recorder.starts().get(0);
            assertEquals(OperationKind.QUERY, start.kind());
            assertEquals(Thread.currentThread().getName(), start.thread());
            assertEquals("select g from generate_series(1, $1::int) g", start.operation().sql());
            assertEquals(1, start.operation().argumentCount());
            assertEquals(PgTestServer.shared().port(), start.operation().server().port());
            RecordingListener.Event end = recorder.lastEnd(OperationKind.QUERY);
            assertEquals(3, end.outcome().rows());
            assertEquals("SELECT 3", end.outcome().commandTag());
            assertTrue(end.outcome().succeeded());
            assertTrue(end.outcome().durationNanos() > 0);
        }
    }

    @Test
    void failedQueryEndsWithSqlStateAndErrorType() {
        try (AsyncConnection conn = PgJet.connectAsync(config).join()) {
            assertThrows(CompletionException.class, () -> conn.fetch("select 1 / $1::int", 0).join());
            Outcome failed = recorder.lastEnd(OperationKind.QUERY).outcome();
            assertEquals("22012", failed.sqlState());
            assertEquals("22012", failed.errorType());
            assertInstanceOf(PgException.class, failed.error());
            assertEquals(-1, failed.rows());
        }
    }

    @Test
    void pipelinedQueriesEndInTheOrderOfTheirAnswersNotWhenTheNextIsWritten() {
        try (AsyncConnection conn = PgJet.connectAsync(config).join()) {
            recorder.clear();
            CompletableFuture<?> slow = conn.fetch("select pg_sleep(0.3)");
            CompletableFuture<?> second = conn.fetch("select 2");
            CompletableFuture<?> third = conn.fetch("select 3");
            CompletableFuture.allOf(slow, second, third).join();
            List<RecordingListener.Event> ends = recorder.ends(OperationKind.QUERY);
            assertEquals(List.of("select pg_sleep(0.3)", "select 2", "select 3"),
                    ends.stream().map(e -> e.operation().sql()).toList());
            // All three were written before the first answer came back: had an end been reported
            // when the next request was written, the queued ones would not include the sleep.
            for (RecordingListener.Event end : ends) {
                assertTrue(end.outcome().durationNanos() >= TimeUnit.MILLISECONDS.toNanos(250),
                        end.operation().sql() + " took " + end.outcome().durationNanos());
            }
        }
    }

    @Test
    void cancelledAndTimedOutQueriesEndWithThatOutcome() {
        try (AsyncConnection conn = PgJet.connectAsync(config).join()) {
            CompletableFuture<?> sleeping = conn.fetch("select pg_sleep(5)");
            sleeping.cancel(true);
            conn.fetch("select 1").join(); // the connection stays usable, and the cancelled one ended before
            Outcome cancelled = recorder.ends(OperationKind.QUERY).stream()
                    .filter(e -> e.operation().sql().equals("select pg_sleep(5)")).findFirst().orElseThrow().outcome();
            assertTrue(cancelled.cancelled());
            assertInstanceOf(CancellationException.class, cancelled.error());

            assertThrows(CompletionException.class,
                    () -> conn.withTimeout(Duration.ofMillis(200)).fetch("select pg_sleep(4)").join());
            Outcome timedOut = recorder.lastEnd(OperationKind.QUERY).outcome();
            assertInstanceOf(PgTimeoutException.class, timedOut.error());
            assertNull(timedOut.sqlState());
            assertEquals(PgTimeoutException.class.getName(), timedOut.errorType());
        }
    }

    @Test
    void blockingConnectionOnTheCallerDrivenSocketReportsEveryKindOfOperation() {
        try (Connection conn = PgJet.connect(config)) {
            RecordingListener.Event connect = recorder.lastEnd(OperationKind.CONNECT);
            assertTrue(connect.outcome().succeeded());
            assertEquals(Thread.currentThread().getName(), recorder.starts().get(0).thread());
            conn.execute("create temp table obs_t (a int, b text)");
            assertEquals("CREATE TABLE", recorder.lastEnd(OperationKind.QUERY).outcome().commandTag());
            conn.executeMany("insert into obs_t values ($1, $2)", List.of(new Object[] {1, "a"}, new Object[] {2, "b"}));
            assertEquals(2, recorder.lastEnd(OperationKind.BATCH).outcome().rows());
            PreparedStatement statement = conn.prepare("select b from obs_t where a = $1");
            assertEquals("select b from obs_t where a = $1", recorder.lastEnd(OperationKind.PREPARE).operation().sql());
            statement.fetch(1);
            RecordingListener.Event executed = recorder.lastEnd(OperationKind.QUERY);
            assertEquals("select b from obs_t where a = $1", executed.operation().sql());
            assertEquals(1, executed.outcome().rows());
            try (Transaction tx = conn.transaction()) {
                conn.execute("insert into obs_t values (3, 'c')");
                tx.commit();
            }
            assertEquals("COMMIT", recorder.lastEnd(OperationKind.TRANSACTION).outcome().commandTag());
            conn.copyToTable("obs_t", CopySource.of(new ByteArrayInputStream("4\td\n5\te\n".getBytes(StandardCharsets.UTF_8))),
                    null);
            RecordingListener.Event copyIn = recorder.lastEnd(OperationKind.COPY_IN);
            assertEquals("obs_t", copyIn.operation().table());
            assertEquals(2, copyIn.outcome().rows());
            try (Transaction tx = conn.transaction(); io.pgjet.Cursor cursor = conn.openCursor("select a from obs_t order by a")) {
                assertEquals(3, cursor.fetch(3).size());
                tx.commit();
            }
            assertEquals("select a from obs_t order by a", recorder.lastEnd(OperationKind.CURSOR_OPEN).operation().sql());
            assertTrue(recorder.lastEnd(OperationKind.CURSOR_OPEN).outcome().succeeded());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            conn.copyFromTable("obs_t", CopySink.of(out), null);
            assertEquals(5, recorder.lastEnd(OperationKind.COPY_OUT).outcome().rows());
            assertTrue(recorder.events.stream().filter(e -> e.phase().equals("start"))
                    .allMatch(e -> e.thread().equals(Thread.currentThread().getName())), "every start on the caller");
        }
    }

    @Test
    void cursorFetchesAndMovesAreReportedOnePerRoundTripInsideTheirTransaction() {
        try (Connection conn = PgJet.connect(config)) {
            String sql = "select g from generate_series(1, 10) g";
            recorder.clear();
            try (Transaction tx = conn.transaction(); io.pgjet.Cursor cursor = conn.openCursor(sql)) {
                assertEquals(3, cursor.fetch(3).size());
                assertEquals(2, cursor.forward(2));
                assertEquals(5, cursor.fetch(100).size());
                tx.commit();
            }
            List<RecordingListener.Event> fetches = recorder.ends(OperationKind.CURSOR_FETCH);
            assertEquals(List.of(3L, 5L), fetches.stream().map(e -> e.outcome().rows()).toList());
            assertEquals(sql, fetches.get(0).operation().sql());
            assertEquals("FETCH", QuerySummary.of(fetches.get(0).operation()).operationName());
            RecordingListener.Event move = recorder.lastEnd(OperationKind.CURSOR_MOVE);
            assertEquals(2, move.outcome().rows());
            assertEquals("MOVE", QuerySummary.of(move.operation()).operationName());
            Operation transaction = recorder.lastEnd(OperationKind.TRANSACTION).operation();
            for (RecordingListener.Event e : List.of(fetches.get(0), fetches.get(1), move)) {
                assertTrue(e.operation().transaction() == transaction, e.operation() + " names its transaction");
            }
            // forward() is reported once, as a move, not also as a query.
            assertTrue(recorder.ends(OperationKind.QUERY).stream().noneMatch(e -> e.operation().sql().startsWith("MOVE")));

            recorder.clear();
            try (Transaction tx = conn.transaction()) {
                io.pgjet.Cursor scroll = conn.openScrollableCursor("select g from generate_series(1, 4) g");
                assertEquals(4, scroll.fetch(10).size());
                assertEquals(2, scroll.backward(2).size());
                assertEquals(1, scroll.forward(1));
                scroll.close();
                tx.commit();
            }
            assertEquals(List.of(4L, 2L), recorder.ends(OperationKind.CURSOR_FETCH).stream()
                    .map(e -> e.outcome().rows()).toList());
            assertEquals(1, recorder.lastEnd(OperationKind.CURSOR_MOVE).outcome().rows());
        }
    }

    @Test
    void streamedQueryIsReportedWhenItsLastRowIsReadOrItIsClosedEarly() {
        try (Connection conn = PgJet.connect(config)) {
            String sql = "select g from generate_series(1, $1) g";
            recorder.clear();
            try (java.util.stream.Stream<io.pgjet.Row> rows = conn.stream(sql, 5000)) {
                assertEquals(5000, rows.count());
            }
            RecordingListener.Event streamed = recorder.lastEnd(OperationKind.QUERY);
            assertEquals(sql, streamed.operation().sql());
            assertEquals(List.of(5000), streamed.operation().arguments());
            assertEquals(5000, streamed.outcome().rows());
            assertTrue(streamed.outcome().succeeded());
            recorder.clear();
            try (java.util.stream.Stream<io.pgjet.Row> rows = conn.stream(sql, 10_000_000)) {
                assertEquals(3, rows.limit(3).count());
            }
            RecordingListener.Event closedEarly = recorder.lastEnd(OperationKind.QUERY);
            assertEquals(List.of(10_000_000), closedEarly.operation().arguments());
            assertTrue(!closedEarly.outcome().succeeded(), "a stream closed early did not complete: " + closedEarly.outcome());
            assertEquals(1, conn.fetch("select 1").size());
        }
    }

    @Test
    void cursorPublisherReportsEachRoundTripAsAFetch() {
        try (AsyncConnection conn = PgJet.connectAsync(config).join()) {
            recorder.clear();
            List<io.pgjet.Row> rows = conn.transaction().thenCompose(tx -> {
                CompletableFuture<List<io.pgjet.Row>> all = new CompletableFuture<>();
                List<io.pgjet.Row> got = new java.util.concurrent.CopyOnWriteArrayList<>();
                conn.cursor(4, "select g from generate_series(1, 10) g").subscribe(new java.util.concurrent.Flow.Subscriber<>() {
                    @Override
                    public void onSubscribe(java.util.concurrent.Flow.Subscription subscription) {
                        subscription.request(Long.MAX_VALUE);
                    }

                    @Override
                    public void onNext(io.pgjet.Row item) {
                        got.add(item);
                    }

                    @Override
                    public void onError(Throwable throwable) {
                        all.completeExceptionally(throwable);
                    }

                    @Override
                    public void onComplete() {
                        all.complete(got);
                    }
                });
                return all.thenCompose(list -> tx.commit().thenApply(done -> list));
            }).get(30, TimeUnit.SECONDS);
            assertEquals(10, rows.size());
            assertEquals(10L, recorder.ends(OperationKind.CURSOR_FETCH).stream().mapToLong(e -> e.outcome().rows()).sum());
            assertTrue(recorder.ends(OperationKind.CURSOR_FETCH).size() >= 3, "prefetch 4: at least three round trips");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void rolledBackTransactionAndFailedConnectAreReported() {
        try (Connection conn = PgJet.connect(config)) {
            Transaction tx = conn.transaction();
            tx.rollback();
            assertEquals("ROLLBACK", recorder.lastEnd(OperationKind.TRANSACTION).outcome().commandTag());
        }
        ConnectionConfig missing = config.toBuilder().database("no_such_db_obs").build();
        assertThrows(PgException.class, () -> PgJet.connect(missing));
        Outcome failed = recorder.lastEnd(OperationKind.CONNECT).outcome();
        assertEquals("3D000", failed.sqlState());
        assertEquals("no_such_db_obs", recorder.lastEnd(OperationKind.CONNECT).operation().server().database());
    }

    @Test
    void poolReportsAcquireCreatedReleasedClosedAndAcquireTimeout() {
        try (Pool pool = PgJet.createPool(config, PoolOptions.DEFAULT.withSize(0, 1))) {
            try (Connection conn = pool.acquire()) {
                conn.fetch("select 1");
                assertTrue(recorder.lastEnd(OperationKind.POOL_ACQUIRE).outcome().succeeded());
                assertThrows(PgTimeoutException.class, () -> pool.acquire(Duration.ofMillis(100)));
                Outcome timedOut = recorder.lastEnd(OperationKind.POOL_ACQUIRE).outcome();
                assertInstanceOf(PgTimeoutException.class, timedOut.error());
                assertTrue(timedOut.durationNanos() >= TimeUnit.MILLISECONDS.toNanos(90));
            }
            PoolEvent created = recorder.poolEvents.stream().filter(e -> e.type() == PoolEvent.Type.CONNECTION_CREATED)
                    .findFirst().orElseThrow();
            assertEquals(1, created.pool().maxSize());
            PoolEvent released = recorder.poolEvents.stream().filter(e -> e.type() == PoolEvent.Type.RELEASED)
                    .findFirst().orElseThrow();
            assertTrue(released.durationNanos() > 0);
            assertEquals(1, released.pool().size());
        }
        assertTrue(recorder.poolEvents.stream().anyMatch(e -> e.type() == PoolEvent.Type.CONNECTION_CLOSED));
    }

    @Test
    void asyncPoolAcquireStartsOnCallerThreadAndQueriesOnItsConnectionsAreReported() {
        AsyncPool pool = PgJet.createPoolAsync(config, PoolOptions.DEFAULT.withSize(1, 2)).join();
        try {
            recorder.clear();
            String caller = Thread.currentThread().getName();
            Object value = pool.acquire().thenCompose(conn -> conn.fetchVal("select 41 + 1")
                    .whenComplete((v, e) -> conn.closeAsync())).join();
            assertEquals(42, value);
            RecordingListener.Event acquire = recorder.starts().get(0);
            assertEquals(OperationKind.POOL_ACQUIRE, acquire.kind());
            assertEquals(caller, acquire.thread());
            assertEquals("SELECT 1", recorder.lastEnd(OperationKind.QUERY).outcome().commandTag());
        } finally {
            pool.close();
        }
    }

    @Test
    void listenerThatThrowsDoesNotBreakTheQuery() {
        PgJetListener broken = new PgJetListener() {
            @Override
            public Object operationStarted(Operation operation) {
                throw new IllegalStateException("broken start");
            }

            @Override
            public void operationEnded(Operation operation, Object context, Outcome outcome) {
                throw new IllegalStateException("broken end");
            }
        };
        try (Connection conn = PgJet.connect(config.toBuilder().addListener(broken).build())) {
            assertEquals(7, (int) conn.<Integer>fetchVal("select 7"));
            // the well-behaved listener registered before it still hears everything
            assertNotEquals(null, recorder.lastEnd(OperationKind.QUERY));
        }
    }
}
