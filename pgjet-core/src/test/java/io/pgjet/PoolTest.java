package io.pgjet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.errors.DivisionByZeroException;
import io.pgjet.testkit.FaultProxy;
import io.pgjet.testkit.PgTestServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The connection pool against a real server: sizing, waiting, recycling, resetting, closing. */
class PoolTest {
    private static final String DSN = PgTestServer.shared().dsn();

    private static PoolOptions sized(int min, int max) {
        return PoolOptions.DEFAULT.withSize(min, max);
    }

    /** Waits up to 10 s for {@code condition}; these pool changes happen on timers and futures. */
    private static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void createOpensMinSizeConnectionsAndReusesThem() {
        try (Pool pool = PgJet.createPool(DSN, sized(2, 4))) {
            assertEquals(2, pool.size());
            assertEquals(2, pool.idleSize());
            int pid;
            try (Connection conn = pool.acquire()) {
                pid = conn.getServerPid();
                assertEquals(1, pool.idleSize());
            }
            assertEquals(2, pool.idleSize());
            try (Connection conn = pool.acquire()) {
                assertEquals(pid, conn.getServerPid(), "the most recently used connection is handed out first");
            }
        }
    }

    @Test
    void convenienceVerbsRunOnAPooledConnection() throws Exception {
        try (Pool pool = PgJet.createPool(DSN, sized(1, 2))) {
            assertEquals(42, (int) pool.fetchVal("select $1::int4", 42));
            assertEquals("x", pool.fetchRow("select 'x' as v").getString("v"));
            assertEquals(3, pool.fetch("select generate_series(1, 3)").size());
            assertEquals(1, pool.execute("select 1").rowCount());
            record Pair(int a, String b) {}
            assertEquals(List.of(new Pair(1, "one")), pool.fetch(Pair.class, "select 1 as a, 'one' as b"));
            int rows = pool.withConnection(conn -> conn.fetch("select 1 union all select 2").size());
            assertEquals(2, rows);
            eventually("every connection is back after the verbs", () -> pool.size() == pool.idleSize());
        }
    }

    @Test
    void neverOpensMoreThanMaxSizeUnderLoad() {
        AsyncPool pool = PgJet.createPoolAsync(DSN, sized(0, 3)).join();
        try {
            Set<Integer> pids = ConcurrentHashMap.newKeySet();
            AtomicInteger mostOpen = new AtomicInteger();
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                calls.add(pool.withConnection(conn -> {
                    pids.add(conn.getServerPid());
                    mostOpen.accumulateAndGet(pool.size(), Math::max);
                    return conn.<Integer>fetchVal("select 1 from pg_sleep(0.01)");
                }));
            }
            CompletableFuture.allOf(calls.toArray(new CompletableFuture<?>[0])).join();
            assertEquals(40, calls.stream().mapToInt(CompletableFuture::join).sum());
            assertTrue(pids.size() <= 3, "at most 3 server processes served the calls: " + pids);
            assertTrue(mostOpen.get() <= 3, "at most 3 connections were open: " + mostOpen.get());
            assertEquals(0, pool.waiting());
        } finally {
            pool.close();
        }
    }

    @Test
    void acquireTimesOutWithAClearErrorWhenAllConnectionsAreInUse() {
        try (Pool pool = PgJet.createPool(DSN, sized(1, 1))) {
            try (Connection held = pool.acquire()) {
                PgTimeoutException e = assertThrows(PgTimeoutException.class, () -> pool.acquire(Duration.ofMillis(100)));
                assertTrue(e.getMessage().contains("no pooled connection became free within 100 ms"), e.getMessage());
                assertTrue(e.getMessage().contains("all 1 in use"), e.getMessage());
                assertEquals(1, (int) held.fetchVal("select 1"), "the held connection is unaffected");
                assertEquals(0, pool.async().waiting());
            }
            assertEquals(2, (int) pool.fetchVal("select 2"), "the pool works after the timeout");
        }
    }

    @Test
    void acquireTimeoutAlsoBoundsOpeningAConnection() throws Exception {
        Pool pool;
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            String dsn = "postgresql://nobody@127.0.0.1:" + silent.getLocalPort() + "/db?connect_timeout=30&sslmode=disable";
            pool = PgJet.createPool(dsn, sized(0, 1));
            long start = System.nanoTime();
            PgTimeoutException e = assertThrows(PgTimeoutException.class, () -> pool.acquire(Duration.ofMillis(200)));
            assertTrue(e.getMessage().contains("was ready within 200 ms"), e.getMessage());
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "gave up after the acquire timeout");
            pool.terminate();
        }
        eventually("the abandoned connect attempt ended with the silent server", () -> pool.size() == 0);
    }

    @Test
    void waitersAreServedInTheOrderTheyCame() throws Exception {
        AsyncPool pool = PgJet.createPoolAsync(DSN, sized(1, 1)).join();
        try {
            AsyncConnection held = pool.acquire().join();
            List<Integer> order = new CopyOnWriteArrayList<>();
            List<CompletableFuture<Void>> waiting = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                int n = i;
                waiting.add(pool.acquire().thenCompose(conn -> {
                    order.add(n);
                    return conn.closeAsync();
                }));
            }
            eventually("all five wait", () -> pool.waiting() == 5);
            held.closeAsync().join();
            CompletableFuture.allOf(waiting.toArray(new CompletableFuture<?>[0])).get(10, TimeUnit.SECONDS);
            assertEquals(List.of(0, 1, 2, 3, 4), order);
        } finally {
            pool.close();
        }
    }

    @Test
    void cancellingAnAcquireGivesUpTheWait() throws Exception {
        AsyncPool pool = PgJet.createPoolAsync(DSN, sized(1, 1)).join();
        try {
            AsyncConnection held = pool.acquire().join();
            CompletableFuture<AsyncConnection> gaveUp = pool.acquire();
            eventually("the second caller waits", () -> pool.waiting() == 1);
            gaveUp.cancel(true);
            assertEquals(0, pool.waiting());
            held.closeAsync().join();
            assertEquals(1, pool.idleSize(), "the released connection went back, not to the cancelled caller");
        } finally {
            pool.close();
        }
    }

    @Test
    void aReturnedConnectionRefusesFurtherUse() {
        try (Pool pool = PgJet.createPool(DSN, sized(1, 1))) {
            Connection conn = pool.acquire();
            conn.close();
            PgInterfaceException e = assertThrows(PgInterfaceException.class, () -> conn.fetch("select 1"));
            assertTrue(e.getMessage().contains("returned to the pool"), e.getMessage());
            assertTrue(conn.isClosed());
            conn.close(); // a second close is harmless
            assertEquals(1, pool.idleSize());
        }
    }

    @Test
    void releaseRollsBackAnOpenTransactionAndResetsTheSession() {
        try (Pool pool = PgJet.createPool(DSN, sized(1, 1))) {
            pool.execute("create table if not exists pool_reset (id int)");
            pool.execute("truncate pool_reset");
            try (Connection conn = pool.acquire()) {
                conn.transaction(); // begun and never committed
                conn.execute("insert into pool_reset values (1)");
                conn.execute("set application_name = 'left behind'");
                conn.execute("create temp table pool_temp (x int)");
                assertTrue(conn.isInTransaction());
            }
            try (Connection conn = pool.acquire()) {
                assertFalse(conn.isInTransaction());
                assertEquals(0L, (long) conn.fetchVal("select count(*) from pool_reset"), "the insert was rolled back");
                assertNotEquals("left behind", conn.fetchVal("show application_name"));
                assertNull(conn.fetchVal("select to_regclass('pool_temp')::text"), "temporary tables are dropped");
            }
            pool.execute("drop table pool_reset");
        }
    }

    @Test
    void rollbackOnlyResetRollsBackButKeepsSessionSettings() {
        try (Pool pool = PgJet.createPool(DSN, sized(1, 1).withReset(PoolOptions.ROLLBACK_ONLY))) {
            pool.execute("create table if not exists pool_rollback_only (id int)");
            pool.execute("truncate pool_rollback_only");
            try (Connection conn = pool.acquire()) {
                conn.execute("set application_name = 'kept'");
                conn.transaction();
                conn.execute("insert into pool_rollback_only values (1)");
            }
            try (Connection conn = pool.acquire()) {
                assertFalse(conn.isInTransaction());
                assertEquals(0L, (long) conn.fetchVal("select count(*) from pool_rollback_only"));
                try (Transaction tx = conn.transaction()) { // a fresh BEGIN, not a savepoint of a stale one
                    conn.execute("insert into pool_rollback_only values (2)");
                    tx.commit();
                }
            }
            try (Connection conn = pool.acquire()) {
                conn.execute("set application_name = 'kept'");
            }
            assertEquals("kept", pool.fetchVal("show application_name"), "settings are not reset");
            assertEquals(1L, (long) pool.fetchVal("select count(*) from pool_rollback_only"));
            pool.execute("drop table pool_rollback_only");
        }
    }

    @Test
    void convenienceVerbsDoNotWaitForTheReset() throws Exception {
        CompletableFuture<Object> resetGate = new CompletableFuture<>();
        AsyncPool gated = PgJet.createPoolAsync(DSN, sized(0, 1).withReset(conn -> resetGate)).join();
        try {
            assertEquals(7, (int) gated.<Integer>fetchVal("select 7").get(10, TimeUnit.SECONDS),
                    "the answer arrives while the reset is still pending");
            assertEquals(0, gated.idleSize(), "the connection is not back before its reset finishes");
            resetGate.complete(null);
            eventually("the connection is back after its reset", () -> gated.idleSize() == 1);
        } finally {
            resetGate.complete(null);
            gated.close();
        }
    }

    @Test
    void listenersAddedThroughALeaseDoNotHearTheNextBorrower() throws Exception {
        try (Pool pool = PgJet.createPool(DSN, sized(1, 1))) {
            List<String> heard = new CopyOnWriteArrayList<>();
            List<String> notices = new CopyOnWriteArrayList<>();
            try (Connection conn = pool.acquire()) {
                conn.addListener("pool_chan", n -> heard.add(n.payload()));
                conn.addLogListener(n -> notices.add(n.message()));
                conn.execute("notify pool_chan, 'mine'");
                conn.execute("do $$ begin raise notice 'first'; end $$");
                eventually("the first borrower hears its own notification", () -> heard.contains("mine"));
            }
            try (Connection conn = pool.acquire()) {
                conn.execute("notify pool_chan, 'theirs'");
                conn.execute("do $$ begin raise notice 'second'; end $$");
                assertEquals(1, (int) conn.fetchVal("select 1"));
            }
            Thread.sleep(100);
            assertEquals(List.of("mine"), heard);
            assertEquals(List.of("first"), notices);
        }
    }

    @Test
    void aFreeConnectionTheServerEndedIsReplacedWithoutTheCallerNoticing() throws Exception {
        AtomicInteger opened = new AtomicInteger();
        PoolOptions options = sized(1, 1).withInit(conn -> {
            opened.incrementAndGet();
            return CompletableFuture.completedFuture(null);
        });
        try (Pool pool = PgJet.createPool(DSN, options); Connection admin = PgJet.connect(DSN)) {
            int pid = pool.withConnection(Connection::getServerPid);
            assertTrue(admin.<Boolean>fetchVal("select pg_terminate_backend($1)", pid));
            eventually("the pool noticed and opened a replacement", () -> opened.get() == 2);
            try (Connection conn = pool.acquire()) {
                assertNotEquals(pid, conn.getServerPid());
                assertEquals(1, (int) conn.fetchVal("select 1"));
            }
            assertEquals(1, pool.size());
        }
    }

    @Test
    void aConnectionEndedWhileLentOutIsReplacedOnRelease() {
        try (Pool pool = PgJet.createPool(DSN, sized(1, 1)); Connection admin = PgJet.connect(DSN)) {
            int pid;
            try (Connection conn = pool.acquire()) {
                pid = conn.getServerPid();
                admin.fetchVal("select pg_terminate_backend($1)", pid);
                assertThrows(PgJetException.class, () -> conn.fetch("select 1"));
            }
            try (Connection conn = pool.acquire()) {
                assertNotEquals(pid, conn.getServerPid());
            }
        }
    }

    @Test
    void healthCheckReplacesAConnectionThatDiedJustBeforeAcquire() throws Exception {
        // healthCheckAfter ZERO: every acquire makes a round trip first, so even a connection whose
        // end the client has not processed yet is caught before the caller gets it.
        try (Pool pool = PgJet.createPool(DSN, sized(1, 1).withHealthCheckAfter(Duration.ZERO));
                Connection admin = PgJet.connect(DSN)) {
            int pid = pool.withConnection(Connection::getServerPid);
            admin.fetchVal("select pg_terminate_backend($1)", pid);
            eventually("the backend is gone", () -> admin.<Long>fetchVal(
                    "select count(*) from pg_stat_activity where pid = $1", pid) == 0L);
            try (Connection conn = pool.acquire()) {
                assertNotEquals(pid, conn.getServerPid());
                assertEquals(1, (int) conn.fetchVal("select 1"));
            }
        }
    }

    @Test
    void aConnectionHandedStraightFromBorrowerToBorrowerIsNotHealthChecked() throws Exception {
        // One connection, two threads taking turns: every release hands it to the other thread's
        // waiting acquire. It is never unused, so no hand-off may pay for a health check, however
        // long ago the connection was opened.
        AtomicInteger healthChecks = new AtomicInteger();
        PoolOptions options = sized(1, 1).withHealthCheckAfter(Duration.ofMillis(300))
                .withInit(conn -> {
                    conn.addQueryLogger(record -> {
                        if (record.sql().equals("select 1")) {
                            healthChecks.incrementAndGet();
                        }
                    });
                    return CompletableFuture.completedFuture(null);
                });
        try (Pool pool = PgJet.createPool(DSN, options)) {
            Thread.sleep(350); // unused for longer than healthCheckAfter before the first borrow
            pool.fetchVal("select 2");
            // the first borrow after 350 ms unused is checked (logged when the check's answer is read)
            eventually("the first borrow's health check is logged", () -> healthChecks.get() == 1);
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(600);
            AtomicInteger borrows = new AtomicInteger();
            Runnable turns = () -> {
                while (System.nanoTime() < end) {
                    pool.fetchVal("select 3");
                    borrows.incrementAndGet();
                }
            };
            Thread other = new Thread(turns, "second-borrower");
            other.start();
            turns.run();
            other.join(10_000);
            assertTrue(borrows.get() > 20, "the threads took turns: " + borrows.get());
            assertEquals(1, healthChecks.get(), "hand-offs between busy borrowers are not health-checked");
        }
    }

    @Test
    void aConnectionIsReplacedAfterMaxQueries() {
        try (Pool pool = PgJet.createPool(DSN, sized(1, 1).withMaxQueries(3))) {
            int first = pool.withConnection(conn -> {
                conn.fetch("select 1");
                conn.fetch("select 2");
                return conn.getServerPid();
            });
            int second = pool.withConnection(conn -> {
                conn.fetch("select 3"); // the third query: the connection is closed on release
                return conn.getServerPid();
            });
            int third = pool.withConnection(Connection::getServerPid);
            assertEquals(first, second);
            assertNotEquals(second, third);
        }
    }

    @Test
    void aConnectionIsReplacedAfterMaxLifetime() throws Exception {
        try (Pool pool = PgJet.createPool(DSN, sized(1, 1).withMaxLifetime(Duration.ofMillis(200)))) {
            int first = pool.withConnection(Connection::getServerPid);
            Thread.sleep(300);
            int later = pool.withConnection(Connection::getServerPid);
            assertNotEquals(first, later);
        }
    }

    @Test
    void unusedConnectionsAboveMinSizeCloseAfterMaxInactiveLifetime() throws Exception {
        PoolOptions options = sized(1, 3).withMaxInactiveLifetime(Duration.ofMillis(200));
        try (Pool pool = PgJet.createPool(DSN, options)) {
            List<Connection> three = List.of(pool.acquire(), pool.acquire(), pool.acquire());
            assertEquals(3, pool.size());
            three.forEach(Connection::close);
            eventually("the pool shrinks back to minSize", () -> pool.size() == 1);
            assertEquals(1, pool.idleSize());
        }
    }

    @Test
    void initRunsOncePerConnectionAndSetupOnEveryAcquire() {
        AtomicInteger inits = new AtomicInteger();
        AtomicInteger setups = new AtomicInteger();
        PoolOptions options = sized(1, 1)
                .withInit(conn -> {
                    inits.incrementAndGet();
                    return conn.execute("set application_name = 'pooled'");
                })
                .withSetup(conn -> {
                    setups.incrementAndGet();
                    return CompletableFuture.completedFuture(null);
                })
                .withReset(null); // keep init's session setting across borrowers
        try (Pool pool = PgJet.createPool(DSN, options)) {
            for (int i = 0; i < 3; i++) {
                assertEquals("pooled", pool.fetchVal("show application_name"));
            }
            assertEquals(1, inits.get());
            assertEquals(3, setups.get(), "once per acquire, never for the pool's creation");
        }
    }

    @Test
    void creatingThePoolRunsNeitherSetupNorResetAndEachReleaseResetsOnce() {
        AtomicInteger setups = new AtomicInteger();
        AtomicInteger resets = new AtomicInteger();
        PoolOptions options = sized(2, 3)
                .withSetup(conn -> {
                    setups.incrementAndGet();
                    return CompletableFuture.completedFuture(null);
                })
                .withReset(conn -> {
                    resets.incrementAndGet();
                    return conn.reset();
                });
        try (Pool pool = PgJet.createPool(DSN, options)) {
            assertEquals(2, pool.idleSize());
            assertEquals(0, setups.get(), "nobody acquired a connection yet");
            assertEquals(0, resets.get(), "nobody released a connection yet");
            for (int i = 0; i < 10; i++) {
                pool.acquire().close(); // close() waits until the pool has it back, reset included
            }
            assertEquals(10, setups.get());
            assertEquals(10, resets.get(), "one reset per release");
        }
    }

    @Test
    void setupSeesOnlyTheConnectionTheCallerGets() {
        List<Integer> setupPids = new CopyOnWriteArrayList<>();
        PoolOptions options = sized(2, 3).withSetup(conn -> {
            setupPids.add(conn.getServerPid());
            return CompletableFuture.completedFuture(null);
        });
        try (Pool pool = PgJet.createPool(DSN, options); Connection conn = pool.acquire()) {
            assertEquals(List.of(conn.getServerPid()), setupPids);
        }
    }

    @Test
    void aFailingSetupFailsAcquiresButNotThePoolsCreation() {
        PoolOptions options = sized(1, 1).withSetup(conn -> conn.execute("select 1 / 0"));
        try (Pool pool = PgJet.createPool(DSN, options)) {
            assertEquals(1, pool.size());
            assertThrows(DivisionByZeroException.class, pool::acquire);
            assertEquals(1, pool.size(), "the connection stays in the pool");
        }
    }

    @Test
    void acquireHonoursItsTimeoutWhenSetupNeverFinishes() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        AsyncPool pool = PgJet.createPoolAsync(DSN, sized(0, 1).withSetup(conn -> calls.incrementAndGet() == 1
                ? CompletableFuture.completedFuture(null) : new CompletableFuture<>())).join();
        try {
            pool.acquire().get(10, TimeUnit.SECONDS).closeAsync().get(10, TimeUnit.SECONDS);
            assertEquals(1, pool.idleSize());
            CompletableFuture<AsyncConnection> acquired = pool.acquire(Duration.ofMillis(300));
            java.util.concurrent.ExecutionException failed = assertThrows(
                    java.util.concurrent.ExecutionException.class, () -> acquired.get(10, TimeUnit.SECONDS));
            assertTrue(failed.getCause() instanceof PgTimeoutException, failed.getCause().toString());
        } finally {
            pool.terminate();
        }
    }

    /** A hook that hangs on its {@code hangOn}-th call and finishes at once otherwise. */
    private static java.util.function.Function<AsyncConnection, CompletableFuture<?>> hangingOnCall(int hangOn) {
        AtomicInteger calls = new AtomicInteger();
        return conn -> calls.incrementAndGet() == hangOn ? new CompletableFuture<>() : CompletableFuture.completedFuture(null);
    }

    @Test
    void aSetupThatNeverFinishesGivesItsConnectionsRoomBack() throws Exception {
        PoolOptions options = sized(0, 1).withAcquireTimeout(Duration.ofSeconds(2)).withSetup(hangingOnCall(2));
        try (Pool pool = PgJet.createPool(DSN, options)) {
            int first = pool.withConnection(Connection::getServerPid);
            assertThrows(PgTimeoutException.class, pool::acquire);
            try (Connection conn = pool.acquire(Duration.ofSeconds(10))) {
                assertNotEquals(first, conn.getServerPid(), "the connection the hook held was closed and replaced");
            }
        }
    }

    @Test
    void anInitThatNeverFinishesGivesItsRoomBack() {
        PoolOptions options = sized(0, 1).withAcquireTimeout(Duration.ofSeconds(2)).withInit(hangingOnCall(1));
        try (Pool pool = PgJet.createPool(DSN, options)) {
            assertThrows(PgTimeoutException.class, pool::acquire);
            assertEquals(1, (int) pool.async().acquire(Duration.ofSeconds(10))
                    .thenCompose(conn -> conn.fetchVal("select 1").whenComplete((v, e) -> conn.closeAsync())).join());
            assertEquals(1, pool.size());
        }
    }

    @Test
    void aResetThatNeverFinishesGivesItsRoomBack() {
        PoolOptions options = sized(0, 1).withAcquireTimeout(Duration.ofSeconds(2)).withReset(hangingOnCall(1));
        try (Pool pool = PgJet.createPool(DSN, options)) {
            Connection first = pool.acquire();
            int pid = first.getServerPid();
            first.async().closeAsync(); // its reset never finishes
            try (Connection conn = pool.acquire(Duration.ofSeconds(10))) {
                assertNotEquals(pid, conn.getServerPid());
            }
        }
    }

    private static String dsnThrough(FaultProxy proxy) {
        var server = PgTestServer.shared();
        return "postgresql://" + enc(server.user()) + ":" + enc(server.password()) + "@127.0.0.1:" + proxy.port()
                + "/" + server.database();
    }

    @Test
    void givingBackALeaseEndsInTimeWhenTheServerStopsAnswering() throws Exception {
        var server = PgTestServer.shared();
        try (FaultProxy proxy = FaultProxy.to(server)) {
            AsyncPool pool = PgJet.createPoolAsync(dsnThrough(proxy),
                    sized(0, 1).withAcquireTimeout(Duration.ofSeconds(1))).join();
            try {
                AsyncConnection conn = pool.acquire().get(10, TimeUnit.SECONDS);
                conn.prepare("select 1").get(10, TimeUnit.SECONDS); // closed on release: a round trip
                proxy.stall();
                conn.closeAsync().get(10, TimeUnit.SECONDS);
                assertEquals(0, pool.size(), "the silent connection was dropped, not put back");
            } finally {
                proxy.close();
                pool.close();
            }
        }
    }

    @Test
    void acquireHonoursItsTimeoutWhenTheHealthCheckGetsNoAnswer() throws Exception {
        var server = PgTestServer.shared();
        try (FaultProxy proxy = FaultProxy.to(server)) {
            String dsn = dsnThrough(proxy);
            AsyncPool pool = PgJet.createPoolAsync(dsn, sized(1, 1).withHealthCheckAfter(Duration.ZERO)).join();
            try {
                assertEquals(1, (int) pool.<Integer>fetchVal("select 1").get(10, TimeUnit.SECONDS));
                eventually("the connection is back", () -> pool.idleSize() == 1);
                proxy.stall();
                long start = System.nanoTime();
                CompletableFuture<AsyncConnection> acquired = pool.acquire(Duration.ofMillis(500));
                java.util.concurrent.ExecutionException failed = assertThrows(
                        java.util.concurrent.ExecutionException.class, () -> acquired.get(10, TimeUnit.SECONDS));
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertTrue(failed.getCause() instanceof PgTimeoutException, failed.getCause().toString());
                assertTrue(millis < 3_000, "the 500 ms acquire returned after " + millis + " ms");
            } finally {
                proxy.close(); // the silent connection ends, so the pool closes at once
                pool.close();
            }
        }
    }

    @Test
    void aFailingInitFailsTheAcquireAndLeavesNoConnectionBehind() {
        PoolOptions options = sized(0, 1).withInit(conn -> conn.execute("select 1 / 0"));
        try (Pool pool = PgJet.createPool(DSN, options)) {
            assertThrows(DivisionByZeroException.class, pool::acquire);
            assertEquals(0, pool.size());
        }
    }

    @Test
    void aFailingSetupFailsTheAcquireAndKeepsTheConnection() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (Pool gated = PgJet.createPool(DSN, sized(0, 1).withSetup(conn -> calls.incrementAndGet() == 1
                ? conn.execute("select 1 / 0") : CompletableFuture.completedFuture(null)))) {
            assertThrows(DivisionByZeroException.class, gated::acquire);
            eventually("the connection went back to the pool", () -> gated.idleSize() == 1);
            assertEquals(1, (int) gated.fetchVal("select 1"), "the next acquire gets the same, working connection");
            assertEquals(1, gated.size());
        }
    }

    @Test
    void closeWaitsForLentConnectionsAndRefusesNewCallers() throws Exception {
        AsyncPool pool = PgJet.createPoolAsync(DSN, sized(1, 1)).join();
        AsyncConnection held = pool.acquire().join();
        CompletableFuture<AsyncConnection> waiting = pool.acquire();
        CompletableFuture<Void> closed = pool.closeAsync();
        CompletionException e = assertThrows(CompletionException.class, waiting::join);
        assertTrue(e.getCause() instanceof PgInterfaceException, String.valueOf(e.getCause()));
        assertFalse(closed.isDone(), "a connection is still lent out");
        assertEquals(1, (int) held.<Integer>fetchVal("select 1").join(), "the lent connection still works");
        held.closeAsync().join();
        closed.get(10, TimeUnit.SECONDS);
        assertEquals(0, pool.size());
        assertThrows(CompletionException.class, () -> pool.acquire().join());
    }

    @Test
    void closeDoesNotWaitForeverForAConnectionNeverReturned() {
        Pool pool = PgJet.createPool(DSN, sized(1, 1).withAcquireTimeout(Duration.ofMillis(300)));
        Connection forgotten = pool.acquire();
        long start = System.nanoTime();
        pool.close();
        long took = System.nanoTime() - start;
        assertTrue(took >= TimeUnit.MILLISECONDS.toNanos(250), "close waited for the borrower first");
        assertTrue(took < TimeUnit.SECONDS.toNanos(5), "then gave up: " + TimeUnit.NANOSECONDS.toMillis(took) + " ms");
        assertThrows(PgJetException.class, () -> forgotten.fetch("select 1"), "the forgotten connection was closed");
        assertEquals(0, pool.size());
    }

    @Test
    void terminateClosesConnectionsInUse() throws Exception {
        AsyncPool pool = PgJet.createPoolAsync(DSN, sized(1, 1)).join();
        AsyncConnection held = pool.acquire().join();
        AtomicInteger ended = new AtomicInteger();
        held.addTerminationListener(ended::incrementAndGet);
        pool.terminate();
        assertThrows(CompletionException.class, () -> held.fetch("select 1").join());
        eventually("the borrower's termination listener ran", () -> ended.get() == 1);
        held.close();
        pool.closeAsync().get(10, TimeUnit.SECONDS);
        assertEquals(0, pool.size());
    }

    @Test
    void expireConnectionsReplacesFreeAndLentConnections() {
        try (Pool pool = PgJet.createPool(DSN, sized(2, 2))) {
            Connection lent = pool.acquire();
            int lentPid = lent.getServerPid();
            int freePid = pool.withConnection(Connection::getServerPid);
            pool.expireConnections();
            lent.close();
            Set<Integer> now = Set.of(pool.withConnection(Connection::getServerPid));
            assertFalse(now.contains(lentPid));
            assertFalse(now.contains(freePid));
        }
    }

    @Test
    void anUnreachableServerFailsCreateAndAcquireWithoutLeakingCapacity() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String dead = "postgresql://nobody@127.0.0.1:" + port + "/db?connect_timeout=5";
        assertThrows(PgConnectionException.class, () -> PgJet.createPool(dead, sized(1, 2)));
        try (Pool pool = PgJet.createPool(dead, sized(0, 2))) {
            assertThrows(PgConnectionException.class, pool::acquire);
            assertThrows(PgConnectionException.class, pool::acquire);
            assertEquals(0, pool.size(), "failed connects give their place back");
        }
    }

    @Test
    void aMultiHostListServesThePoolFromTheHostThatAnswers() throws IOException {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = s.getLocalPort();
        }
        var server = PgTestServer.shared();
        String dsn = "postgresql://" + enc(server.user()) + ":" + enc(server.password()) + "@127.0.0.1:" + deadPort
                + ",127.0.0.1:" + server.port() + "/" + server.database();
        try (Pool pool = PgJet.createPool(dsn, sized(2, 2))) {
            assertEquals(2, pool.size());
            assertEquals(1, (int) pool.fetchVal("select 1"));
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Test
    void optionsRejectImpossibleSizes() {
        assertThrows(PgInterfaceException.class, () -> PoolOptions.DEFAULT.withSize(3, 2));
        assertThrows(PgInterfaceException.class, () -> PoolOptions.DEFAULT.withMaxSize(0));
        assertThrows(PgInterfaceException.class, () -> PoolOptions.DEFAULT.withMaxLifetime(Duration.ofSeconds(-1)));
        assertEquals(5, PoolOptions.DEFAULT.withMaxSize(5).minSize(), "lowering maxSize lowers minSize with it");
        assertEquals(20, PoolOptions.DEFAULT.withMinSize(20).maxSize(), "raising minSize raises maxSize with it");
    }
}
