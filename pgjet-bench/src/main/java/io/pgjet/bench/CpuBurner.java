package io.pgjet.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Other work on the machine, for measuring under load ({@code --burn N}): N daemon threads in
 * this JVM that keep a CPU busy each until {@link #close()} or a hard time limit, whichever comes
 * first, so a run that dies cannot leave them burning. Their CPU time counts in the bench JVM's
 * client CPU column; the per-operation figures subtract nothing, so compare ratios, not CPU,
 * between loaded and quiet runs.
 */
final class CpuBurner implements AutoCloseable {
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stop;

    /** Starts {@code count} burning threads (none for 0) that stop by themselves after {@code maxSeconds}. */
    CpuBurner(int count, long maxSeconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxSeconds);
        for (int i = 0; i < count; i++) {
            Thread thread = new Thread(() -> burn(deadline), "bench-cpu-burner-" + (i + 1));
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
    }

    private void burn(long deadline) {
        long x = 1;
        while (!stop && System.nanoTime() - deadline < 0) {
            for (int i = 0; i < 10_000; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
            }
        }
        if (x == 0) {
            System.out.print(""); // the result is used, so the loop is not optimised away
        }
    }

    /** Returns how many threads burn. */
    int count() {
        return threads.size();
    }

    @Override
    public void close() {
        stop = true;
        for (Thread thread : threads) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
