package io.pgjet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.testkit.PgTestServer;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Notifications and notices reach their listeners off the I/O thread, in order. */
class ListenersTest {
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
    void notificationsArriveInOrderOnAWorkerThread() throws Exception {
        BlockingQueue<Notification> received = new LinkedBlockingQueue<>();
        BlockingQueue<String> threads = new LinkedBlockingQueue<>();
        conn.addListener("Mixed Case \"channel\"", n -> {
            threads.add(Thread.currentThread().getName());
            received.add(n);
        });
        for (int i = 0; i < 5; i++) {
            conn.execute("select pg_notify($1, $2)", "Mixed Case \"channel\"", "payload " + i);
        }
        for (int i = 0; i < 5; i++) {
            Notification n = received.poll(10, TimeUnit.SECONDS);
            assertNotNull(n);
            assertEquals("payload " + i, n.payload());
            assertEquals(conn.getServerPid(), n.processId());
        }
        assertTrue(threads.stream().noneMatch(name -> name.startsWith("pgjet-io")), threads.toString());
    }

    @Test
    void slowListenerDoesNotBlockQueries() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(1);
        conn.addListener("slow", n -> {
            entered.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        conn.execute("notify slow");
        assertTrue(entered.await(10, TimeUnit.SECONDS));
        assertEquals("42", conn.fetchRow("select 42").getString(0)); // the I/O thread is free
        release.countDown();
    }

    @Test
    void throwingListenerDoesNotStopLaterNotifications() throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        conn.addListener("flaky", n -> {
            if (n.payload().equals("boom")) {
                throw new IllegalStateException("listener bug");
            }
            received.add(n.payload());
        });
        conn.execute("select pg_notify('flaky', 'boom')");
        conn.execute("select pg_notify('flaky', 'fine')");
        assertEquals("fine", received.poll(10, TimeUnit.SECONDS));
    }

    @Test
    void removingLastListenerUnlistens() throws Exception {
        BlockingQueue<Notification> received = new LinkedBlockingQueue<>();
        Consumer<Notification> listener = received::add;
        conn.addListener("gone", listener);
        conn.removeListener("gone", listener);
        assertEquals(List.of(), conn.fetch("select * from pg_listening_channels() where pg_listening_channels = 'gone'"));
        conn.execute("notify gone");
        assertNull(received.poll(300, TimeUnit.MILLISECONDS));
    }

    @Test
    void noticesReachLogListeners() throws Exception {
        BlockingQueue<Notice> notices = new LinkedBlockingQueue<>();
        conn.addLogListener(notices::add);
        conn.execute("do $$ begin raise notice 'hello %', 42; raise warning 'careful'; end $$");
        Notice first = notices.poll(10, TimeUnit.SECONDS);
        Notice second = notices.poll(10, TimeUnit.SECONDS);
        assertEquals("hello 42", first.message());
        assertEquals("NOTICE", first.severity());
        assertEquals("WARNING", second.severity());
        assertEquals("01000", second.sqlState());
    }

    @Test
    void terminationListenerRunsOnClose() throws Exception {
        Connection other = PgJet.connect(PgTestServer.shared().dsn());
        CountDownLatch closed = new CountDownLatch(1);
        other.addTerminationListener(closed::countDown);
        other.close();
        assertTrue(closed.await(10, TimeUnit.SECONDS));
        assertTrue(other.isClosed());
    }
}
