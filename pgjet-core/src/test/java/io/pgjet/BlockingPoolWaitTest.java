package io.pgjet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.testkit.FaultProxy;
import io.pgjet.testkit.PgTestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * How blocking callers wait for the {@link Pool}: a thread still running may take a connection
 * given back while others wait (no kernel wake-up per borrow), but never so that a waiter starves,
 * a free connection sits unused while someone waits, or a waiter outlives its timeout,
 * interrupt or the pool's close.
 */
class BlockingPoolWaitTest {
    private static final String DSN = PgTestServer.shared().dsn();

    private static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(5);
        }
    }

    @Test
    void aWaiterIsServedSoonEvenWhileOtherThreadsKeepTakingTheConnectionBack() throws Exception {
        try (Pool pool = PgJet.createPool(DSN, PoolOptions.DEFAULT.withSize(1, 1))) {
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> hammers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Thread t = new Thread(() -> {
                    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                    while (!stop.get() && System.nanoTime() < end) {
                        pool.fetchVal("select 1");
                    }
                }, "hammer-" + i);
                t.start();
                hammers.add(t);
            }
            try {
                long worst = 0;
                for (int i = 0; i < 30; i++) {
                    long start = System.nanoTime();
                    try (Connection c = pool.acquire(Duration.ofSeconds(5))) {
                        worst = Math.max(worst, System.nanoTime() - start);
                        assertEquals(2, (int) c.fetchVal("select 2"));
                    }
                }
                // the barging window is 10 ms; a waiter past it is next in line
                assertTrue(worst < TimeUnit.SECONDS.toNanos(2), "longest wait " + worst / 1_000_000 + " ms");
            } finally {
                stop.set(true);
                for (Thread t : hammers) {
                    t.join(10_000);
                }
            }
            assertEquals(0, pool.async().waiting());
        }
    }

    @Test
    void connectionsGivenBackTogetherReachEveryBlockedCaller() throws Exception {
        try (Pool pool = PgJet.createPool(DSN, PoolOptions.DEFAULT.withSize(3, 3))) {
            List<Connection> held = List.of(pool.acquire(), pool.acquire(), pool.acquire());
            List<CompletableFuture<Integer>> waiters = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                int n = i;
                CompletableFuture<Integer> served = new CompletableFuture<>();
                Thread t = new Thread(() -> {
                    try (Connection c = pool.acquire(Duration.ofSeconds(20))) {
                        served.complete(c.fetchVal("select $1::int", n));
                    } catch (Throwable e) {
                        served.completeExceptionally(e);
                    }
                }, "waiter-" + i);
                t.start();
                waiters.add(served);
            }
            eventually("six callers wait", () -> pool.async().waiting() == 6);
            long start = System.nanoTime();
            held.forEach(Connection::close); // three at once, then nobody else gives any back
            for (int i = 0; i < 6; i++) {
                assertEquals(i, waiters.get(i).get(10, TimeUnit.SECONDS));
            }
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5),
                    "no free connection sat unused while a caller slept");
            eventually("all back", () -> pool.idleSize() == 3);
        }
    }

    @Test
    void aWaitingCallerThatIsInterruptedLeavesTheLineAndTheConnectionStaysInThePool() throws Exception {
        try (Pool pool = PgJet.createPool(DSN, PoolOptions.DEFAULT.withSize(1, 1))) {
            Connection held = pool.acquire();
            AtomicReference<Throwable> error = new AtomicReference<>();
            AtomicBoolean stillInterrupted = new AtomicBoolean();
            Thread waiter = new Thread(() -> {
                try (Connection c = pool.acquire(Duration.ofSeconds(30))) {
                    error.set(new AssertionError("got a connection"));
                } catch (Throwable e) {
                    error.set(e);
                    stillInterrupted.set(Thread.currentThread().isInterrupted());
                }
            });
            waiter.start();
            eventually("the caller waits", () -> pool.async().waiting() == 1);
            waiter.interrupt();
            waiter.join(5_000);
            PgInterfaceException e = assertInstanceOf(PgInterfaceException.class, error.get());
            assertTrue(e.getMessage().contains("interrupted"), e.getMessage());
            assertTrue(stillInterrupted.get(), "the interrupt flag is kept");
            assertEquals(0, pool.async().waiting());
            held.close();
            eventually("the connection is free again", () -> pool.idleSize() == 1);
            assertEquals(3, (int) pool.fetchVal("select 3"));
        }
    }

    @Test
    void givingBackABrokenConnectionDoesNotMakeTheCallerDialItsReplacement() throws Exception {
        var server = PgTestServer.shared();
        try (FaultProxy proxy = FaultProxy.to(server);
                Pool pool = PgJet.createPool("postgresql://" + enc(server.user()) + ":" + enc(server.password())
                        + "@127.0.0.1:" + proxy.port() + "/" + server.database(),
                        PoolOptions.DEFAULT.withSize(1, 2))) {
            Connection lent = pool.acquire();
            int pid = lent.fetchVal("select pg_backend_pid()");
            try (Connection direct = PgJet.connect(server.dsn())) {
                direct.fetchVal("select pg_terminate_backend($1)", pid);
            }
            assertThrows(PgConnectionException.class, () -> lent.fetchVal("select 1"));
            proxy.delay(Duration.ofMillis(300)); // a replacement now takes several round trips of 2 x 300 ms
            long start = System.nanoTime();
            lent.close();
            long tookMillis = (System.nanoTime() - start) / 1_000_000;
            // The pool opens the replacement (minSize 1) in the background, not on this thread,
            // nor on a timer or I/O thread whose other work it would hold up for the dial.
            assertTrue(tookMillis < 500, "close() took " + tookMillis + " ms");
            eventually("the replacement is open", () -> pool.size() == 1 && pool.idleSize() == 1);
            long dialMillis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(dialMillis >= 1000, "the dial was slow enough to show (" + dialMillis + " ms)");
            proxy.delay(Duration.ZERO);
            assertEquals(4, (int) pool.fetchVal("select 4"));
        }
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void closingThePoolFailsTheCallersWaitingForIt() throws Exception {
        Pool pool = PgJet.createPool(DSN, PoolOptions.DEFAULT.withSize(1, 1));
        Connection held = pool.acquire();
        CompletableFuture<Throwable> failed = new CompletableFuture<>();
        Thread waiter = new Thread(() -> {
            try (Connection c = pool.acquire(Duration.ofSeconds(30))) {
                failed.complete(new AssertionError("got a connection"));
            } catch (Throwable e) {
                failed.complete(e);
            }
        });
        waiter.start();
        eventually("the caller waits", () -> pool.async().waiting() == 1);
        CompletableFuture<Void> closed = pool.async().closeAsync();
        PgInterfaceException e = assertInstanceOf(PgInterfaceException.class, failed.get(5, TimeUnit.SECONDS));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
        held.close();
        closed.get(10, TimeUnit.SECONDS);
    }
}
