package io.pgjet.r2dbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pgjet.SslMode;
import io.pgjet.testkit.PgServer;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** ConnectionFactories finds PgJet for r2dbc:pgjet and r2dbc:postgresql URLs, with the usual options. */
class R2dbcUrlTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static String url(String driver, String query) {
        PgServer server = R2dbcTestSupport.server();
        return "r2dbc:" + driver + "://" + URLEncoder.encode(server.user(), StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(server.password(), StandardCharsets.UTF_8) + "@" + server.host() + ":" + server.port()
                + "/" + server.database() + query;
    }

    private static List<Object> settings(ConnectionFactory factory, String... names) {
        return Flux.usingWhen(factory.create(), c -> Flux.fromArray(names).concatMap(name ->
                Flux.from(c.createStatement("SELECT current_setting($1)").bind(0, name).execute())
                        .concatMap(r -> r.map((row, md) -> row.get(0)))), Connection::close).collectList().block(WAIT);
    }

    @Test
    void pgjetUrlAppliesApplicationNameSchemaTimeoutsAndOptions() {
        ConnectionFactory factory = ConnectionFactories.get(url("pgjet",
                "?applicationName=orders-api&schema=sales,public&statementTimeout=PT2S&lockWaitTimeout=750ms"
                        + "&options=work_mem%3D8MB%3Bdatestyle%3DGerman&sslMode=disable&connectTimeout=PT5S"));
        assertInstanceOf(PgJetConnectionFactory.class, factory);
        PgJetConnectionFactory pgjet = (PgJetConnectionFactory) factory;
        assertEquals(SslMode.DISABLE, pgjet.config().sslMode());
        assertEquals(Duration.ofSeconds(5), pgjet.config().connectTimeout());
        assertEquals(List.of("orders-api", "sales,public", "2s", "750ms", "8MB", "German, DMY"), settings(factory,
                "application_name", "search_path", "statement_timeout", "lock_timeout", "work_mem", "DateStyle"));
    }

    @Test
    void postgresqlUrlAndProgrammaticOptionsAlsoReachPgJet() {
        assertInstanceOf(PgJetConnectionFactory.class, ConnectionFactories.get(url("postgresql", "")));
        PgServer server = R2dbcTestSupport.server();
        ConnectionFactory factory = ConnectionFactories.get(ConnectionFactoryOptions.builder()
                .option(ConnectionFactoryOptions.DRIVER, "pgjet")
                .option(ConnectionFactoryOptions.HOST, server.host())
                .option(ConnectionFactoryOptions.PORT, server.port())
                .option(ConnectionFactoryOptions.USER, server.user())
                .option(ConnectionFactoryOptions.PASSWORD, server.password())
                .option(ConnectionFactoryOptions.DATABASE, server.database())
                .option(ConnectionFactoryOptions.STATEMENT_TIMEOUT, Duration.ofMillis(1234))
                .option(PgJetR2dbcOptions.OPTIONS, java.util.Map.of("work_mem", "7MB"))
                .build());
        assertEquals(List.of("1234ms", "7MB"), settings(factory, "statement_timeout", "work_mem"));
    }

    @Test
    void badOptionValuesFailClearlyWithoutEchoingThem() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ConnectionFactories.get(url("pgjet", "?sslMode=sometimes")));
        assertEquals(true, error.getMessage().contains("sslMode"));
        assertThrows(IllegalArgumentException.class, () -> ConnectionFactories.get(url("pgjet", "?connectTimeout=soon")));
        assertThrows(IllegalStateException.class, () -> new PgJetConnectionFactoryProvider().create(
                ConnectionFactoryOptions.builder().option(ConnectionFactoryOptions.DRIVER, "pgjet").build()));
    }

    @Test
    void dsnOptionTakesALibpqConnectionString() {
        ConnectionFactory factory = ConnectionFactories.get(ConnectionFactoryOptions.builder()
                .option(ConnectionFactoryOptions.DRIVER, "pgjet")
                .option(PgJetR2dbcOptions.DSN, R2dbcTestSupport.server().dsn() + "?application_name=from-dsn")
                .build());
        assertEquals(List.of("from-dsn"), settings(factory, "application_name"));
        assertEquals(Boolean.TRUE, Mono.from(factory.create()).flatMap(c -> Mono.from(c.validate(
                io.r2dbc.spi.ValidationDepth.REMOTE)).flatMap(ok -> Mono.from(c.close()).thenReturn(ok))).block(WAIT));
    }
}
