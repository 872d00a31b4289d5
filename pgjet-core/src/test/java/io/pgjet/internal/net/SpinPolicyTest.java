package io.pgjet.internal.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    void aSteadyLoadCountsAsBusyEvenWhenTheMomentaryRunnableCountIsLow() {
        // one sample of the run queue found it short, but the last minute was 10x the CPUs
        assertTrue(SpinPolicy.busy("20.79 21.10 17.22 1/262 28629", 2));
        assertTrue(SpinPolicy.busy("0.10 0.20 0.30 5/262 28629", 2), "many runnable right now");
        assertFalse(SpinPolicy.busy("1.50 0.90 0.40 2/262 28629", 2), "a quiet 2-CPU machine");
        assertFalse(SpinPolicy.busy("", 2), "unreadable: not busy");
        assertFalse(SpinPolicy.busy("garbage", 2));
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
