package io.pgjet.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The {@code --burn} load: busy while asked, gone afterwards, and bounded even if nobody stops it. */
class CpuBurnerTest {

    @Test
    void burnOptionIsParsedAndRefusesNegativeCounts() {
        assertEquals(2, BenchOptions.parse("--burn", "2").burn);
        assertEquals(0, BenchOptions.parse().burn);
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--burn", "-1"));
        assertTrue(BenchOptions.parse("--seconds", "1").burnLimitSeconds(3) > 3);
    }

    @Test
    void burnersUseCpuUntilClosed() throws Exception {
        long before = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long jvmBefore = processCpuNanos();
        try (CpuBurner burner = new CpuBurner(1, 60)) {
            assertEquals(1, burner.count());
            Thread.sleep(300);
        }
        long burned = processCpuNanos() - jvmBefore - (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - before);
        assertTrue(burned > TimeUnit.MILLISECONDS.toNanos(100), "burned " + burned + " ns");
        assertFalse(Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().startsWith("bench-cpu-burner") && t.isAlive()), "burners ended");
    }

    @Test
    void burnersStopByThemselvesAtTheirLimit() throws Exception {
        CpuBurner burner = new CpuBurner(1, 1);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().startsWith("bench-cpu-burner") && t.isAlive())) {
            Thread.sleep(100);
        }
        assertFalse(Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().startsWith("bench-cpu-burner") && t.isAlive()), "burner stopped at its limit");
        burner.close();
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
