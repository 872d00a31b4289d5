package io.pgjet.cli.soak;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The soak's LEAK capture sees a buffer that was collected without being released. */
class NettyLeaksTest {
    @Test
    void aBufferCollectedWithoutReleaseIsReported() throws InterruptedException {
        NettyLeaks.install();
        int before = NettyLeaks.count();
        leakOne();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (NettyLeaks.count() == before && System.nanoTime() < deadline) {
            LeakProbes.provokeLeakReports();
        }
        assertTrue(NettyLeaks.count() > before, "a leaked buffer was not reported within 10 s");
        assertTrue(NettyLeaks.since(before).get(0).contains("LEAK"), NettyLeaks.since(before).get(0));
    }

    /** Allocates a buffer and drops it unreleased (in a frame of its own, so nothing holds it). */
    private static void leakOne() {
        ByteBuf leaked = ByteBufAllocator.DEFAULT.directBuffer(64);
        leaked.writeLong(42);
    }
}
