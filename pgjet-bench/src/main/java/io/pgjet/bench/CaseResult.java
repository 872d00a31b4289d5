package io.pgjet.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Everything measured for one driver on one workload at one parameter, across rounds: the samples,
 * or why the driver has no number for it. Throughput is the median of the rounds; latency
 * percentiles come from all rounds' operations together. Filled by one thread.
 */
public final class CaseResult {
    private final Workload workload;
    private final int param;
    private final DriverId driver;
    private final List<Sample> samples = new ArrayList<>();
    private String unsupported;
    private String how;
    private String note;

    CaseResult(Workload workload, int param, DriverId driver) {
        this.workload = workload;
        this.param = param;
        this.driver = driver;
    }

    /** Returns the workload. */
    public Workload workload() {
        return workload;
    }

    /** Returns the parameter (connections or depth; 0 when the workload has none). */
    public int param() {
        return param;
    }

    /** Returns the driver. */
    public DriverId driver() {
        return driver;
    }

    /** Returns the samples, one per round that ran. */
    public List<Sample> samples() {
        return samples;
    }

    /** Returns why there is no number, or null when the driver runs this case. */
    public String unsupported() {
        return unsupported;
    }

    /** Returns how the driver did the work, or null. */
    public String how() {
        return how;
    }

    /** Returns a caveat (e.g. an interim API), or null. */
    public String note() {
        return note;
    }

    void markUnsupported(String reason) {
        this.unsupported = reason;
    }

    void describe(String how, String note) {
        if (how != null) {
            this.how = how;
        }
        if (note != null) {
            this.note = note;
        }
    }

    void add(Sample sample) {
        samples.add(sample);
    }

    /** Returns the first failure, or null when every round succeeded. */
    public String error() {
        for (Sample s : samples) {
            if (s.error() != null) {
                return "round " + s.round() + ": " + s.error();
            }
        }
        return null;
    }

    /** Returns whether at least one round produced a number and none failed. */
    public boolean ok() {
        return unsupported == null && !samples.isEmpty() && error() == null;
    }

    private double[] rates() {
        return samples.stream().filter(s -> s.error() == null)
                .mapToDouble(s -> workload.countsRows() ? s.rowsPerSecond() : s.opsPerSecond()).sorted().toArray();
    }

    /** Returns the median throughput over rounds in {@link Workload#unit()}, or NaN. */
    public double rate() {
        double[] r = rates();
        if (r.length == 0) {
            return Double.NaN;
        }
        return r.length % 2 == 1 ? r[r.length / 2] : (r[r.length / 2 - 1] + r[r.length / 2]) / 2;
    }

    /** Returns the lowest round's throughput, or NaN. */
    public double minRate() {
        double[] r = rates();
        return r.length == 0 ? Double.NaN : r[0];
    }

    /** Returns the highest round's throughput, or NaN. */
    public double maxRate() {
        double[] r = rates();
        return r.length == 0 ? Double.NaN : r[r.length - 1];
    }

    /** Returns each successful round's throughput, in round order. */
    public double[] roundRates() {
        return samples.stream().filter(s -> s.error() == null)
                .mapToDouble(s -> workload.countsRows() ? s.rowsPerSecond() : s.opsPerSecond()).toArray();
    }

    /** Returns (max - min) / median over rounds, or NaN with fewer than two rounds. */
    public double spread() {
        double[] r = rates();
        return r.length < 2 ? Double.NaN : (r[r.length - 1] - r[0]) / rate();
    }

    private LatencyHistogram latency() {
        LatencyHistogram all = new LatencyHistogram();
        for (Sample s : samples) {
            if (s.error() == null) {
                all.addAll(s.latency());
            }
        }
        return all;
    }

    /** Returns the median operation latency in nanoseconds, or -1 when not recorded. */
    public long p50() {
        LatencyHistogram h = latency();
        return h.count() == 0 ? -1 : h.quantile(0.50);
    }

    /** Returns the 99th percentile operation latency in nanoseconds, or -1 when not recorded. */
    public long p99() {
        LatencyHistogram h = latency();
        return h.count() == 0 ? -1 : h.quantile(0.99);
    }

    /** Returns the average latency pgbench reported (per transaction), or -1. */
    public long averageLatency() {
        return (long) samples.stream().filter(s -> s.error() == null && s.avgLatencyNanos() >= 0)
                .mapToLong(Sample::avgLatencyNanos).average().orElse(-1);
    }

    /** Returns the operations measured over all rounds. */
    public long totalOps() {
        return samples.stream().filter(s -> s.error() == null).mapToLong(Sample::ops).sum();
    }

    /** Returns the rows measured over all rounds. */
    public long totalRows() {
        return samples.stream().filter(s -> s.error() == null).mapToLong(Sample::rows).sum();
    }

    private long totalAllocated() {
        long sum = 0;
        for (Sample s : samples) {
            if (s.error() == null) {
                if (s.allocatedBytes() < 0) {
                    return -1;
                }
                sum += s.allocatedBytes();
            }
        }
        return sum;
    }

    /** Returns bytes allocated per operation by the working threads, or NaN when unknown. */
    public double bytesPerOp() {
        long bytes = totalAllocated();
        long ops = totalOps();
        return bytes < 0 || ops == 0 || driver == DriverId.PGBENCH ? Double.NaN : (double) bytes / ops;
    }

    /** Returns bytes allocated per row by the working threads, or NaN when unknown. */
    public double bytesPerRow() {
        long bytes = totalAllocated();
        long rows = totalRows();
        return bytes < 0 || rows == 0 || driver == DriverId.PGBENCH ? Double.NaN : (double) bytes / rows;
    }

    private CpuMeter.Use totalCpu() {
        CpuMeter.Use sum = CpuMeter.Use.ZERO;
        for (Sample s : samples) {
            if (s.error() == null) {
                sum = sum.plus(s.cpu());
            }
        }
        return samples.isEmpty() ? CpuMeter.Use.UNKNOWN : sum;
    }

    private long units() {
        return workload.countsRows() ? totalRows() : totalOps();
    }

    /**
     * Returns this JVM's CPU time per operation (or per row, for workloads counted in rows) in
     * nanoseconds, over all rounds; NaN when unknown or not a JVM client (pgbench).
     */
    public double clientCpuPerUnit() {
        long nanos = totalCpu().clientNanos();
        return nanos < 0 || units() == 0 || driver == DriverId.PGBENCH ? Double.NaN : (double) nanos / units();
    }

    /**
     * Returns the local PostgreSQL processes' CPU time per operation (or per row) in nanoseconds,
     * over all rounds; NaN when unknown (no local server visible, or pgbench).
     */
    public double serverCpuPerUnit() {
        long nanos = totalCpu().serverNanos();
        return nanos < 0 || units() == 0 || driver == DriverId.PGBENCH ? Double.NaN : (double) nanos / units();
    }

    /** Returns the share of the machine's CPU that was busy during the measured operations, or NaN. */
    public double machineBusy() {
        return driver == DriverId.PGBENCH ? Double.NaN : totalCpu().machineBusy();
    }

    /** Returns the highest heap use seen over the rounds, or -1 when not watched. */
    public long peakHeap() {
        return samples.stream().mapToLong(Sample::peakHeapBytes).max().orElse(-1);
    }

    /** Returns the most heap in use right after a GC over the rounds, or -1. */
    public long liveHeap() {
        return samples.stream().mapToLong(Sample::liveHeapBytes).max().orElse(-1);
    }

    /** Returns the heap in use before the runs (after a full GC), or -1. */
    public long baselineHeap() {
        return samples.stream().mapToLong(Sample::baselineHeapBytes).max().orElse(-1);
    }

    @Override
    public String toString() {
        return workload.id() + " " + workload.paramLabel(param) + " " + driver.id() + " "
                + (unsupported != null ? "n/a" : Arrays.toString(roundRates()));
    }
}
