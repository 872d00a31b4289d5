package io.pgjet.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.pgjet.Connection;
import io.pgjet.CopyOptions;
import io.pgjet.CopySink;
import io.pgjet.PgException;
import io.pgjet.PgJet;
import io.pgjet.PgJetException;
import io.pgjet.PgTimeoutException;
import io.pgjet.Pool;
import io.pgjet.PoolOptions;
import io.pgjet.Row;
import io.pgjet.Transaction;
import io.pgjet.testkit.FaultProxy;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A bounded soak, on each transport: worker threads run every kind of request through a pool while a fault thread
 * resets, cuts mid-frame, delays and terminates the pool's connections. Every failure must be a
 * typed {@link PgJetException} within a bound (no hang, nothing else thrown); what a commit
 * reported is there afterwards and every batch is all-or-nothing; the pool recovers to idle; and
 * after closing, the server has no session of ours left and PgJet no thread. Netty buffer leaks
 * fail the class through {@code NettyLeakCheck} (paranoid detection).
 *
 * <p>Bounded by count and time: {@code -Dpgjet.soak.seconds} (default 4, per transport) and
 * {@code -Dpgjet.soak.operations} (default 4000), whichever comes first. See
 * {@code docs/RELIABILITY.md} for a longer run.
 */
class SoakTest {
    private static final long SECONDS = Long.getLong("pgjet.soak.seconds", 4);
    private static final long OPERATIONS = Long.getLong("pgjet.soak.operations", 4_000);
    private static final int WORKERS = 6;
    private static final int BATCH = 20;
    private static final String APP = "pgjet-soak";

    private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    private final Map<String, String> firstMessages = new ConcurrentHashMap<>();
    private final Set<Integer> committed = ConcurrentHashMap.newKeySet();
    private final AtomicInteger batches = new AtomicInteger();
    private final List<Throwable> untyped = new java.util.concurrent.CopyOnWriteArrayList<>();

    @ParameterizedTest
    @EnumSource(Faults.Transport.class)
    void mixedVerbsUnderFaultsLoseNothingLeakNothingAndThePoolRecovers(Faults.Transport transport) throws Exception {
        try (Connection setup = Faults.direct()) {
            setup.execute("drop table if exists soak; create table soak (batch int not null, n int not null, v text)");
        }
        warmUp();
        Set<String> threadsBefore = pgjetThreads();
        long fdsBefore = openFileDescriptors();

        long started = System.nanoTime();
        long deadline = started + TimeUnit.SECONDS.toNanos(SECONDS);
        AtomicInteger budget = new AtomicInteger((int) Math.min(Integer.MAX_VALUE, OPERATIONS));
        AtomicBoolean running = new AtomicBoolean(true);
        long done;
        try (FaultProxy proxy = FaultProxy.to(Faults.server());
                Pool pool = pool(transport, Faults.through(proxy, b -> b.applicationName(APP)
                        .commandTimeout(Duration.ofSeconds(5)).connectTimeout(Duration.ofSeconds(3))),
                        PoolOptions.DEFAULT.withSize(0, 4).withAcquireTimeout(Duration.ofSeconds(10)))) {
            ExecutorService threads = Executors.newFixedThreadPool(WORKERS + 1);
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                long seed = 1_000 + w;
                futures.add(threads.submit(() -> work(pool, new Random(seed), deadline, budget)));
            }
            futures.add(threads.submit(() -> faults(proxy, new Random(7), running)));
            for (int w = 0; w < WORKERS; w++) {
                futures.get(w).get(SECONDS + 60, TimeUnit.SECONDS); // a hang fails here
            }
            running.set(false);
            futures.get(WORKERS).get(30, TimeUnit.SECONDS);
            threads.shutdown();
            proxy.disarm();
            proxy.resume();
            proxy.delay(Duration.ZERO);

            // the last fault (a backend's FATAL, a reset) may still be on its way to an idle connection
            Thread.sleep(500);
            Faults.eventually("the pool is back to idle", Duration.ofSeconds(15),
                    () -> pool.idleSize() == pool.size());
            recovered(pool, transport);
            done = outcomes.values().stream().mapToLong(LongAdder::sum).sum();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("soak %s: %d operations in %d ms (%.0f/s) with %d workers; outcomes %s%n",
                transport, done, millis, done * 1000.0 / millis, WORKERS, new java.util.TreeMap<>(outcomesSnapshot()));

        firstMessages.forEach((k, v) -> System.out.println("soak first " + k + ": " + v));
        if (!untyped.isEmpty()) {
            AssertionError e = new AssertionError(untyped.size() + " failure(s) were not a PgJetException");
            untyped.stream().limit(5).forEach(e::addSuppressed);
            throw e;
        }
        assertTrue(successes() > done / 3, "too few successes: " + outcomesSnapshot());
        checkData();
        try (Connection check = Faults.direct()) {
            Faults.eventually("no session of the soak is left on the server", Duration.ofSeconds(15),
                    () -> check.<Long>fetchVal("select count(*) from pg_stat_activity where application_name = $1", APP) == 0);
        }
        // PgJet's helper and callback threads are cached pools the JDK shrinks after 60 s idle:
        // a new one is no leak if it is idle; a thread held by a closed connection would be busy.
        long threadsDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!busyNewThreads(threadsBefore).isEmpty()) {
            assertTrue(System.nanoTime() < threadsDeadline, "PgJet threads left busy: " + busyNewThreads(threadsBefore));
            Thread.sleep(50);
        }
        if (fdsBefore >= 0) {
            // a few descriptors of slack: the JVM opens jars and the like lazily
            Faults.eventually("file descriptors back to " + fdsBefore, Duration.ofSeconds(10),
                    () -> openFileDescriptors() <= fdsBefore + 8);
        }
    }

    /**
     * Checks that the pool serves 8 queries in a row within 15 s. On the caller-driven transport a
     * free connection whose socket was reset or closed without a message is seen only when next
     * used (a blocking socket cannot be polled for that), so up to one failure per pooled
     * connection is allowed there, each a typed connection error; the event loop sees it at once.
     */
    private static void recovered(Pool pool, Faults.Transport transport) throws InterruptedException {
        int allowed = transport == Faults.Transport.BLOCKING ? pool.options().maxSize() : 0;
        int failures = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        for (int inARow = 0; inARow < 8;) {
            assertTrue(System.nanoTime() < deadline, "the pool did not recover within 15 s");
            try {
                assertEquals(inARow, (int) pool.<Integer>fetchVal("select $1::int", inARow));
                inARow++;
            } catch (io.pgjet.PgConnectionException e) {
                failures++;
                assertTrue(failures <= allowed, "the pool lent " + failures + " dead connection(s) after the faults: " + e);
                inARow = 0;
            }
        }
    }

    /** A blocking pool whose connections run on {@code transport}. */
    private static Pool pool(Faults.Transport transport, io.pgjet.ConnectionConfig config, PoolOptions options) {
        if (transport == Faults.Transport.BLOCKING) {
            return PgJet.createPool(config, options);
        }
        return new io.pgjet.internal.pool.BlockingPool(
                (io.pgjet.internal.pool.ConnectionPool) PgJet.createPoolAsync(config, options).join());
    }

    private void work(Pool pool, Random random, long deadline, AtomicInteger budget) {
        while (System.nanoTime() < deadline && budget.decrementAndGet() >= 0) {
            int verb = random.nextInt(9);
            String name = switch (verb) {
                case 0 -> "fetchVal";
                case 1 -> "fetch";
                case 2 -> "executeMany-tx";
                case 3 -> "copyRecords";
                case 4 -> "copyOut";
                case 5 -> "cursor";
                case 6 -> "timeout";
                case 7 -> "sqlError";
                default -> "rollback";
            };
            try {
                pool.withConnection(conn -> {
                    run(verb, conn, random);
                    return null;
                });
                count(name + ":ok");
            } catch (PgJetException e) {
                count(name + ":" + e.getClass().getSimpleName());
                firstMessages.putIfAbsent(name + ":" + e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
            } catch (Throwable t) {
                untyped.add(t);
                count(name + ":UNTYPED " + t.getClass().getSimpleName());
            }
        }
    }

    private void run(int verb, Connection conn, Random random) {
        switch (verb) {
            case 0 -> {
                int x = random.nextInt(1_000_000);
                assertEquals(x + 1, (int) conn.<Integer>fetchVal("select $1::int + 1", x));
            }
            case 1 -> assertEquals(300, conn.fetch("select g, repeat('x', 100) from generate_series(1, 300) g").size());
            case 2 -> {
                int batch = batches.incrementAndGet();
                List<Object[]> rows = new ArrayList<>();
                for (int i = 0; i < BATCH; i++) {
                    rows.add(new Object[] {batch, i, "v" + i});
                }
                try (Transaction tx = conn.transaction()) {
                    conn.executeMany("insert into soak values ($1, $2, $3)", rows);
                    tx.commit();
                }
                committed.add(batch);
            }
            case 3 -> {
                int batch = batches.incrementAndGet();
                List<SoakRow> rows = new ArrayList<>();
                for (int i = 0; i < BATCH; i++) {
                    rows.add(new SoakRow(batch, i, "c" + i));
                }
                assertEquals(BATCH, conn.copyRecordsToTable("soak", rows, "batch", "n", "v").rowCount());
                committed.add(batch);
            }
            case 4 -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                assertEquals(500, conn.copyFromQuery("select g from generate_series(1, 500) g", CopySink.of(out),
                        CopyOptions.defaults()).rowCount());
            }
            case 5 -> {
                try (Transaction tx = conn.transaction();
                        Stream<Row> rows = conn.cursor("select g from generate_series(1, 400) g")) {
                    assertEquals(400, rows.count());
                    tx.commit();
                }
            }
            case 6 -> {
                try {
                    conn.withTimeout(Duration.ofMillis(30)).execute("select pg_sleep(0.5)");
                    fail("pg_sleep(0.5) did not time out after 30 ms");
                } catch (PgTimeoutException expected) {
                    count("timeout:expected");
                }
                assertEquals(2, (int) conn.<Integer>fetchVal("select 2"), "the connection was not usable after a timeout");
            }
            case 7 -> {
                try {
                    conn.fetchVal("select 1 / $1::int", 0);
                    fail("1/0 succeeded");
                } catch (PgException expected) {
                    assertEquals("22012", expected.sqlState());
                }
                assertEquals(3, (int) conn.<Integer>fetchVal("select 3"));
            }
            default -> {
                try (Transaction tx = conn.transaction()) {
                    conn.execute("insert into soak values (-1, 0, 'rolled back')");
                    tx.rollback();
                }
            }
        }
    }

    /** A row for the binary COPY. */
    record SoakRow(int batch, int n, String v) {}

    private void faults(FaultProxy proxy, Random random, AtomicBoolean running) {
        try {
            while (running.get()) {
                Thread.sleep(150 + random.nextInt(400));
                switch (random.nextInt(5)) {
                    case 0 -> proxy.resetAll();
                    case 1 -> proxy.cutAfter(FaultProxy.Direction.TO_CLIENT, random.nextInt(20_000));
                    case 2 -> proxy.cutAfter(FaultProxy.Direction.TO_SERVER, random.nextInt(2_000));
                    case 3 -> {
                        proxy.delay(Duration.ofMillis(20));
                        Thread.sleep(200);
                        proxy.delay(Duration.ZERO);
                    }
                    default -> {
                        try (Connection admin = Faults.direct()) {
                            admin.execute("select pg_terminate_backend(pid) from pg_stat_activity"
                                    + " where application_name = $1 and pid <> pg_backend_pid()", APP);
                        }
                    }
                }
                count("fault:" + random.nextInt(1)); // keeps the draw sequence stable
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void checkData() {
        try (Connection check = Faults.direct()) {
            assertEquals(0L, (long) check.<Long>fetchVal("select count(*) from soak where batch = -1"),
                    "a rolled-back row is there");
            Map<Integer, Long> present = new java.util.HashMap<>();
            for (Row r : check.fetch("select batch, count(*) from soak group by batch")) {
                present.put(r.getInt(0), r.getLong(1));
            }
            present.forEach((batch, rows) -> assertEquals(BATCH, rows, "batch " + batch + " is partial"));
            for (int batch : committed) {
                assertTrue(present.containsKey(batch), "batch " + batch + " was reported committed but is missing");
            }
            System.out.printf("soak data: %d batches reported committed, %d present (the others present lost"
                    + " their commit's answer to a fault: outcome unknown to the caller, but whole)%n",
                    committed.size(), present.size());
        }
    }

    private void count(String key) {
        outcomes.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    private Map<String, Long> outcomesSnapshot() {
        Map<String, Long> snapshot = new java.util.HashMap<>();
        outcomes.forEach((k, v) -> snapshot.put(k, v.sum()));
        return snapshot;
    }

    private long successes() {
        return outcomesSnapshot().entrySet().stream().filter(e -> e.getKey().endsWith(":ok")).mapToLong(Map.Entry::getValue).sum();
    }

    /** Starts PgJet's shared threads (event loop, timers) once, so the baseline includes them. */
    private static void warmUp() {
        try (Pool pool = PgJet.createPool(Faults.server().dsn(), PoolOptions.DEFAULT.withSize(1, 1))) {
            pool.fetchVal("select 1");
        }
        try (Connection c = PgJet.connect(Faults.server().dsn())) {
            c.withTimeout(Duration.ofSeconds(5)).fetchVal("select 1");
        }
    }

    static Set<String> pgjetThreads() {
        Set<String> names = new java.util.HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && t.getName().startsWith("pgjet")) {
                names.add(t.getName());
            }
        }
        return names;
    }

    /** PgJet threads not in {@code before} that are doing something (not parked waiting for a task). */
    static List<String> busyNewThreads(Set<String> before) {
        List<String> busy = new ArrayList<>();
        Thread.getAllStackTraces().forEach((t, stack) -> {
            if (t.isAlive() && t.getName().startsWith("pgjet") && !before.contains(t.getName())
                    && Stream.of(stack).noneMatch(SoakTest::waitingForWork)) {
                busy.add(t.getName() + " at " + (stack.length > 0 ? stack[0] : "?"));
            }
        });
        return busy;
    }

    /**
     * Whether a frame shows a thread waiting for work: a pooled thread for its next task, or an
     * event loop (a fixed group, started lazily) in its selector.
     */
    private static boolean waitingForWork(StackTraceElement f) {
        String c = f.getClassName();
        String m = f.getMethodName();
        return c.equals("java.util.concurrent.ThreadPoolExecutor") && m.equals("getTask")
                || c.startsWith("io.netty.channel.") && (m.contains("Wait") || m.equals("select"))
                || c.startsWith("sun.nio.ch.") && (m.startsWith("poll") || m.equals("select"));
    }

    /** The process's open descriptors (Linux {@code /proc/self/fd}), or -1 where there is no such view. */
    static long openFileDescriptors() {
        try (Stream<java.nio.file.Path> fds = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/fd"))) {
            return fds.count();
        } catch (java.io.IOException | UnsupportedOperationException e) {
            return -1;
        }
    }
}
