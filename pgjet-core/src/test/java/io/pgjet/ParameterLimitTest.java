package io.pgjet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.testkit.PgTestServer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The protocol's 65,535-parameter limit is enforced before anything is sent. */
class ParameterLimitTest {
    private static final int TOO_MANY = 70_000;
    private Connection conn;

    @BeforeEach
    void open() {
        conn = PgJet.connect(PgTestServer.shared().dsn());
    }

    @AfterEach
    void close() {
        conn.close();
    }

    private static String sqlWith(int parameters) {
        // A flat list: a chain of operators would exceed the server's stack depth first.
        StringBuilder sql = new StringBuilder("select cardinality(array[");
        for (int i = 1; i <= parameters; i++) {
            sql.append(i > 1 ? ",$" : "$").append(i).append("::int");
        }
        return sql.append("])").toString();
    }

    private static Object[] args(int count) {
        Object[] args = new Object[count];
        java.util.Arrays.fill(args, 1);
        return args;
    }

    @Test
    void moreThan65535ArgumentsAreRefusedClientSideAndTheConnectionStaysUsable() {
        PgInterfaceException e = assertThrows(PgInterfaceException.class, () -> conn.fetchVal(sqlWith(TOO_MANY), args(TOO_MANY)));
        assertTrue(e.getMessage().contains("65,535") || e.getMessage().contains("65535"), e.getMessage());
        assertFalse(conn.isClosed());
        assertEquals(1, (Integer) conn.fetchVal("select 1"));
    }

    @Test
    void statementWithMoreThan65535ParametersIsRefusedAndTheConnectionStaysUsable() {
        assertThrows(PgInterfaceException.class, () -> conn.fetchVal(sqlWith(TOO_MANY)));
        assertFalse(conn.isClosed());
        assertEquals(1, (Integer) conn.fetchVal("select 1"));
    }

    @Test
    void executeManyWithTooManyParametersPerSetIsRefusedAndTheConnectionStaysUsable() {
        assertThrows(PgInterfaceException.class, () -> conn.executeMany(sqlWith(TOO_MANY), List.<Object[]>of(args(TOO_MANY))));
        assertFalse(conn.isClosed());
        assertEquals(1, (Integer) conn.fetchVal("select 1"));
    }

    @Test
    void prepareWithTooManyParametersIsRefusedAndTheConnectionStaysUsable() {
        PreparedStatement statement = conn.prepare(sqlWith(TOO_MANY));
        assertEquals(TOO_MANY, statement.getParameters().size());
        assertThrows(PgInterfaceException.class, () -> statement.fetch(args(TOO_MANY)));
        assertFalse(conn.isClosed());
        assertEquals(1, (Integer) conn.fetchVal("select 1"));
    }

    @Test
    void exactly65535ParametersStillWork() {
        assertEquals(65_535L, ((Number) conn.fetchVal(sqlWith(65_535), args(65_535))).longValue());
    }
}
