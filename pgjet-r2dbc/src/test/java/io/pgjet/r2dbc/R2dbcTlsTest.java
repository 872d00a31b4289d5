package io.pgjet.r2dbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pgjet.testkit.AuthMethod;
import io.pgjet.testkit.PgCluster;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.R2dbcException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The ssl and sslMode options against a server that accepts TLS connections only. */
class R2dbcTlsTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static PgCluster cluster;

    @BeforeAll
    static void start() {
        cluster = PgCluster.builder().auth(AuthMethod.SCRAM_SHA_256).tls(true)
                .hbaLine("hostnossl all all 127.0.0.1/32 reject").start();
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    private static ConnectionFactoryOptions.Builder options() {
        return ConnectionFactoryOptions.builder()
                .option(ConnectionFactoryOptions.DRIVER, "pgjet")
                .option(ConnectionFactoryOptions.HOST, cluster.host())
                .option(ConnectionFactoryOptions.PORT, cluster.port())
                .option(ConnectionFactoryOptions.USER, cluster.user())
                .option(ConnectionFactoryOptions.PASSWORD, cluster.password())
                .option(ConnectionFactoryOptions.DATABASE, cluster.database());
    }

    private static Object ssl(ConnectionFactory factory) {
        return Flux.usingWhen(factory.create(), c -> Flux.from(c.createStatement(
                "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").execute())
                .concatMap(r -> r.map((row, md) -> row.get(0))), Connection::close).blockLast(WAIT);
    }

    @Test
    void verifyFullWithTheCaCertificateConnectsOverTls() {
        ConnectionFactory factory = ConnectionFactories.get(options()
                .option(PgJetR2dbcOptions.SSL_MODE, "verify-full")
                .option(PgJetR2dbcOptions.SSL_ROOT_CERT, cluster.tls().caCertificate().toString())
                .build());
        assertEquals(true, ssl(factory));
    }

    @Test
    void sslTrueRequiresTlsAndSslFalseIsRefusedByThisServer() {
        assertEquals(true, ssl(ConnectionFactories.get(options().option(ConnectionFactoryOptions.SSL, true).build())));
        R2dbcException refused = assertThrows(R2dbcException.class, () -> Mono.from(
                ConnectionFactories.get(options().option(ConnectionFactoryOptions.SSL, false).build()).create()).block(WAIT));
        assertEquals("28000", refused.getSqlState(), "pg_hba.conf rejects connections without TLS");
    }
}
