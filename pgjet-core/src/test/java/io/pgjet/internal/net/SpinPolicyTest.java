package io.pgjet.internal.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** When waiting threads may check for a quick answer instead of sleeping. */
class SpinPolicyTest {

    @Test
    void checksStopAfterRepeatedMissesAndResumeLater() {
        SpinPolicy.Budget budget = new SpinPolicy.Budget(100_000);
        for (int i = 0; i < SpinPolicy.MISSES_TO_BACK_OFF; i++) {
            budget.record(false);
        }
        for (int i = 0; i < SpinPolicy.BACK_OFF_WAITS; i++) {
            assertEquals(0, budget.nanosForThisWait(), "wait " + i + " after the misses must sleep at once");
        }
        // after the back-off the budget is offered again (unless the machine is busy right now)
        long next = budget.nanosForThisWait();
        assertTrue(next == 100_000 || SpinPolicy.machineBusy(), "budget after back-off: " + next);
    }

    @Test
    void aHitResetsTheMissCount() {
        SpinPolicy.Budget budget = new SpinPolicy.Budget(100_000);
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < SpinPolicy.MISSES_TO_BACK_OFF - 1; i++) {
                budget.record(false);
            }
            budget.record(true);
        }
        long next = budget.nanosForThisWait();
        assertTrue(next == 100_000 || SpinPolicy.machineBusy(), "a paying check keeps the budget: " + next);
    }

    @Test
    void aSteadyLoadStaysBusyThroughAMomentaryGapAndAQuietMachineSoonIsNot() {
        long tick = SpinPolicy.LOAD_REFRESH_MILLIS * 1_000_000;
        double average = 20;
        for (int reading : new int[] {23, 1, 20, 2, 18}) { // readings every 100 ms under a steady load
            average = SpinPolicy.averaged(average, reading, tick);
            assertTrue(average > 2, "a gap in the run queue is not a quiet machine: " + average);
        }
        for (int i = 0; i < 30; i++) { // three quiet seconds
            average = SpinPolicy.averaged(average, 1, tick);
        }
        assertTrue(average <= 2, "the average follows the load away within seconds: " + average);
    }

    @Test
    void theRunnableCountIsReadFromProcLoadavg() {
        assertEquals(7, SpinPolicy.runnable("0.52 0.58 0.59 7/467 12345"));
        assertEquals(0, SpinPolicy.runnable(""));
        assertEquals(0, SpinPolicy.runnable("garbage"));
    }

    @Test
    void zeroBudgetNeverChecks() {
        assertEquals(0, new SpinPolicy.Budget(0).nanosForThisWait());
    }

    @Test
    void machineWithMoreRunnableThreadsThanCpusCountsAsBusy() throws Exception {
        int cpus = Runtime.getRuntime().availableProcessors();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> burners = new ArrayList<>();
        for (int i = 0; i < cpus * 2 + 2; i++) {
            Thread burner = new Thread(() -> {
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                long x = 0;
                while (!stop.get() && System.nanoTime() < end) {
                    x += System.nanoTime() % 7;
                }
                if (x == 42) {
                    System.out.print(""); // keeps the loop from being optimised away
                }
            });
            burner.setDaemon(true);
            burner.start();
            burners.add(burner);
        }
        try {
            boolean busy = false;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
            while (!busy && System.nanoTime() < deadline) {
                Thread.sleep(SpinPolicy.LOAD_REFRESH_MILLIS);
                busy = SpinPolicy.machineBusy();
            }
            assertTrue(busy, "runnable threads seen: " + SpinPolicy.runnableThreads() + " on " + cpus + " CPUs");
            assertEquals(0, new SpinPolicy.Budget(100_000).nanosForThisWait(), "no checking on a busy machine");
        } finally {
            stop.set(true);
            for (Thread burner : burners) {
                burner.join(10_000);
            }
        }
    }
}
