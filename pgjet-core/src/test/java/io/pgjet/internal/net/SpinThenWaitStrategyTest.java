package io.pgjet.internal.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.SelectStrategy;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The I/O threads' wait: check briefly after short waits, block at once after long ones. */
class SpinThenWaitStrategyTest {

    @Test
    void keepsCheckingUntilEventsArriveInsteadOfBlocking() throws Exception {
        SpinThenWaitStrategy strategy = quiet(TimeUnit.SECONDS.toNanos(10));
        AtomicInteger polls = new AtomicInteger();
        int result = strategy.calculateStrategy(() -> polls.incrementAndGet() < 5 ? 0 : 3, false);
        assertEquals(3, result);
        assertEquals(5, polls.get());
    }

    @Test
    void blocksWhenNothingArrivesWithinTheBudget() throws Exception {
        SpinThenWaitStrategy strategy = quiet(TimeUnit.MILLISECONDS.toNanos(20));
        assertEquals(SelectStrategy.SELECT, strategy.calculateStrategy(() -> 0, false));
    }

    @Test
    void blocksAtOnceAfterAWaitLongerThanTheBudget() throws Exception {
        // A budget far above scheduling hiccups on a busy CI machine, so "at once" (under half of
        // it) cannot be confused with "checked for the whole budget" (a 50 ms budget failed at load).
        long budget = TimeUnit.MILLISECONDS.toNanos(1000);
        SpinThenWaitStrategy strategy = quiet(budget);
        assertEquals(SelectStrategy.SELECT, strategy.calculateStrategy(() -> 0, false));
        Thread.sleep(1200); // the loop "blocked" for longer than the budget: answers are not quick here
        long start = System.nanoTime();
        assertEquals(SelectStrategy.SELECT, strategy.calculateStrategy(() -> 0, false));
        assertTrue(System.nanoTime() - start < budget / 2, "did not check again after a long wait");
    }

    @Test
    void neverChecksWhenTasksAreWaiting() throws Exception {
        SpinThenWaitStrategy strategy = quiet(TimeUnit.SECONDS.toNanos(10));
        long start = System.nanoTime();
        assertEquals(0, strategy.calculateStrategy(() -> 0, true));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(1));
    }

    @Test
    void workQueuedFromAnotherThreadEndsTheCheckAtOnce() throws Exception {
        SpinThenWaitStrategy strategy = quiet(TimeUnit.SECONDS.toNanos(30));
        Thread submitter = new Thread(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
            SpinThenWaitStrategy.externalWorkQueued();
        });
        long start = System.nanoTime();
        submitter.start();
        assertEquals(0, strategy.calculateStrategy(() -> 0, false), "returns to run the new task");
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10), "waited for the budget");
        submitter.join();
    }

    /** A strategy on a machine taken to be idle, so the checks under test happen whatever the load. */
    private static SpinThenWaitStrategy quiet(long budgetNanos) {
        return new SpinThenWaitStrategy(new SpinPolicy.Budget(budgetNanos, () -> false), budgetNanos);
    }
}
