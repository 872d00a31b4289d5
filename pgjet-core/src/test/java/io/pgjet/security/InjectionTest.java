package io.pgjet.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.Connection;
import io.pgjet.ConnectionConfig;
import io.pgjet.CopyOptions;
import io.pgjet.CopySink;
import io.pgjet.CopySource;
import io.pgjet.Notification;
import io.pgjet.PgInterfaceException;
import io.pgjet.PgJet;
import io.pgjet.Pool;
import io.pgjet.PoolOptions;
import io.pgjet.Row;
import io.pgjet.Transaction;
import io.pgjet.testkit.PgTestServer;
import io.pgjet.types.TextTypeCodec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every place PgJet writes SQL text itself — COPY table, column and option values, LISTEN and
 * UNLISTEN channels, user type names, rewritten batched inserts, the pool's reset — takes names
 * with quotes, semicolons, comment markers, backslashes, mixed case and non-ASCII characters
 * verbatim, as data, never as SQL. Each case names a real object on PostgreSQL and checks that a
 * canary table the hostile text tries to drop is still there.
 */
class InjectionTest {
    private static final String DSN = PgTestServer.shared().dsn();
    private Connection conn;

    /** Names that would break or extend a statement if spliced unquoted. */
    static List<String> hostileNames() {
        return List.of(
                "we\"ird\"; drop table canary; --",
                "semi;colon",
                "it's $1 $$ \\ back\\slash",
                "MixedCase",
                "dot.ted",
                "ünï©ødé 表 \uD83D\uDE00",
                "/* open comment",
                "trailing space ");
    }

    @BeforeEach
    void open() {
        conn = PgJet.connect(DSN);
        conn.execute("drop table if exists canary; create table canary (alive int); insert into canary values (1)");
    }

    @AfterEach
    void canaryLivesAndClose() {
        try {
            assertEquals(1, (int) conn.<Integer>fetchVal("select alive from canary"), "the canary was touched");
        } finally {
            conn.close();
        }
    }

    private static String quotedPart(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    @ParameterizedTest
    @MethodSource("hostileNames")
    void copyInAndOutQuoteTheSchemaTableAndColumnNames(String name) {
        String schema = quotedPart(name);
        String table = schema + "." + quotedPart(name + " t");
        conn.execute("drop schema if exists " + schema + " cascade; create schema " + schema);
        try {
            conn.execute("create table " + table + " (" + quotedPart(name) + " text, other int)");
            // COPY ... FROM STDIN with a column list, text format, hostile NULL marker and delimiter
            String nullMarker = "'); drop table canary; --";
            CopyOptions text = CopyOptions.defaults().withColumns(name, "other").withNull(nullMarker).withDelimiter("|");
            byte[] rows = ("a;b'c|1\n" + nullMarker + "|2\n").getBytes(StandardCharsets.UTF_8);
            assertEquals(2, conn.copyToTable(table, CopySource.of(new ByteArrayInputStream(rows)), text).rowCount());
            // binary COPY of values that look like SQL
            List<Object[]> records = List.of(new Object[] {name, 3}, new Object[] {"\"); drop table canary; --", 4});
            List<Rec> recs = new ArrayList<>();
            for (Object[] r : records) {
                recs.add(new Rec((String) r[0], (Integer) r[1]));
            }
            assertEquals(2, conn.copyRecordsToTable(table, recs, name, "other").rowCount());
            // COPY ... TO STDOUT of the same columns, CSV with FORCE_QUOTE on the hostile column
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            conn.copyFromTable(table, CopySink.of(out), CopyOptions.csv().withColumns(name).withForceQuote(name));
            assertEquals(List.of("\"a;b'c\"", "", quotedPart(name), "\"\"\"); drop table canary; --\""), csvLines(out));
            List<Row> back = conn.fetch("select " + quotedPart(name) + " from " + table + " order by other");
            assertEquals("a;b'c", back.get(0).getString(0));
            assertNull(back.get(1).getString(0), "the NULL marker was read as NULL");
            assertEquals(name, back.get(2).getString(0));
            assertEquals("\"); drop table canary; --", back.get(3).getString(0));
        } finally {
            conn.execute("drop schema " + schema + " cascade");
        }
    }

    private static List<String> csvLines(ByteArrayOutputStream out) {
        return List.of(out.toString(StandardCharsets.UTF_8).split("\n"));
    }

    /** A row for the binary COPY. */
    record Rec(String value, Integer other) {}

    @ParameterizedTest
    @MethodSource("hostileNames")
    void listenAndUnlistenTakeTheChannelVerbatim(String name) throws Exception {
        String channel = name;
        BlockingQueue<Notification> heard = new LinkedBlockingQueue<>();
        java.util.function.Consumer<Notification> listener = heard::add;
        conn.addListener(channel, listener);
        assertEquals(List.of(channel), conn.fetch("select c from pg_catalog.pg_listening_channels() c")
                .stream().map(r -> r.getString(0)).toList());
        try (Connection other = PgJet.connect(DSN)) {
            other.execute("select pg_notify($1, $2)", channel, "p1");
            Notification n = heard.poll(10, TimeUnit.SECONDS);
            assertNotNull(n, "no notification on " + channel);
            assertEquals(channel, n.channel());
            assertEquals("p1", n.payload());
        }
        conn.removeListener(channel, listener);
        assertEquals(0L, (long) conn.<Long>fetchVal("select count(*) from pg_catalog.pg_listening_channels()"));
    }

    @ParameterizedTest
    @MethodSource("hostileNames")
    void aUserTypeInAHostileSchemaGetsItsCodec(String name) {
        String schema = quotedPart(name);
        conn.execute("drop schema if exists " + schema + " cascade; create schema " + schema);
        try {
            String type = schema + "." + quotedPart(name + " type");
            conn.execute("create type " + type + " as enum ('a', 'it''s; drop table canary; --')");
            conn.setTypeCodec(name + " type", name, Label.class, TextTypeCodec.of(Label::text, Label::new));
            Label got = conn.fetchVal("select 'it''s; drop table canary; --'::" + type);
            assertEquals(new Label("it's; drop table canary; --"), got);
        } finally {
            conn.execute("drop schema " + schema + " cascade");
        }
    }

    /** An enum label through a user codec. */
    record Label(String text) {}

    @Test
    void rewrittenBatchedInsertsKeepHostileNamesAndValuesAsData() {
        String name = hostileNames().get(0);
        String table = quotedPart(name);
        conn.execute("drop table if exists " + table + "; create table " + table + " (" + quotedPart(name)
                + " text, " + quotedPart("semi;colon") + " int)");
        try (Connection rewriting = PgJet.connect(ConnectionConfig.parse(DSN).toBuilder().rewriteBatchedInserts(true).build())) {
            List<Object[]> sets = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                sets.add(new Object[] {"'); drop table canary; -- " + i, i});
            }
            // a literal that looks like a placeholder and a VALUES list must stay a literal
            String sql = "insert into " + table + " (" + quotedPart(name) + ", " + quotedPart("semi;colon")
                    + ") values ($1 || ' $2 ), (', $2) -- ; drop table canary";
            assertEquals(50, rewriting.executeMany(sql, sets));
            List<Row> rows = conn.fetch("select * from " + table + " order by 2");
            assertEquals(50, rows.size());
            assertEquals("'); drop table canary; -- 7 $2 ), (", rows.get(7).getString(0));
        } finally {
            conn.execute("drop table " + table);
        }
    }

    @Test
    void thePoolResetUndoesHostileSettingsAndPreparedStatementsWithoutRunningThem() {
        try (Pool pool = PgJet.createPool(DSN, PoolOptions.DEFAULT.withSize(1, 1))) {
            String original = pool.fetchVal("select current_setting('application_name')");
            try (Connection lease = pool.acquire()) {
                lease.execute("set application_name = 'x''; drop table canary; --'");
                lease.execute("select set_config('pgjet.q', 'x''); drop table canary; --', false)");
                lease.execute("prepare " + quotedPart(hostileNames().get(0)) + " as select 1");
                lease.execute("listen " + quotedPart(hostileNames().get(1)));
            }
            try (Connection again = pool.acquire()) {
                assertEquals(original, again.<String>fetchVal("select current_setting('application_name')"));
                String custom = again.fetchVal("select current_setting('pgjet.q', true)");
                assertTrue(custom == null || custom.isEmpty(), custom);
                assertEquals(0L, (long) again.<Long>fetchVal("select count(*) from pg_prepared_statements where from_sql"));
                assertEquals(0L, (long) again.<Long>fetchVal("select count(*) from pg_listening_channels()"));
            }
        }
    }

    @Test
    void nestedTransactionsUseSavepointsThatSurviveHostileDataInBetween() {
        conn.execute("create temp table t (v text)");
        try (Transaction outer = conn.transaction()) {
            conn.execute("insert into t values ($1)", "savepoint pgjet_savepoint_1; --");
            try (Transaction inner = conn.transaction()) {
                conn.execute("insert into t values ($1)", "'); rollback; --");
                inner.rollback();
            }
            outer.commit();
        }
        assertEquals(List.of("savepoint pgjet_savepoint_1; --"),
                conn.fetch("select v from t").stream().map(r -> r.getString(0)).toList());
    }

    @Test
    void aChannelNameThePostgresqlWouldTruncateIsRefusedInsteadOfNeverHeard() throws Exception {
        String longest = "\u00e9".repeat(31) + "c"; // 63 bytes in UTF-8: kept whole
        BlockingQueue<Notification> heard = new LinkedBlockingQueue<>();
        conn.addListener(longest, heard::add);
        conn.execute("select pg_notify($1, 'x')", longest);
        assertNotNull(heard.poll(10, TimeUnit.SECONDS), "the 63-byte channel was not heard");

        String tooLong = "\u00e9".repeat(32); // 64 bytes: LISTEN would truncate it, pg_notify refuses it
        PgInterfaceException e = assertThrows(PgInterfaceException.class, () -> conn.addListener(tooLong, n -> { }));
        assertTrue(e.getMessage().contains("63 bytes"), e.getMessage());
        assertEquals(List.of(longest), conn.fetch("select c from pg_catalog.pg_listening_channels() c")
                .stream().map(r -> r.getString(0)).toList(), "the refused channel was listened to");
    }

    @Test
    void namesWithNulAndEmptyNamesAreRefusedBeforeAnythingIsSent() {
        assertThrows(PgInterfaceException.class, () -> conn.addListener("a\0b", n -> { }));
        assertThrows(PgInterfaceException.class, () -> conn.addListener("", n -> { }));
        assertThrows(PgInterfaceException.class, () -> conn.copyFromTable("a\0b", CopySink.of(new ByteArrayOutputStream()), null));
        assertThrows(PgInterfaceException.class, () -> conn.copyFromTable("\"unclosed", CopySink.of(new ByteArrayOutputStream()), null));
        assertThrows(PgInterfaceException.class, () -> conn.copyToTable("t", CopySource.of(new ByteArrayInputStream(new byte[0])),
                CopyOptions.defaults().withNull("a\0b")));
        assertTrue(!conn.isClosed());
        assertEquals(1, (int) conn.<Integer>fetchVal("select 1"));
    }
}
