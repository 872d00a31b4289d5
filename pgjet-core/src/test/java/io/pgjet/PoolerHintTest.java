package io.pgjet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.errors.DuplicatePreparedStatementException;
import io.pgjet.errors.InvalidSqlStatementNameException;
import io.pgjet.testkit.PgTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Errors a transaction-pooling proxy (pgbouncer) causes with PgJet's named statements carry a
 * hint saying so: a statement PgJet prepared is missing (26000), or a name PgJet picks is taken
 * (42P05). Here the server is made to show both without a proxy.
 */
class PoolerHintTest {
    private Connection conn;

    @BeforeEach
    void open() {
        conn = PgJet.connect(PgTestServer.shared().dsn());
    }

    @AfterEach
    void close() {
        conn.close();
    }

    @Test
    void missingPgJetStatementErrorHintsAtPgbouncerTransactionMode() {
        PreparedStatement ps = conn.prepare("select $1::int");
        String name = conn.fetchRow("select name from pg_prepared_statements where statement = 'select $1::int'")
                .getString(0);
        conn.execute("deallocate " + name); // what another server connection behind a pooler looks like
        InvalidSqlStatementNameException e = assertThrows(InvalidSqlStatementNameException.class, () -> ps.fetch(1));
        assertEquals("26000", e.sqlState());
        assertTrue(e.getMessage().contains("pgbouncer") && e.getMessage().contains("transaction_pooler=true"),
                e.getMessage());
        assertTrue(e.getMessage().startsWith("ERROR: prepared statement \"" + name + "\" does not exist"), e.getMessage());
    }

    @Test
    void takenPgJetStatementNameErrorHintsAtPgbouncerTransactionMode() {
        conn.fetch("select 'first'");
        long highest = conn.fetch("select name from pg_prepared_statements where name ~ '^pgjet_[0-9]+$'").stream()
                .mapToLong(row -> Long.parseLong(row.getString(0).substring("pgjet_".length()))).max().orElse(0);
        conn.execute("prepare pgjet_" + (highest + 1) + " as select 1"); // simple protocol: not cached
        DuplicatePreparedStatementException e = assertThrows(DuplicatePreparedStatementException.class,
                () -> conn.fetch("select 'next'"));
        assertEquals("42P05", e.sqlState());
        assertTrue(e.getMessage().contains("pgbouncer"), e.getMessage());
        assertEquals("next", conn.fetchRow("select 'next'").getString(0)); // prepared again under a new name
    }

    @Test
    void userStatementErrorsCarryNoPoolerHint() {
        PgException e = assertThrows(PgException.class, () -> conn.execute("execute no_such_statement"));
        assertInstanceOf(InvalidSqlStatementNameException.class, e);
        assertNull(e.note());
    }
}
