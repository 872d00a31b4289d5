package io.pgjet.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * Sums the bytes allocated by the threads that do a benchmark's work: the runner's own workers
 * ({@code bench-worker-*}) and the drivers' I/O and helper threads, found by name prefix. Uses
 * {@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes}, which counts TLAB and direct
 * allocations per thread, not garbage collected.
 *
 * <p>The set of threads is fixed by {@link #track()}; threads started later are not counted, so
 * track after warm-up, when drivers have started their threads.
 */
public final class AllocationMeter {
    /** Thread name prefixes counted as doing benchmark work. */
    public static final List<String> PREFIXES = List.of(
            "bench-worker-", // the runner's threads calling blocking drivers
            "pgjet-io-", // PgJet's Netty event loops
            "pgjet-worker-", // PgJet's helper pool (COPY source pump)
            "vert.x-eventloop-thread-", // vertx event loops
            "reactor-tcp-"); // reactor-netty's event loops (r2dbc-postgresql)

    private static final com.sun.management.ThreadMXBean THREADS = threadBean();

    private AllocationMeter() {
    }

    private static com.sun.management.ThreadMXBean threadBean() {
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        if (bean.isThreadAllocatedMemorySupported() && !bean.isThreadAllocatedMemoryEnabled()) {
            bean.setThreadAllocatedMemoryEnabled(true);
        }
        return bean;
    }

    /** Returns whether this JVM can count allocations per thread. */
    public static boolean supported() {
        return THREADS.isThreadAllocatedMemorySupported() && THREADS.isThreadAllocatedMemoryEnabled();
    }

    /** Finds the live threads whose names start with one of {@link #PREFIXES}. */
    public static Tracked track() {
        long[] ids = THREADS.getAllThreadIds();
        ThreadInfo[] infos = THREADS.getThreadInfo(ids);
        List<Long> chosen = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (ThreadInfo info : infos) {
            if (info == null) {
                continue;
            }
            for (String prefix : PREFIXES) {
                if (info.getThreadName().startsWith(prefix)) {
                    chosen.add(info.getThreadId());
                    names.add(info.getThreadName());
                    break;
                }
            }
        }
        long[] result = new long[chosen.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = chosen.get(i);
        }
        return new Tracked(result, names);
    }

    /** A fixed set of threads whose allocation counters can be read cheaply and repeatedly. */
    public static final class Tracked {
        private final long[] ids;
        private final List<String> names;

        Tracked(long[] ids, List<String> names) {
            this.ids = ids;
            this.names = List.copyOf(names);
        }

        /** Returns the tracked threads' names. */
        public List<String> names() {
            return names;
        }

        /**
         * Returns the tracked threads' allocation counters; pass two readings to {@link #delta}.
         * Allocates one small array in the calling thread.
         */
        public long[] read() {
            return ids.length == 0 ? new long[0] : THREADS.getThreadAllocatedBytes(ids);
        }

        /** Returns the bytes allocated between two readings, ignoring threads that ended. */
        public static long delta(long[] before, long[] after) {
            long sum = 0;
            for (int i = 0; i < before.length; i++) {
                if (before[i] >= 0 && after[i] >= before[i]) {
                    sum += after[i] - before[i];
                }
            }
            return sum;
        }
    }
}
