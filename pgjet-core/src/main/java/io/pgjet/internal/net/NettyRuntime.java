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
    private static final NettyRuntime SHARED = new NettyRuntime();

    private final EventLoopGroup group;
    private final ExecutorService blockingWork;

    private NettyRuntime() {
        int threads = Integer.getInteger("pgjet.ioThreads", Runtime.getRuntime().availableProcessors());
        group = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("pgjet-io", true),
                Transports.ioHandlerFactory());
        blockingWork = Executors.newCachedThreadPool(daemonThreads("pgjet-worker"));
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
