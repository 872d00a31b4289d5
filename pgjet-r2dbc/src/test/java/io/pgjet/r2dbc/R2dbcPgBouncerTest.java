package io.pgjet.r2dbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pgjet.ConnectionConfig;
import io.pgjet.SslMode;
import io.pgjet.testkit.PgBouncer;
import io.pgjet.testkit.PgTestServer;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Result;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The R2DBC driver with {@code transaction_pooler} behind pgbouncer in transaction mode, where two
 * client connections share one server connection: bound statements (repeated, so a named
 * statement would be cached and collide), a batch in a transaction and a fetch-size read all work,
 * and no named statement is left on the server.
 */
class R2dbcPgBouncerTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void statementsBatchesAndTransactionsWorkBehindPgbouncerTransactionMode() {
        try (PgBouncer bouncer = PgBouncer.start(PgTestServer.shared(), PgBouncer.PoolMode.TRANSACTION,
                Map.of("default_pool_size", "1"))) {
            ConnectionConfig config = ConnectionConfig.builder().host(bouncer.host(), bouncer.port())
                    .user(bouncer.user()).password(bouncer.password()).database(bouncer.database())
                    .sslMode(SslMode.DISABLE).transactionPooler(true).build();
            PgJetConnectionFactory factory = PgJetConnectionFactory.of(config);
            Connection a = Mono.from(factory.create()).block(WAIT);
            Connection b = Mono.from(factory.create()).block(WAIT);
            try {
                run(a, "DROP TABLE IF EXISTS r2dbc_bouncer");
                run(a, "CREATE TABLE r2dbc_bouncer (id int, name text)");
                for (int i = 0; i < 5; i++) {
                    assertEquals(i + 1, (int) one(a, "SELECT $1::int + 1", i, Integer.class));
                    assertEquals("xb", one(b, "SELECT $1::text || 'b'", "x", String.class));
                }
                Mono.from(a.beginTransaction()).block(WAIT);
                List<Long> counts = Flux.from(a.createStatement("INSERT INTO r2dbc_bouncer VALUES ($1, $2)")
                        .bind(0, 1).bind(1, "one").add().bind(0, 2).bind(1, "two").add().bind(0, 3).bind(1, "three")
                        .execute()).concatMap(Result::getRowsUpdated).collectList().block(WAIT);
                assertEquals(3L, counts.stream().mapToLong(Long::longValue).sum());
                Mono.from(a.commitTransaction()).block(WAIT);
                List<String> names = Flux.from(b.createStatement("SELECT name FROM r2dbc_bouncer ORDER BY id")
                        .fetchSize(2).execute()).concatMap(r -> r.map((row, md) -> row.get(0, String.class)))
                        .collectList().block(WAIT);
                assertEquals(List.of("one", "two", "three"), names);
                assertEquals(0L, (long) one(b, "SELECT count(*) FROM pg_prepared_statements WHERE $1", true, Long.class));
                run(a, "DROP TABLE r2dbc_bouncer");
            } finally {
                Mono.from(a.close()).block(WAIT);
                Mono.from(b.close()).block(WAIT);
            }
        }
    }

    private static void run(Connection connection, String sql) {
        Flux.from(connection.createStatement(sql).execute()).flatMap(Result::getRowsUpdated).blockLast(WAIT);
    }

    private static <T> T one(Connection connection, String sql, Object arg, Class<T> type) {
        return Flux.from(connection.createStatement(sql).bind(0, arg).execute())
                .concatMap(r -> r.map((row, md) -> row.get(0, type))).blockLast(WAIT);
    }
}
