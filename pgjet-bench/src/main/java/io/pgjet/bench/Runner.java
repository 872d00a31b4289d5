package io.pgjet.bench;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Measures one opened {@link Job}: warms it up, then measures a window, recording each
 * operation's latency, the rows it moved, the bytes the working threads allocated and the CPU
 * the client, the server and the machine used ({@link CpuMeter}).
 * Not thread-safe; one run at a time.
 */
final class Runner {
    private static final int WARMUP = 0;
    private static final int MEASURE = 1;
    private static final int STOP = 2;
    /** How long to wait for in-flight work to finish after the window closes. */
    private static final long DRAIN_SECONDS = 120;

    private Runner() {
    }

    /** Runs {@code job} for {@code warmupNanos}, then measures it for {@code measureNanos}. */
    static Sample run(Job job, int round, long warmupNanos, long measureNanos) throws InterruptedException {
        if (job instanceof Job.Loop) {
            return runLoop((Job.Loop) job, round, warmupNanos, measureNanos);
        }
        if (job instanceof Job.Async) {
            return runAsync((Job.Async) job, round, warmupNanos, measureNanos);
        }
        return runBulk((Job.Bulk) job, round, warmupNanos, measureNanos);
    }

    private static Sample runLoop(Job.Loop job, int round, long warmupNanos, long measureNanos)
            throws InterruptedException {
        int threads = job.threads();
        LatencyHistogram latency = new LatencyHistogram();
        long[] ops = new long[threads];
        long[] rows = new long[threads];
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Phase state = new Phase();
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int index = t;
            workers[t] = new Thread(() -> {
                long myOps = 0;
                long myRows = 0;
                try {
                    while (state.value != STOP) {
                        long start = System.nanoTime();
                        long n = job.call(index);
                        long end = System.nanoTime();
                        if (state.value == MEASURE) {
                            latency.record(end - start);
                            state.measured.increment();
                            myOps++;
                            myRows += n;
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                    state.value = STOP;
                } finally {
                    ops[index] = myOps;
                    rows[index] = myRows;
                }
            }, "bench-worker-" + t);
            workers[t].setDaemon(true);
        }
        for (Thread w : workers) {
            w.start();
        }
        Window window = Window.open(state, warmupNanos, measureNanos);
        for (Thread w : workers) {
            w.join(TimeUnit.SECONDS.toMillis(DRAIN_SECONDS));
            if (w.isAlive()) {
                failure.compareAndSet(null, new IllegalStateException("a worker did not stop within "
                        + DRAIN_SECONDS + " s of the window closing"));
            }
        }
        if (failure.get() != null) {
            return Sample.failed(round, describe(failure.get()));
        }
        long totalOps = 0;
        long totalRows = 0;
        for (int t = 0; t < threads; t++) {
            totalOps += ops[t];
            totalRows += rows[t];
        }
        return new Sample(round, totalOps, totalRows, window.nanos, latency, window.allocated, -1, -1, -1, -1,
                window.cpu, null);
    }

    private static Sample runAsync(Job.Async job, int round, long warmupNanos, long measureNanos)
            throws InterruptedException {
        Phase state = new Phase();
        LatencyHistogram latency = new LatencyHistogram();
        LongAdder rows = new LongAdder();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        int chains = job.lanes() * job.depth();
        CountDownLatch finished = new CountDownLatch(chains);
        for (int lane = 0; lane < job.lanes(); lane++) {
            for (int d = 0; d < job.depth(); d++) {
                new Chain(job, lane, state, latency, rows, failure, finished).issue();
            }
        }
        Window window = Window.open(state, warmupNanos, measureNanos);
        if (!finished.await(DRAIN_SECONDS, TimeUnit.SECONDS)) {
            failure.compareAndSet(null, new IllegalStateException(finished.getCount()
                    + " requests still in flight " + DRAIN_SECONDS + " s after the window closed"));
        }
        if (failure.get() != null) {
            return Sample.failed(round, describe(failure.get()));
        }
        return new Sample(round, latency.count(), rows.sum(), window.nanos, latency, window.allocated,
                -1, -1, -1, -1, window.cpu, null);
    }

    private static Sample runBulk(Job.Bulk job, int round, long warmupNanos, long measureNanos) {
        LatencyHistogram latency = new LatencyHistogram();
        long[] totals = new long[4]; // ops, rows, nanos, allocated
        long[] heap = {-1, -1, -1};
        CpuMeter.Use[] cpu = {CpuMeter.Use.ZERO};
        AtomicReference<Throwable> failure = new AtomicReference<>();
        // A named worker, so the allocation meter counts this thread like the loop workers.
        Thread worker = new Thread(() -> {
            try {
                long warmEnd = System.nanoTime() + warmupNanos;
                while (System.nanoTime() < warmEnd) {
                    job.before();
                    job.verify(job.run());
                }
                AllocationMeter.Tracked tracked = AllocationMeter.track();
                HeapWatcher watcher = job.watchHeap() ? new HeapWatcher() : null;
                try {
                    long windowEnd = System.nanoTime() + measureNanos;
                    do {
                        job.before();
                        long[] a0 = tracked.read();
                        CpuMeter meter = CpuMeter.start();
                        long start = System.nanoTime();
                        long n = job.run();
                        long end = System.nanoTime();
                        CpuMeter.Use used = meter.stop();
                        long[] a1 = tracked.read();
                        job.verify(n);
                        latency.record(end - start);
                        totals[0]++;
                        totals[1] += n;
                        totals[2] += end - start;
                        totals[3] += AllocationMeter.Tracked.delta(a0, a1);
                        cpu[0] = cpu[0].plus(used);
                    } while (System.nanoTime() < windowEnd); // at least one operation, however slow
                } finally {
                    if (watcher != null) {
                        watcher.close();
                        heap[0] = watcher.peakUsed();
                        heap[1] = watcher.maxAfterGc();
                        heap[2] = watcher.baseline();
                    }
                }
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "bench-worker-bulk");
        worker.setDaemon(true);
        worker.start();
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Sample.failed(round, "interrupted");
        }
        if (failure.get() != null) {
            return Sample.failed(round, describe(failure.get()));
        }
        return new Sample(round, totals[0], totals[1], totals[2], latency,
                AllocationMeter.supported() ? totals[3] : -1, heap[0], heap[1], heap[2], -1, cpu[0], null);
    }

    /** Describes a failure in one line: the root cause's type and message. */
    static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root
                && (root.getMessage() == null || root instanceof java.util.concurrent.CompletionException
                        || root instanceof java.util.concurrent.ExecutionException)) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message.strip().replace('\n', ' '));
    }

    /** The shared phase flag of one run. */
    private static final class Phase {
        volatile int value = WARMUP;
        /** Operations completed inside the window so far. */
        final LongAdder measured = new LongAdder();
    }

    /** Waits out the warm-up, then measures the window and the allocations and CPU used in it. */
    private static final class Window {
        long nanos;
        long allocated;
        CpuMeter.Use cpu;

        static Window open(Phase state, long warmupNanos, long measureNanos) throws InterruptedException {
            Window w = new Window();
            sleepNanos(warmupNanos);
            // Track after warm-up: by then every driver thread that will do work exists.
            AllocationMeter.Tracked tracked = AllocationMeter.track();
            long[] a0 = tracked.read();
            CpuMeter meter = CpuMeter.start();
            long start = System.nanoTime();
            if (state.value != STOP) {
                state.value = MEASURE;
            }
            sleepNanos(measureNanos);
            // A window with no completed operation says nothing (an operation slower than the
            // window, e.g. a short smoke window on a busy machine): extend it, boundedly, until
            // one completes.
            long extendUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(DRAIN_SECONDS);
            while (state.value == MEASURE && state.measured.sum() == 0 && System.nanoTime() - extendUntil < 0) {
                sleepNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
            // Read the counters before STOP: loop workers end right after it, and a thread that
            // has ended has no allocation count any more (it read as 0 B/op).
            long[] a1 = tracked.read();
            w.cpu = meter.stop();
            state.value = STOP;
            w.nanos = System.nanoTime() - start;
            w.allocated = AllocationMeter.supported() ? AllocationMeter.Tracked.delta(a0, a1) : -1;
            return w;
        }

        private static void sleepNanos(long nanos) throws InterruptedException {
            long end = System.nanoTime() + nanos;
            long left;
            while ((left = end - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.sleep(left);
            }
        }
    }

    /** One request kept in flight: each completion records it and issues the next. */
    private static final class Chain implements Job.Done {
        private final Job.Async job;
        private final int lane;
        private final Phase state;
        private final LatencyHistogram latency;
        private final LongAdder rows;
        private final AtomicReference<Throwable> failure;
        private final CountDownLatch finished;
        private long start;

        Chain(Job.Async job, int lane, Phase state, LatencyHistogram latency, LongAdder rows,
                AtomicReference<Throwable> failure, CountDownLatch finished) {
            this.job = job;
            this.lane = lane;
            this.state = state;
            this.latency = latency;
            this.rows = rows;
            this.failure = failure;
            this.finished = finished;
        }

        void issue() {
            start = System.nanoTime();
            try {
                job.call(lane, this);
            } catch (Throwable e) {
                done(0, e);
            }
        }

        @Override
        public void done(long n, Throwable error) {
            if (error != null) {
                failure.compareAndSet(null, error);
                state.value = STOP;
                finished.countDown();
                return;
            }
            if (state.value == MEASURE) {
                latency.record(System.nanoTime() - start);
                state.measured.increment();
                rows.add(n);
            }
            if (state.value == STOP) {
                finished.countDown();
            } else {
                issue();
            }
        }
    }
}
