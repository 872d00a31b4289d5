package io.pgjet.cli.soak;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import io.netty.buffer.PooledByteBufAllocator;
import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a soak measures before and after, to find what it left behind: PgJet threads, file
 * descriptors, direct memory. (Netty buffer leaks are {@link NettyLeaks}'; server sessions are
 * counted by the run over SQL.)
 */
final class LeakProbes {
    private LeakProbes() {}

    /**
     * One look at the process.
     *
     * @param threads names of live PgJet threads
     * @param fileDescriptors open descriptors ({@code /proc/self/fd}), -1 where there is no such view
     * @param nettyDirect direct memory Netty's default allocator holds (its chunks, used or cached)
     * @param nettyPooledDirect direct memory the pooled allocator holds
     * @param nettyPooledPinned direct memory of the pooled allocator's buffers still in use
     * @param jvmDirect memory of the JVM's direct buffers ({@code BufferPoolMXBean} "direct")
     */
    record Snapshot(Set<String> threads, long fileDescriptors, long nettyDirect, long nettyPooledDirect,
            long nettyPooledPinned, long jvmDirect) {}

    static Snapshot take() {
        ByteBufAllocator alloc = ByteBufAllocator.DEFAULT;
        long nettyDirect = alloc instanceof ByteBufAllocatorMetricProvider m ? m.metric().usedDirectMemory() : -1;
        PooledByteBufAllocator pooled = PooledByteBufAllocator.DEFAULT;
        return new Snapshot(pgjetThreads(), openFileDescriptors(), nettyDirect, pooled.metric().usedDirectMemory(),
                pooled.pinnedDirectMemory(), jvmDirect());
    }

    static Set<String> pgjetThreads() {
        Set<String> names = new HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && t.getName().startsWith("pgjet")) {
                names.add(t.getName());
            }
        }
        return names;
    }

    /**
     * PgJet threads not in {@code before} that are doing something (not parked waiting for a
     * task). PgJet's helper and callback threads are cached pools the JDK shrinks after 60 s
     * idle: a new idle one is no leak; a thread held by a closed connection would be busy.
     */
    static List<String> busyNewThreads(Set<String> before) {
        List<String> busy = new ArrayList<>();
        Thread.getAllStackTraces().forEach((t, stack) -> {
            if (t.isAlive() && t.getName().startsWith("pgjet") && !before.contains(t.getName())
                    && Stream.of(stack).noneMatch(LeakProbes::waitingForWork)) {
                busy.add(t.getName() + " at " + (stack.length > 0 ? stack[0] : "?"));
            }
        });
        return busy;
    }

    /** Whether a frame shows a pooled thread waiting for its next task, or an event loop in its selector. */
    private static boolean waitingForWork(StackTraceElement f) {
        String c = f.getClassName();
        String m = f.getMethodName();
        return c.equals("java.util.concurrent.ThreadPoolExecutor") && m.equals("getTask")
                || c.startsWith("io.netty.channel.") && (m.contains("Wait") || m.equals("select"))
                || c.startsWith("sun.nio.ch.") && (m.startsWith("poll") || m.equals("select"));
    }

    static long openFileDescriptors() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        } catch (IOException | UnsupportedOperationException e) {
            return -1;
        }
    }

    private static long jvmDirect() {
        for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            if (pool.getName().equals("direct")) {
                return pool.getMemoryUsed();
            }
        }
        return -1;
    }

    /**
     * Lets Netty's leak detector report what the collector found: it looks at collected buffers
     * only when a new one is allocated, so this collects and allocates a few times.
     */
    static void provokeLeakReports() throws InterruptedException {
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(20);
            ByteBuf probe = ByteBufAllocator.DEFAULT.buffer(8);
            probe.release();
            ByteBuf heap = PooledByteBufAllocator.DEFAULT.heapBuffer(8);
            heap.release();
        }
    }
}
