package io.pgjet.internal.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.util.concurrent.AbstractScheduledEventExecutor;
import io.netty.util.concurrent.EventExecutor;
import io.pgjet.AsyncConnection;
import io.pgjet.PgJet;
import io.pgjet.testkit.PgTestServer;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The safety timers PgJet arms (connect timeout, forced close after Terminate, closing a
 * CancelRequest socket) are cancelled once they are no longer needed, instead of sitting on an
 * I/O thread for their full 10 s, where many connections opened and closed would pile them up.
 */
class PendingTimersTest {
    /**
     * The safety timers run 10 s and the test checks within about 3 s of arming them, so one that
     * was left behind still has more than this to go.
     */
    private static final long LONG_TIMER_NANOS = TimeUnit.SECONDS.toNanos(6);

    @Test
    void connectingQueryingCancellingAndClosingLeaveNoSafetyTimerBehind() throws Exception {
        AsyncConnection connection = PgJet.connectAsync(PgTestServer.shared().dsn()).get(30, TimeUnit.SECONDS);
        assertEquals(1, (int) connection.<Integer>fetchVal("select 1").get(30, TimeUnit.SECONDS));
        CompletableFuture<?> sleeping = connection.execute("select pg_sleep(30)");
        Thread.sleep(200);
        sleeping.cancel(true);
        assertThrows(Exception.class, () -> sleeping.get(30, TimeUnit.SECONDS));
        connection.closeAsync().get(30, TimeUnit.SECONDS);

        // The CancelRequest socket closes when the server has read it; give that a moment.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        List<Long> left;
        do {
            left = longTimers();
            if (left.isEmpty()) {
                break;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        assertTrue(left.isEmpty(), "timers still pending on PgJet's I/O threads, ms to go: " + left);
    }

    /** Returns the delays (ms) of scheduled tasks on PgJet's I/O threads due in more than 6 s. */
    private static List<Long> longTimers() throws Exception {
        Field queueField = AbstractScheduledEventExecutor.class.getDeclaredField("scheduledTaskQueue");
        queueField.setAccessible(true);
        List<Long> delays = new ArrayList<>();
        for (EventExecutor loop : NettyRuntime.shared().ioThreads()) {
            // the queue belongs to its loop: read it there
            List<Long> found = loop.submit(() -> {
                List<Long> mine = new ArrayList<>();
                Collection<?> queue = (Collection<?>) queueField.get(loop);
                if (queue != null) {
                    for (Object task : queue) {
                        long nanos = ((Delayed) task).getDelay(TimeUnit.NANOSECONDS);
                        if (nanos > LONG_TIMER_NANOS) {
                            mine.add(TimeUnit.NANOSECONDS.toMillis(nanos));
                        }
                    }
                }
                return mine;
            }).get(10, TimeUnit.SECONDS);
            delays.addAll(found);
        }
        return delays;
    }
}
