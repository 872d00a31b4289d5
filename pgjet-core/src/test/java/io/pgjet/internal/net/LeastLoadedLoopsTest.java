package io.pgjet.internal.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.netty.channel.EventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.nio.NioIoHandler;
import io.pgjet.AsyncConnection;
import io.pgjet.PgJet;
import io.pgjet.testkit.PgTestServer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** New connections go to the I/O thread serving the fewest open connections. */
class LeastLoadedLoopsTest {
    private static MultiThreadIoEventLoopGroup group;

    @BeforeAll
    static void startGroup() {
        group = new MultiThreadIoEventLoopGroup(4, NioIoHandler.newFactory());
    }

    @AfterAll
    static void stopGroup() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void asManyConnectionsAsLoopsEachGetALoopOfTheirOwn() {
        LeastLoadedLoops loops = new LeastLoadedLoops(group);
        Set<EventLoop> chosen = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            chosen.add(loops.choose());
        }
        assertEquals(4, chosen.size());
        assertArrayEquals(new int[] {1, 1, 1, 1}, loops.openCounts());
    }

    @Test
    void moreConnectionsThanLoopsAreSpreadEvenly() {
        LeastLoadedLoops loops = new LeastLoadedLoops(group);
        for (int i = 0; i < 10; i++) {
            loops.choose();
        }
        int[] counts = loops.openCounts();
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (int c : counts) {
            min = Math.min(min, c);
            max = Math.max(max, c);
        }
        assertEquals(10, counts[0] + counts[1] + counts[2] + counts[3]);
        assertEquals(1, max - min, "10 connections over 4 loops: 3, 3, 2, 2 in some order");
    }

    @Test
    void aClosedConnectionFreesItsLoopForTheNextOne() {
        LeastLoadedLoops loops = new LeastLoadedLoops(group);
        List<EventLoop> chosen = new ArrayList<>();
        List<EmbeddedChannel> channels = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            EventLoop loop = loops.choose();
            EmbeddedChannel channel = new EmbeddedChannel();
            loops.releaseOnClose(channel, loop);
            chosen.add(loop);
            channels.add(channel);
        }
        channels.get(2).close();
        assertEquals(0, loops.openCounts()[indexOf(chosen.get(2))]);
        assertSame(chosen.get(2), loops.choose(), "the only loop with no open connection");
        assertNotSame(chosen.get(2), loops.choose(), "now every loop has one; the freed one is not special");
    }

    private static int indexOf(EventLoop loop) {
        int i = 0;
        for (var executor : group) {
            if (executor == loop) {
                return i;
            }
            i++;
        }
        throw new AssertionError("not in the group");
    }

    @Test
    void defaultIoThreadsAreTwicePerCoreAndAtLeastEight() {
        assertEquals(8, NettyRuntime.defaultIoThreads(1));
        assertEquals(8, NettyRuntime.defaultIoThreads(2));
        assertEquals(8, NettyRuntime.defaultIoThreads(4));
        assertEquals(32, NettyRuntime.defaultIoThreads(16));
    }

    @Test
    void realConnectionsGetDistinctIoThreadsAndReuseAFreedOne() throws Exception {
        assertEquals("OK 4 distinct, freed loop reused",
                ChildJvm.lastLine(Child.class, List.of("-Dpgjet.ioThreads=4"), PgTestServer.shared().dsn()));
    }

    /** Runs in a child JVM with 4 I/O threads and no other connection. */
    public static final class Child {
        private Child() {
        }

        /** Prints "OK 4 distinct, freed loop reused" when the threads were chosen as promised. */
        public static void main(String[] args) throws Exception {
            List<AsyncConnection> connections = new ArrayList<>();
            List<String> threads = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                AsyncConnection connection = PgJet.connectAsync(args[0]).get(30, TimeUnit.SECONDS);
                connections.add(connection);
                threads.add(ioThreadOf(connection));
            }
            if (new HashSet<>(threads).size() != 4) {
                throw new AssertionError("4 connections on 4 I/O threads shared some: " + threads);
            }
            connections.get(1).closeAsync().get(30, TimeUnit.SECONDS);
            waitUntilOneLoopIsFree(NettyRuntime.shared());
            AsyncConnection replacement = PgJet.connectAsync(args[0]).get(30, TimeUnit.SECONDS);
            String thread = ioThreadOf(replacement);
            if (!thread.equals(threads.get(1))) {
                throw new AssertionError("the new connection went to " + thread + ", not the free " + threads.get(1));
            }
            System.out.println("OK 4 distinct, freed loop reused");
            System.exit(0);
        }

        /**
         * Returns the name of the connection's I/O thread, the thread its futures complete on. A
         * callback attached after the future completed runs on the caller instead, so the query
         * sleeps a little and a callback that still ran here is retried.
         */
        private static String ioThreadOf(AsyncConnection connection) throws Exception {
            for (int attempt = 0; attempt < 20; attempt++) {
                String name = connection.fetchVal("select pg_sleep(0.02)")
                        .thenApply(v -> Thread.currentThread().getName()).get(30, TimeUnit.SECONDS);
                if (name.startsWith("pgjet-io-")) {
                    return name;
                }
            }
            throw new AssertionError("no callback ran on an I/O thread in 20 attempts");
        }

        private static void waitUntilOneLoopIsFree(NettyRuntime runtime) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (Arrays.stream(runtime.openConnectionsPerLoop()).min().getAsInt() != 0) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("open connections per loop: "
                            + Arrays.toString(runtime.openConnectionsPerLoop()));
                }
                Thread.sleep(10);
            }
        }
    }
}
