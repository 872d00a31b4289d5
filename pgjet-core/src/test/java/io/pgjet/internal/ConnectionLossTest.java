package io.pgjet.internal;

import io.pgjet.internal.conn.RealConnection;

import static io.pgjet.internal.Servers.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.PgConnectionException;
import io.pgjet.PgException;
import io.pgjet.internal.result.StatementResult;
import io.pgjet.testkit.PgCluster;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A lost connection fails every pending request at once; nothing hangs. */
class ConnectionLossTest {

    @Test
    void terminateBackendMidQueryFailsEveryPendingRequest() throws Exception {
        RealConnection victim = Servers.connect();
        RealConnection admin = Servers.connect();
        try {
            CountDownLatch terminated = new CountDownLatch(1);
            victim.addTerminationListener(terminated::countDown);
            List<CompletableFuture<StatementResult>> pending = new ArrayList<>();
            pending.add(victim.query("select pg_sleep(30)"));
            for (int i = 0; i < 10; i++) {
                pending.add(victim.query("select " + i));
            }
            await(admin.query("select pg_sleep(0.2)"));
            await(admin.query("select pg_terminate_backend($1)", victim.getServerPid()));
            for (CompletableFuture<StatementResult> f : pending) {
                PgConnectionException e = assertThrows(PgConnectionException.class, () -> await(f));
                assertTrue(e.getMessage().contains("terminating connection"), e.getMessage());
                assertInstanceOf(PgException.class, e.getCause());
            }
            assertTrue(terminated.await(10, TimeUnit.SECONDS));
            assertTrue(victim.isClosed());
            assertThrows(PgConnectionException.class, () -> await(victim.query("select 1")));
        } finally {
            admin.terminate();
            victim.terminate();
        }
    }

    @Test
    void idleConnectionNoticesTermination() throws Exception {
        RealConnection victim = Servers.connect();
        RealConnection admin = Servers.connect();
        try {
            CountDownLatch terminated = new CountDownLatch(1);
            victim.addTerminationListener(terminated::countDown);
            await(admin.query("select pg_terminate_backend($1)", victim.getServerPid()));
            assertTrue(terminated.await(10, TimeUnit.SECONDS));
            assertTrue(victim.isClosed());
        } finally {
            admin.terminate();
        }
    }

    @Test
    void serverRestartFailsPendingRequestsAndNewConnectionsWork() throws Exception {
        try (PgCluster cluster = PgCluster.builder().start()) {
            RealConnection conn = Servers.connect(cluster.dsn());
            CompletableFuture<StatementResult> sleeping = conn.query("select pg_sleep(30)");
            Thread.sleep(300); // let the query start on the server
            cluster.restart();
            assertThrows(PgConnectionException.class, () -> await(sleeping));
            assertTrue(conn.isClosed());
            RealConnection again = Servers.connect(cluster.dsn());
            assertEquals("1", Servers.single(await(again.query("select 1"))));
            again.terminate();
        }
    }
}
