package io.pgjet.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Stop, restart, close and failed starts leave exactly what they promise. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LifecycleTest {

    @Test
    void closeStopsTheServerAndDeletesEveryDirectory() throws Exception {
        PgCluster pg = PgCluster.builder().tls(true).start();
        long pid = pg.postmasterPid();
        Path root = pg.dataDirectory().getParent();
        Path socketDir = pg.socketDirectory();
        assertTrue(Postmaster.isAlive(pid));
        pg.close();
        assertFalse(Postmaster.isAlive(pid), "postmaster " + pid + " still alive");
        assertFalse(Files.exists(Path.of("/proc", Long.toString(pid))) && Postmaster.isPostgres(pid));
        assertFalse(Files.exists(root), root + " still exists");
        assertFalse(Files.exists(socketDir), socketDir + " still exists");
        assertFalse(pg.isRunning());
        pg.close(); // idempotent
        assertThrows(IllegalStateException.class, pg::restart);
    }

    @Test
    void restartKeepsDataAndPort() throws Exception {
        try (PgCluster pg = PgCluster.builder().auth(AuthMethod.TRUST).start()) {
            try (Connection c = Jdbc.connect(pg.jdbcUrl())) {
                Jdbc.execute(c, "create table kept(x int); insert into kept values (42)");
            }
            long before = pg.postmasterPid();
            int port = pg.port();
            pg.stop();
            assertFalse(pg.isRunning());
            pg.restart();
            assertTrue(pg.isRunning());
            assertTrue(pg.postmasterPid() != before);
            assertEquals(port, pg.port());
            assertEquals("42", Jdbc.queryString(pg.jdbcUrl(), "select x from kept"));
            assertThrows(IllegalStateException.class, pg::tls, "TLS was not asked for");
        }
    }

    @Test
    void failedStartReportsTheServerLogTailAndLeavesNothingBehind() throws Exception {
        long before = clusterDirs();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            PgClusterException e = assertThrows(PgClusterException.class,
                    () -> PgCluster.builder().port(taken.getLocalPort()).start().close());
            assertTrue(e.getMessage().contains("server log (tail)"), e.getMessage());
            assertTrue(e.getMessage().contains("could not bind"), e.getMessage());
        }
        assertEquals(before, clusterDirs(), "the failed cluster's directory must be deleted");
    }

    @Test
    void invalidSettingIsReportedWithTheServerMessage() throws Exception {
        long before = clusterDirs();
        PgClusterException e = assertThrows(PgClusterException.class,
                () -> PgCluster.builder().setting("shared_buffers", "lots").start().close());
        assertTrue(e.getMessage().contains("invalid value for parameter \"shared_buffers\""), e.getMessage());
        assertEquals(before, clusterDirs());
    }

    @Test
    void passwordOfUnknownUserIsRefused() {
        PgCluster pg = SharedCluster.get();
        assertThrows(IllegalArgumentException.class, () -> pg.password("nobody"));
    }

    private static long clusterDirs() throws Exception {
        try (var s = Files.list(ClusterWorkDir.clustersRoot())) {
            long pid = ProcessHandle.current().pid();
            return s.filter(p -> {
                try {
                    return Files.readString(p.resolve(ClusterWorkDir.OWNER_FILE)).contains("pid=" + pid + "\n");
                } catch (Exception ex) {
                    return false;
                }
            }).count();
        }
    }
}
