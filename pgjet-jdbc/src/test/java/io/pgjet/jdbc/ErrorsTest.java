package io.pgjet.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.PgException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTransactionRollbackException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Server errors as SQLException subclasses with their SQLSTATE; the connection stays usable. */
class ErrorsTest extends WithConnection {
    private SQLException fail(String sql) {
        return assertThrows(SQLException.class, () -> {
            try (Statement s = conn.createStatement()) {
                s.execute(sql);
            }
        });
    }

    @Test
    void uniqueViolationIsAnIntegrityConstraintViolation() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute("create temp table u (k int primary key)");
            s.execute("insert into u values (1)");
        }
        SQLException e = fail("insert into u values (1)");
        assertInstanceOf(SQLIntegrityConstraintViolationException.class, e);
        assertEquals("23505", e.getSQLState());
        assertEquals(0, e.getErrorCode());
        PgException cause = assertInstanceOf(PgException.class, e.getCause());
        assertEquals("u_pkey", cause.constraintName());
    }

    @Test
    void syntaxErrorIsASyntaxErrorException() {
        SQLException e = fail("selec 1");
        assertInstanceOf(SQLSyntaxErrorException.class, e);
        assertEquals("42601", e.getSQLState());
    }

    @Test
    void serializationFailureIsATransactionRollback() {
        SQLException e = fail("do $$ begin raise exception using errcode = '40001', message = 'conflict'; end $$");
        assertInstanceOf(SQLTransactionRollbackException.class, e);
        assertEquals("40001", e.getSQLState());
    }

    @Test
    void divisionByZeroIsADataException() {
        SQLException e = fail("select 1/0");
        assertInstanceOf(java.sql.SQLDataException.class, e);
        assertEquals("22012", e.getSQLState());
        assertTrue(e.getMessage().contains("division by zero"));
    }

    @Test
    void connectionStaysUsableAfterAnError() throws SQLException {
        fail("select nope");
        try (Statement s = conn.createStatement(); var rs = s.executeQuery("select 1")) {
            assertTrue(rs.next());
        }
    }
}
