package io.pgjet.internal.net;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The process-wide I/O threads every PgJet connection shares (event loops, daemon threads named
 * {@code pgjet-io-N}; each new connection goes to the one serving the fewest), and a small pool for blocking work that must stay off them
 * (reading COPY sources, running listener callbacks).
 */
public final class NettyRuntime {
    /** The fewest I/O threads PgJet starts by default, whatever the core count. */
    public static final int MIN_IO_THREADS = 8;
    /** Default budget, in microseconds, for which a waiting thread keeps checking before it sleeps. */
    public static final long DEFAULT_SPIN_MICROS = 100;
    private static final long SPIN_MICROS = Math.max(0, Long.getLong("pgjet.spinMicros", DEFAULT_SPIN_MICROS));
    private static final NettyRuntime SHARED = new NettyRuntime();

    private final EventLoopGroup group;
    private final LeastLoadedLoops loops;
    private final ExecutorService blockingWork;

    private NettyRuntime() {
        int threads = Integer.getInteger("pgjet.ioThreads", defaultIoThreads(Runtime.getRuntime().availableProcessors()));
        group = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("pgjet-io", true),
                Transports.ioHandlerFactory());
        loops = new LeastLoadedLoops(group);
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

    /**
     * Returns the I/O thread for a new connection, the one serving the fewest open connections,
     * and counts the connection there until {@code channel} closes.
     */
    EventLoop loopForNewConnection() {
        return loops.choose();
    }

    /** Counts {@code channel}, created on {@code loop} from {@link #loopForNewConnection}, out when it closes. */
    void releaseOnClose(Channel channel, EventLoop loop) {
        loops.releaseOnClose(channel, loop);
    }

    /** Returns the I/O threads (for tests that inspect them). */
    EventLoopGroup ioThreads() {
        return group;
    }

    /** Returns how many open connections each I/O thread serves (for tests). */
    int[] openConnectionsPerLoop() {
        return loops.openCounts();
    }

    /**
     * Returns the default number of I/O threads: twice the cores, as Netty and Vert.x default to,
     * but at least {@value #MIN_IO_THREADS}. Why the floor: connections are spread so that each
     * has a thread of its own while there are threads to spare, and a request/response connection
     * with its own thread is answered sooner — the kernel hands the CPU straight between that
     * thread and its server process — than one sharing a thread with busy neighbours. On a
     * 2-vCPU machine, 8 connections with one query in flight each went from 0.81-0.99x pgjdbc on 2
     * threads to 0.89-1.19x on 8 in paired runs (guide, section 5). An idle I/O thread costs a
     * sleeping thread.
     */
    static int defaultIoThreads(int cores) {
        return Math.max(MIN_IO_THREADS, 2 * cores);
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
