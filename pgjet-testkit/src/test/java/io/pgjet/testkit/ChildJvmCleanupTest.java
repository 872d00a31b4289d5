package io.pgjet.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Clusters outlive neither a JVM that exits nor, after the next start, one that was killed. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ChildJvmCleanupTest {

    /** What the child printed: its postmaster pid and work directory. */
    private record Child(Process process, long postmasterPid, Path workDir, Path socketDir) {
    }

    @Test
    void childJvmExitingNormallyLeavesNoServerBehind() throws Exception {
        Child child = startChild(false);
        assertTrue(child.process().waitFor(60, TimeUnit.SECONDS), "child JVM did not exit");
        assertEquals(0, child.process().exitValue());
        assertFalse(Postmaster.isAlive(child.postmasterPid()), "postmaster survived its JVM");
        assertFalse(Files.exists(child.workDir()), child.workDir() + " survived its JVM");
    }

    @Test
    void killedChildJvmClusterIsReapedByTheNextStart() throws Exception {
        Child child = startChild(true);
        child.process().destroyForcibly();
        assertTrue(child.process().waitFor(30, TimeUnit.SECONDS));
        // SIGKILL runs no shutdown hook: the server is orphaned until a cluster start reaps it
        // (ours below, or one in another JVM on this machine that happens to start first).
        try (PgCluster next = PgCluster.builder().auth(AuthMethod.TRUST).start()) {
            assertTrue(next.isRunning());
        }
        assertTrue(Postmaster.waitForExit(child.postmasterPid(), Duration.ofSeconds(10)),
                "stale postmaster was not stopped");
        assertFalse(Files.exists(child.workDir()), child.workDir() + " was not reaped");
        assertFalse(Files.exists(child.socketDir()), child.socketDir() + " was not reaped");
    }

    private static Child startChild(boolean waitToBeKilled) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        for (String prop : List.of(OsUser.USER_PROPERTY, BinaryCache.CACHE_PROPERTY, ClusterWorkDir.ROOT_PROPERTY,
                PgBinaries.BIN_PROPERTY, PgBinaries.VERSION_PROPERTY, "maven.repo.local", "java.io.tmpdir")) {
            if (System.getProperty(prop) != null) {
                cmd.add("-D" + prop + "=" + System.getProperty(prop));
            }
        }
        cmd.add(ChildJvmMain.class.getName());
        if (waitToBeKilled) {
            cmd.add("wait");
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line; (line = r.readLine()) != null; ) {
            seen.append(line).append('\n');
            if (line.startsWith("CLUSTER ")) {
                String[] f = line.split(" ");
                // Keep draining output so the child never blocks on a full pipe.
                Thread drain = new Thread(() -> {
                    try {
                        r.lines().forEach(l -> { });
                    } catch (java.io.UncheckedIOException closedWhenChildDied) {
                        // nothing more to drain
                    }
                }, "child-output");
                drain.setDaemon(true);
                drain.start();
                return new Child(p, Long.parseLong(f[1]), Path.of(f[2]), Path.of(f[3]));
            }
        }
        p.waitFor(10, TimeUnit.SECONDS);
        assertNotNull(null, "child JVM printed no cluster line:\n" + seen);
        throw new AssertionError();
    }
}
