package io.pgjet.faults;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.pgjet.Connection;
import io.pgjet.ConnectionConfig;
import io.pgjet.PgJet;
import io.pgjet.internal.blocking.BlockingConnection;
import io.pgjet.testkit.FaultProxy;
import io.pgjet.testkit.PgServer;
import io.pgjet.testkit.PgTestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/** Helpers for the fault scenarios: configurations through a {@link FaultProxy}, the two transports, bounded waits. */
final class Faults {
    private Faults() {
    }

    /** The two transports a {@link Connection} can run on. */
    enum Transport {
        /** {@code PgJet.connect}: the calling thread drives a blocking socket. */
        BLOCKING,
        /** {@code PgJet.connectAsync}: Netty's event loop; the blocking view waits on futures. */
        NETTY;

        Connection open(ConnectionConfig config) {
            if (this == BLOCKING) {
                return PgJet.connect(config);
            }
            return new BlockingConnection(PgJet.connectAsync(config).join()); // the blocking view over Netty
        }
    }

    static PgServer server() {
        return PgTestServer.shared();
    }

    /** The shared server's configuration, but connecting through the proxy. */
    static ConnectionConfig through(FaultProxy proxy) {
        return through(proxy, b -> b);
    }

    static ConnectionConfig through(FaultProxy proxy,
            java.util.function.UnaryOperator<ConnectionConfig.Builder> more) {
        ConnectionConfig.Builder b = ConnectionConfig.parse(server().dsn()).toBuilder()
                .host(proxy.host(), proxy.port())
                .connectTimeout(Duration.ofSeconds(10));
        return more.apply(b).build();
    }

    /** A direct connection to the shared server, for checking what a victim left behind. */
    static Connection direct() {
        return PgJet.connect(server().dsn());
    }

    /** Runs {@code action}, expecting it to fail within {@code bound}; returns the root PgJet failure. */
    static Throwable failsWithin(Duration bound, ThrowingRunnable action) {
        long start = System.nanoTime();
        Throwable failure = null;
        try {
            action.run();
        } catch (Throwable t) {
            failure = unwrap(t);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (failure == null) {
            fail("the operation succeeded after " + millis + " ms; a failure was expected");
        }
        assertTrue(millis <= bound.toMillis(), "failed only after " + millis + " ms (bound " + bound.toMillis()
                + " ms): " + failure);
        return failure;
    }

    static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** Polls {@code condition} every 20 ms for at most {@code bound}. */
    static void eventually(String what, Duration bound, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not within " + bound.toMillis() + " ms: " + what);
            }
            Thread.sleep(20);
        }
    }

    /**
     * Waits until the server has ended the backend with this pid (so its transaction is either
     * committed or rolled back) and returns the row count of {@code table}.
     */
    static long countAfterBackendEnds(int pid, String table) throws InterruptedException {
        try (Connection check = direct()) {
            eventually("backend " + pid + " is gone", Duration.ofSeconds(15),
                    () -> check.<Long>fetchVal("select count(*) from pg_stat_activity where pid = $1", pid) == 0);
            return check.<Long>fetchVal("select count(*) from " + table);
        }
    }

    /** Names of the live PgJet threads. */
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
     * PgJet threads not in {@code before} that are doing something (not parked waiting for a task).
     * PgJet's helper and callback threads are cached pools the JDK shrinks after 60 s idle: a new
     * one is no leak if it is idle; a thread held by a closed connection would be busy.
     */
    static List<String> busyNewThreads(Set<String> before) {
        List<String> busy = new ArrayList<>();
        Thread.getAllStackTraces().forEach((t, stack) -> {
            if (t.isAlive() && t.getName().startsWith("pgjet") && !before.contains(t.getName())
                    && Stream.of(stack).noneMatch(Faults::waitingForWork)) {
                busy.add(t.getName() + " at " + (stack.length > 0 ? stack[0] : "?"));
            }
        });
        return busy;
    }

    /**
     * Whether a frame shows a thread waiting for work: a pooled thread for its next task, or an
     * event loop (a fixed group, started lazily) in its selector.
     */
    private static boolean waitingForWork(StackTraceElement f) {
        String c = f.getClassName();
        String m = f.getMethodName();
        return c.equals("java.util.concurrent.ThreadPoolExecutor") && m.equals("getTask")
                || c.startsWith("io.netty.channel.") && (m.contains("Wait") || m.equals("select"))
                || c.startsWith("sun.nio.ch.") && (m.startsWith("poll") || m.equals("select"));
    }

    /** The process's open descriptors (Linux {@code /proc/self/fd}), or -1 where there is no such view. */
    static long openFileDescriptors() {
        try (Stream<java.nio.file.Path> fds = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/fd"))) {
            return fds.count();
        } catch (java.io.IOException | UnsupportedOperationException e) {
            return -1;
        }
    }

    /** A runnable that may throw anything. */
    interface ThrowingRunnable {
        void run() throws Exception;
    }
}
