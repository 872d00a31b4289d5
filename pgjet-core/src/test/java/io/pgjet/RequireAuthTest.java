package io.pgjet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.testkit.AuthMethod;
import io.pgjet.testkit.PgCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code require_auth} against one server whose pg_hba gives each role another method (trust,
 * password, md5, scram-sha-256): an allowed method connects, a refused one fails with a
 * PgAuthenticationException before any password is sent (the server logs no failed
 * authentication), as libpq does.
 */
class RequireAuthTest {
    private static final String PASSWORD = "Req-Auth-Secret-7";
    private static PgCluster cluster;

    @BeforeAll
    static void start() {
        cluster = PgCluster.builder().auth(AuthMethod.SCRAM_SHA_256)
                .user("u_trust", PASSWORD).user("u_password", PASSWORD).user("u_md5", PASSWORD).user("u_scram", PASSWORD)
                .hbaLine("host all u_trust 127.0.0.1/32 trust")
                .hbaLine("host all u_password 127.0.0.1/32 password")
                .hbaLine("host all u_md5 127.0.0.1/32 md5")
                .setting("log_connections", "on")
                .start();
        try (Connection admin = PgJet.connect(cluster.dsn())) {
            // An MD5-stored password, so the md5 method really runs the MD5 exchange (not SCRAM).
            admin.execute("set password_encryption = 'md5'; alter role u_md5 password '" + PASSWORD + "'");
        }
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static String dsn(String user, String requireAuth) {
        return "postgresql://" + user + ":" + PASSWORD + "@127.0.0.1:" + cluster.port() + "/postgres?sslmode=disable"
                + (requireAuth == null ? "" : "&require_auth=" + requireAuth);
    }

    private static void connects(String user, String requireAuth) {
        try (Connection c = PgJet.connect(dsn(user, requireAuth))) {
            assertEquals(user, c.fetchVal("select current_user"), requireAuth);
        }
    }

    private static PgAuthenticationException refused(String user, String requireAuth) {
        PgAuthenticationException e = assertThrows(PgAuthenticationException.class,
                () -> PgJet.connect(dsn(user, requireAuth)).close(), user + " with " + requireAuth);
        assertTrue(e.getMessage().contains("require_auth=" + requireAuth), e.getMessage());
        assertFalse(e.getMessage().contains(PASSWORD), e.getMessage());
        return e;
    }

    @Test
    void allowedMethodsConnect() {
        connects("u_scram", "scram-sha-256");
        connects("u_md5", "md5");
        connects("u_password", "password");
        connects("u_trust", "none");
        connects("u_scram", "md5,scram-sha-256");
        connects("u_md5", "!password");
        connects("u_trust", "!scram-sha-256,!md5");
    }

    @Test
    void refusedMethodsFailBeforeTheClientAnswers() {
        assertTrue(refused("u_md5", "scram-sha-256").getMessage().contains("requested md5 authentication"));
        assertTrue(refused("u_password", "scram-sha-256,md5").getMessage().contains("requested password authentication"));
        assertTrue(refused("u_scram", "!scram-sha-256").getMessage().contains("requested scram-sha-256"));
        assertTrue(refused("u_scram", "none").getMessage().contains("nothing was sent"));
        assertTrue(refused("u_trust", "scram-sha-256").getMessage().contains("without authentication"));
        refused("u_trust", "!none");
        // Nothing was answered, so the server saw no wrong password (a wrong one would log this line).
        String log = readLog();
        assertFalse(log.contains("password authentication failed"), log);
    }

    @Test
    void invalidValuesAreRejectedWhenParsed() {
        assertThrows(InvalidDsnException.class, () -> ConnectionConfig.parse(dsn("u_scram", "kerberos")));
        assertThrows(InvalidDsnException.class, () -> ConnectionConfig.parse(dsn("u_scram", "md5,!password")));
        assertThrows(InvalidDsnException.class, () -> ConnectionConfig.parse(dsn("u_scram", "md5,md5")));
        assertThrows(PgInterfaceException.class, () -> ConnectionConfig.builder().requireAuth("md5,!none"));
        ConnectionConfig c = ConnectionConfig.builder().requireAuth(" scram-sha-256 ").build();
        assertEquals("scram-sha-256", c.requireAuth());
        assertTrue(c.toString().contains("requireAuth=scram-sha-256"), c.toString());
        assertEquals(c, c.toBuilder().build());
    }

    private static String readLog() {
        try {
            return java.nio.file.Files.readString(cluster.logFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
