package io.pgjet.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.testkit.PgTestServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pgjet-jdbc contestant runs the JDBC comparisons (point, pool, batch, wide) beside pgjdbc with
 * correct results, and pgjdbc's URLs still reach pgjdbc although PgJet's driver is on the class path.
 */
class PgJetJdbcContestantTest {

    @Test
    void runsTheJdbcWorkloadsBesidePgjdbcAndEveryResultChecksOut(@TempDir Path out) throws Exception {
        BenchOptions options = BenchOptions.parse("--smoke", "--seconds", "0.3", "--warmup", "0.1",
                "--drivers", "pgjet-jdbc,pgjdbc", "--workload", "point,pool,batch,wide,copy", "--conns", "1",
                "--callers", "8", "--out", out.toString());
        BenchTarget target = BenchTarget.of(PgTestServer.shared());
        Report report = new Bench(options, target, line -> { }).run();
        Set<String> ran = new TreeSet<>();
        for (CaseResult r : report.results()) {
            String key = r.workload().id() + "/" + r.driver().id();
            if (r.unsupported() != null) {
                assertEquals("copy/pgjet-jdbc", key, "only copy is left to the other contestants: " + r.unsupported());
                continue;
            }
            assertTrue(r.ok(), key + " failed: " + r.error());
            assertTrue(r.totalOps() > 0, key + " completed no operation");
            ran.add(key);
        }
        for (String workload : new String[] {"point", "pool", "batch", "wide"}) {
            assertTrue(ran.contains(workload + "/pgjet-jdbc"), workload + " did not run for pgjet-jdbc: " + ran);
            assertTrue(ran.contains(workload + "/pgjdbc"), workload + " did not run for pgjdbc: " + ran);
        }
        try (Connection admin = target.adminConnection()) {
            assertFalse(admin.getClass().getName().startsWith("io.pgjet"), "admin connection: " + admin.getClass());
        }
    }
}
