package io.pgjet.r2dbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.AsyncConnection;
import io.pgjet.CopyOptions;
import io.pgjet.Notification;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Wrapped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** PgJet's extensions: COPY in and out as publishers, notifications, the PgJet connection underneath. */
class R2dbcExtensionsTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static PgJetR2dbcConnection connection;

    @BeforeAll
    static void open() {
        connection = Mono.from(R2dbcTestSupport.factory().create()).block(WAIT);
        Flux.from(connection.createStatement("CREATE TEMP TABLE ext_copy (id int, name text)").execute())
                .flatMap(Result::getRowsUpdated).blockLast(WAIT);
    }

    @AfterAll
    static void close() {
        Mono.from(connection.close()).block(WAIT);
    }

    private static long count(String sql) {
        return Flux.from(connection.createStatement(sql).execute()).concatMap(r -> r.map((row, md) -> row.get(0, Long.class)))
                .blockLast(WAIT);
    }

    @Test
    void copyInLoadsTextChunksFromAPublisher() {
        Flux<ByteBuffer> data = Flux.range(1, 1000)
                .map(i -> ByteBuffer.wrap((i + "\tname " + i + "\n").getBytes(StandardCharsets.UTF_8)));
        Long copied = Mono.from(connection.copyIn("ext_copy", data, CopyOptions.defaults())).block(WAIT);
        assertEquals(1000L, copied);
        assertEquals(1000L, count("SELECT count(*) FROM ext_copy WHERE name LIKE 'name %'"));
        Flux.from(connection.createStatement("TRUNCATE ext_copy").execute()).flatMap(Result::getRowsUpdated).blockLast(WAIT);
    }

    @Test
    void copyInRecordsLoadsJavaValuesWithBinaryCopy() {
        Long copied = Mono.from(connection.copyInRecords("ext_copy", Flux.range(1, 500).map(i -> new Object[] {i, "r" + i}),
                "id", "name")).block(WAIT);
        assertEquals(500L, copied);
        assertEquals(500L, count("SELECT count(*) FROM ext_copy WHERE name = 'r' || id"));
        Flux.from(connection.createStatement("TRUNCATE ext_copy").execute()).flatMap(Result::getRowsUpdated).blockLast(WAIT);
    }

    @Test
    void copyOutPublishesTheDataAndStopsWhenCancelled() {
        String text = Flux.from(connection.copyOut("SELECT g, 'x' || g FROM generate_series(1, 3) g", CopyOptions.defaults()))
                .map(buffer -> StandardCharsets.UTF_8.decode(buffer).toString()).reduce("", String::concat).block(WAIT);
        assertEquals("1\tx1\n2\tx2\n3\tx3\n", text);
        List<ByteBuffer> first = Flux.from(connection.copyOut("SELECT g FROM generate_series(1, 500000) g",
                CopyOptions.defaults())).take(2).collectList().block(WAIT);
        assertEquals(2, first.size());
        assertEquals(1L, count("SELECT 1::int8"), "the connection is usable after an abandoned COPY");
    }

    @Test
    void notificationsArriveThroughAPublisher() {
        PgJetR2dbcConnection sender = Mono.from(R2dbcTestSupport.factory().create()).block(WAIT);
        try {
            Flux<Notification> received = Flux.from(connection.notifications("r2dbc_events")).take(2).cache();
            received.subscribe();
            // LISTEN is issued on subscription; wait until the server has it before notifying.
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (count("SELECT count(*) FROM pg_listening_channels() c WHERE c = 'r2dbc_events'") == 0
                    && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            for (String payload : List.of("one", "two")) {
                Flux.from(sender.createStatement("SELECT pg_notify('r2dbc_events', $1)").bind(0, payload).execute())
                        .concatMap(r -> r.map((row, md) -> 1)).blockLast(WAIT);
            }
            List<String> payloads = received.map(Notification::payload).collectList().block(WAIT);
            assertEquals(List.of("one", "two"), payloads);
        } finally {
            Mono.from(sender.close()).block(WAIT);
        }
    }

    @Test
    void unwrapGivesThePgJetConnectionUnderneath() {
        AsyncConnection async = connection.unwrap();
        assertTrue(connection instanceof Wrapped<?>);
        assertSame(async, ((Wrapped<?>) connection).unwrap());
        assertEquals(2L, (Long) async.fetchVal("SELECT 2::int8").join());
    }
}
