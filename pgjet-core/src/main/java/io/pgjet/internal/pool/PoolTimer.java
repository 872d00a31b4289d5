package io.pgjet.internal.pool;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * The one timer thread every pool shares, for acquire timeouts and idle sweeps. Its tasks only
 * take the pool's lock briefly and hand real work (closing, connecting) to futures, so one
 * thread is enough.
 */
final class PoolTimer {
    private static final ScheduledExecutorService TIMER = create();

    private PoolTimer() {}

    static ScheduledExecutorService get() {
        return TIMER;
    }

    private static ScheduledExecutorService create() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "pgjet-pool-timer");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
