package io.pgjet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.testkit.PgTestServer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A COPY that times out or is cancelled ends within the timeout plus a round trip and leaves the
 * connection usable at once, whatever the user's sink or source is doing meanwhile.
 */
class CopyTimeoutTest {
    private static final Duration TIMEOUT = Duration.ofMillis(200);
    /** Generous bound for "the timeout plus one round trip" on a loaded 2-CPU machine. */
    private static final long PROMPT_MILLIS = 3_000;

    private Connection conn;
    /** Releases the blocked sink or source at the end of each test. */
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void open() {
        conn = PgJet.connect(PgTestServer.shared().dsn());
        conn.execute("create temp table loaded (a int)");
    }

    @AfterEach
    void close() {
        release.countDown();
        conn.close();
    }

    private void awaitRelease() throws IOException {
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static long millisSince(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private void assertUsableAtOnce() {
        long start = System.nanoTime();
        assertEquals(1, (Integer) conn.fetchVal("select 1"));
        assertTrue(millisSince(start) < PROMPT_MILLIS, "select 1 took " + millisSince(start) + " ms");
    }

    @Test
    void timedOutCopyFromQueryWithABlockedSinkEndsWithinTheTimeout() {
        CopySink blocked = chunk -> awaitRelease();
        long start = System.nanoTime();
        assertThrows(PgTimeoutException.class, () -> conn.withTimeout(TIMEOUT).copyFromQuery(
                "select g, repeat('x', 200) from generate_series(1, 2000000) g", blocked, null));
        assertTrue(millisSince(start) < PROMPT_MILLIS, "the COPY ended after " + millisSince(start) + " ms");
        assertUsableAtOnce(); // while the sink is still blocked
    }

    /** A source that yields one row, then blocks in next() until released. */
    private CopySource oneRowThenBlocked(AtomicBoolean closed) {
        return new CopySource() {
            private boolean first = true;

            @Override
            public ByteBuffer next() throws IOException {
                if (first) {
                    first = false;
                    return ByteBuffer.wrap("1\n".getBytes(StandardCharsets.UTF_8));
                }
                awaitRelease();
                return null;
            }

            @Override
            public void close() {
                closed.set(true);
            }
        };
    }

    @Test
    void timedOutCopyToTableWithABlockedSourceFreesTheConnectionAtOnce() throws Exception {
        AtomicBoolean closed = new AtomicBoolean();
        long start = System.nanoTime();
        assertThrows(PgTimeoutException.class,
                () -> conn.withTimeout(TIMEOUT).copyToTable("loaded", oneRowThenBlocked(closed), null));
        assertTrue(millisSince(start) < PROMPT_MILLIS, "the COPY ended after " + millisSince(start) + " ms");
        assertUsableAtOnce(); // while the source is still inside next()
        assertEquals(0L, (Long) conn.fetchVal("select count(*) from loaded"));
        release.countDown();
        long wait = System.nanoTime();
        while (!closed.get() && millisSince(wait) < 10_000) {
            Thread.sleep(10);
        }
        assertTrue(closed.get(), "the source was not closed once its read returned");
        assertEquals(0L, (Long) conn.fetchVal("select count(*) from loaded"));
    }

    @Test
    void cancelledCopyToTableWithABlockedSourceFreesTheConnectionAtOnce() throws Exception {
        AtomicBoolean closed = new AtomicBoolean();
        CompletableFuture<CommandStatus> copy = conn.async().copyToTable("loaded", oneRowThenBlocked(closed), null);
        Thread.sleep(200); // the first row is sent, the source blocks
        assertTrue(copy.cancel(true));
        assertThrows(CancellationException.class, copy::join);
        assertUsableAtOnce();
        assertEquals(0L, (Long) conn.fetchVal("select count(*) from loaded"));
    }

    @Test
    void timedOutBinaryCopyOfRecordsFromABlockedIterableFreesTheConnectionAtOnce() {
        Iterable<Object[]> rows = () -> new java.util.Iterator<>() {
            private int n;

            @Override
            public boolean hasNext() {
                if (n > 0) {
                    try {
                        awaitRelease();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    return false;
                }
                return true;
            }

            @Override
            public Object[] next() {
                return new Object[] {++n};
            }
        };
        long start = System.nanoTime();
        assertThrows(PgTimeoutException.class, () -> conn.withTimeout(TIMEOUT).copyRecordsToTable("loaded", rows));
        assertTrue(millisSince(start) < PROMPT_MILLIS, "the COPY ended after " + millisSince(start) + " ms");
        assertUsableAtOnce();
        assertEquals(0L, (Long) conn.fetchVal("select count(*) from loaded"));
    }
}
