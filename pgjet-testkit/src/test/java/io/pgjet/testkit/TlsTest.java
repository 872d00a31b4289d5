package io.pgjet.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The generated TLS material works with a verifying client and is laid out as PostgreSQL demands. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class TlsTest {

    @Test
    void verifyFullConnectionSucceedsAndPgStatSslReportsTls() throws Exception {
        PgCluster pg = SharedCluster.get();
        for (String host : List.of("127.0.0.1", "localhost")) {
            Properties p = Jdbc.verifyFull(pg.tls());
            p.setProperty("user", pg.superuser());
            p.setProperty("password", pg.password());
            try (Connection c = java.sql.DriverManager.getConnection(
                    "jdbc:postgresql://" + host + ":" + pg.port() + "/postgres", p)) {
                assertEquals("t", Jdbc.queryString(c, "select ssl from pg_stat_ssl where pid = pg_backend_pid()"));
                assertEquals("on", Jdbc.queryString(c, "show ssl"));
            }
        }
    }

    @Test
    void verifyFullRejectsAServerSignedByAnotherCa() throws Exception {
        PgCluster pg = SharedCluster.get();
        try (PgCluster other = PgCluster.builder().auth(AuthMethod.TRUST).tls(true).start()) {
            SQLException e = assertThrows(SQLException.class,
                    () -> Jdbc.connect(pg, pg.superuser(), pg.password(), Jdbc.verifyFull(other.tls())).close());
            assertEquals("08006", e.getSQLState(), e.getMessage());
        }
    }

    @Test
    void keyFilesArePrivateAndServerCertificateNamesLoopback() throws Exception {
        TlsMaterial tls = SharedCluster.get().tls();
        for (var key : List.of(tls.serverKey(), tls.clientKey(), tls.clientKeyPk8())) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)), key.toString());
        }
        assertEquals(OsUser.current().name(), Files.getOwner(tls.serverKey()).getName());
        assertTrue(Files.readString(tls.clientKey()).startsWith("-----BEGIN PRIVATE KEY-----"));
        X509Certificate server;
        try (var in = Files.newInputStream(tls.serverCertificate())) {
            server = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        String sans = server.getSubjectAlternativeNames().toString();
        assertTrue(sans.contains("localhost") && sans.contains("127.0.0.1") && sans.contains("0:0:0:0:0:0:0:1"), sans);
    }
}
