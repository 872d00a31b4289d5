package io.pgjet;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.testkit.PgTestServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** COPY verbs asyncpg users reach for: arguments of copyFromQuery, WHERE when loading, FORCE_NOT_NULL/FORCE_NULL. */
class CopyVerbsTest {
    private Connection conn;

    @BeforeEach
    void open() {
        conn = PgJet.connect(PgTestServer.shared().dsn());
        conn.execute("create temp table people (id int, name text, note text)");
        conn.execute("insert into people values (1, 'alpha', null), (2, 'beta', 'b'), (3, 'gamma', 'c')");
    }

    @AfterEach
    void close() {
        conn.close();
    }

    private String copyFromQuery(String query, CopyOptions options, Object... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        conn.copyFromQuery(query, CopySink.of(out), options, args);
        return out.toString(UTF_8);
    }

    private static CopySource text(String data) {
        return CopySource.of(new ByteArrayInputStream(data.getBytes(UTF_8)));
    }

    @Test
    void copyFromQueryBindsArgumentsToTheQuerysParameters() {
        assertEquals("2,beta\n3,gamma\n", copyFromQuery(
                "select id, name from people where id >= $1 and name <> $2 order by id", CopyOptions.csv(), 2, "x"));
    }

    @Test
    void copyFromQueryArgumentsArriveExactlyAsBoundValues() {
        String tricky = "it's a \\ back'slash $1 and \"quotes\"";
        assertEquals(tricky + "\t\\N\t2024-01-02\n", copyFromQuery("select $1::text, $2::int, $3::date",
                CopyOptions.defaults(), tricky, null, java.time.LocalDate.of(2024, 1, 2)).replace("\\\\", "\\"));
    }

    @Test
    void copyFromQueryLeavesDollarNumbersInLiteralsAndCommentsAlone() {
        assertEquals("5,$1,$2\n", copyFromQuery("select $1::int as a, '$1' as b, \"x$1\".c /* $2 */ from"
                + " (select '$2'::text as c) \"x$1\" -- $2", CopyOptions.csv(), 5));
    }

    @Test
    void copyFromQueryWithTheWrongNumberOfArgumentsIsRefused() {
        PgInterfaceException e = assertThrows(PgInterfaceException.class,
                () -> copyFromQuery("select $1::int, $2::int", CopyOptions.csv(), 1));
        assertTrue(e.getMessage().contains("2 parameter(s) but 1 argument(s)"), e.getMessage());
        assertEquals(1, (Integer) conn.fetchVal("select 1"));
    }

    @Test
    void copyToTableWhereLoadsOnlyMatchingRows() {
        CommandStatus status = conn.copyToTable("people", text("10\tten\tn\n11\televen\tn\n12\ttwelve\tn\n"),
                CopyOptions.defaults().withWhere("id % 2 = 0"));
        assertEquals(2, status.rowCount());
        assertEquals(List.of(10, 12), conn.fetch("select id from people where id >= 10 order by id").stream()
                .map(row -> row.getInt(0)).toList());
    }

    @Test
    void copyRecordsToTableWhereLoadsOnlyMatchingRows() {
        List<Object[]> rows = List.of(new Object[] {20, "a"}, new Object[] {21, "b"}, new Object[] {22, "c"});
        CommandStatus status = conn.copyRecordsToTable("people", rows,
                CopyOptions.defaults().withColumns("id", "name").withWhere("name <> 'b'"));
        assertEquals(2, status.rowCount());
        assertEquals(List.of("a", "c"), conn.fetch("select name from people where id >= 20 order by id").stream()
                .map(row -> row.getString(0)).toList());
    }

    @Test
    void forceNotNullAndForceNullDecideWhatAnEmptyCsvFieldMeans() {
        conn.copyToTable("people", text("30,,\"\"\n"), CopyOptions.csv().withForceNotNull("name").withForceNull("note"));
        Row row = conn.fetchRow("select name, note from people where id = 30");
        assertEquals("", row.getString(0)); // unquoted empty: NULL by default, '' with FORCE_NOT_NULL
        assertNull(row.getString(1)); // quoted empty: '' by default, NULL with FORCE_NULL
    }

    @Test
    void loadingOnlyOptionsAreRefusedWhereTheyDoNotApply() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThrows(PgInterfaceException.class, () -> conn.copyFromTable("people", CopySink.of(out),
                CopyOptions.defaults().withWhere("id > 1")));
        assertThrows(PgInterfaceException.class, () -> conn.copyToTable("people", text("1\n"),
                CopyOptions.defaults().withForceNull("note")));
        assertThrows(PgInterfaceException.class, () -> conn.copyRecordsToTable("people", List.<Object[]>of(),
                CopyOptions.csv()));
        assertEquals(1, (Integer) conn.fetchVal("select 1"));
    }
}
