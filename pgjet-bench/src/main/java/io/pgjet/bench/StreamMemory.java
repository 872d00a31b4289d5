package io.pgjet.bench;

import io.pgjet.Connection;
import io.pgjet.PgJet;
import io.pgjet.Row;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Reads a large result through {@code Connection.stream} (no transaction) and reports the heap it
 * took: the proof that streaming runs in constant memory, for {@code docs/BENCHMARKS.md}. Run it
 * with a small heap, so a buffered result would fail with OutOfMemoryError instead of passing:
 * {@code PGJET_BENCH_JAVA_OPTS=-Xmx64m ./pgjet bench --stream-memory 10000000 1000} (10 M rows of
 * 1000 characters, about 10 GB).
 */
final class StreamMemory {
    private static final long SAMPLE_MILLIS = 5;

    private StreamMemory() {
    }

    /** Streams {@code args[0]} rows of {@code args[1]} characters from an embedded server and prints the figures. */
    static void run(String[] args) throws Exception {
        long rows = Long.parseLong(args[0]);
        int width = Integer.parseInt(args[1]);
        System.out.println("starting an embedded PostgreSQL with the test kit ...");
        try (BenchTarget target = BenchTarget.startEmbedded()) {
            System.out.println(measure(target, rows, width));
        }
    }

    /**
     * Streams {@code rows} rows of {@code width} characters from {@code target} and describes
     * what it took; throws {@link CheckFailedException} if a row went missing.
     */
    static String measure(BenchTarget target, long rows, int width) throws Exception {
        try (Connection conn = PgJet.connect(target.pgjetDsn())) {
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            System.gc();
            long baseline = memory.getHeapMemoryUsage().getUsed();
            AtomicLong peak = new AtomicLong(baseline);
            Thread sampler = new Thread(() -> sample(memory, peak), "stream-memory-sampler");
            sampler.setDaemon(true);
            sampler.start();
            long start = System.nanoTime();
            long count = 0;
            long bytes = 0;
            try (Stream<Row> stream = conn.stream(
                    "select g, repeat('x', $2) from generate_series(1, $1::bigint) g", rows, width)) {
                Iterator<Row> it = stream.iterator();
                while (it.hasNext()) {
                    Row row = it.next();
                    count++;
                    bytes += Long.BYTES + row.getString(1).length();
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            sampler.interrupt();
            if (count != rows) {
                throw new CheckFailedException("streamed " + count + " rows, expected " + rows);
            }
            return String.format("streamed %,d rows, %.2f GB of values, in %.1f s (%.0f MB/s); heap: baseline %.1f MiB,"
                    + " peak used %.1f MiB, max %d MiB", count, bytes / 1e9, seconds, bytes / 1e6 / seconds,
                    baseline / 1048576.0, peak.get() / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576);
        }
    }

    private static void sample(MemoryMXBean memory, AtomicLong peak) {
        while (!Thread.currentThread().isInterrupted()) {
            peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
