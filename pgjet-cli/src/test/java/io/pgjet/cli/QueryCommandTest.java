package io.pgjet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.Connection;
import io.pgjet.PgJet;
import io.pgjet.testkit.PgServer;
import io.pgjet.testkit.PgTestServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@code pgjet query} against the shared test server: what it prints for each kind of statement. */
class QueryCommandTest {
    private static final AtomicInteger TABLES = new AtomicInteger();
    private final PgServer server = PgTestServer.shared();

    private CommandRun query(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "query";
        all[1] = "--dsn";
        all[2] = server.dsn();
        System.arraycopy(args, 0, all, 3, args.length);
        return CommandRun.of(all);
    }

    /** Creates a table of its own for one test (each pgjet run opens its own connection). */
    private String table(String columns) {
        String name = "cli_test_" + TABLES.incrementAndGet() + "_" + ProcessHandle.current().pid();
        try (Connection conn = PgJet.connect(server.dsn())) {
            conn.execute("drop table if exists " + name + "; create table " + name + " (" + columns + ")");
        }
        return name;
    }

    @Test
    void insertAndUpdateWithArgumentsPrintTheirCommandStatus() {
        String t = table("id int, name text");
        CommandRun insert = query("insert into " + t + " values ($1, $2)", "5", "five");
        assertEquals(new CommandRun(0, "INSERT 0 1\n", ""), insert);
        CommandRun update = query("update " + t + " set name = $1 where id = $2", "FIVE", "5");
        assertEquals(new CommandRun(0, "UPDATE 1\n", ""), update);
        CommandRun delete = query("delete from " + t + " where id = $1", "6");
        assertEquals(new CommandRun(0, "DELETE 0\n", ""), delete);
        CommandRun select = query("select id, name from " + t + " where id = $1", "5");
        assertEquals(String.join("\n", " id | name", "----+------", "  5 | FIVE", "(1 row)", ""), select.out(), select.toString());
    }

    @Test
    void returningPrintsTheRowsThenTheStatusAsPsqlDoes() {
        String t = table("id int");
        CommandRun run = query("insert into " + t + " select g from generate_series(1, $1::int) g returning id", "2");
        assertEquals(String.join("\n", " id", "----", "  1", "  2", "(2 rows)", "", "INSERT 0 2", ""), run.out(), run.toString());
    }

    @Test
    void aQueryThatMatchesNothingStillPrintsItsHeader() {
        CommandRun run = query("select 1 as one, 'x' as two where $1::int > 1", "0");
        assertEquals(String.join("\n", " one | two", "-----+-----", "(0 rows)", ""), run.out(), run.toString());
    }

    @Test
    void tablesRightAlignNumbersAndLeftAlignText() {
        CommandRun run = query("select * from (values (1, 'a', 1.5::numeric, 2.25::float8), (100, 'bbb', -10.25, 1e10))"
                + " v(n, t, x, f) order by n");
        assertEquals(String.join("\n",
                "  n  |  t  |   x    |      f",
                "-----+-----+--------+-------------",
                "   1 | a   |    1.5 |        2.25",
                " 100 | bbb | -10.25 | 10000000000",
                "(2 rows)", ""), run.out(), run.toString());
    }

    @Test
    void severalStatementsWithoutArgumentsRunAsAScriptAndPrintEachResult() {
        String name = "cli_script_" + ProcessHandle.current().pid();
        CommandRun run = query("drop table if exists " + name + "; create table " + name + " (id int);"
                + " insert into " + name + " values (1), (2); select id from " + name + " order by id; select 'x' as a;"
                + " select 1 as none where false; drop table " + name);
        assertEquals(String.join("\n", "DROP TABLE", "CREATE TABLE", "INSERT 0 2",
                " id", "----", "  1", "  2", "(2 rows)", "",
                " a", "---", " x", "(1 row)", "",
                "(0 rows)", "",
                "DROP TABLE", ""), run.out(), run.toString());
        assertEquals(0, run.status());
    }

    @Test
    void twoSelectsRunAsOneScript() {
        CommandRun run = query("select 1; select 2");
        assertEquals(String.join("\n", " ?column?", "----------", "        1", "(1 row)", "",
                " ?column?", "----------", "        2", "(1 row)", ""), run.out(), run.toString());
    }

    @Test
    void anErrorInAScriptStopsItAndExitsWithOne() {
        CommandRun run = query("select 1 as first; select * from no_such_table_here; select 3");
        assertEquals(1, run.status(), run.toString());
        assertTrue(run.err().contains("no_such_table_here"), run.toString());
        assertTrue(!run.out().contains("3"), run.toString());
    }

    private static final String TYPED_COLUMNS = "42 as id, 1.5::numeric as x, 2.5::float8 as f, 'NaN'::float8 as nan,"
            + " true as yes, false as no, null::int as nothing, array[1, 2, null] as ints, '{\"a\": [1, 2]}'::jsonb as doc,"
            + " array['x y', 'q\"z', null] as texts, 'plain' as s, array[[1, 2], [3, 4]] as m, array['{\"k\":1}'::json] as js,"
            + " '2024-01-02'::date as d, 9007199254740993::int8 as big, '$1.50'::money as price";
    private static final String TYPED_JSON = "{\"id\": 42, \"x\": 1.5, \"f\": 2.5, \"nan\": \"NaN\", \"yes\": true, \"no\": false,"
            + " \"nothing\": null, \"ints\": [1, 2, null], \"doc\": {\"a\": [1, 2]}, \"texts\": [\"x y\", \"q\\\"z\", null],"
            + " \"s\": \"plain\", \"m\": [[1, 2], [3, 4]], \"js\": [{\"k\":1}], \"d\": \"2024-01-02\", \"big\": 9007199254740993,"
            + " \"price\": \"$1.50\"";

    @Test
    void jsonWritesNumbersBooleansNullArraysAndJsonAsJsonTypes() {
        // Without arguments: a script, values in text format
        CommandRun script = query("--json", "select " + TYPED_COLUMNS);
        assertEquals("[\n  " + TYPED_JSON + "}\n]\n", script.out(), script.toString());
        // With an argument: one prepared statement, values in binary format; the same JSON
        CommandRun bound = query("--json", "select " + TYPED_COLUMNS + ", $1::int as arg", "7");
        assertEquals("[\n  " + TYPED_JSON + ", \"arg\": 7}\n]\n", bound.out(), bound.toString());
    }

    @Test
    void jsonOfNoRowsIsAnEmptyArray() {
        CommandRun run = query("--json", "select 1 as a where $1::int = 0", "1");
        assertEquals("[]\n", run.out(), run.toString());
    }

    @Test
    void csvQuotesWhereNeeded() {
        CommandRun run = query("--csv", "select 1 as n, 'a,b' as t, null as z, 'say \"hi\"' as q");
        assertEquals("n,t,z,q\n1,\"a,b\",,\"say \"\"hi\"\"\"\n", run.out(), run.toString());
    }

    @Test
    void csvAndJsonTogetherIsAUsageError() {
        CommandRun run = query("--csv", "--json", "select 1");
        assertEquals(2, run.status(), run.toString());
        assertEquals("pgjet query: --csv and --json cannot be used together\n", run.err());
        assertEquals("", run.out());
    }

    @Test
    void anUnreachableServerIsReportedInLibpqWords() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        CommandRun run = CommandRun.of("query", "--dsn", "postgresql://u@127.0.0.1:" + port + "/db?sslmode=disable", "select 1");
        assertEquals(new CommandRun(1, "", "pgjet query: connection to server at \"127.0.0.1\", port " + port
                + " failed: Connection refused\n\tIs the server running on that host and accepting TCP/IP connections?\n"), run);
    }
}
