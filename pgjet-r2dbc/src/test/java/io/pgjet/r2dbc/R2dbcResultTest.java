package io.pgjet.r2dbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.PgException;
import io.r2dbc.spi.R2dbcBadGrammarException;
import io.r2dbc.spi.Result;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Results: map over rows and readables, update counts, filter, and segments (rows, counts, messages). */
class R2dbcResultTest extends SharedConnectionTest {
    private static Flux<Result> results(String sql) {
        return Flux.from(connection.createStatement(sql).execute());
    }

    @Test
    void mapOverReadableAndOverRowWithMetadata() {
        List<String> viaReadable = results("SELECT g, 'v' || g AS label FROM generate_series(1, 3) g")
                .concatMap(r -> r.map(readable -> readable.get("label", String.class))).collectList().block(WAIT);
        assertEquals(List.of("v1", "v2", "v3"), viaReadable);
        List<String> viaRow = results("SELECT 7 AS n")
                .concatMap(r -> r.map((row, md) -> md.getColumnMetadata(0).getName() + "=" + row.get(0))).collectList()
                .block(WAIT);
        assertEquals(List.of("n=7"), viaRow);
    }

    @Test
    void rowsUpdatedOfAQueryIsItsRowCountAndOfDdlIsEmpty() {
        assertEquals(5L, results("SELECT * FROM generate_series(1, 5)").concatMap(Result::getRowsUpdated).blockLast(WAIT));
        assertEquals(List.of(), results("CREATE TEMP TABLE IF NOT EXISTS result_ddl (a int)")
                .concatMap(Result::getRowsUpdated).collectList().block(WAIT));
    }

    @Test
    void filterKeepsOnlyTheChosenSegments() {
        List<Long> counts = results("SELECT * FROM generate_series(1, 4)")
                .concatMap(r -> r.filter(Result.UpdateCount.class::isInstance)
                        .flatMap(s -> Mono.just(((Result.UpdateCount) s).value()))).collectList().block(WAIT);
        assertEquals(List.of(4L), counts);
    }

    @Test
    void noticesArriveAsMessageSegmentsAndDoNotFailMap() {
        String sql = "DO $$ BEGIN RAISE NOTICE 'hello from plpgsql'; END $$";
        List<String> messages = results(sql).concatMap(r -> r.flatMap(segment -> segment instanceof Result.Message m
                ? Mono.just(m.message()) : Mono.empty())).collectList().block(WAIT);
        // The notice listener runs on a worker thread; give a late one a second chance.
        if (messages.isEmpty()) {
            messages = results("SELECT 1").concatMap(r -> r.flatMap(segment -> segment instanceof Result.Message m
                    ? Mono.just(m.message()) : Mono.empty())).collectList().block(WAIT);
        }
        assertEquals(1, messages.size(), messages::toString);
        assertTrue(messages.get(0).contains("hello from plpgsql"), messages::toString);
        assertEquals(List.of(), results(sql).concatMap(r -> r.map((row, md) -> row)).collectList().block(WAIT));
    }

    @Test
    void errorsAreMessageSegmentsToFlatMapAndOnErrorToMapAndRowsUpdated() {
        Result.Message message = results("SELECT * FROM no_such_table")
                .concatMap(r -> r.flatMap(segment -> Mono.just((Result.Message) segment))).blockLast(WAIT);
        assertEquals("42P01", message.sqlState());
        assertInstanceOf(R2dbcBadGrammarException.class, message.exception());
        assertInstanceOf(PgException.class, message.exception().getCause(), "PgJet's exception with every field stays the cause");
        assertThrows(R2dbcBadGrammarException.class,
                () -> results("SELECT * FROM no_such_table").concatMap(r -> r.map((row, md) -> row)).blockLast(WAIT));
        assertThrows(R2dbcBadGrammarException.class,
                () -> results("SELECT * FROM no_such_table").concatMap(Result::getRowsUpdated).blockLast(WAIT));
        assertEquals(1, results("SELECT 1").concatMap(r -> r.map((row, md) -> row.get(0))).blockLast(WAIT),
                "the connection stays usable after an error");
    }

    @Test
    void batchRunsEveryStatementInOrder() {
        List<Object> values = Flux.from(connection.createBatch().add("SELECT 1").add("SELECT 'b'").add("SELECT 3; SELECT 4")
                .execute()).concatMap(r -> r.map((row, md) -> row.get(0))).collectList().block(WAIT);
        assertEquals(List.of(1, "b", 3, 4), values);
    }
}
