package io.pgjet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.errors.UniqueViolationException;
import io.pgjet.testkit.PgTestServer;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** fetchResult (rows with their command status) and executeScript (one result per statement). */
class QueryResultTest {

    @Test
    void fetchResultReturnsRowsAndTheCommandStatusOfOneStatement() {
        try (Connection conn = PgJet.connect(PgTestServer.shared().dsn())) {
            conn.execute("create temp table qr (id int primary key, name text)");
            QueryResult inserted = conn.fetchResult(
                    "insert into qr values ($1, $2), ($3, $4) returning id", 1, "a", 2, "b");
            assertEquals("INSERT 0 2", inserted.status().tag());
            assertEquals(2, inserted.status().rowCount());
            assertEquals(List.of(1, 2), inserted.rows().stream().map(r -> r.getInt(0)).toList());

            QueryResult updated = conn.fetchResult("update qr set name = $1 where id > $2", "z", 0);
            assertEquals("UPDATE 2", updated.status().tag());
            assertTrue(updated.rows().isEmpty());

            QueryResult selected = conn.fetchResult("select name from qr order by id");
            assertEquals("SELECT 2", selected.status().tag());
            assertEquals("z", selected.rows().get(1).getString(0));
            assertThrows(UnsupportedOperationException.class, () -> selected.rows().clear());
        }
    }

    @Test
    void executeScriptReturnsOneResultPerStatementInOrder() {
        try (Connection conn = PgJet.connect(PgTestServer.shared().dsn())) {
            List<QueryResult> results = conn.executeScript(
                    "create temp table qs (id int); insert into qs values (1), (2); select id from qs order by id; ;");
            assertEquals(3, results.size(), results.toString());
            assertEquals("CREATE TABLE", results.get(0).status().tag());
            assertEquals(2, results.get(1).status().rowCount());
            assertEquals("SELECT 2", results.get(2).status().tag());
            assertEquals(List.of(1, 2), results.get(2).rows().stream().map(r -> r.getInt(0)).toList());
            assertEquals(List.of(), conn.executeScript(""));
            assertEquals(List.of(), conn.executeScript("-- nothing"));
        }
    }

    @Test
    void aFailingScriptRollsBackAsOneImplicitTransactionAndLeavesTheConnectionUsable() throws Exception {
        try (AsyncConnection conn = PgJet.connectAsync(PgTestServer.shared().dsn()).get(30, TimeUnit.SECONDS)) {
            conn.execute("create temp table qf (id int primary key)").get(30, TimeUnit.SECONDS);
            CompletionException failure = assertThrows(CompletionException.class,
                    () -> conn.executeScript("insert into qf values (1); insert into qf values (1)").join());
            assertTrue(failure.getCause() instanceof UniqueViolationException, String.valueOf(failure.getCause()));
            assertEquals(0L, (Long) conn.fetchVal("select count(*) from qf").get(30, TimeUnit.SECONDS));
            assertFalse(conn.isInTransaction());
            QueryResult empty = conn.fetchResult("").get(30, TimeUnit.SECONDS);
            assertNull(empty.status());
        }
    }
}
