package io.pgjet.internal.net;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.function.BooleanSupplier;

/**
 * Decides whether a waiting thread may keep checking for a quick answer (yielding between
 * checks) instead of sleeping at once. Checking wins on a machine with idle CPUs — the answer is
 * picked up without a wake-up — and loses on a busy one: every check then takes CPU time from
 * the very server the thread waits for. So checking is skipped:
 * <ul>
 *   <li>while the machine is busy: more threads are runnable than there are CPUs right now, or
 *       on average over about the last second (Linux {@code /proc/loadavg}'s run-queue count,
 *       read at most every {@value #LOAD_REFRESH_MILLIS} ms and averaged here). The momentary
 *       count alone misses a steady load now and then — it is one sample of a queue that comes
 *       and goes — and a check in such a gap is costly: yielding on a machine full of runnable
 *       work can hand the CPU to another process for a whole scheduler slice (milliseconds);
 *       8 connections' I/O threads ran at half speed under other processes' builds until the
 *       average was asked too. The kernel's own one-minute load average would do, but it
 *       lags a minute behind a load that has gone, and polling would stay off that long;</li>
 *   <li>for a while after checks stopped paying: each {@link Budget} counts whether its checks
 *       found the answer, and after {@value #MISSES_TO_BACK_OFF} misses in a row it sleeps
 *       directly for the next {@value #BACK_OFF_WAITS} waits before it tries again.</li>
 * </ul>
 * Thread-safe; the shared machine reading costs a volatile read per wait.
 */
public final class SpinPolicy {
    static final long LOAD_REFRESH_MILLIS = 100;
    static final int MISSES_TO_BACK_OFF = 8;
    static final int BACK_OFF_WAITS = 256;
    private static final Path LOADAVG = Paths.get("/proc/loadavg");
    private static final int CPUS = Runtime.getRuntime().availableProcessors();
    private static final boolean READABLE = Files.isReadable(LOADAVG);

    /** The time constant of the run-queue average: about a second. */
    private static final double AVERAGE_NANOS = 1e9;

    private static volatile long nextRefresh;
    private static volatile boolean busy;
    private static volatile double recentRunnable;
    private static volatile long lastReading;

    private SpinPolicy() {}

    /**
     * Returns whether more threads are runnable than the machine has CPUs, now or on average over
     * about the last second (false where that cannot be read).
     */
    public static boolean machineBusy() {
        if (!READABLE) {
            return false;
        }
        long now = System.nanoTime();
        if (now - nextRefresh >= 0) {
            // Races between threads refreshing at once only cost a reading.
            nextRefresh = now + LOAD_REFRESH_MILLIS * 1_000_000;
            int runnable = runnableThreads();
            double average = lastReading == 0 ? runnable : averaged(recentRunnable, runnable, now - lastReading);
            recentRunnable = average;
            lastReading = now;
            busy = runnable > CPUS || average > CPUS;
        }
        return busy;
    }

    /**
     * The run-queue average after a new reading of {@code runnable}, {@code elapsedNanos} after
     * the previous one: exponential, with a time constant of about a second.
     */
    static double averaged(double average, int runnable, long elapsedNanos) {
        double weight = 1 - Math.exp(-elapsedNanos / AVERAGE_NANOS);
        return average + weight * (runnable - average);
    }

    /** Returns the runnable threads on the machine, the waiting one included, or 0 if unknown. */
    static int runnableThreads() {
        return runnable(readLoadavg());
    }

    /**
     * The runnable count of a {@code /proc/loadavg} line ("0.52 0.58 0.59 3/467 12345": load
     * averages, runnable/total scheduling entities, last pid), or 0 if it cannot be read.
     */
    static int runnable(String loadavg) {
        try {
            String[] fields = loadavg.trim().split("\\s+");
            return Integer.parseInt(fields[3].substring(0, fields[3].indexOf('/')));
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private static String readLoadavg() {
        try {
            return new String(Files.readAllBytes(LOADAVG), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * One waiter's checking budget and record (an I/O thread's, or a blocking caller's). Not
     * thread-safe: one per thread, or races only cost an extra check or sleep.
     */
    public static final class Budget {
        private final long budgetNanos;
        private final BooleanSupplier busy;
        private int misses;
        private int skip;

        /** Creates a budget of {@code budgetNanos} per wait (0 turns checking off). */
        public Budget(long budgetNanos) {
            this(budgetNanos, SpinPolicy::machineBusy);
        }

        /** Creates a budget that asks {@code busy} whether the machine is busy (tests pin it). */
        Budget(long budgetNanos, BooleanSupplier busy) {
            this.budgetNanos = budgetNanos;
            this.busy = busy;
        }

        /** Returns how long this wait may check before sleeping: 0 when it should sleep at once. */
        public long nanosForThisWait() {
            if (budgetNanos <= 0) {
                return 0;
            }
            if (skip > 0) {
                skip--;
                return 0;
            }
            return busy.getAsBoolean() ? 0 : budgetNanos;
        }

        /** Records how a wait that checked ended: {@code paid} when the answer came within the budget. */
        public void record(boolean paid) {
            if (paid) {
                misses = 0;
            } else if (++misses >= MISSES_TO_BACK_OFF) {
                misses = 0;
                skip = BACK_OFF_WAITS;
            }
        }
    }
}
