package io.pgjet.internal.socket;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The few threads caller-driven connections need besides their callers, shared by all of them
 * and started on first use: one timer thread (command and connect timeouts) and a pool of
 * helper threads that read while no caller waits (LISTEN, asynchronous use), write large
 * requests while the caller reads the answers, and send cancel requests. All are daemons.
 */
final class SocketThreads {
    private static final ScheduledThreadPoolExecutor TIMER = newTimer();
    private static final ExecutorService HELPERS = Executors.newCachedThreadPool(daemons("pgjet-socket"));

    private SocketThreads() {}

    /** Returns the timer; its tasks must be short and must not block. */
    static ScheduledThreadPoolExecutor timer() {
        return TIMER;
    }

    /** Returns the helper pool (threads are created as needed and end after a minute unused). */
    static ExecutorService helpers() {
        return HELPERS;
    }

    private static ScheduledThreadPoolExecutor newTimer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, daemons("pgjet-socket-timer"));
        // Cancelled timeouts (almost all of them) leave the queue at once instead of at their deadline.
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    private static ThreadFactory daemons(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
