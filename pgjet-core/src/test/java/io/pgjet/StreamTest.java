package io.pgjet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.errors.DivisionByZeroException;
import io.pgjet.internal.blocking.BlockingConnection;
import io.pgjet.internal.stream.RowQueue;
import io.pgjet.testkit.PgTestServer;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Streaming results without a transaction ({@code stream}): rows as they arrive, bounded
 * buffering against a slow consumer on both transports, early close, errors part-way, pools.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StreamTest {
    private static final long TEN_MILLION = 10_000_000L;
    /**
     * Rows for the event-loop transport: under the test JVM's paranoid leak detector every access
     * to a Netty buffer records a stack trace (~150k rows/s), so 10 M rows would take minutes.
     */
    private static final long ONE_MILLION = 1_000_000L;
    /** What one socket read may add after reading was switched off (rows of one int column are ~15 bytes). */
    private static final long ONE_READ_OF_ROWS = 8192;

    private Connection socket;
    private AsyncConnection eventLoop;

    @BeforeEach
    void open() {
        socket = PgJet.connect(PgTestServer.shared().dsn());
        eventLoop = PgJet.connectAsync(PgTestServer.shared().dsn()).join();
    }

    @AfterEach
    void close() {
        socket.close();
        eventLoop.closeAsync().join();
    }

    @Test
    void blockingStreamReadsTenMillionRowsWithFewBufferedOnTheCallerDrivenTransport() {
        RowQueue.resetPeaks();
        long sum = 0;
        long count = 0;
        try (Stream<Row> rows = socket.stream("select generate_series(1, $1::bigint)", TEN_MILLION)) {
            Iterator<Row> it = rows.iterator();
            while (it.hasNext()) {
                long g = it.next().getLong(0);
                sum += g;
                if (++count % 2_000_000 == 1) {
                    sleep(200); // a slow consumer: the server must be held back meanwhile
                }
            }
        }
        assertEquals(TEN_MILLION, count);
        assertEquals(TEN_MILLION * (TEN_MILLION + 1) / 2, sum);
        // The consumer's thread reads only when it has no row left: one read's worth at a time.
        assertTrue(RowQueue.peakQueuedRows() <= ONE_READ_OF_ROWS, "peak " + RowQueue.peakQueuedRows());
        assertEquals(1, (int) socket.<Integer>fetchVal("select 1"));
    }

    @Test
    void publisherHoldsTheServerBackWithoutDemandOnTheEventLoopTransport() throws Exception {
        RowQueue.resetPeaks();
        SlowSubscriber subscriber = new SlowSubscriber();
        eventLoop.stream("select generate_series(1, $1::bigint)", ONE_MILLION).subscribe(subscriber);
        // Ask for one row only, then wait: the queue fills to its high-water mark and reading stops.
        subscriber.request(1);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (RowQueue.peakQueuedRows() < RowQueue.HIGH_WATER_ROWS && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Thread.sleep(300);
        long pausedPeak = RowQueue.peakQueuedRows();
        assertTrue(pausedPeak >= RowQueue.HIGH_WATER_ROWS, "the queue never filled: " + pausedPeak);
        assertTrue(pausedPeak <= RowQueue.HIGH_WATER_ROWS + ONE_READ_OF_ROWS, "kept reading while paused: " + pausedPeak);
        subscriber.request(Long.MAX_VALUE);
        assertNull(subscriber.done.get(60, TimeUnit.SECONDS));
        assertEquals(ONE_MILLION, subscriber.count.get());
        assertEquals(ONE_MILLION * (ONE_MILLION + 1) / 2, subscriber.sum.get());
        assertTrue(RowQueue.peakQueuedRows() <= RowQueue.HIGH_WATER_ROWS + ONE_READ_OF_ROWS,
                "peak " + RowQueue.peakQueuedRows());
        assertEquals(1, (int) eventLoop.<Integer>fetchVal("select 1").join());
    }

    @Test
    void streamHandsOverTheFirstRowsBeforeTheStatementEnds() {
        // pg_sleep before the last row: the stream sees the first ones while the statement still
        // runs (rows wider than the server's 8 KiB send buffer, so each is flushed as it is made).
        String sql = "select g, repeat('x', 20000), case when g = 3 then pg_sleep(2) end"
                + " from (select generate_series(1, 3) g) s";
        long start = System.nanoTime();
        try (Stream<Row> rows = socket.stream(sql)) {
            Iterator<Row> it = rows.iterator();
            assertEquals(1, it.next().getInt(0));
            assertTrue(System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(1500), "the first row waited for the last");
            assertEquals(2, it.next().getInt(0));
            assertEquals(3, it.next().getInt(0));
        }
    }

    @Test
    void closingABlockingStreamEarlyCancelsItAndLeavesTheConnectionUsable() {
        for (Connection conn : new Connection[] {socket, new BlockingConnection(eventLoop)}) {
            long start = System.nanoTime();
            try (Stream<Row> rows = conn.stream("select generate_series(1, 1000000000), repeat('x', 100)")) {
                assertEquals(55, rows.limit(10).mapToInt(r -> r.getInt(0)).sum());
            }
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(20), "close did not stop the statement");
            assertEquals("ok", conn.fetchVal("select 'ok'"));
            assertEquals(3, conn.fetch("select generate_series(1, 3)").size());
        }
    }

    @Test
    void cancellingTheSubscriptionStopsTheStatementOnBothTransports() throws Exception {
        for (AsyncConnection conn : new AsyncConnection[] {eventLoop, socket.async()}) {
            AtomicLong seen = new AtomicLong();
            CompletableFuture<Void> cancelled = new CompletableFuture<>();
            conn.stream("select generate_series(1, 1000000000)").subscribe(new Flow.Subscriber<Row>() {
                private Flow.Subscription subscription;

                @Override
                public void onSubscribe(Flow.Subscription s) {
                    subscription = s;
                    s.request(100);
                }

                @Override
                public void onNext(Row row) {
                    if (seen.incrementAndGet() == 100) {
                        subscription.cancel();
                        cancelled.complete(null);
                    }
                }

                @Override
                public void onError(Throwable t) {
                    cancelled.completeExceptionally(t);
                }

                @Override
                public void onComplete() {
                    cancelled.completeExceptionally(new AssertionError("completed after a cancel"));
                }
            });
            cancelled.get(20, TimeUnit.SECONDS);
            assertEquals(7, (int) conn.<Integer>fetchVal("select 7").get(20, TimeUnit.SECONDS));
            assertEquals(100, seen.get());
        }
    }

    @Test
    void aRequestSentRightAfterCancellingTheSubscriptionFindsTheStatementStopped() throws Exception {
        for (AsyncConnection conn : new AsyncConnection[] {eventLoop, socket.async()}) {
            CompletableFuture<CompletableFuture<Integer>> next = new CompletableFuture<>();
            AtomicLong seen = new AtomicLong();
            conn.stream("select generate_series(1, 1000000000)").subscribe(new Flow.Subscriber<Row>() {
                private Flow.Subscription subscription;

                @Override
                public void onSubscribe(Flow.Subscription s) {
                    subscription = s;
                    s.request(10);
                }

                @Override
                public void onNext(Row row) {
                    if (seen.incrementAndGet() == 10) {
                        // Cancel, then at once (still inside onNext) send the next request: it is
                        // written behind the stream, which must already be stopped by then.
                        subscription.cancel();
                        next.complete(conn.fetchVal("select 7"));
                    }
                }

                @Override
                public void onError(Throwable t) {
                    next.completeExceptionally(t);
                }

                @Override
                public void onComplete() {
                    next.completeExceptionally(new AssertionError("completed after a cancel"));
                }
            });
            assertEquals(7, (int) next.get(20, TimeUnit.SECONDS).get(20, TimeUnit.SECONDS));
            assertEquals(10, seen.get());
        }
    }

    @Test
    void anErrorPartWayReachesTheStreamAfterTheRowsBeforeIt() {
        String sql = "select 10 / (5000 - g) from generate_series(1, 10000) g";
        for (Connection conn : new Connection[] {socket, new BlockingConnection(eventLoop)}) {
            AtomicLong seen = new AtomicLong();
            try (Stream<Row> rows = conn.stream(sql)) {
                DivisionByZeroException e = assertThrows(DivisionByZeroException.class,
                        () -> rows.forEach(r -> seen.incrementAndGet()));
                assertEquals("22012", e.sqlState());
            }
            assertTrue(seen.get() > 0 && seen.get() < 5000, "rows before the error: " + seen.get());
            assertEquals(2, (int) conn.<Integer>fetchVal("select 2"));
        }
    }

    @Test
    void anErrorPartWayReachesTheSubscriberTyped() throws Exception {
        for (AsyncConnection conn : new AsyncConnection[] {eventLoop, socket.async()}) {
            SlowSubscriber subscriber = new SlowSubscriber();
            conn.stream("select 10 / (5000 - g) from generate_series(1, 10000) g").subscribe(subscriber);
            subscriber.request(Long.MAX_VALUE);
            java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> subscriber.done.get(20, TimeUnit.SECONDS));
            assertInstanceOf(DivisionByZeroException.class, e.getCause());
            assertEquals(3, (int) conn.<Integer>fetchVal("select 3").get(20, TimeUnit.SECONDS));
        }
    }

    @Test
    void aStatementThatCannotStartFailsTheStreamWithTheServerError() {
        PgException e = assertThrows(PgException.class, () -> socket.stream("select * from no_such_table_for_streams").count());
        assertEquals("42P01", e.sqlState());
        assertEquals(1, (int) socket.<Integer>fetchVal("select 1"));
    }

    @Test
    void otherCallsOnAConnectionWithAnOpenStreamFailInsteadOfWaitingForever() {
        try (Stream<Row> rows = socket.stream("select g from generate_series(1, 1000000) g")) {
            Iterator<Row> it = rows.iterator();
            assertEquals(1, it.next().getInt(0));
            PgInterfaceException e = assertThrows(PgInterfaceException.class, () -> socket.fetchVal("select 1"));
            assertTrue(e.getMessage().contains("stream"), e.getMessage());
            assertEquals(2, it.next().getInt(0));
        }
        assertEquals(1, (int) socket.<Integer>fetchVal("select 1"));
    }

    @Test
    void requestsPipelinedBehindAStreamWaitForItsEnd() throws Exception {
        SlowSubscriber subscriber = new SlowSubscriber();
        eventLoop.stream("select g from generate_series(1, 100000) g").subscribe(subscriber);
        CompletableFuture<Object> behind = eventLoop.fetchVal("select 'after'");
        subscriber.request(10);
        Thread.sleep(300);
        assertTrue(!behind.isDone(), "answered before the stream's rows were read");
        subscriber.request(Long.MAX_VALUE);
        assertEquals("after", behind.get(20, TimeUnit.SECONDS));
        assertNull(subscriber.done.get(20, TimeUnit.SECONDS));
        assertEquals(100000, subscriber.count.get());
    }

    @Test
    void streamsDecodeParametersAndTypedColumns() {
        try (Stream<Row> rows = socket.stream("select g, 'row ' || g, g::numeric / 2 from generate_series(1, $1::int) g where g % $2 = 0", 100, 10)) {
            assertEquals(java.util.List.of("row 10", "row 20", "row 30"),
                    rows.limit(3).map(r -> r.getString(1)).toList());
        }
    }

    @Test
    void poolStreamsHoldTheirConnectionUntilTheStatementIsOver() throws Exception {
        try (Pool pool = PgJet.createPool(PgTestServer.shared().dsn(), PoolOptions.DEFAULT.withSize(1, 1))) {
            try (Stream<Row> rows = pool.stream("select g from generate_series(1, 200000) g")) {
                Iterator<Row> it = rows.iterator();
                assertEquals(1, it.next().getInt(0));
                assertEquals(0, pool.idleSize());
                long n = 1;
                while (it.hasNext()) {
                    it.next();
                    n++;
                }
                assertEquals(200000, n);
            }
            assertEquals(5, (int) pool.<Integer>fetchVal("select 5"));
            try (Stream<Row> rows = pool.stream("select generate_series(1, 1000000000)")) {
                assertEquals(1, rows.findFirst().orElseThrow().getInt(0));
            }
            assertEquals(6, (int) pool.<Integer>fetchVal("select 6"));
        }
        AsyncPool pool = PgJet.createPoolAsync(PgTestServer.shared().dsn(), PoolOptions.DEFAULT.withSize(1, 1)).join();
        try {
            SlowSubscriber subscriber = new SlowSubscriber();
            pool.stream("select g from generate_series(1, 50000) g").subscribe(subscriber);
            subscriber.request(Long.MAX_VALUE);
            assertNull(subscriber.done.get(20, TimeUnit.SECONDS));
            assertEquals(50000, subscriber.count.get());
            assertEquals(8, (int) pool.<Integer>fetchVal("select 8").get(20, TimeUnit.SECONDS));
        } finally {
            pool.closeAsync().join();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Counts and sums the first column; requests only what the test asks for. */
    private static final class SlowSubscriber implements Flow.Subscriber<Row> {
        final AtomicLong count = new AtomicLong();
        final AtomicLong sum = new AtomicLong();
        final CompletableFuture<Void> done = new CompletableFuture<>();
        final AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();
        private final CompletableFuture<Flow.Subscription> subscribed = new CompletableFuture<>();

        void request(long n) {
            subscribed.join().request(n);
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription.set(s);
            subscribed.complete(s);
        }

        @Override
        public void onNext(Row row) {
            count.incrementAndGet();
            sum.addAndGet(row.getLong(0));
        }

        @Override
        public void onError(Throwable t) {
            done.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            done.complete(null);
        }
    }
}
