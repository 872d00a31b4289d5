package io.pgjet.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pgjet.testkit.PgTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuMeterTest {

    @Test
    void machineLineCountsIdleAndIowaitAsNotBusy() {
        // user nice system idle iowait irq softirq steal guest guest_nice
        long[] ticks = CpuMeter.parseMachineTicks("cpu  100 5 50 800 20 3 2 0 40 0");
        assertArrayEquals(new long[] {160, 980}, ticks);
    }

    @Test
    void aPerCpuLineIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> CpuMeter.parseMachineTicks("cpu0 1 2 3 4 5 6 7 8"));
    }

    @Test
    void schedstatRunTimeIsTheFirstField() {
        assertEquals(593825560L, CpuMeter.runNanos("593825560 835322860 2565\n"));
    }

    @Test
    void usesAddUpAndAnUnknownFigureStaysUnknown() {
        CpuMeter.Use a = new CpuMeter.Use(10, 20, 30, 100);
        CpuMeter.Use b = new CpuMeter.Use(1, 2, 70, 100);
        CpuMeter.Use sum = CpuMeter.Use.ZERO.plus(a).plus(b);
        assertEquals(new CpuMeter.Use(11, 22, 100, 200), sum);
        assertEquals(0.5, sum.machineBusy());
        CpuMeter.Use noServer = sum.plus(new CpuMeter.Use(1, -1, 0, 10));
        assertEquals(-1, noServer.serverNanos());
        assertEquals(12, noServer.clientNanos());
        assertTrue(Double.isNaN(CpuMeter.Use.UNKNOWN.machineBusy()));
    }

    @Test
    void busyWorkInThisJvmShowsAsClientCpu() {
        CpuMeter meter = CpuMeter.start();
        long end = System.nanoTime() + 50_000_000L;
        long spins = 0;
        while (System.nanoTime() < end) {
            spins++;
        }
        CpuMeter.Use used = meter.stop();
        assertTrue(spins > 0);
        assertTrue(used.clientNanos() >= 20_000_000L, "50 ms of spinning used " + used.clientNanos() + " ns");
        if (Files.exists(Path.of("/proc/stat"))) {
            assertTrue(used.totalTicks() >= 0 && used.busyTicks() >= 0 && used.busyTicks() <= used.totalTicks(),
                    used.toString());
        }
    }

    @Test
    void theBackendServingAConnectionIsCountedAsServerCpu() throws Exception {
        assumeTrue(Files.exists(Path.of("/proc/self/schedstat")), "needs Linux /proc");
        try (Connection admin = BenchTarget.of(PgTestServer.shared()).adminConnection();
                Statement s = admin.createStatement();
                ResultSet rs = s.executeQuery("select pg_backend_pid()")) {
            rs.next();
            long backend = rs.getLong(1);
            Map<Long, Long> seen = CpuMeter.postgresNanos();
            assertTrue(seen.get(backend) != null && seen.get(backend) > 0, "backend " + backend + " in " + seen);
            assertFalse(seen.containsKey(ProcessHandle.current().pid()), "this JVM is not a postgres process");
        }
    }

    @Test
    void statFieldsStartAfterTheCommandNameEvenWithSpacesInIt() {
        String[] f = CpuMeter.parseStatFields("4242 (postgres: a (b) c) S 17 4242 4242 0 -1 4194560 "
                + "1 2 3 4 5 6 7 8 20 0 1 0 100");
        assertEquals("S", f[0]);
        assertEquals("17", f[1]);
        assertEquals("7", f[13]);
        assertEquals("8", f[14]);
    }

    @Test
    void aBackendThatEndsDuringTheIntervalIsStillCountedAsServerCpu() throws Exception {
        assumeTrue(Files.exists(Path.of("/proc/self/schedstat")), "needs Linux /proc");
        BenchTarget target = BenchTarget.of(PgTestServer.shared());
        try (Connection admin = target.adminConnection(); Statement s = admin.createStatement();
                ResultSet rs = s.executeQuery("select pg_backend_pid()")) {
            rs.next();
            CpuMeter.watchServerOf(rs.getLong(1));
        }
        try {
            long backend;
            CpuMeter meter;
            try (Connection worker = target.adminConnection(); Statement s = worker.createStatement()) {
                try (ResultSet rs = s.executeQuery("select pg_backend_pid()")) {
                    rs.next();
                    backend = rs.getLong(1);
                }
                meter = CpuMeter.start();
                // About 200 ms of server CPU, so a tick-resolution figure is well above zero.
                try (ResultSet rs = s.executeQuery("select count(*) from generate_series(1, 4000000)")) {
                    rs.next();
                }
            }
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (Files.exists(Path.of("/proc/" + backend)) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertFalse(Files.exists(Path.of("/proc/" + backend)), "backend " + backend + " did not end");
            Thread.sleep(50); // the postmaster reaps it right after it exits
            CpuMeter.Use used = meter.stop();
            assertTrue(used.serverNanos() >= 50_000_000L, "an ended backend's work counted: " + used);
        } finally {
            CpuMeter.watchEveryServer();
        }
    }
}
