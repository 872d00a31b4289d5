package io.pgjet.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every {@link AuthMethod} admits the right credentials and turns away wrong ones, as seen by pgjdbc. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class AuthMethodTest {

    @Test
    void trustClusterAcceptsAnyPassword() throws Exception {
        try (PgCluster pg = PgCluster.builder().auth(AuthMethod.TRUST).start()) {
            try (Connection c = Jdbc.connect(pg, pg.superuser(), "not-the-password", new Properties())) {
                assertEquals(pg.superuser(), Jdbc.queryString(c, "select current_user"));
            }
            assertTrue(pg.password().length() >= 20, "a random password is generated even under trust");
        }
    }

    @Test
    void passwordClusterAcceptsRightPasswordAndRejectsWrongOne() throws Exception {
        try (PgCluster pg = PgCluster.builder().auth(AuthMethod.PASSWORD).user("alice", "al'ice pw").start()) {
            assertEquals("alice", Jdbc.queryString(pg.jdbcUrl("alice"), "select current_user"));
            assertEquals(pg.superuser(), Jdbc.queryString(pg.jdbcUrl(), "select current_user"));
            SQLException e = assertThrows(SQLException.class,
                    () -> Jdbc.connect(pg, "alice", "wrong", new Properties()).close());
            assertEquals("28P01", e.getSQLState(), e.getMessage());
        }
    }

    @Test
    void md5ClusterStoresMd5HashesAndAcceptsRightPasswordOnly() throws Exception {
        try (PgCluster pg = PgCluster.builder().auth(AuthMethod.MD5).user("bob", "b0b-secret").start()) {
            try (Connection c = Jdbc.connect(pg.jdbcUrl("bob"))) {
                assertEquals("bob", Jdbc.queryString(c, "select current_user"));
            }
            try (Connection c = Jdbc.connect(pg.jdbcUrl())) {
                assertEquals("md5", Jdbc.queryString(c, "show password_encryption"));
                assertEquals("t", Jdbc.queryString(c,
                        "select bool_and(rolpassword like 'md5%') from pg_authid where rolname in ('bob', current_user)"));
            }
            SQLException e = assertThrows(SQLException.class,
                    () -> Jdbc.connect(pg, "bob", "wrong", new Properties()).close());
            assertEquals("28P01", e.getSQLState(), e.getMessage());
        }
    }

    @Test
    void scramClusterAcceptsRightPasswordAndRejectsWrongOne() throws Exception {
        PgCluster pg = SharedCluster.get();
        assertEquals(AuthMethod.SCRAM_SHA_256, pg.authMethod());
        try (Connection c = Jdbc.connect(pg, pg.superuser(), pg.password(), new Properties())) {
            assertEquals("scram-sha-256", Jdbc.queryString(c, "show password_encryption"));
            assertEquals("t", Jdbc.queryString(c,
                    "select rolpassword like 'SCRAM-SHA-256$%' from pg_authid where rolname = current_user"));
        }
        SQLException e = assertThrows(SQLException.class,
                () -> Jdbc.connect(pg, pg.superuser(), pg.password() + "x", new Properties()).close());
        assertEquals("28P01", e.getSQLState(), e.getMessage());
    }

    @Test
    void certClusterAcceptsClientCertificateOverVerifyFullTlsAndRejectsClientsWithout() throws Exception {
        try (PgCluster pg = PgCluster.builder().auth(AuthMethod.CERT).start()) {
            assertTrue(pg.hasTls(), "CERT implies TLS");
            assertEquals(pg.superuser(), pg.tls().clientUser());
            try (Connection c = Jdbc.connect(pg.jdbcUrl())) {
                assertEquals(pg.superuser(), Jdbc.queryString(c, "select current_user"));
                assertEquals("t", Jdbc.queryString(c, "select ssl from pg_stat_ssl where pid = pg_backend_pid()"));
            }
            // Right password, TLS verified, but no client certificate: cert auth must refuse.
            SQLException e = assertThrows(SQLException.class,
                    () -> Jdbc.connect(pg, pg.superuser(), pg.password(), Jdbc.verifyFull(pg.tls())).close());
            assertTrue(e.getSQLState().startsWith("28"), e.getSQLState() + " " + e.getMessage());
        }
    }

    @Test
    void hbaLineLetsOneUserUseCertificatesOnAPasswordCluster() throws Exception {
        try (PgCluster pg = PgCluster.builder().auth(AuthMethod.SCRAM_SHA_256).tls(true)
                .user("certuser", "unused-pw").tlsClientUser("certuser")
                .hbaLine("hostssl all certuser 127.0.0.1/32 cert").start()) {
            try (Connection c = Jdbc.connect(pg, "certuser", "wrong-password-ignored", Jdbc.withClientCert(pg.tls()))) {
                assertEquals("certuser", Jdbc.queryString(c, "select current_user"));
            }
            SQLException e = assertThrows(SQLException.class,
                    () -> Jdbc.connect(pg, "certuser", pg.password("certuser"), Jdbc.verifyFull(pg.tls())).close());
            assertTrue(e.getSQLState().startsWith("28"), e.getSQLState() + " " + e.getMessage());
            // Everyone else still authenticates with SCRAM.
            assertEquals(pg.superuser(), Jdbc.queryString(pg.jdbcUrl(), "select current_user"));
        }
    }
}
