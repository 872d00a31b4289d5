package io.pgjet.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.testkit.PgTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every workload for every driver with {@code --smoke} semantics (short, small data) against
 * the shared test server, so the runner cannot rot. Asserts correctness only — row counts and
 * checksums, which every job also checks on each operation — never speed.
 */
class BenchSmokeTest {

    /** The cases that have no number, by design; anything else must run and be correct. */
    private static final Set<String> EXPECTED_NOT_APPLICABLE = Set.of(
            "pipeline/4/pgjdbc", "select1/4/pgjdbc", "copy/0/vertx",
            "pipeline/4/wire", "select1/4/wire", "batch/0/wire", "copy/0/wire", "stream/0/wire",
            "series/0/pgbench", "wide/0/pgbench", "batch/0/pgbench", "copy/0/pgbench", "stream/0/pgbench",
            "pool/16/wire", "pool/16/pgbench",
            "select1/1/pgjet-r2dbc", "select1/4/pgjet-r2dbc", "copy/0/pgjet-r2dbc", "stream/0/pgjet-r2dbc",
            "pool/16/pgjet-r2dbc", "select1/1/r2dbc-postgresql", "select1/4/r2dbc-postgresql",
            "copy/0/r2dbc-postgresql", "stream/0/r2dbc-postgresql", "pool/16/r2dbc-postgresql");

    @Test
    void everyWorkloadRunsForEveryDriverAndEveryResultChecksOut(@TempDir Path out) throws Exception {
        BenchOptions options = BenchOptions.parse("--smoke", "--seconds", "0.5", "--warmup", "0.1",
                "--out", out.toString());
        BenchTarget target = BenchTarget.of(PgTestServer.shared());
        Report report = new Bench(options, target, line -> { }).run();

        Set<String> notApplicable = new TreeSet<>();
        for (CaseResult r : report.results()) {
            String key = r.workload().id() + "/" + r.param() + "/" + r.driver().id();
            if (r.unsupported() != null) {
                if (r.driver() != DriverId.PGBENCH || !r.unsupported().contains("not installed")) {
                    notApplicable.add(key);
                }
                assertFalse(r.unsupported().isBlank(), key + " must say why it has no number");
                continue;
            }
            assertTrue(r.ok(), key + " failed: " + r.error());
            assertTrue(r.totalOps() > 0, key + " completed no operation");
            assertEquals(r.totalRows(), r.totalOps() * expectedRowsPerOp(r, report), key + " rows per operation");
            if (r.driver() != DriverId.PGBENCH) {
                assertMeasuredWhatItCost(key, r);
            }
        }
        Set<String> pgjdbcRewriteElsewhere = new TreeSet<>();
        for (String key : notApplicable) {
            if (key.endsWith("/pgjdbc-rewrite") && !key.startsWith("batch/")) {
                pgjdbcRewriteElsewhere.add(key);
            }
        }
        notApplicable.removeAll(pgjdbcRewriteElsewhere);
        assertEquals(new TreeSet<>(EXPECTED_NOT_APPLICABLE), notApplicable);
        assertEquals(11, pgjdbcRewriteElsewhere.size(), "pgjdbc-rewrite runs only the batch workload");
        for (Targets.Verdict v : Targets.evaluate(report)) {
            assertNotEquals(DriverId.WIRE.id(), v.reference(), "the wire ceiling is never a target's reference");
        }

        // What the last batch and copy operations left behind, checked once more from outside.
        try (Connection admin = target.adminConnection()) {
            BenchData.verifyLoaded(admin, "bench_batch", options.batchRows);
            BenchData.verifyLoaded(admin, "bench_copy", options.copyRows);
            try (Statement s = admin.createStatement();
                    ResultSet rs = s.executeQuery("select count(*), sum(aid) from pgbench_accounts")) {
                rs.next();
                assertEquals(100_000, rs.getLong(1));
                assertEquals(BenchData.streamSum(100_000), rs.getLong(2));
            }
        }

        for (Path file : BenchMain.write(report, out)) {
            assertTrue(Files.size(file) > 0, file + " is empty");
        }
        assertTrue(Files.exists(out.resolve("point.png")));
        assertTrue(Files.readString(out.resolve("results.json")).contains("\"workload\": \"stream\""));
        assertTrue(Files.readString(out.resolve("results.md")).contains("| pgjet |"));
    }

    /**
     * The cost columns: every JVM client allocates (except the wire ceiling, which reuses its
     * buffers) and spends CPU, and the test server is local, so its CPU and the machine's are seen.
     */
    private static void assertMeasuredWhatItCost(String key, CaseResult r) {
        double bytes = r.workload().countsRows() ? r.bytesPerRow() : r.bytesPerOp();
        if (r.driver() != DriverId.WIRE) {
            assertTrue(bytes > 0, key + " allocated " + bytes + " bytes per unit");
        }
        assertTrue(r.clientCpuPerUnit() > 0, key + " client CPU " + r.clientCpuPerUnit());
        if (Files.exists(Path.of("/proc/stat"))) {
            assertTrue(r.serverCpuPerUnit() > 0, key + " server CPU " + r.serverCpuPerUnit());
            assertTrue(r.machineBusy() > 0 && r.machineBusy() <= 1, key + " machine busy " + r.machineBusy());
        }
    }

    private static long expectedRowsPerOp(CaseResult r, Report report) {
        BenchOptions o = report.options();
        switch (r.workload()) {
            case SERIES:
                return BenchData.SERIES_ROWS;
            case WIDE:
                return r.totalRows() / Math.max(1, r.totalOps()); // checked per operation against pg_type
            case BATCH:
                return o.batchRows;
            case COPY:
                return o.copyRows;
            case STREAM:
                return Math.min(o.streamRows, o.scale * 100_000L);
            default:
                return 1;
        }
    }
}
