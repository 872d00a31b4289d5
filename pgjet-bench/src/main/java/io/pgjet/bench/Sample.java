package io.pgjet.bench;

/**
 * What one measured run of one case produced (one round).
 *
 * @param round the round number, from 1
 * @param ops operations completed in the measured window
 * @param rows rows produced or consumed by those operations
 * @param nanos the measured time: the window for loop and async jobs, the sum of the timed
 *     operations for bulk jobs
 * @param latency per-operation latencies of the measured operations
 * @param allocatedBytes bytes allocated by the working threads during the measured operations,
 *     or -1 when unknown
 * @param peakHeapBytes highest heap use seen (bulk jobs that watch the heap), or -1
 * @param liveHeapBytes most heap in use right after a GC during the run, or -1
 * @param baselineHeapBytes heap in use after a full GC before the run, or -1
 * @param avgLatencyNanos average latency when only an average is known (pgbench), or -1
 * @param cpu CPU used by the client, the local server and the machine during the measured
 *     operations ({@link CpuMeter.Use#UNKNOWN} when not measured)
 * @param error what went wrong, or null
 */
public record Sample(int round, long ops, long rows, long nanos, LatencyHistogram latency, long allocatedBytes,
        long peakHeapBytes, long liveHeapBytes, long baselineHeapBytes, long avgLatencyNanos, CpuMeter.Use cpu,
        String error) {

    /** Returns a sample that records a failure. */
    public static Sample failed(int round, String error) {
        return new Sample(round, 0, 0, 0, new LatencyHistogram(), -1, -1, -1, -1, -1, CpuMeter.Use.UNKNOWN,
                error);
    }

    /** Returns operations per second. */
    public double opsPerSecond() {
        return nanos <= 0 ? 0 : ops * 1e9 / nanos;
    }

    /** Returns rows per second. */
    public double rowsPerSecond() {
        return nanos <= 0 ? 0 : rows * 1e9 / nanos;
    }
}
