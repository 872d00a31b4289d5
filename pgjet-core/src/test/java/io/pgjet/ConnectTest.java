package io.pgjet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.testkit.AuthMethod;
import io.pgjet.testkit.PgCluster;
import io.pgjet.testkit.PgServer;
import io.pgjet.testkit.PgTestServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connecting the libpq way: TCP, unix sockets, timeouts, sslmode fallbacks, ~/.pgpass. */
class ConnectTest {
    private final PgServer server = PgTestServer.shared();

    @Test
    void connectsOverTcpWithUriDsn() {
        try (Connection conn = PgJet.connect(server.dsn())) {
            assertEquals(server.user(), conn.fetchRow("select current_user").getString(0));
            assertTrue(conn.getServerPid() > 0);
            assertTrue(conn.getSettings().containsKey("TimeZone"));
            assertTrue(conn.getSettings().containsKey("integer_datetimes"));
            assertTrue(conn.getSettings().containsKey("standard_conforming_strings"));
        }
    }

    @Test
    void connectsOverUnixSocket() {
        PgCluster cluster = (PgCluster) server;
        String dsn = "postgresql://" + enc(cluster.user()) + ":" + enc(cluster.password()) + "@/"
                + cluster.database() + "?host=" + enc(cluster.socketDirectory().toString()) + "&port=" + cluster.port();
        try (Connection conn = PgJet.connect(dsn)) {
            // inet_client_addr() is NULL for unix-socket connections
            assertTrue(conn.fetchRow("select inet_client_addr()").isNull(0));
        }
    }

    @Test
    void connectsWithKeywordValueDsnAndApplicationName() {
        String dsn = "host=127.0.0.1 port=" + server.port() + " dbname=" + server.database() + " user=" + server.user()
                + " password='" + server.password().replace("\\", "\\\\").replace("'", "\\'") + "'"
                + " application_name='pgjet test' options='-c search_path=pg_catalog'";
        try (Connection conn = PgJet.connect(dsn)) {
            assertEquals("pgjet test", conn.fetchRow("show application_name").getString(0));
            assertEquals("pg_catalog", conn.fetchRow("show search_path").getString(0));
        }
    }

    @Test
    void passwordComesFromPgpassFile(@TempDir Path dir) throws IOException {
        Path pgpass = dir.resolve("pgpass");
        Files.writeString(pgpass, "# test\n127.0.0.1:" + server.port() + ":*:" + server.user() + ":"
                + server.password().replace("\\", "\\\\").replace(":", "\\:") + "\n");
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
        String dsn = "postgresql://" + enc(server.user()) + "@127.0.0.1:" + server.port() + "/" + server.database()
                + "?passfile=" + enc(pgpass.toString());
        try (Connection conn = PgJet.connect(dsn)) {
            assertEquals("1", conn.fetchRow("select 1").getString(0));
        }
    }

    @Test
    void connectTimeoutBoundsAServerThatNeverAnswers() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            long start = System.nanoTime();
            PgConnectionException e = assertThrows(PgConnectionException.class, () -> PgJet.connect(
                    "postgresql://u:secretpw@127.0.0.1:" + silent.getLocalPort() + "/db?connect_timeout=2&sslmode=disable"));
            long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertTrue(millis >= 1500 && millis < 10_000, "took " + millis + " ms");
            assertTrue(e.getMessage().contains("timed out"), e.getMessage());
            assertFalse(e.getMessage().contains("secretpw"));
        }
    }

    @Test
    void connectTimeoutZeroWaitsIndefinitely() {
        // As libpq: 0 (or a negative value) means no limit; ConnectionConfig documents the same.
        String dsn = server.dsn() + (server.dsn().contains("?") ? "&" : "?") + "connect_timeout=0";
        assertEquals(Duration.ZERO, ConnectionConfig.parse(dsn).connectTimeout());
        try (Connection conn = PgJet.connect(dsn)) {
            assertEquals(1, conn.<Integer>fetchVal("select 1"));
        }
    }

    @Test
    void refusedConnectionNamesTheHost() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        PgConnectionException e = assertThrows(PgConnectionException.class,
                () -> PgJet.connect("postgresql://u@127.0.0.1:" + port + "/db?sslmode=disable"));
        assertTrue(e.getMessage().contains("127.0.0.1"), e.getMessage());
    }

    @Test
    void secondHostIsTriedWhenFirstIsDown() throws IOException {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = s.getLocalPort();
        }
        String dsn = "postgresql://" + enc(server.user()) + ":" + enc(server.password()) + "@127.0.0.1:" + deadPort
                + ",127.0.0.1:" + server.port() + "/" + server.database();
        try (Connection conn = PgJet.connect(dsn)) {
            assertEquals("1", conn.fetchRow("select 1").getString(0));
        }
    }

    @Test
    void sslModePreferUsesTlsWhenServerOffersIt() {
        try (Connection conn = PgJet.connect(with(server.dsn(), "sslmode=prefer"))) {
            assertEquals("t", conn.fetchRow("select ssl from pg_stat_ssl where pid = pg_backend_pid()").getString(0));
        }
    }

    @Test
    void sslModePreferFallsBackToPlainAndRequireRefusesWhenServerHasNoTls() {
        try (PgCluster plain = PgCluster.builder().auth(AuthMethod.SCRAM_SHA_256).tls(false).start()) {
            try (Connection conn = PgJet.connect(with(plain.dsn(), "sslmode=prefer"))) {
                assertEquals("f", conn.fetchRow("select ssl from pg_stat_ssl where pid = pg_backend_pid()").getString(0));
            }
            try (Connection conn = PgJet.connect(with(plain.dsn(), "sslmode=allow"))) {
                assertEquals("f", conn.fetchRow("select ssl from pg_stat_ssl where pid = pg_backend_pid()").getString(0));
            }
            PgConnectionException e = assertThrows(PgConnectionException.class,
                    () -> PgJet.connect(with(plain.dsn(), "sslmode=require")));
            assertTrue(e.getMessage().contains("does not support SSL"), e.getMessage());
        }
    }

    @Test
    void sslModeAllowRetriesWithTlsWhenServerDemandsIt() {
        try (PgCluster tlsOnly = PgCluster.builder().auth(AuthMethod.SCRAM_SHA_256).tls(true)
                .hbaLine("hostnossl all all 127.0.0.1/32 reject").start()) {
            try (Connection conn = PgJet.connect(with(tlsOnly.dsn(), "sslmode=allow"))) {
                assertEquals("t", conn.fetchRow("select ssl from pg_stat_ssl where pid = pg_backend_pid()").getString(0));
            }
        }
    }

    @Test
    void badDsnIsClearErrorWithoutPassword() {
        InvalidDsnException e = assertThrows(InvalidDsnException.class,
                () -> PgJet.connect("postgresql://u:hunter2@localhost:54x2/db"));
        assertTrue(e.getMessage().contains("port"), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"));
    }

    static String with(String dsn, String parameter) {
        return dsn + (dsn.contains("?") ? "&" : "?") + parameter;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
