package io.pgjet.internal.net;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Chooses the I/O thread for a new connection: the one serving the fewest open connections
 * (ties broken round-robin).
 *
 * <p>Why not Netty's plain round-robin: it counts connections ever opened, not connections open,
 * so after some churn two busy connections can share a thread while another thread idles. A
 * PostgreSQL connection is request/response: when each of a small pool's connections has a thread
 * of its own, the kernel can hand the CPU back and forth between that thread and its server
 * process (as it does for a blocking driver's threads), instead of one thread serving several
 * servers in turn while they sleep. Thread-safe.
 */
final class LeastLoadedLoops {
    private final EventLoop[] loops;
    private final AtomicIntegerArray open;
    private final AtomicInteger nextTie = new AtomicInteger();

    LeastLoadedLoops(EventLoopGroup group) {
        List<EventLoop> found = new ArrayList<>();
        for (EventExecutor executor : group) {
            found.add((EventLoop) executor);
        }
        this.loops = found.toArray(new EventLoop[0]);
        this.open = new AtomicIntegerArray(loops.length);
    }

    /**
     * Returns the loop with the fewest open connections and counts one more on it; the count drops
     * when {@link #releaseOnClose} sees the channel close. Two racing callers may pick the same loop, which
     * only costs balance, never correctness.
     */
    EventLoop choose() {
        int start = Math.floorMod(nextTie.getAndIncrement(), loops.length);
        int best = start;
        for (int k = 1; k < loops.length; k++) {
            int i = (start + k) % loops.length;
            if (open.get(i) < open.get(best)) {
                best = i;
            }
        }
        open.incrementAndGet(best);
        return loops[best];
    }

    /**
     * Takes the count {@link #choose} added for {@code loop} back when {@code channel}, created for
     * that loop, closes (including a channel whose connect or registration failed).
     */
    void releaseOnClose(Channel channel, EventLoop loop) {
        int index = indexOf(loop);
        channel.closeFuture().addListener(closed -> open.decrementAndGet(index));
    }

    /** Returns how many open connections each loop serves, in loop order (for tests). */
    int[] openCounts() {
        int[] counts = new int[loops.length];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = open.get(i);
        }
        return counts;
    }

    private int indexOf(EventLoop loop) {
        for (int i = 0; i < loops.length; i++) {
            if (loops[i] == loop) {
                return i;
            }
        }
        throw new IllegalArgumentException("not one of PgJet's I/O threads: " + loop);
    }
}
