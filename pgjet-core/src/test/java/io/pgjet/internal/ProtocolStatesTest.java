package io.pgjet.internal;

import io.pgjet.internal.conn.RealConnection;

import static io.pgjet.internal.Servers.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.CommandStatus;
import io.pgjet.PgConnectionException;
import io.pgjet.PgException;
import io.pgjet.PgInterfaceException;
import io.pgjet.PgTimeoutException;
import io.pgjet.errors.QueryCanceledException;
import io.pgjet.errors.SyntaxErrorException;
import io.pgjet.errors.UndefinedTableException;
import io.pgjet.errors.UniqueViolationException;
import io.pgjet.internal.engine.PreparedInfo;
import io.pgjet.internal.result.StatementResult;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Drives every state of the reference state machine against a real server. */
class ProtocolStatesTest {
    private RealConnection conn;

    @BeforeEach
    void open() {
        conn = Servers.connect();
    }

    @AfterEach
    void close() {
        conn.terminate();
    }

    @Test
    void authStateCompletesAndReportsSessionFacts() {
        assertTrue(conn.getServerPid() > 0);
        assertNotNull(conn.getServerVersion());
        assertEquals("UTF8", conn.getSettings().get("client_encoding"));
        assertFalse(conn.isInTransaction());
    }

    @Test
    void prepareStateDescribesParametersAndColumns() {
        PreparedInfo info = await(conn.prepareStatement("s_prep", "select $1::int4 + 1 as n, 'x'::text as t"));
        assertEquals(1, info.parameterTypes().length);
        assertEquals(23, info.parameterTypes()[0]);
        assertEquals(2, info.columns().count());
        assertEquals("n", info.columns().name(0));
        assertEquals(25, info.columns().typeOid(1));
    }

    @Test
    void prepareOfStatementWithoutResultColumnsReportsNoData() {
        PreparedInfo info = await(conn.prepareStatement("s_nodata", "set application_name = 'x'"));
        assertNull(info.columns());
    }

    @Test
    void bindExecuteStateRunsPreparedStatementWithParameters() {
        PreparedInfo info = await(conn.prepareStatement("s_be", "select $1::int4 * 2"));
        StatementResult result = await(conn.bindExecute(info, "", 0, 21));
        assertEquals("42", Servers.single(result));
        assertEquals("SELECT 1", result.status().tag());
    }

    @Test
    void bindExecuteManyStateRunsBatchUnderOneSync() {
        await(conn.simpleQuery("create temp table many_t (a int primary key, b text)"));
        PreparedInfo insert = await(conn.prepareStatement("s_many", "insert into many_t values ($1, $2)"));
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            rows.add(new Object[] {i, "v" + i});
        }
        assertEquals(1000L, await(conn.executeMany(insert, rows)));
        assertEquals("1000", Servers.single(await(conn.query("select count(*) from many_t"))));
    }

    @Test
    void bindExecuteManyErrorRollsBackWholeBatchAndNamesTheRow() {
        await(conn.simpleQuery("create temp table many_err (a int primary key)"));
        PreparedInfo insert = await(conn.prepareStatement("s_many_err", "insert into many_err values ($1)"));
        List<Object[]> rows = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            rows.add(new Object[] {i == 70 ? 1 : i});
        }
        PgException error = assertThrows(UniqueViolationException.class, () -> await(conn.executeMany(insert, rows)));
        assertTrue(error.getMessage().contains("parameter set 70"), error.getMessage());
        assertEquals("0", Servers.single(await(conn.query("select count(*) from many_err"))));
        assertEquals("1", Servers.single(await(conn.query("select 1"))));
    }

    @Test
    void bindExecuteManyWithUnencodableRowSendsNothing() {
        await(conn.simpleQuery("create temp table many_bad (a text)"));
        PreparedInfo insert = await(conn.prepareStatement("s_many_bad", "insert into many_bad values ($1)"));
        List<Object[]> rows = List.of(new Object[] {"ok"}, new Object[] {"bad\0value"});
        PgInterfaceException error = assertThrows(PgInterfaceException.class, () -> await(conn.executeMany(insert, rows)));
        assertTrue(error.getMessage().contains("parameter set 2"), error.getMessage());
        assertEquals("0", Servers.single(await(conn.query("select count(*) from many_bad"))));
    }

    @Test
    void bindAndExecuteStatesStepThroughPortalWithRowLimit() {
        await(conn.simpleQuery("begin"));
        PreparedInfo info = await(conn.prepareStatement("s_portal", "select g from generate_series(1, 5) g"));
        await(conn.bind(info, "p1"));
        StatementResult first = await(conn.executePortal(info, "p1", 2));
        assertTrue(first.suspended());
        assertEquals(List.of("1", "2"), texts(first));
        StatementResult rest = await(conn.executePortal(info, "p1", 10));
        assertFalse(rest.suspended());
        assertEquals(List.of("3", "4", "5"), texts(rest));
        assertEquals("SELECT 3", rest.status().tag());
        assertTrue(conn.isInTransaction());
        await(conn.simpleQuery("commit"));
        assertFalse(conn.isInTransaction());
    }

    @Test
    void closeStateClosesStatementAndPortal() {
        PreparedInfo info = await(conn.prepareStatement("s_close", "select 1"));
        await(conn.closeServerObject("s_close", false));
        PgException error = assertThrows(PgException.class, () -> await(conn.bindExecute(info, "", 0)));
        assertEquals("26000", error.sqlState()); // invalid_sql_statement_name
        await(conn.closeServerObject("no_such_portal", true)); // closing an absent portal is not an error
    }

    @Test
    void simpleQueryStateRunsMultiStatementScript() {
        List<StatementResult> results = await(conn.simpleQuery(
                "create temp table script_t (a int); insert into script_t values (1), (2); select a from script_t order by a;"));
        assertEquals(3, results.size());
        assertEquals("CREATE TABLE", results.get(0).status().tag());
        assertEquals(2, results.get(1).status().rowCount());
        assertEquals(List.of("1", "2"), texts(results.get(2)));
    }

    @Test
    void emptyQueryIsAnsweredWithoutStatus() {
        assertEquals(1, await(conn.simpleQuery("")).size());
        StatementResult result = await(conn.query(""));
        assertNull(result.status());
        assertTrue(result.rows().isEmpty());
    }

    @Test
    void copyOutStatesDeliverEveryRow() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CommandStatus status = await(conn.copyOut("copy (select g, 'r' || g from generate_series(1, 3) g) to stdout",
                out::writeBytes));
        assertEquals(3, status.rowCount());
        assertEquals("1\tr1\n2\tr2\n3\tr3\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void copyInStatesLoadEveryChunk() {
        await(conn.simpleQuery("create temp table copy_in_t (a int, b text)"));
        List<byte[]> chunks = List.of("1\tone\n2\t".getBytes(StandardCharsets.UTF_8), "two\n3\tthree\n".getBytes(StandardCharsets.UTF_8));
        CommandStatus status = await(conn.copyIn("copy copy_in_t from stdin", chunks.iterator()));
        assertEquals(3, status.rowCount());
        assertEquals("two", Servers.single(await(conn.query("select b from copy_in_t where a = 2"))));
    }

    @Test
    void copyInWithBadLineFailsAndConnectionStaysUsable() {
        await(conn.simpleQuery("create temp table copy_bad (a int)"));
        List<byte[]> chunks = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            chunks.add((i == 50 ? "oops\n" : i + "\n").getBytes(StandardCharsets.UTF_8));
        }
        PgException error = assertThrows(PgException.class, () -> await(conn.copyIn("copy copy_bad from stdin", chunks.iterator())));
        assertEquals("22P02", error.sqlState());
        assertEquals("0", Servers.single(await(conn.query("select count(*) from copy_bad"))));
    }

    @Test
    void copyInWhoseSourceFailsSendsCopyFailAndRollsBack() {
        await(conn.simpleQuery("create temp table copy_fail (a int)"));
        Iterator<byte[]> failing = new Iterator<>() {
            int n;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public byte[] next() {
                if (++n > 3) {
                    throw new IllegalStateException("disk on fire");
                }
                return (n + "\n").getBytes(StandardCharsets.UTF_8);
            }
        };
        PgException error = assertThrows(PgException.class, () -> await(conn.copyIn("copy copy_fail from stdin", failing)));
        assertTrue(error.getMessage().contains("disk on fire"), error.getMessage());
        assertEquals("0", Servers.single(await(conn.query("select count(*) from copy_fail"))));
    }

    @Test
    void commandsIssuedDuringCopyInWaitUntilItEnds() {
        await(conn.simpleQuery("create temp table copy_wait (a int)"));
        List<byte[]> chunks = List.of("1\n".getBytes(StandardCharsets.UTF_8), "2\n".getBytes(StandardCharsets.UTF_8));
        CompletableFuture<CommandStatus> copy = conn.copyIn("copy copy_wait from stdin", chunks.iterator());
        CompletableFuture<StatementResult> count = conn.query("select count(*) from copy_wait");
        assertEquals(2, await(copy).rowCount());
        assertEquals("2", Servers.single(await(count)));
    }

    @Test
    void cancelledStateTimesOutCancelsOnServerAndKeepsConnectionUsable() {
        long start = System.nanoTime();
        PgTimeoutException timeout = assertThrows(PgTimeoutException.class,
                () -> await(conn.withTimeoutView(Duration.ofMillis(200)).query("select pg_sleep(30)")));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 10, "timed out promptly");
        assertNotNull(timeout.getMessage());
        assertEquals("1", Servers.single(await(conn.query("select 1"))));
    }

    @Test
    void cancellingFutureCancelsQueryOnServer() throws Exception {
        CompletableFuture<StatementResult> sleeping = conn.query("select pg_sleep(30)");
        Thread.sleep(200);
        assertTrue(sleeping.cancel(true));
        assertEquals("ok", Servers.single(await(conn.query("select 'ok'"))));
        // cancelling again is harmless: no second cancel request reaches a later query
        sleeping.cancel(true);
        assertEquals("still ok", Servers.single(await(conn.query("select 'still ok'"))));
    }

    @Test
    void cancellingCompletedFutureDoesNothing() {
        CompletableFuture<StatementResult> done = conn.query("select 1");
        await(done);
        assertFalse(done.cancel(true));
        assertEquals("2", Servers.single(await(conn.query("select 2"))));
    }

    @Test
    void serverSideCancelSurfacesAsQueryCanceled() {
        RealConnection other = Servers.connect();
        try {
            CompletableFuture<StatementResult> sleeping = conn.query("select pg_sleep(30)");
            await(other.query("select pg_sleep(0.2)"));
            await(other.query("select pg_cancel_backend($1)", conn.getServerPid()));
            assertThrows(QueryCanceledException.class, () -> await(sleeping));
            assertEquals("1", Servers.single(await(conn.query("select 1"))));
        } finally {
            other.terminate();
        }
    }

    @Test
    void errorConsumeStateKeepsConnectionUsable() {
        PgException error = assertThrows(UndefinedTableException.class, () -> await(conn.query("select * from no_such_table")));
        assertEquals("42P01", error.sqlState());
        assertTrue(error.position() > 0);
        assertEquals("1", Servers.single(await(conn.query("select 1"))));
        assertThrows(SyntaxErrorException.class, () -> await(conn.simpleQuery("selec 1; select 2")));
        assertEquals("3", Servers.single(await(conn.query("select 3"))));
    }

    @Test
    void terminatingStateEndsSessionAndRefusesLaterRequests() {
        CompletableFuture<StatementResult> inFlight = conn.query("select pg_sleep(0.1), 'done'");
        await(conn.closeAsync());
        assertEquals("done", await(inFlight).rows().get(0).getString(1));
        assertTrue(conn.isClosed());
        assertThrows(PgConnectionException.class, () -> await(conn.query("select 1")));
    }

    @Test
    void largeValueSpanningManyReadsArrivesIntact() {
        StatementResult result = await(conn.query("select repeat('ab', 5000000) || 'end', md5(repeat('ab', 5000000) || 'end')"));
        String value = result.rows().get(0).getString(0);
        assertEquals(10_000_003, value.length());
        assertTrue(value.endsWith("abend"));
        StatementResult again = await(conn.query("select count(*) from generate_series(1, 100000)"));
        assertEquals("100000", Servers.single(again));
    }

    private static List<String> texts(StatementResult result) {
        List<String> values = new ArrayList<>();
        result.rows().forEach(row -> values.add(row.getString(0)));
        return values;
    }
}
