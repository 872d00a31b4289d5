package io.pgjet.r2dbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Statements: binding by index and by name, batches with add(), generated values, fetch size. */
class R2dbcStatementTest extends SharedConnectionTest {
    @BeforeEach
    void table() {
        run("DROP TABLE IF EXISTS stmt_items");
        run("CREATE TABLE stmt_items (id serial PRIMARY KEY, name text, qty int)");
    }

    private static void run(String sql) {
        Flux.from(connection.createStatement(sql).execute()).flatMap(Result::getRowsUpdated).blockLast(WAIT);
    }

    private static List<Long> counts(Statement statement) {
        return Flux.from(statement.execute()).concatMap(Result::getRowsUpdated).collectList().block(WAIT);
    }

    @Test
    void bindsByIndexAndByDollarName() {
        Statement insert = connection.createStatement("INSERT INTO stmt_items (name, qty) VALUES ($1, $2)")
                .bind(0, "apple").bind("$2", 3);
        assertEquals(List.of(1L), counts(insert));
        String name = Flux.from(connection.createStatement("SELECT name FROM stmt_items WHERE qty = $1").bind("$1", 3)
                .execute()).flatMap(r -> r.map((row, md) -> row.get("name", String.class))).blockLast(WAIT);
        assertEquals("apple", name);
    }

    @Test
    void bindNullSendsSqlNull() {
        counts(connection.createStatement("INSERT INTO stmt_items (name, qty) VALUES ($1, $2)")
                .bindNull(0, String.class).bind(1, 1));
        Long nulls = Flux.from(connection.createStatement("SELECT count(*) FROM stmt_items WHERE name IS NULL").execute())
                .flatMap(r -> r.map((row, md) -> row.get(0, Long.class))).blockLast(WAIT);
        assertEquals(1L, nulls);
    }

    @Test
    void badBindsFailAtOnceWithTheSpiExceptions() {
        Statement statement = connection.createStatement("SELECT $1::int + $2::int, '$3', \"$4\" -- $5\n /* $6 */");
        assertThrows(IndexOutOfBoundsException.class, () -> statement.bind(2, 1));
        assertThrows(NoSuchElementException.class, () -> statement.bind("$3", 1));
        assertThrows(NoSuchElementException.class, () -> statement.bind("x", 1));
        assertThrows(IllegalArgumentException.class, () -> statement.bind(0, null));
        statement.bind(0, 1);
        assertThrows(IllegalStateException.class, statement::add);
        assertThrows(IllegalStateException.class, statement::execute);
    }

    @Test
    void batchOfSingleRowInsertsGivesOneResultPerBindingAllOrNothing() {
        Statement insert = connection.createStatement("INSERT INTO stmt_items (name, qty) VALUES ($1, $2)");
        for (int i = 0; i < 50; i++) {
            insert.bind(0, "n" + i).bind(1, i);
            if (i < 49) {
                insert.add();
            }
        }
        List<Long> counts = counts(insert);
        assertEquals(50, counts.size());
        assertTrue(counts.stream().allMatch(c -> c == 1L), counts::toString);

        Statement failing = connection.createStatement("INSERT INTO stmt_items (id, name) VALUES ($1, $2)")
                .bind(0, 1000).bind(1, "a").add().bind(0, 1000).bind(1, "duplicate");
        assertThrows(io.r2dbc.spi.R2dbcDataIntegrityViolationException.class, () -> counts(failing));
        Long kept = Flux.from(connection.createStatement("SELECT count(*) FROM stmt_items WHERE id = 1000").execute())
                .flatMap(r -> r.map((row, md) -> row.get(0, Long.class))).blockLast(WAIT);
        assertEquals(0L, kept, "a failed insert batch applies nothing");
    }

    @Test
    void batchOfUpdatesReportsEachBindingsOwnCount() {
        counts(connection.createStatement("INSERT INTO stmt_items (name, qty) SELECT 'x', g FROM generate_series(1, 10) g"));
        Statement update = connection.createStatement("UPDATE stmt_items SET name = 'y' WHERE qty <= $1")
                .bind(0, 3).add().bind(0, 0).add().bind(0, 10);
        assertEquals(List.of(3L, 0L, 10L), counts(update));
    }

    @Test
    void returnGeneratedValuesReturnsTheNamedColumnsOrAll() {
        List<Integer> ids = Flux.from(connection.createStatement("INSERT INTO stmt_items (name, qty) VALUES ($1, 1)")
                .bind(0, "a").add().bind(0, "b").returnGeneratedValues("id").execute())
                .concatMap(r -> r.map((row, md) -> row.get("id", Integer.class))).collectList().block(WAIT);
        assertEquals(2, ids.size());
        assertTrue(ids.get(0) < ids.get(1));
        List<String> columns = Flux.from(connection.createStatement("UPDATE stmt_items SET qty = 2 WHERE name = 'a';")
                .returnGeneratedValues().execute())
                .concatMap(r -> r.map((row, md) -> md.getColumnMetadatas().size() + ":" + row.get("qty"))).collectList()
                .block(WAIT);
        assertEquals(List.of("3:2"), columns);
    }

    @Test
    void fetchSizeInsideATransactionStreamsEveryRowInOrder() {
        Long total = Flux.usingWhen(R2dbcTestSupport.factory().create(), c -> Mono.from(c.beginTransaction())
                .thenMany(Flux.from(c.createStatement("SELECT g FROM generate_series(1, 20000) g").fetchSize(250).execute()))
                .concatMap(r -> r.map((row, md) -> row.get(0, Integer.class)))
                .reduce(0L, (sum, v) -> sum + v)
                .flatMapMany(sum -> Flux.from(c.rollbackTransaction()).then(Mono.just(sum))), c -> c.close())
                .blockLast(WAIT);
        assertEquals(20000L * 20001 / 2, total);
    }

    @Test
    void fetchSizeStreamStopsEarlyWhenTheSubscriberTakesFewRows() {
        List<Integer> firstRows = Flux.usingWhen(R2dbcTestSupport.factory().create(), c -> Mono.from(c.beginTransaction())
                .thenMany(Flux.from(c.createStatement("SELECT g FROM generate_series(1, 1000000) g").fetchSize(100).execute()))
                .concatMap(r -> Flux.from(r.map((row, md) -> row.get(0, Integer.class))).take(3))
                .collectList()
                .flatMapMany(rows -> Flux.from(c.createStatement("SELECT 1").execute())
                        .concatMap(r -> r.map((row, md) -> row.get(0))).then(Mono.just(rows))), c -> c.close())
                .blockLast(WAIT);
        assertEquals(List.of(1, 2, 3), firstRows, "a million rows are never read whole: the cursor fetches 100 at a time");
    }

    @Test
    void compoundStatementGivesOneResultPerStatement() {
        List<Object> values = Flux.from(connection.createStatement("SELECT 1 AS a; SELECT 'two' AS b; "
                + "INSERT INTO stmt_items (name) VALUES ('c')").execute())
                .concatMap(r -> Flux.from(r.flatMap(segment -> segment instanceof Result.RowSegment row
                        ? Mono.just(row.row().get(0)) : segment instanceof Result.UpdateCount count
                        ? Mono.just("count " + count.value()) : Mono.empty())))
                .collectList().block(WAIT);
        assertEquals(List.of(1, "count 1", "two", "count 1", "count 1"), values);
    }
}
