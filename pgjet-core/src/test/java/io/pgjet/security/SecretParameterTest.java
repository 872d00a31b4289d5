package io.pgjet.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.Connection;
import io.pgjet.ConnectionConfig;
import io.pgjet.CopySink;
import io.pgjet.LogCapture;
import io.pgjet.PgInterfaceException;
import io.pgjet.PgJet;
import io.pgjet.PgJetException;
import io.pgjet.PreparedStatement;
import io.pgjet.Row;
import io.pgjet.Secret;
import io.pgjet.Transaction;
import io.pgjet.observe.Operation;
import io.pgjet.observe.Outcome;
import io.pgjet.observe.PgJetListener;
import io.pgjet.testkit.PgTestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.SimpleFormatter;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Secret}: a wrapped value binds and round-trips exactly as the bare value (text, int4,
 * bytea; fetch, prepared statements, cursors, executeMany pipelined and as rewritten batched
 * inserts, binary COPY of records), while no exception chain, log line (every level, arguments
 * and stack traces rendered) or listener rendering of the arguments (what pgjet-micrometer and
 * pgjet-opentelemetry record with parameter capture on) ever shows it.
 */
class SecretParameterTest {
    private static final String TEXT = "Secret-Text-5b1e77c2";
    private static final int NUMBER = 73_459_126;
    private static final byte[] BYTES = "Secret-Bytes-9d04".getBytes(StandardCharsets.UTF_8);
    /** A secret that does not fit int4: refused by PgJet, whose range error would quote it. */
    private static final BigInteger TOO_BIG = new BigInteger("918273645546372819");

    private final SimpleFormatter formatter = new SimpleFormatter();
    private final List<String> said = new CopyOnWriteArrayList<>();
    private LogCapture logs;

    /** Renders every operation's arguments as the observability adapters do. */
    private final PgJetListener capture = new PgJetListener() {
        @Override
        public Object operationStarted(Operation operation) {
            for (Object a : operation.arguments()) {
                said.add("argument: " + a);
            }
            said.add("operation: " + operation);
            return null;
        }

        @Override
        public void operationEnded(Operation operation, Object context, Outcome outcome) {
            said.add("outcome: " + outcome);
        }
    };

    @BeforeEach
    void captureLogs() {
        logs = LogCapture.start(r -> "log " + r.getLevel() + ": " + formatter.format(r));
    }

    @AfterEach
    void nothingSaidTheSecrets() {
        logs.close();
        said.addAll(logs.lines());
        List<String> forms = List.of(TEXT, Integer.toString(NUMBER), new String(BYTES, StandardCharsets.UTF_8),
                HexFormat.of().formatHex(BYTES), TOO_BIG.toString());
        for (String s : said) {
            for (String f : forms) {
                assertFalse(s.contains(f), "a secret (" + f + ") in: " + s);
            }
        }
    }

    private Connection connect(boolean rewriteBatchedInserts) {
        ConnectionConfig config = ConnectionConfig.parse(PgTestServer.shared().dsn()).toBuilder()
                .listeners(List.of(capture)).rewriteBatchedInserts(rewriteBatchedInserts).build();
        return PgJet.connect(config);
    }

    private void heard(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        said.add("exception: " + out + " message: " + e.getMessage());
    }

    @Test
    void aSecretShowsOnlyTheMaskAndUnwrapsToItsValue() {
        Secret s = Secret.of(TEXT);
        assertEquals(Secret.MASK, s.toString());
        assertEquals(Secret.MASK, Secret.of(NUMBER).toString());
        assertSame(TEXT, s.value());
        assertSame(s, Secret.of(s), "a Secret is not wrapped twice");
        assertSame(TEXT, Secret.reveal(s));
        assertSame(BYTES, Secret.reveal(BYTES));
        assertThrows(NullPointerException.class, () -> Secret.of(null));
        said.add("secret: " + s + " " + List.of(s));
    }

    @Test
    void secretsBindAndRoundTripInQueriesPreparedStatementsAndCursors() {
        try (Connection conn = connect(false)) {
            assertEquals(TEXT, conn.fetchVal("select $1::text", Secret.of(TEXT)));
            assertEquals((Object) NUMBER, conn.fetchVal("select $1::int4", Secret.of(NUMBER)));
            assertArrayEquals(BYTES, (byte[]) conn.fetchVal("select $1::bytea", Secret.of(BYTES)));
            // untyped: the server infers text; mixed with plain arguments
            Row row = conn.fetchRow("select $1, $2::int4 + 1, $3::bytea", Secret.of(TEXT), 41, Secret.of(BYTES));
            assertEquals(TEXT, row.getString(0));
            assertEquals(42, row.getInt(1));
            assertArrayEquals(BYTES, row.get(2, byte[].class));
            try (PreparedStatement ps = conn.prepare("select $1::text || '!', $2::int4, length($3::bytea)")) {
                for (int i = 0; i < 3; i++) {
                    Row r = ps.fetchRow(Secret.of(TEXT), Secret.of(NUMBER), Secret.of(BYTES));
                    assertEquals(TEXT + "!", r.getString(0));
                    assertEquals(NUMBER, r.getInt(1));
                    assertEquals(BYTES.length, r.getInt(2));
                }
            }
            try (Transaction tx = conn.transaction();
                    Stream<Row> cursor = conn.cursor("select g, $1::text from generate_series(1, 3) g", Secret.of(TEXT))) {
                List<Row> rows = cursor.toList();
                assertEquals(3, rows.size());
                assertEquals(TEXT, rows.get(2).getString(1));
                tx.commit();
            }
        }
    }

    @Test
    void secretsBindInExecuteManyPipelinedRewrittenAndInBinaryCopy() {
        for (boolean rewrite : new boolean[] {false, true}) {
            try (Connection conn = connect(rewrite)) {
                conn.execute("create temp table secret_rows (k int, t text, n int4, b bytea)");
                List<Object[]> rows = new ArrayList<>();
                for (int k = 0; k < 5; k++) {
                    rows.add(new Object[] {k, Secret.of(TEXT), Secret.of(NUMBER), Secret.of(BYTES)});
                }
                assertEquals(5L, conn.executeMany("insert into secret_rows values ($1, $2, $3, $4)", rows));
                conn.copyRecordsToTable("secret_rows", Collections.singletonList(new Object[] {9, Secret.of(TEXT), Secret.of(NUMBER),
                        Secret.of(BYTES)}), "k", "t", "n", "b");
                assertEquals((Object) 6L, conn.fetchVal(
                        "select count(*) from secret_rows where t = $1 and n = $2 and b = $3", Secret.of(TEXT), Secret.of(NUMBER),
                        Secret.of(BYTES)),
                        "rewrite=" + rewrite);
            }
        }
    }

    @Test
    void secretsPgJetRefusesAreNotInTheErrorNorAnyLogOrListener() {
        try (Connection conn = connect(false)) {
            List<Throwable> errors = new ArrayList<>();
            errors.add(assertThrows(PgInterfaceException.class, () -> conn.fetchVal("select $1::int4", Secret.of(TOO_BIG))));
            errors.add(assertThrows(PgInterfaceException.class,
                    () -> conn.fetchVal("select $1::int4", Secret.of(new Object() {
                        @Override
                        public String toString() {
                            return TEXT;
                        }
                    }))));
            conn.execute("create temp table secret_refused (n int4)");
            List<Object[]> rows = List.of(new Object[] {1}, new Object[] {Secret.of(TOO_BIG)});
            errors.add(assertThrows(PgJetException.class, () -> conn.executeMany("insert into secret_refused values ($1)", rows)));
            errors.add(assertThrows(PgJetException.class,
                    () -> conn.copyRecordsToTable("secret_refused", Collections.singletonList(new Object[] {Secret.of(TOO_BIG)}), "n")));
            errors.add(assertThrows(PgInterfaceException.class, () -> conn.copyFromQuery("select $1::text",
                    CopySink.of(new ByteArrayOutputStream()), null, Secret.of(TEXT))));
            // a server error in a statement carrying secrets (about something else)
            errors.add(assertThrows(PgJetException.class,
                    () -> conn.fetch("select 1 / 0 where $1::text is not null and $2::int4 > 0", Secret.of(TEXT),
                            Secret.of(NUMBER))));
            for (Throwable e : errors) {
                heard(e);
            }
            assertTrue(errors.get(0).getMessage().contains("$1") && errors.get(0).getMessage().contains("Secret"),
                    "the error names the parameter: " + errors.get(0).getMessage());
            assertEquals((Object) 1L, conn.fetchVal("select 1::int8"), "the connection is still usable");
        }
        assertTrue(said.stream().anyMatch(s -> s.equals("argument: " + Secret.MASK)), "the listener saw the mask");
        assertTrue(said.stream().anyMatch(s -> s.startsWith("exception: ")), "failures recorded");
    }
}
