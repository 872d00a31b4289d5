package io.pgjet.internal;

import io.pgjet.internal.batch.InsertChunks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.Connection;
import io.pgjet.ConnectionConfig;
import io.pgjet.PgInterfaceException;
import io.pgjet.PgJet;
import io.pgjet.PreparedStatement;
import io.pgjet.Transaction;
import io.pgjet.errors.UniqueViolationException;
import io.pgjet.LazyRows;
import io.pgjet.testkit.PgTestServer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * rewriteBatchedInserts against a real server: executeMany of a single-row INSERT ... VALUES
 * runs as one multi-row insert per chunk, with the same rows, count, atomicity and errors (as
 * row ranges) as the ordinary one-execution-per-row batch, which every other statement keeps.
 *
 * <p>Which path ran is seen through a FOR EACH STATEMENT trigger counting statements.
 */
class RewriteBatchedInsertsTest {
    private static final int CHUNK = InsertChunks.MAX_ROWS;

    private String schema;
    /** rewriteBatchedInserts on. */
    private Connection on;
    /** rewriteBatchedInserts off: the reference. */
    private Connection off;

    @BeforeEach
    void open() {
        ConnectionConfig config = ConnectionConfig.parse(PgTestServer.shared().dsn());
        off = PgJet.connect(config);
        on = PgJet.connect(config.toBuilder().rewriteBatchedInserts(true).build());
        schema = "rbi_" + Long.toHexString(new Random().nextLong() & Long.MAX_VALUE);
        off.execute("create schema " + schema);
        off.execute("set search_path to " + schema);
        on.execute("set search_path to " + schema);
        off.execute("create table statements (n int);"
                + "create function count_statement() returns trigger language plpgsql as"
                + " $$ begin insert into statements values (1); return null; end $$");
    }

    @AfterEach
    void close() {
        try {
            off.execute("drop schema " + schema + " cascade");
        } finally {
            on.close();
            off.close();
        }
    }

    /** Creates {@code table} (columns as given) with the statement-counting trigger. */
    private void counted(String table, String columns) {
        off.execute("create table " + table + " (" + columns + ");"
                + "create trigger count_statement after insert on " + table
                + " for each statement execute procedure count_statement()");
    }

    /** Returns the statements counted since the last call. */
    private long statements() {
        long n = off.fetchRow("select count(*) from statements").getLong(0);
        off.execute("truncate statements");
        return n;
    }

    private long count(String table) {
        return off.fetchRow("select count(*) from " + table).getLong(0);
    }

    /** Rows of both tables that the other lacks (EXCEPT ALL both ways): 0 when they hold the same rows. */
    private long difference(String a, String b, String columns) {
        return off.fetchRow("select (select count(*) from (select " + columns + " from " + a + " except all select "
                + columns + " from " + b + ") x) + (select count(*) from (select " + columns + " from " + b
                + " except all select " + columns + " from " + a + ") y)").getLong(0);
    }

    private static List<Object[]> rows(int count, java.util.function.IntFunction<Object[]> row) {
        List<Object[]> rows = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            rows.add(row.apply(i));
        }
        return rows;
    }

    private static long chunks(long rows) {
        return (rows + CHUNK - 1) / CHUNK;
    }

    @Test
    void twentyThousandRowsOfManyTypesInsertTheSameRowsAsThePlainPath() {
        String columns = "i int4, s text, f float8, ts timestamptz, n numeric, id uuid, j jsonb, b bool";
        counted("rewritten", columns);
        counted("plain", columns);
        Random random = new Random(42);
        String[] texts = {"plain ascii", "Grüße aus Köln", "東京タワー", "emoji 🚀 and \"quotes\" and \\ backslash",
            "", "NULL", "{braces,commas}", "tab\tnew\nline"};
        double[] floats = {0.1, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.MIN_VALUE, 1e300};
        List<Object[]> rows = rows(20_000, i -> new Object[] {
            i % 101 == 0 ? null : i - 10_000,
            i % 103 == 1 ? null : texts[i % texts.length] + " " + i,
            i % 107 == 2 ? null : i % 11 == 0 ? floats[i % floats.length] : random.nextGaussian() * 1e6,
            i % 109 == 3 ? null : OffsetDateTime.ofInstant(Instant.ofEpochSecond(1_700_000_000L + i * 3_607L, i * 1000L),
                    ZoneOffset.ofHours(i % 24 - 12)),
            i % 113 == 4 ? null : new BigDecimal(random.nextLong()).movePointLeft(i % 20),
            i % 127 == 5 ? null : new UUID(random.nextLong(), i),
            i % 131 == 6 ? null : "{\"k\": " + i + ", \"t\": \"" + texts[i % 3] + "\", \"a\": [1, null, true]}",
            i % 137 == 7 ? null : i % 2 == 0});
        String insert = "insert into %s (i, s, f, ts, n, id, j, b) values ($1, $2, $3, $4, $5, $6, $7, $8)";

        assertEquals(20_000, on.executeMany(insert.formatted("rewritten"), rows));
        assertEquals(chunks(20_000), statements());
        assertEquals(20_000, off.executeMany(insert.formatted("plain"), rows));
        assertEquals(20_000, statements());

        assertEquals(20_000, count("rewritten"));
        assertEquals(0, difference("rewritten", "plain", "i, s, f, ts, n, id, j, b"));
        for (String column : columns.replaceAll(" [a-z0-9]+(,|$)", "$1").split(", ")) {
            assertTrue(off.fetchRow("select count(*) from rewritten where " + column + " is null").getLong(0) > 0, column);
        }
    }

    @Test
    void valuesTheBinaryCodecDoesNotTakeTravelAsTextAsOnThePlainPath() {
        String columns = "i int4, ts timestamptz, n numeric, d date";
        counted("rewritten", columns);
        counted("plain", columns);
        // Strings where the codec wants numbers or java.time values: the plain path sends them as
        // text for the server to parse; the rewrite sends that chunk's array as text.
        List<Object[]> rows = rows(12_000, i -> new Object[] {
            i % 3 == 0 ? String.valueOf(i) : i,
            i % 4 == 0 ? "2024-03-01 10:00:00+02" : OffsetDateTime.of(2024, 1, 1, 0, 0, i % 60, 0, ZoneOffset.UTC),
            i % 5 == 0 ? "12.50" : i % 7 == 0 ? null : BigDecimal.valueOf(i, 2),
            i <= CHUNK ? "2024-02-29" : java.time.LocalDate.of(2020, 1, 1).plusDays(i)});
        String insert = "insert into %s (i, ts, n, d) values ($1, $2, $3, $4)";

        assertEquals(12_000, on.executeMany(insert.formatted("rewritten"), rows));
        assertEquals(chunks(12_000), statements());
        assertEquals(12_000, off.executeMany(insert.formatted("plain"), rows));
        assertEquals(0, difference("rewritten", "plain", "i, ts, n, d"));
    }

    @Test
    void rewrittenBatchRunsOneStatementPerChunkAndThePlainPathOnePerRow() {
        counted("items", "id int, v text");
        assertEquals(12_001, on.executeMany("insert into items (id, v) values ($1, $2)", rows(12_001, i -> new Object[] {i, "v" + i})));
        assertEquals(chunks(12_001), statements());
        // Again: the decision is remembered, the statements are cached.
        assertEquals(10, on.executeMany("insert into items (id, v) values ($1, $2)", rows(10, i -> new Object[] {i, "w"})));
        assertEquals(1, statements());
        assertEquals(50, off.executeMany("insert into items (id, v) values ($1, $2)", rows(50, i -> new Object[] {i, "x"})));
        assertEquals(50, statements());
        assertEquals(12_061, count("items"));
    }

    @Test
    void wideRowsCloseAChunkAtAboutFourMebibytes() {
        counted("items", "id int, v text");
        String mebibyte = "x".repeat(1 << 20);
        assertEquals(10, on.executeMany("insert into items (id, v) values ($1, $2)", rows(10, i -> new Object[] {i, mebibyte})));
        assertEquals(3, statements()); // 4 + 4 + 2 rows
        assertEquals(10L * (1 << 20), off.fetchRow("select sum(length(v)) from items").getLong(0));
    }

    @Test
    void statementsThatAreNotAPlainSingleRowInsertRunOnePerRow() {
        counted("items", "id int, v text default 'dflt', arr int[]");
        List<Object[]> pairs = rows(20, i -> new Object[] {i, "v" + i});
        String[] ordinary = {
            "insert into items (id, v) values ($1, $2) on conflict do nothing",
            "insert into items (id, v) values ($1, $2) returning id",
            "with x as (select 1) insert into items (id, v) values ($1, $2)",
            "insert into items (id, v) select $1, $2",
            "insert into items (id, v) values ($1, $2), ($1 + 100, $2)",
        };
        long expected = 0;
        for (String sql : ordinary) {
            long inserted = on.executeMany(sql, pairs);
            expected += inserted;
            assertEquals(20, statements(), sql);
            assertEquals(expected, count("items"), sql);
        }
        assertEquals(20, on.executeMany("insert into items (id, v) values ($1, default)", rows(20, i -> new Object[] {i})));
        assertEquals(20, statements());
        assertEquals(20, off.fetchRow("select count(*) from items where v = 'dflt'").getLong(0));
        // An array parameter: unnest would flatten it.
        assertEquals(20, on.executeMany("insert into items (id, arr) values ($1, $2)",
                rows(20, i -> new Object[] {i, new int[] {i, i + 1}})));
        assertEquals(20, statements());
        assertEquals(20, off.fetchRow("select count(*) from items where arr[2] = id + 1").getLong(0));
        // A single row gains nothing from arrays.
        assertEquals(1, on.executeMany("insert into items (id, v) values ($1, $2)", rows(1, i -> new Object[] {i, "one"})));
        assertEquals(1, statements());
        assertEquals(0, on.executeMany("insert into items (id, v) values ($1, $2)", List.of()));
    }

    @Test
    void otherBatchVariantsAreNotRewritten() throws Exception {
        counted("items", "id int, v text");
        List<Object[]> pairs = rows(20, i -> new Object[] {i, "v" + i});
        String sql = "insert into items (id, v) values ($1, $2)";
        assertEquals(0, on.fetchMany(sql, pairs).size());
        assertEquals(20, statements());
        try (PreparedStatement ps = on.prepare(sql)) {
            assertEquals(20, ps.executeMany(pairs));
        }
        assertEquals(20, statements());
        java.util.concurrent.SubmissionPublisher<Object[]> publisher = new java.util.concurrent.SubmissionPublisher<>();
        var done = on.async().executeMany(sql, publisher);
        pairs.forEach(publisher::submit);
        publisher.close();
        assertEquals(20L, done.get(30, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(20, statements());
    }

    @Test
    void duplicateKeyAtRow7001RollsEverythingBackAndNamesTheRowRange() {
        off.execute("create table items (id int primary key, label text)");
        List<Object[]> rows = rows(10_000, i -> new Object[] {i, "item " + i});
        rows.set(7_000, new Object[] {1, "duplicate"});

        UniqueViolationException e = assertThrows(UniqueViolationException.class,
                () -> on.executeMany("insert into items (id, label) values ($1, $2)", rows));
        assertEquals("23505", e.sqlState());
        assertTrue(e.serverMessage().startsWith("duplicate key value violates unique constraint"), e.serverMessage());
        assertEquals("items_pkey", e.constraintName());
        assertTrue(e.getMessage().contains("executeMany (rewritten as a multi-row insert) failed:"
                + " rows 5,001\u201310,000 were being inserted"), e.getMessage());
        assertEquals(0, count("items"));
        assertEquals(1, on.fetchRow("select 1").getInt(0));
        assertEquals(3, on.executeMany("insert into items (id, label) values ($1, $2)", rows.subList(0, 3)));
    }

    @Test
    void unencodableValueRollsBackAndNamesTheRow() {
        off.execute("create table items (id int, label text)");
        Iterable<Object[]> source = LazyRows.of(50_000, n -> new Object[] {n, n == 40_000 ? "bad\0label" : "ok"});
        PgInterfaceException e = assertThrows(PgInterfaceException.class,
                () -> on.executeMany("insert into items (id, label) values ($1, $2)", source));
        assertTrue(e.getMessage().contains("row 40,000 could not be encoded"), e.getMessage());
        assertEquals(0, count("items"));

        List<Object[]> rows = rows(10, i -> new Object[] {i, "ok"});
        rows.set(6, new Object[] {7});
        e = assertThrows(PgInterfaceException.class, () -> on.executeMany("insert into items (id, label) values ($1, $2)", rows));
        assertTrue(e.getMessage().contains("row 7 could not be encoded or read"), e.getMessage());
        assertTrue(e.getMessage().contains("2 parameter(s) but 1 argument(s)"), e.getMessage());
        assertEquals(0, count("items"));
        assertEquals(1, on.fetchRow("select 1").getInt(0));
    }

    @Test
    void insideATransactionTheRewrittenInsertIsPartOfIt() {
        counted("items", "id int, v text");
        try (Transaction tx = on.transaction()) {
            assertEquals(7_000, on.executeMany("insert into items (id, v) values ($1, $2)",
                    rows(7_000, i -> new Object[] {i, "t"})));
            assertEquals(7_000, on.fetchRow("select count(*) from items").getLong(0));
            assertEquals(chunks(7_000), on.fetchRow("select count(*) from statements").getLong(0));
            tx.rollback();
        }
        assertEquals(0, count("items"));
        assertEquals(0, statements());
    }

    @Test
    void quotedNamesAndExpressionsGiveTheSameRowsAsThePlainPath() {
        String columns = "\"first col\" int, \"$1\" text, \"b c\" text, e int, f timestamptz";
        counted("\"my table\"", columns);
        counted("\"plain table\"", columns);
        String insert = "insert into %s (\"first col\", \"$1\", \"b c\", e, f) values ("
                + "$2 + 1, lower($1) || '$1' || /* $2 */ $$ $1 $$, E'\\'$2' || $tag$ $2 $tag$ -- $1\n, $2, now());";
        List<Object[]> rows = rows(6_000, i -> new Object[] {"MiXeD " + i, i});

        assertEquals(6_000, on.executeMany(insert.formatted("\"my table\""), rows));
        assertEquals(chunks(6_000), statements());
        assertEquals(6_000, off.executeMany(insert.formatted("\"plain table\""), rows));
        assertEquals(0, difference("\"my table\"", "\"plain table\"", "\"first col\", \"$1\", \"b c\", e"));
        assertEquals("mixed 7$1 $1 ", off.fetchRow("select \"$1\" from \"my table\" where e = 7").getString(0));
        assertEquals("'$2 $2 ", off.fetchRow("select \"b c\" from \"my table\" where e = 7").getString(0));
        assertEquals(0, off.fetchRow("select count(*) from \"my table\" where f is null").getLong(0));
    }

    @Test
    void twoHundredThousandRowsFromALazyIteratorStream() {
        counted("narrow", "id int");
        Iterable<Object[]> lazy = LazyRows.of(200_000, n -> new Object[] {n});
        assertEquals(200_000, on.executeMany("insert into narrow (id) values ($1)", lazy));
        assertEquals(chunks(200_000), statements());
        assertEquals(20_000_100_000L, off.fetchRow("select sum(id) from narrow").getLong(0));
    }

    @Test
    void pipelinedRequestsAfterAFirstTimeBatchStillRunAfterIt() throws Exception {
        counted("items", "id int, v text");
        var async = on.async();
        String sql = "insert into items (id, v) values ($1, $2)";
        var first = async.executeMany(sql, rows(6_000, i -> new Object[] {i, "a"}));
        var second = async.executeMany(sql, rows(6_000, i -> new Object[] {i, "b"}));
        var counted = async.fetchVal("select count(*) from items");
        assertEquals(6_000L, first.get(30, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(6_000L, second.get(30, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(12_000L, (Long) counted.get(30, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(2 * chunks(6_000), statements());
    }

    @Test
    void worksWithUnnamedStatementsOnly() {
        counted("items", "id int, v text");
        try (Connection uncached = PgJet.connect(ConnectionConfig.parse(PgTestServer.shared().dsn()).toBuilder()
                .rewriteBatchedInserts(true).statementCacheSize(0).build())) {
            uncached.execute("set search_path to " + schema);
            String sql = "insert into items (id, v) values ($2, upper($1))";
            for (int round = 0; round < 2; round++) {
                assertEquals(7_000, uncached.executeMany(sql, rows(7_000, i -> new Object[] {"x" + i, i})));
                assertEquals(chunks(7_000), statements());
            }
        }
        assertEquals(2, off.fetchRow("select count(*) from items where id = 6999 and v = 'X6999'").getLong(0));
    }

    @Test
    void rewrittenStatementThatTheServerRejectsFallsBackToOneExecutionPerRow() {
        counted("items", "id int");
        // An unnest of the schema's own, found before pg_catalog's, makes the rewritten statement
        // invalid (text into an int column) while the original statement is fine.
        off.execute("create function unnest(int[]) returns setof text language sql as $$ select 'x' $$");
        on.execute("set search_path to " + schema + ", pg_catalog");
        String sql = "insert into items (id) values ($1)";
        assertEquals(30, on.executeMany(sql, rows(30, i -> new Object[] {i})));
        assertEquals(30, statements());
        assertEquals(465, off.fetchRow("select sum(id) from items").getLong(0));
        assertEquals(5, on.executeMany(sql, rows(5, i -> new Object[] {i})));
        assertEquals(5, statements()); // not tried again
    }

    @Test
    void decisionsAreForgottenWithReloadSchemaState() {
        counted("items", "id int, v text");
        String sql = "insert into items (id, v) values ($1, $2)";
        assertEquals(3, on.executeMany(sql, rows(3, i -> new Object[] {i, "a"})));
        assertEquals(1, statements());
        // The column becomes an array: unnest would flatten it, so the rewrite must stop.
        off.execute("alter table items alter column v type text[] using array[v]");
        on.reloadSchemaState();
        assertEquals(3, on.executeMany(sql, rows(3, i -> new Object[] {i, List.of("b", "c")})));
        assertEquals(3, statements());
        assertNotNull(off.fetchRow("select 1 from items where v = array['b', 'c'] limit 1"));
    }
}
