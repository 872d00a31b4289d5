package io.pgjet.internal.socket;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Looks after callers blocked in a socket read, which a platform thread cannot leave on its own:
 * ten times a second it asks every open caller-driven connection to check its reader
 * ({@link SocketIo#watch}): an interrupted caller gets its request cancelled (the server's
 * answer then ends the read), and a caller whose request already ended (timed out, cancelled)
 * but whose read the server has left unanswered for {@link #GIVE_UP_NANOS} gets the connection
 * closed rather than waiting forever. Runs on the shared timer thread while connections exist.
 */
final class SocketWatcher {
    /** How often readers are checked. */
    static final long PERIOD_MILLIS = 100;
    /** How long a read may stay unanswered after its caller's request ended before the connection is closed. */
    static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(5);

    private static final Set<SocketIo> OPEN = ConcurrentHashMap.newKeySet();
    private static ScheduledFuture<?> task;

    private SocketWatcher() {}

    /** Starts watching {@code io} (until {@link #forget}). */
    static void watch(SocketIo io) {
        OPEN.add(io);
        synchronized (SocketWatcher.class) { // held for a field check only, never while blocking
            if (task == null) {
                task = SocketThreads.timer().scheduleWithFixedDelay(SocketWatcher::checkAll,
                        PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Stops watching {@code io}. */
    static void forget(SocketIo io) {
        OPEN.remove(io);
    }

    private static void checkAll() {
        long now = System.nanoTime();
        for (SocketIo io : OPEN) {
            try {
                io.watch(now);
            } catch (RuntimeException e) {
                // one connection's trouble must not stop the others being watched
            }
        }
    }
}
