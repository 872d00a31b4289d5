package io.pgjet.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.Connection;
import io.pgjet.ConnectionConfig;
import io.pgjet.LogCapture;
import io.pgjet.PgConnectionException;
import io.pgjet.PgException;
import io.pgjet.PgHost;
import io.pgjet.PgJet;
import io.pgjet.Pool;
import io.pgjet.PoolOptions;
import io.pgjet.testkit.PgServer;
import io.pgjet.testkit.PgTestServer;
import java.net.ServerSocket;
import java.util.List;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PgJet's System.Logger output, captured through java.util.logging (System.Logger's default
 * backend): connects, host fallback, re-prepares, pool grow/shrink and lost connections are
 * logged, and neither the password nor any parameter value ever is.
 */
class DiagnosticLogsTest {
    private static final String SECRET_PARAMETER = "s3cret-parameter-value";
    private LogCapture logs;
    private List<String> lines;

    @BeforeEach
    void captureLogs() {
        logs = LogCapture.start(record -> record.getLevel() + " " + record.getLoggerName() + ": " + record.getMessage()
                + (record.getThrown() == null ? "" : " " + record.getThrown()));
        lines = logs.lines();
    }

    @AfterEach
    void stopCapturing() {
        logs.close();
    }

    private String line(String containing) {
        return lines.stream().filter(l -> l.contains(containing)).findFirst()
                .orElseThrow(() -> new AssertionError("no log line with \"" + containing + "\" in " + lines));
    }

    @Test
    void connectFallbackReprepareLostConnectionAndPoolSizeAreLoggedWithoutSecrets() throws Exception {
        PgServer server = PgTestServer.shared();
        String password = ConnectionConfig.parse(server.dsn()).password();
        assertNotNull(password, "the shared server authenticates with a password");
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort(); // closed again: nothing listens there
        }
        ConnectionConfig config = ConnectionConfig.parse(server.dsn()).toBuilder()
                .hosts(List.of(new PgHost("127.0.0.1", deadPort), new PgHost(server.host(), server.port()))).build();
        try (Connection conn = PgJet.connect(config)) {
            conn.fetch("select $1::text", SECRET_PARAMETER);
            assertThrows(PgException.class, () -> conn.fetch("select $1::int", SECRET_PARAMETER));
            conn.execute("create temp table obs_log (a int)");
            conn.fetch("select * from obs_log");
            conn.execute("alter table obs_log add column b text");
            assertEquals(List.of(), conn.fetch("select * from obs_log")); // re-prepared and re-run, not failed
            try (Connection killer = PgJet.connect(server.dsn())) {
                killer.fetch("select pg_terminate_backend($1)", conn.getServerPid());
            }
            assertThrows(PgConnectionException.class, () -> conn.fetch("select 1"));
        }
        try (Pool pool = PgJet.createPool(server.dsn(), PoolOptions.DEFAULT.withSize(0, 1))) {
            int pid;
            try (Connection pooled = pool.acquire()) {
                pid = pooled.getServerPid();
            }
            try (Connection killer = PgJet.connect(server.dsn())) {
                killer.fetch("select pg_terminate_backend($1)", pid);
            }
            // A free caller-driven connection reads nothing by itself: the pool's sweep (at most
            // every second) polls it and notices the server's goodbye.
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (lines.stream().noneMatch(l -> l.contains("pool dropped a broken connection"))
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            try (Connection replacement = pool.acquire()) {
                assertEquals(1, (int) replacement.<Integer>fetchVal("select 1"));
            }
        }

        assertTrue(line("could not connect to 127.0.0.1:" + deadPort).contains("trying the next host, " + server.host()));
        assertTrue(line("connected to " + server.host() + ":" + server.port()).contains("TLS: yes"));
        assertTrue(line("authenticated user").contains("SCRAM-SHA-256"));
        line("cached statement is stale after a schema change");
        line("connection lost: the server closed the connection");
        line("pool grew: opened a connection");
        line("pool shrank: closed a connection");
        line("pool dropped a broken connection");
        for (String l : lines) {
            assertFalse(l.contains(password), "password in: " + l);
            assertFalse(l.contains(SECRET_PARAMETER), "parameter value in: " + l);
        }
    }
}
