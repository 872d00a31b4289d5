package io.pgjet.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What every cluster offers, checked on the JVM-wide shared one. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ClusterBasicsTest {

    @Test
    void settingsArePassedThroughToTheServer() throws Exception {
        PgCluster pg = SharedCluster.get();
        try (Connection c = Jdbc.connect(pg.jdbcUrl())) {
            assertEquals("200", Jdbc.queryString(c, "show max_connections"));
            assertEquals("off", Jdbc.queryString(c, "show fsync"));
            assertEquals("UTF8", Jdbc.queryString(c, "show server_encoding"));
            assertEquals("C", Jdbc.queryString(c, "select datcollate from pg_database where datname = 'postgres'"));
        }
    }

    @Test
    void unixSocketExistsInTheSocketDirectory() {
        PgCluster pg = SharedCluster.get();
        Path socket = pg.socketDirectory().resolve(".s.PGSQL." + pg.port());
        assertTrue(Files.exists(socket), socket + " missing");
        assertTrue(socket.toString().length() < 100, "socket path must fit in sun_path: " + socket);
    }

    @Test
    void versionAccessorsMatchWhatTheServerReports() throws Exception {
        PgCluster pg = SharedCluster.get();
        String number = pg.version().replaceFirst("^.*\\) ", "").split(" ")[0];
        try (Connection c = Jdbc.connect(pg.jdbcUrl())) {
            assertEquals(number, Jdbc.queryString(c, "show server_version").split(" ")[0]);
            assertEquals(Integer.toString(pg.majorVersion()),
                    Jdbc.queryString(c, "select current_setting('server_version_num')::int / 10000"));
        }
    }

    @Test
    void dsnAndJdbcUrlCarryEncodedCredentials() {
        PgCluster pg = SharedCluster.get();
        assertEquals("postgresql://" + pg.superuser() + ":" + pg.password() + "@127.0.0.1:" + pg.port() + "/postgres",
                pg.dsn());
        assertEquals("jdbc:postgresql://127.0.0.1:" + pg.port() + "/postgres?user=" + pg.superuser() + "&password="
                + pg.password(), pg.jdbcUrl());
        assertEquals("postgresql://a%20b:p%40%3A%2F%20w@127.0.0.1:5/postgres",
                ConnectionStrings.dsn("a b", "p@:/ w", "127.0.0.1", 5, "postgres", java.util.Map.of()));
    }

    @Test
    void serverRunsAsAnUnprivilegedUserAndOwnsItsFiles() throws Exception {
        PgCluster pg = SharedCluster.get();
        String status = Files.readString(Path.of("/proc", Long.toString(pg.postmasterPid()), "status"),
                StandardCharsets.UTF_8);
        String uid = status.lines().filter(l -> l.startsWith("Uid:")).findFirst().orElseThrow().split("\\s+")[1];
        assertNotEquals("0", uid, "postmaster must not run as root");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(pg.dataDirectory())));
        assertEquals(OsUser.current().name(), Files.getOwner(pg.dataDirectory()).getName());
    }

    @Test
    void serverLogIsKeptWhileTheClusterRuns() throws Exception {
        PgCluster pg = SharedCluster.get();
        assertTrue(Files.readString(pg.logFile()).contains("ready to accept connections"));
    }
}
