package io.pgjet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.testkit.PgTestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The blocking facade and the pool on virtual threads (Java 21+ only; compiled by the
 * java21-tests profile): neither holds a monitor while waiting, so ten thousand virtual threads
 * sharing ten connections, or a pool of ten, all finish without pinning their carriers.
 */
class VirtualThreadsTest {

    @Test
    void tenThousandVirtualThreadsShareTenConnections() throws Exception {
        List<Connection> connections = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            connections.add(PgJet.connect(PgTestServer.shared().dsn()));
        }
        AtomicLong sum = new AtomicLong();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                int n = i;
                done.add(threads.submit(() -> {
                    Connection conn = connections.get(n % connections.size());
                    Row row = conn.fetchRow("select $1::int4 + 1", n);
                    sum.addAndGet(Long.parseLong(row.getString(0)));
                }));
            }
            threads.shutdown();
            assertTrue(threads.awaitTermination(120, TimeUnit.SECONDS), "all virtual threads finished");
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            connections.forEach(Connection::close);
        }
        assertEquals(50_005_000L, sum.get());
    }

    @Test
    void tenThousandVirtualThreadsShareAPoolOfTen() throws Exception {
        AtomicLong sum = new AtomicLong();
        try (Pool pool = PgJet.createPool(PgTestServer.shared().dsn(), PoolOptions.DEFAULT.withSize(10, 10));
                ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                int n = i;
                done.add(threads.submit(() -> {
                    int value = pool.fetchVal("select $1::int4 + 1", n);
                    sum.addAndGet(value);
                }));
            }
            threads.shutdown();
            assertTrue(threads.awaitTermination(120, TimeUnit.SECONDS), "all virtual threads finished");
            for (Future<?> f : done) {
                f.get();
            }
            assertEquals(10, pool.size(), "never more than the pool's ten connections");
        }
        assertEquals(50_005_000L, sum.get());
    }
}
