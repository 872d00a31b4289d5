package io.pgjet.internal.net;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The process-wide I/O threads every PgJet connection shares (one event loop per core, daemon
 * threads named {@code pgjet-io-N}), and a small pool for blocking work that must stay off them
 * (reading COPY sources, running listener callbacks).
 */
public final class NettyRuntime {
    /** Default budget, in microseconds, for which a waiting thread keeps checking before it sleeps. */
    public static final long DEFAULT_SPIN_MICROS = 100;
    private static final long SPIN_MICROS = Math.max(0, Long.getLong("pgjet.spinMicros", DEFAULT_SPIN_MICROS));
    private static final NettyRuntime SHARED = new NettyRuntime();

    private final EventLoopGroup group;
    private final ExecutorService blockingWork;

    private NettyRuntime() {
        int threads = Integer.getInteger("pgjet.ioThreads", Runtime.getRuntime().availableProcessors());
        group = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("pgjet-io", true),
                Transports.ioHandlerFactory());
        blockingWork = Executors.newCachedThreadPool(daemonThreads("pgjet-worker"));
    }

    /**
     * Returns how long, in microseconds, a thread waiting for a quick answer keeps checking (and
     * yielding) before it blocks: {@code -Dpgjet.spinMicros}, default {@value #DEFAULT_SPIN_MICROS}.
     */
    public static long spinMicros() {
        return SPIN_MICROS;
    }

    /** Returns the shared runtime. */
    public static NettyRuntime shared() {
        return SHARED;
    }

    /** Returns the event loop group connections run on. */
    public EventLoopGroup group() {
        return group;
    }

    /** Returns an executor for work that may block (never the I/O threads). */
    public ExecutorService blockingWork() {
        return blockingWork;
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
