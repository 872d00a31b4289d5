package io.pgjet.internal;

import io.pgjet.internal.conn.RealConnection;

import static io.pgjet.internal.Servers.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.PgAuthenticationException;
import io.pgjet.PgConnectionException;
import io.pgjet.PgException;
import io.pgjet.PgJetException;
import io.pgjet.errors.InvalidPasswordException;
import io.pgjet.testkit.AuthMethod;
import io.pgjet.testkit.PgCluster;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every authentication method against every TLS mode, on the newest and the oldest supported
 * PostgreSQL: {trust, password, md5, scram-sha-256} x {sslmode disable, require, verify-full},
 * SCRAM-SHA-256-PLUS, client certificates and direct TLS negotiation.
 */
public class AuthTlsMatrixTest {
    private static final String PASSWORD = "s3cret pässword";
    private static final Map<String, PgCluster> CLUSTERS = new ConcurrentHashMap<>();

    static PgCluster cluster(String version) {
        return CLUSTERS.computeIfAbsent(version, v -> {
            PgCluster cluster = PgCluster.builder()
                    .version(v)
                    .auth(AuthMethod.SCRAM_SHA_256)
                    .tls(true)
                    .tlsClientUser("cert_user")
                    .hbaLine("host all trust_user 127.0.0.1/32 trust")
                    .hbaLine("host all password_user 127.0.0.1/32 password")
                    .hbaLine("host all md5_user 127.0.0.1/32 md5")
                    .hbaLine("host all scram_user 127.0.0.1/32 scram-sha-256")
                    .hbaLine("hostssl all cert_user 127.0.0.1/32 cert")
                    .start();
            RealConnection admin = Servers.connect(cluster.dsn());
            try {
                String pw = "'" + PASSWORD.replace("'", "''") + "'";
                await(admin.simpleQuery("create role trust_user login;"
                        + "set password_encryption = 'scram-sha-256';"
                        + "create role password_user login password " + pw + ";"
                        + "create role scram_user login password " + pw + ";"
                        + "create role cert_user login;"
                        + "set password_encryption = 'md5';"
                        + "create role md5_user login password " + pw + ";"));
            } finally {
                admin.terminate();
            }
            return cluster;
        });
    }

    @AfterAll
    static void stopClusters() {
        CLUSTERS.values().forEach(PgCluster::close);
        CLUSTERS.clear();
    }

    /** Opens a connection over the transport under test: PgJet's event loops here. */
    protected RealConnection connect(String dsn) {
        return Servers.connect(dsn);
    }

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (String version : List.of("18", "13")) {
            for (String user : List.of("trust_user", "password_user", "md5_user", "scram_user")) {
                for (String sslmode : List.of("disable", "require", "verify-full")) {
                    cases.add(Arguments.of(version, user, sslmode));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "PostgreSQL {0}: {1} with sslmode={2}")
    @MethodSource("matrix")
    void authMethodConnectsUnderSslMode(String version, String user, String sslmode) {
        PgCluster cluster = cluster(version);
        String host = sslmode.equals("verify-full") ? "localhost" : "127.0.0.1";
        RealConnection conn = connect(dsn(cluster, user, PASSWORD, host, "sslmode=" + sslmode));
        try {
            assertEquals(user, Servers.single(await(conn.query("select current_user"))));
            String ssl = Servers.single(await(conn.query("select ssl from pg_stat_ssl where pid = pg_backend_pid()")));
            assertEquals(sslmode.equals("disable") ? "f" : "t", ssl);
        } finally {
            conn.terminate();
        }
    }

    @ParameterizedTest(name = "PostgreSQL {0}: wrong password refused for {1}")
    @MethodSource("passwordUsers")
    void wrongPasswordIsRefusedWithServerError(String version, String user) {
        PgCluster cluster = cluster(version);
        PgException e = assertThrows(PgException.class,
                () -> connect(dsn(cluster, user, "wrong", "127.0.0.1", "sslmode=require")));
        assertInstanceOf(InvalidPasswordException.class, e);
        assertFalse(e.getMessage().contains("wrong"), "the password must not appear in the error");
    }

    static Stream<Arguments> passwordUsers() {
        List<Arguments> cases = new ArrayList<>();
        for (String version : List.of("18", "13")) {
            for (String user : List.of("password_user", "md5_user", "scram_user")) {
                cases.add(Arguments.of(version, user));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @ValueSource(strings = {"18", "13"})
    void missingPasswordIsClearClientError(String version) {
        PgCluster cluster = cluster(version);
        PgConnectionException e = assertThrows(PgConnectionException.class, () -> connect(
                "postgresql://scram_user@127.0.0.1:" + cluster.port() + "/postgres?sslmode=disable&passfile=/nonexistent"));
        assertTrue(e.getMessage().contains("no password"), e.getMessage());
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @ValueSource(strings = {"18", "13"})
    void scramSha256PlusBindsToTlsChannel(String version) {
        PgCluster cluster = cluster(version);
        RealConnection conn = connect(dsn(cluster, "scram_user", PASSWORD, "127.0.0.1",
                "sslmode=require&channel_binding=require"));
        try {
            assertEquals("scram_user", Servers.single(await(conn.query("select current_user"))));
        } finally {
            conn.terminate();
        }
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @ValueSource(strings = {"18", "13"})
    void channelBindingRequiredWithoutTlsIsRefused(String version) {
        PgCluster cluster = cluster(version);
        PgAuthenticationException e = assertThrows(PgAuthenticationException.class, () -> connect(
                dsn(cluster, "scram_user", PASSWORD, "127.0.0.1", "sslmode=disable&channel_binding=require")));
        assertTrue(e.getMessage().contains("channel binding"), e.getMessage());
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @ValueSource(strings = {"18", "13"})
    void channelBindingRequiredRefusesPasswordMethod(String version) {
        PgCluster cluster = cluster(version);
        assertThrows(PgAuthenticationException.class, () -> connect(
                dsn(cluster, "md5_user", PASSWORD, "127.0.0.1", "sslmode=require&channel_binding=require")));
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @ValueSource(strings = {"18", "13"})
    void clientCertificateAuthenticates(String version) {
        PgCluster cluster = cluster(version);
        String params = "sslmode=verify-full&sslrootcert=" + enc(cluster.tls().caCertificate().toString())
                + "&sslcert=" + enc(cluster.tls().clientCertificate().toString())
                + "&sslkey=" + enc(cluster.tls().clientKey().toString());
        RealConnection conn = connect("postgresql://cert_user@localhost:" + cluster.port() + "/postgres?" + params);
        try {
            assertEquals("cert_user", Servers.single(await(conn.query("select current_user"))));
        } finally {
            conn.terminate();
        }
    }

    @Test
    void directTlsNegotiationWorksOnPostgres17AndLater() {
        PgCluster cluster = cluster("18");
        RealConnection conn = connect(dsn(cluster, "scram_user", PASSWORD, "localhost",
                "sslmode=verify-full&sslnegotiation=direct"));
        try {
            assertEquals("t", Servers.single(await(conn.query("select ssl from pg_stat_ssl where pid = pg_backend_pid()"))));
        } finally {
            conn.terminate();
        }
    }

    @Test
    void directTlsNegotiationFailsClearlyOnOldServer() {
        PgCluster cluster = cluster("13");
        assertThrows(PgJetException.class, () -> connect(dsn(cluster, "scram_user", PASSWORD, "localhost",
                "sslmode=verify-full&sslnegotiation=direct&connect_timeout=10")));
    }

    @Test
    void verifyFullRejectsServerWhoseCertificateDoesNotMatchHost() {
        PgCluster cluster = cluster("18");
        PgConnectionException e = assertThrows(PgConnectionException.class, () -> connect(
                "postgresql://scram_user:x@127.0.0.1:" + cluster.port() + "/postgres?sslmode=verify-full&sslrootcert="
                        + enc(otherCa())));
        assertTrue(e.getMessage().contains("TLS"), e.getMessage());
    }

    @Test
    void protocolVersionIsNegotiatedPerServer() {
        RealConnection newest = connect(dsn(cluster("18"), "trust_user", "", "127.0.0.1", "sslmode=disable"));
        RealConnection oldest = connect(dsn(cluster("13"), "trust_user", "", "127.0.0.1", "sslmode=disable"));
        try {
            assertTrue(oldest.getServerVersion().startsWith("13."), oldest.getServerVersion());
            assertEquals(io.pgjet.protocol.ProtocolVersion.V3_2, newest.io().session().protocolVersion());
            assertEquals(io.pgjet.protocol.ProtocolVersion.V3_0, oldest.io().session().protocolVersion());
            assertEquals("1", Servers.single(await(oldest.query("select 1"))));
        } finally {
            newest.terminate();
            oldest.terminate();
        }
    }

    private static String otherCa() {
        // a CA that did not sign the server certificate: the 13 cluster's own CA
        return cluster("13").tls().caCertificate().toString();
    }

    private static String dsn(PgCluster cluster, String user, String password, String host, String params) {
        String sslRoot = "sslrootcert=" + enc(cluster.tls().caCertificate().toString());
        String auth = password.isEmpty() ? user : user + ":" + enc(password);
        return "postgresql://" + auth + "@" + host + ":" + cluster.port() + "/postgres?" + params + "&" + sslRoot;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
