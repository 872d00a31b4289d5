package io.pgjet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.testkit.PgTestServer;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Session-level verbs: reset, reloadSchemaState, query logging, notification publishers, server facts. */
class SessionTest {
    private Connection conn;

    @BeforeEach
    void open() {
        conn = PgJet.connect(PgTestServer.shared().dsn());
    }

    @AfterEach
    void close() {
        conn.close();
    }

    @Test
    void resetReturnsSessionToCleanState() {
        conn.execute("set search_path = pg_catalog");
        conn.execute("create temp table scratch (a int)");
        conn.addListener("reset_me", n -> { });
        conn.execute("select pg_advisory_lock(42)");
        conn.execute("begin");
        conn.reset();
        assertFalse(conn.isInTransaction());
        assertEquals("\"$user\", public", conn.fetchRow("show search_path").getString(0));
        assertEquals(List.of(), conn.fetch("select * from pg_listening_channels()"));
        assertEquals("0", conn.fetchRow("select count(*) from pg_locks where locktype = 'advisory' and pid = pg_backend_pid()").getString(0));
        assertThrows(PgException.class, () -> conn.fetch("select * from scratch"));
    }

    @Test
    void reloadSchemaStateForgetsCachedStatements() {
        conn.fetch("select 1");
        conn.fetch("select 2");
        conn.reloadSchemaState();
        assertEquals("0", conn.fetchRow("select count(*) - 1 from pg_prepared_statements").getString(0));
    }

    @Test
    void queryLoggerHearsSqlArgumentsDurationRowsAndErrors() throws Exception {
        BlockingQueue<QueryRecord> records = new LinkedBlockingQueue<>();
        conn.addQueryLogger(records::add);
        conn.fetch("select g from generate_series(1, $1::int) g", 3);
        assertThrows(PgException.class, () -> conn.fetch("select 1 / 0"));
        QueryRecord ok = records.poll(10, TimeUnit.SECONDS);
        assertEquals("select g from generate_series(1, $1::int) g", ok.sql());
        assertEquals(1, ok.argumentCount());
        assertEquals(3, ok.rowCount());
        assertTrue(ok.duration().toNanos() > 0);
        assertNull(ok.error());
        QueryRecord failed = records.poll(10, TimeUnit.SECONDS);
        assertNotNull(failed.error());
        assertEquals(-1, failed.rowCount());
    }

    @Test
    void notificationPublisherDeliversUntilCancelled() throws Exception {
        BlockingQueue<Notification> received = new LinkedBlockingQueue<>();
        CompletableFuture<Flow.Subscription> subscribed = new CompletableFuture<>();
        conn.async().notifications("feed").subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                s.request(Long.MAX_VALUE);
                subscribed.complete(s);
            }

            @Override
            public void onNext(Notification item) {
                received.add(item);
            }

            @Override
            public void onError(Throwable t) {
            }

            @Override
            public void onComplete() {
            }
        });
        Flow.Subscription subscription = subscribed.get(10, TimeUnit.SECONDS);
        for (int attempt = 0; attempt < 50 && conn.fetch("select * from pg_listening_channels()").isEmpty(); attempt++) {
            Thread.sleep(20);
        }
        conn.execute("notify feed, 'one'");
        assertEquals("one", received.poll(10, TimeUnit.SECONDS).payload());
        subscription.cancel();
        for (int attempt = 0; attempt < 50 && !conn.fetch("select * from pg_listening_channels()").isEmpty(); attempt++) {
            Thread.sleep(20);
        }
        assertEquals(List.of(), conn.fetch("select * from pg_listening_channels()"));
    }

    @Test
    void reportsServerFacts() {
        assertTrue(conn.getServerVersion().matches("\\d+.*"));
        assertEquals(conn.getServerPid(), Integer.parseInt(conn.fetchRow("select pg_backend_pid()").getString(0)));
        assertEquals("UTF8", conn.getSettings().get("server_encoding"));
    }
}
