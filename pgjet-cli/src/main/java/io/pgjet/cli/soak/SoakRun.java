package io.pgjet.cli.soak;

import io.pgjet.Connection;
import io.pgjet.ConnectionConfig;
import io.pgjet.PgConnectionException;
import io.pgjet.PgHost;
import io.pgjet.PgJet;
import io.pgjet.PgJetException;
import io.pgjet.Pool;
import io.pgjet.PoolOptions;
import io.pgjet.testkit.FaultProxy;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * One transport's soak: workers run random verbs through a 4-connection pool that connects
 * through a {@link FaultProxy} while a {@link FaultInjector} breaks things; then the faults stop,
 * the pool must recover, the ledger must match the table, and after closing nothing may be left.
 */
final class SoakRun {
    private static final Verb[] VERBS = Verb.values();
    private static final int POOL_SIZE = 4;
    /** How long a run may go on past its bounds for verbs that have not succeeded yet. */
    private static final long EXTRA_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final SoakTransport transport;
    private final ConnectionConfig direct;
    private final Duration duration;
    private final long operations;
    private final int workers;
    private final Duration progressEvery;
    private final PrintStream progress;
    private final String applicationName;
    private final Tally tally;
    private final Ledger ledger;

    SoakRun(SoakTransport transport, ConnectionConfig direct, Duration duration, long operations, int workers,
            Duration progressEvery, PrintStream progress) {
        this.transport = transport;
        this.direct = direct;
        this.duration = duration;
        this.operations = operations;
        this.workers = workers;
        this.progressEvery = progressEvery;
        this.progress = progress;
        String name = transport.name().toLowerCase(Locale.ROOT);
        this.applicationName = "pgjet-soak-" + name;
        this.ledger = new Ledger("pgjet_soak_" + name);
        this.tally = new Tally(first -> progress.println("soak " + transport + " " + java.time.Instant.now() + ": " + first));
    }

    TransportReport run() throws InterruptedException {
        try (Connection setup = PgJet.connect(direct)) {
            ledger.create(setup);
        }
        warmUp();
        LeakProbes.provokeLeakReports();
        int leaksFrom = NettyLeaks.count();
        LeakProbes.Snapshot before = LeakProbes.take();

        PgHost target = direct.hosts().get(0);
        long started = System.nanoTime();
        long deadline = started + duration.toNanos();
        AtomicLong budget = new AtomicLong(operations);
        boolean recovered;
        String recoveryNote;
        long millis;
        FaultInjector faults;
        ExecutorService threads = Executors.newFixedThreadPool(workers + 1, named("soak-worker"));
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(named("soak-progress"));
        try (FaultProxy proxy = FaultProxy.to(target.host(), target.port());
                Pool pool = transport.pool(direct.toBuilder().host(proxy.host(), proxy.port())
                        .applicationName(applicationName).commandTimeout(Duration.ofSeconds(5))
                        .connectTimeout(Duration.ofSeconds(3)).build(),
                        PoolOptions.DEFAULT.withSize(0, POOL_SIZE).withAcquireTimeout(Duration.ofSeconds(10)))) {
            faults = new FaultInjector(proxy, direct, applicationName, 7);
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                Verb.Work work = new Verb.Work(pool, new Random(1_000 + w), ledger, w);
                futures.add(threads.submit(() -> work(work, deadline, budget)));
            }
            Future<?> faulting = threads.submit(faults);
            ticker.scheduleAtFixedRate(() -> progress(started), progressEvery.toMillis(), progressEvery.toMillis(),
                    TimeUnit.MILLISECONDS);
            for (Future<?> f : futures) {
                long left = Math.max(0, deadline - System.nanoTime()) + EXTRA_NANOS + TimeUnit.SECONDS.toNanos(60);
                try {
                    f.get(left, TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    tally.finding("hang: a worker did not finish within 60 s after the run's end");
                    f.cancel(true);
                } catch (java.util.concurrent.ExecutionException e) {
                    tally.finding("a worker died: " + e.getCause());
                }
            }
            millis = (System.nanoTime() - started) / 1_000_000;
            ticker.shutdownNow();
            faults.stop();
            try {
                faulting.get(30, TimeUnit.SECONDS);
            } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
                tally.finding("the fault thread did not stop: " + e);
                faulting.cancel(true);
            }
            faults.heal();
            // the last fault (a backend's FATAL, a reset) may still be on its way to an idle connection
            Thread.sleep(500);
            boolean idle = eventually(Duration.ofSeconds(15), () -> pool.idleSize() == pool.size());
            String[] note = new String[1];
            recovered = idle && recovered(pool, note);
            recoveryNote = idle ? note[0] : "not back to idle within 15 s (" + pool.idleSize() + " of " + pool.size() + ")";
        } finally {
            threads.shutdownNow();
            ticker.shutdownNow();
        }

        Ledger.Check check;
        long sessionsLeft;
        try (Connection conn = PgJet.connect(direct)) {
            check = ledger.check(conn);
            eventually(Duration.ofSeconds(15), () -> sessions(conn) == 0);
            sessionsLeft = sessions(conn);
            conn.execute("drop table if exists " + ledger.table());
        }
        eventually(Duration.ofSeconds(10), () -> LeakProbes.busyNewThreads(before.threads()).isEmpty());
        List<String> busy = LeakProbes.busyNewThreads(before.threads());
        if (before.fileDescriptors() >= 0) {
            eventually(Duration.ofSeconds(10),
                    () -> LeakProbes.openFileDescriptors() <= before.fileDescriptors() + TransportReport.FD_SLACK);
        }
        LeakProbes.provokeLeakReports();
        LeakProbes.Snapshot after = LeakProbes.take();
        return new TransportReport(transport, millis, workers, tally.ok(), tally.failed(), tally.errors(),
                tally.firstMessages(), tally.untyped(), tally.untypedSamples(), tally.findings(), faults.injected(),
                check, recovered, recoveryNote, before, after, busy, sessionsLeft, NettyLeaks.since(leaksFrom));
    }

    /**
     * Runs random verbs until the time or count bound; then, so every verb is exercised even on a
     * slow or overloaded machine, goes on with the verbs that have not succeeded yet, for at most
     * {@link #EXTRA_NANOS} more.
     */
    private void work(Verb.Work work, long deadline, AtomicLong budget) {
        long extra = deadline + EXTRA_NANOS;
        while (!Thread.currentThread().isInterrupted()) {
            Verb verb;
            if (System.nanoTime() < deadline && budget.decrementAndGet() >= 0) {
                verb = VERBS[work.random().nextInt(VERBS.length)];
            } else {
                List<Verb> missing = tally.neverSucceeded();
                if (missing.isEmpty() || System.nanoTime() > extra) {
                    return;
                }
                verb = missing.get(work.random().nextInt(missing.size()));
            }
            try {
                verb.run(work);
                tally.succeeded(verb);
            } catch (Verb.WrongResult e) {
                tally.wrong(verb, e);
            } catch (Throwable t) {
                tally.failed(verb, t);
            }
        }
    }

    /**
     * Whether the pool serves 8 queries in a row within 15 s. On the caller-driven transport a
     * free connection whose socket was reset or closed without a message is seen only when next
     * used (a blocking socket cannot be polled for that), so up to one failure per pooled
     * connection is allowed there, each a typed connection error; the event loop sees it at once.
     */
    private boolean recovered(Pool pool, String[] note) throws InterruptedException {
        int allowed = transport == SoakTransport.BLOCKING ? POOL_SIZE : 0;
        int failures = 0;
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(15);
        for (int inARow = 0; inARow < 8;) {
            if (System.nanoTime() > deadline) {
                note[0] = "no 8 queries in a row within 15 s";
                return false;
            }
            try {
                Integer got = pool.<Integer>fetchVal("select $1::int", inARow);
                if (got == null || got != inARow) {
                    note[0] = "a wrong answer after the faults: " + got;
                    return false;
                }
                inARow++;
            } catch (PgConnectionException e) {
                failures++;
                if (failures > allowed) {
                    note[0] = "lent " + failures + " dead connection(s) after the faults: " + e.getMessage();
                    return false;
                }
                inARow = 0;
            } catch (PgJetException e) {
                note[0] = "failed after the faults: " + Tally.errorKey(e) + ": " + e.getMessage();
                return false;
            }
        }
        note[0] = "8 queries in a row after " + (System.nanoTime() - start) / 1_000_000 + " ms, " + failures
                + " dead connection(s) found on lending (allowed " + allowed + ")";
        return true;
    }

    private long sessions(Connection conn) {
        return conn.<Long>fetchVal("select count(*) from pg_stat_activity where application_name = $1", applicationName);
    }

    private void progress(long started) {
        long seconds = (System.nanoTime() - started) / 1_000_000_000;
        long total = tally.total();
        progress.printf(Locale.ROOT, "soak %s %d s: %d operations (%.0f/s), %d failed, %d untyped, %d findings%n",
                transport, seconds, total, seconds == 0 ? 0.0 : (double) total / seconds, tally.failures(),
                tally.untypedCount(), TransportReport.total(tally.findings()));
    }

    /** Starts PgJet's shared threads (event loop, timers) once, so the baseline includes them. */
    private void warmUp() {
        try (Pool pool = PgJet.createPool(direct, PoolOptions.DEFAULT.withSize(1, 1))) {
            pool.fetchVal("select 1");
            pool.async().fetchVal("select 1").join();
        }
        try (Pool pool = SoakTransport.NETTY.pool(direct, PoolOptions.DEFAULT.withSize(1, 1))) {
            pool.fetchVal("select 1");
        }
        try (Connection c = PgJet.connect(direct)) {
            c.withTimeout(Duration.ofSeconds(5)).fetchVal("select 1");
        }
    }

    private static boolean eventually(Duration bound, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
