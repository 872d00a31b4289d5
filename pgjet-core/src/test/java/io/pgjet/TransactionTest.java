package io.pgjet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.errors.DivisionByZeroException;
import io.pgjet.errors.InFailedSqlTransactionException;
import io.pgjet.errors.ReadOnlySqlTransactionException;
import io.pgjet.testkit.PgTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Transactions: options, nesting as savepoints, rollback unless committed, state checks. */
class TransactionTest {
    private Connection conn;

    @BeforeEach
    void open() {
        conn = PgJet.connect(PgTestServer.shared().dsn());
        conn.execute("create temp table ledger (n int)");
    }

    @AfterEach
    void close() {
        conn.close();
    }

    private String count() {
        return conn.fetchRow("select count(*) from ledger").getString(0);
    }

    @Test
    void committedWorkStays() {
        try (Transaction tx = conn.transaction()) {
            assertTrue(conn.isInTransaction());
            conn.execute("insert into ledger values (1)");
            tx.commit();
        }
        assertFalse(conn.isInTransaction());
        assertEquals("1", count());
    }

    @Test
    void blockEndingWithoutCommitRollsBack() {
        try (Transaction tx = conn.transaction()) {
            conn.execute("insert into ledger values (1)");
        }
        assertEquals("0", count());
        assertFalse(conn.isInTransaction());
    }

    @Test
    void isolationAndReadOnlyAreApplied() {
        try (Transaction tx = conn.transaction(TransactionOptions.of(Isolation.SERIALIZABLE).withReadOnly(true))) {
            assertEquals("serializable", conn.fetchRow("show transaction_isolation").getString(0));
            assertThrows(ReadOnlySqlTransactionException.class, () -> conn.execute("create table not_allowed (a int)"));
        }
        try (Transaction tx = conn.transaction(Isolation.REPEATABLE_READ)) {
            assertEquals("repeatable read", conn.fetchRow("show transaction_isolation").getString(0));
            tx.commit();
        }
    }

    @Test
    void nestedTransactionIsASavepoint() {
        try (Transaction outer = conn.transaction()) {
            conn.execute("insert into ledger values (1)");
            try (Transaction inner = conn.transaction()) {
                assertTrue(inner.isNested());
                conn.execute("insert into ledger values (2)");
                // not committed: rolled back to the savepoint
            }
            try (Transaction inner = conn.transaction()) {
                conn.execute("insert into ledger values (3)");
                inner.commit();
            }
            outer.commit();
        }
        assertEquals("1,3", conn.fetchRow("select string_agg(n::text, ',' order by n) from ledger").getString(0));
    }

    @Test
    void savepointRecoversFromAFailedStatement() {
        try (Transaction outer = conn.transaction()) {
            conn.execute("insert into ledger values (1)");
            try (Transaction inner = conn.transaction()) {
                assertThrows(DivisionByZeroException.class, () -> conn.execute("select 1 / 0"));
            }
            conn.execute("insert into ledger values (2)");
            outer.commit();
        }
        assertEquals("2", count());
    }

    @Test
    void committingTwiceIsAClearError() {
        Transaction tx = conn.transaction();
        tx.commit();
        PgInterfaceException e = assertThrows(PgInterfaceException.class, tx::commit);
        assertTrue(e.getMessage().contains("already committed"), e.getMessage());
        tx.close(); // harmless after commit
    }

    @Test
    void usingAFailedTransactionIsAClearError() {
        Transaction tx = conn.transaction();
        assertThrows(DivisionByZeroException.class, () -> conn.execute("select 1 / 0"));
        assertThrows(InFailedSqlTransactionException.class, () -> conn.execute("insert into ledger values (1)"));
        PgInterfaceException e = assertThrows(PgInterfaceException.class, tx::commit);
        assertTrue(e.getMessage().contains("rolled back"), e.getMessage());
        assertFalse(conn.isInTransaction());
        assertEquals("0", count());
    }

    @Test
    void nestedTransactionCannotTakeOptions() {
        try (Transaction outer = conn.transaction()) {
            assertThrows(PgInterfaceException.class, () -> conn.transaction(Isolation.SERIALIZABLE));
        }
    }

    @Test
    void outerCannotEndBeforeInner() {
        try (Transaction outer = conn.transaction()) {
            Transaction inner = conn.transaction();
            PgInterfaceException e = assertThrows(PgInterfaceException.class, outer::commit);
            assertTrue(e.getMessage().contains("still active"), e.getMessage());
            inner.rollback();
            outer.commit();
        }
    }

    @Test
    void asyncTransactionCommits() {
        AsyncConnection async = conn.async();
        AsyncTransaction tx = async.transaction().join();
        async.execute("insert into ledger values ($1)", 7).join();
        tx.commit().join();
        assertEquals("1", count());
    }
}
