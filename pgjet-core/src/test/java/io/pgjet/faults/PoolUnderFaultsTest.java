package io.pgjet.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.pgjet.ConnectionConfig;
import io.pgjet.PgConnectionException;
import io.pgjet.PgException;
import io.pgjet.PgJet;
import io.pgjet.PgJetException;
import io.pgjet.PgTimeoutException;
import io.pgjet.Pool;
import io.pgjet.PoolOptions;
import io.pgjet.testkit.FaultProxy;
import io.pgjet.testkit.PgCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A pool under load survives what breaks its connections: a server killed with SIGKILL and
 * restarted, every connection reset at once, and more callers than connections. Every caller
 * gets its own answer or a typed error, nothing hangs, and the pool serves again afterwards.
 */
class PoolUnderFaultsTest {

    @Test
    void aFreeCallerDrivenConnectionTheServerHasEndedIsNotLentOut() throws Exception {
        // The blocking pool's connections read nothing while free, and its sweep looks for a
        // server's goodbye only once a second: the acquire itself must take in the FATAL already
        // waiting in the socket, instead of lending a dead connection (found by the soak, now pgjet soak).
        try (Pool pool = PgJet.createPool(Faults.server().dsn(), PoolOptions.DEFAULT.withSize(1, 1));
                io.pgjet.Connection admin = Faults.direct()) {
            for (int round = 0; round < 3; round++) {
                int pid = pool.withConnection(io.pgjet.Connection::getServerPid);
                admin.fetchVal("select pg_terminate_backend($1)", pid);
                Faults.eventually("backend " + pid + " is gone", Duration.ofSeconds(10),
                        () -> admin.<Long>fetchVal("select count(*) from pg_stat_activity where pid = $1", pid) == 0);
                assertEquals(round, (int) pool.<Integer>fetchVal("select $1::int", round),
                        "a connection the server had ended was lent");
            }
        }
    }

    @Test
    void poolUnderLoadRecoversAfterTheServerIsKilledAndRestarted() throws Exception {
        try (PgCluster cluster = PgCluster.builder().start()) {
            ConnectionConfig config = ConnectionConfig.parse(cluster.dsn()).toBuilder()
                    .connectTimeout(Duration.ofSeconds(2)).build();
            PoolOptions options = PoolOptions.DEFAULT.withSize(0, 4).withAcquireTimeout(Duration.ofSeconds(2));
            try (Pool pool = PgJet.createPool(config, options)) {
                AtomicBoolean stop = new AtomicBoolean();
                AtomicLong lastFailure = new AtomicLong();
                AtomicLong firstSuccessAfterRestart = new AtomicLong();
                AtomicLong restartedAt = new AtomicLong(Long.MAX_VALUE);
                Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
                AtomicInteger wrong = new AtomicInteger();
                ExecutorService callers = Executors.newFixedThreadPool(8);
                List<Future<?>> running = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    int caller = t;
                    running.add(callers.submit(() -> {
                        for (int i = 0; !stop.get() && i < 1_000_000; i++) {
                            int expected = caller * 1_000_000 + i;
                            try {
                                int got = pool.<Integer>fetchVal("select $1::int", expected);
                                if (got != expected) {
                                    wrong.incrementAndGet();
                                }
                                if (System.nanoTime() > restartedAt.get()) {
                                    firstSuccessAfterRestart.compareAndSet(0, System.nanoTime());
                                }
                            } catch (PgJetException e) {
                                lastFailure.set(System.nanoTime());
                                errors.computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicInteger())
                                        .incrementAndGet();
                                sleepQuietly(20);
                            }
                        }
                    }));
                }
                Thread.sleep(500);
                long killedAt = System.nanoTime();
                kill9(cluster.postmasterPid());
                Thread.sleep(300);
                cluster.restart();
                restartedAt.set(System.nanoTime());
                Faults.eventually("the pool answers again after the restart", Duration.ofSeconds(20),
                        () -> firstSuccessAfterRestart.get() != 0);
                Thread.sleep(300);
                stop.set(true);
                for (Future<?> f : running) {
                    f.get(20, TimeUnit.SECONDS); // a hang fails here
                }
                callers.shutdown();
                long recoveryMs = TimeUnit.NANOSECONDS.toMillis(firstSuccessAfterRestart.get() - restartedAt.get());
                long outageMs = TimeUnit.NANOSECONDS.toMillis(firstSuccessAfterRestart.get() - killedAt);
                System.out.println("[reliability] kill -9 + restart under load: first answer " + recoveryMs
                        + " ms after the server accepted connections again (" + outageMs + " ms after the kill); "
                        + "errors by class " + errors);
                assertEquals(0, wrong.get(), "a caller got another query's answer");
                assertTrue(recoveryMs < 5_000, "recovery took " + recoveryMs + " ms");
                for (String kind : errors.keySet()) {
                    assertTrue(kind.equals(PgConnectionException.class.getSimpleName())
                            || kind.equals(PgTimeoutException.class.getSimpleName())
                            || kind.endsWith("Exception"), "unexpected error type " + kind);
                }
                assertEquals(5, (int) pool.<Integer>fetchVal("select 5"));
            }
        }
    }

    @Test
    void twoHundredCallersOnFourConnectionsEachGetAnAnswerOrAnAcquireTimeout() throws Exception {
        PoolOptions options = PoolOptions.DEFAULT.withSize(0, 4).withAcquireTimeout(Duration.ofMillis(1_500));
        try (Pool pool = PgJet.createPool(Faults.server().dsn(), options)) {
            ExecutorService callers = Executors.newFixedThreadPool(200);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> outcomes = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int mine = i;
                outcomes.add(callers.submit(() -> {
                    start.await();
                    try {
                        int got = pool.<Integer>fetchVal("select $1::int from pg_sleep(0.05)", mine);
                        return got == mine ? "ok" : "WRONG " + got + " for " + mine;
                    } catch (PgTimeoutException e) {
                        return e;
                    }
                }));
            }
            long begin = System.nanoTime();
            start.countDown();
            int answered = 0;
            int timedOut = 0;
            for (Future<Object> f : outcomes) {
                Object outcome = f.get(30, TimeUnit.SECONDS); // a hang fails here
                if ("ok".equals(outcome)) {
                    answered++;
                } else if (outcome instanceof PgTimeoutException) {
                    timedOut++;
                } else {
                    fail(String.valueOf(outcome));
                }
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);
            callers.shutdown();
            System.out.println("[reliability] 200 callers on 4 connections: " + answered + " answered, " + timedOut
                    + " acquire timeouts, " + millis + " ms");
            assertEquals(200, answered + timedOut);
            assertTrue(answered >= 4, "some callers got a connection: " + answered);
            assertTrue(millis < 15_000, "all answered within " + millis + " ms");
            assertTrue(pool.size() <= 4, "the pool never grew past its maximum: " + pool.size());
            assertEquals(9, (int) pool.<Integer>fetchVal("select 9"));
        }
    }

    @Test
    void poolReplacesEveryConnectionResetUnderIt() throws Exception {
        try (FaultProxy proxy = FaultProxy.to(Faults.server());
                Pool pool = PgJet.createPool(Faults.through(proxy),
                        PoolOptions.DEFAULT.withSize(4, 4).withAcquireTimeout(Duration.ofSeconds(5)))) {
            for (int i = 0; i < 8; i++) {
                assertEquals(i, (int) pool.<Integer>fetchVal("select $1::int", i));
            }
            int before = proxy.acceptedConnections();
            proxy.resetAll();
            long start = System.nanoTime();
            int failures = 0;
            for (int i = 0; i < 20; i++) {
                try {
                    assertEquals(i, (int) pool.<Integer>fetchVal("select $1::int", i));
                } catch (PgConnectionException e) {
                    failures++; // a caller may see the reset once; never a wrong answer
                }
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(failures <= 4, failures + " of 20 calls failed after one reset of 4 connections");
            assertTrue(proxy.acceptedConnections() > before, "the pool opened new connections");
            assertTrue(millis < 10_000, "recovered within " + millis + " ms");
        }
    }

    @Test
    void statementTimeoutFailsTheQueryTypedAndThePooledConnectionStaysUsable() {
        ConnectionConfig config = ConnectionConfig.parse(Faults.server().dsn()).toBuilder()
                .serverSetting("statement_timeout", "200ms").build();
        try (Pool pool = PgJet.createPool(config, PoolOptions.DEFAULT.withSize(0, 1))) {
            PgException e = org.junit.jupiter.api.Assertions.assertThrows(PgException.class,
                    () -> pool.execute("select pg_sleep(5)"));
            assertEquals("57014", e.sqlState());
            assertTrue(e instanceof io.pgjet.errors.QueryCanceledException, e.getClass().getName());
            assertEquals(1, (int) pool.<Integer>fetchVal("select 1"));
            assertEquals(1, pool.size(), "the connection was kept");
        }
    }

    @Test
    void idleInTransactionTimeoutEndsTheSessionTypedAndThePoolReplacesIt() throws Exception {
        ConnectionConfig config = ConnectionConfig.parse(Faults.server().dsn()).toBuilder()
                .serverSetting("idle_in_transaction_session_timeout", "300ms").build();
        try (Pool pool = PgJet.createPool(config, PoolOptions.DEFAULT.withSize(0, 1))) {
            int firstPid;
            try (io.pgjet.Connection conn = pool.acquire()) {
                firstPid = conn.getServerPid();
                io.pgjet.Transaction tx = conn.transaction();
                conn.execute("select 1");
                Thread.sleep(1_000);
                PgJetException e = org.junit.jupiter.api.Assertions.assertThrows(PgJetException.class,
                        () -> conn.execute("select 2"));
                assertTrue(mentions(e, "25P03") || e instanceof PgConnectionException, e.toString());
                assertTrue(conn.isClosed());
                org.junit.jupiter.api.Assertions.assertThrows(PgJetException.class, tx::rollback);
            }
            try (io.pgjet.Connection again = pool.acquire()) {
                assertTrue(again.getServerPid() != firstPid, "a new backend serves the pool");
                assertEquals(3, (int) again.<Integer>fetchVal("select 3"));
            }
        }
    }

    @Test
    void idleSessionTimeoutEndsIdleConnectionsAndThePoolReplacesThem() throws Exception {
        if (Faults.server().majorVersion() < 14) {
            // idle_session_timeout exists from PostgreSQL 14: older servers refuse it, typed
            ConnectionConfig config = ConnectionConfig.parse(Faults.server().dsn()).toBuilder()
                    .serverSetting("idle_session_timeout", "300ms").build();
            PgException e = org.junit.jupiter.api.Assertions.assertThrows(PgException.class,
                    () -> PgJet.connect(config).close());
            assertEquals("42704", e.sqlState());
            return;
        }
        ConnectionConfig config = ConnectionConfig.parse(Faults.server().dsn()).toBuilder()
                .serverSetting("idle_session_timeout", "300ms").build();
        try (Pool pool = PgJet.createPool(config, PoolOptions.DEFAULT.withSize(0, 2))) {
            int firstPid = pool.<Integer>fetchVal("select pg_backend_pid()");
            Thread.sleep(1_000); // the server ends the idle session meanwhile
            int secondPid = -1;
            for (int i = 0; i < 3 && secondPid < 0; i++) {
                try {
                    secondPid = pool.<Integer>fetchVal("select pg_backend_pid()");
                } catch (PgConnectionException e) {
                    assertTrue(mentions(e, "57P05") || e.getMessage() != null, e.toString());
                }
            }
            assertTrue(secondPid > 0 && secondPid != firstPid, "a new backend serves the pool: " + secondPid);
        }
    }

    private static boolean mentions(Throwable e, String sqlState) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PgException p && sqlState.equals(p.sqlState())) {
                return true;
            }
        }
        return false;
    }

    private static void kill9(long postmasterPid) throws InterruptedException {
        // the whole server dies at once, as on a host crash or an OOM kill of the container
        ProcessHandle postmaster = ProcessHandle.of(postmasterPid).orElseThrow();
        List<ProcessHandle> children = postmaster.children().toList();
        postmaster.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        postmaster.onExit().orTimeout(10, TimeUnit.SECONDS).join();
        for (ProcessHandle child : children) {
            child.onExit().orTimeout(10, TimeUnit.SECONDS).join();
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
