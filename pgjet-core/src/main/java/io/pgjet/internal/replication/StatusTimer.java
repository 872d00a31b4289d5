package io.pgjet.internal.replication;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads replication streams share: one daemon timer for standby status updates, and
 * daemon workers that deliver messages to subscribers (never the I/O thread, which a slow
 * subscriber would stall for every connection on it).
 */
final class StatusTimer {
    private static final AtomicInteger WORKERS = new AtomicInteger();
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "pgjet-replication-status");
        t.setDaemon(true);
        return t;
    });
    private static final ExecutorService DELIVERY = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "pgjet-replication-" + WORKERS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private StatusTimer() {}

    /** Runs {@code task} every {@code periodNanos} until the returned future is cancelled. */
    static ScheduledFuture<?> schedule(Runnable task, long periodNanos) {
        return TIMER.scheduleAtFixedRate(task, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
    }

    /** Returns the executor subscribers are called on. */
    static Executor delivery() {
        return DELIVERY;
    }
}
