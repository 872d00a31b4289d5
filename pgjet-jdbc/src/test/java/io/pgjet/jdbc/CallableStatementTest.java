package io.pgjet.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.sql.Types;
import org.junit.jupiter.api.Test;

/** prepareCall: functions (return value and OUT parameters) and procedures (INOUT/OUT) on real PostgreSQL. */
class CallableStatementTest extends WithConnection {
    @Override
    String[] fixtures() {
        return new String[] {
            "create function pg_temp.add_one(x int) returns int language sql as 'select x + 1'",
            "create function pg_temp.divmod(a int, b int, out q int, out r int)"
                    + " language sql as 'select a / b, a % b'",
            "create function pg_temp.twice(inout v numeric) language sql as 'select v * 2'",
            "create function pg_temp.series(n int) returns setof int language sql as 'select generate_series(1, n)'",
            "create temp table log (msg text)"
        };
    }

    private int serverMajor() throws SQLException {
        return conn.getMetaData().getDatabaseMajorVersion();
    }

    @Test
    void returnValueOfAFunctionIsReadAsTheFirstParameter() throws SQLException {
        try (CallableStatement cs = conn.prepareCall("{? = call pg_temp.add_one(?)}")) {
            cs.registerOutParameter(1, Types.INTEGER);
            cs.setInt(2, 41);
            assertFalse(cs.execute());
            assertEquals(42, cs.getInt(1));
            assertFalse(cs.wasNull());
            cs.setNull(2, Types.INTEGER);
            cs.execute();
            assertEquals(0, cs.getInt(1));
            assertTrue(cs.wasNull());
            assertNull(cs.getObject(1));
        }
    }

    @Test
    void outParametersOfAFunctionAreLeftOutOfTheCallAndReadFromItsRow() throws SQLException {
        try (CallableStatement cs = conn.prepareCall("{call pg_temp.divmod(?, ?, ?, ?)}")) {
            cs.setInt(1, 17);
            cs.setInt(2, 5);
            cs.registerOutParameter(3, Types.INTEGER);
            cs.registerOutParameter(4, Types.INTEGER);
            cs.execute();
            assertEquals(3, cs.getInt(3));
            assertEquals("2", cs.getString(4));
            assertEquals(2L, cs.getObject(4, Long.class));
            SQLException notOut = assertThrows(SQLException.class, () -> cs.getInt(1));
            assertTrue(notOut.getMessage().contains("not a registered OUT parameter"), notOut.getMessage());
        }
    }

    @Test
    void inoutParameterOfAFunctionIsPassedAndReturned() throws SQLException {
        try (CallableStatement cs = conn.prepareCall("{call pg_temp.twice(?)}")) {
            cs.setBigDecimal(1, new BigDecimal("2.5"));
            cs.registerOutParameter(1, Types.NUMERIC);
            cs.execute();
            assertEquals(new BigDecimal("5.0"), cs.getBigDecimal(1));
        }
    }

    @Test
    void callWithoutOutParametersReturnsItsRowsAsAResultSet() throws SQLException {
        try (CallableStatement cs = conn.prepareCall("{call pg_temp.series(?)}")) {
            cs.setInt(1, 3);
            assertTrue(cs.execute());
            ResultSet rs = cs.getResultSet();
            int sum = 0;
            while (rs.next()) {
                sum += rs.getInt(1);
            }
            assertEquals(6, sum);
        }
    }

    @Test
    void nativeCallRunsAProcedureAndReadsItsInoutParameter() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute("create procedure pg_temp.bump(inout n int, msg text) language plpgsql as"
                    + " $$ begin n := n + 10; insert into log values (msg); end $$");
        }
        try (CallableStatement cs = conn.prepareCall("call pg_temp.bump(?, ?)")) {
            cs.setInt(1, 5);
            cs.setString(2, "hello");
            cs.registerOutParameter(1, Types.INTEGER);
            cs.execute();
            assertEquals(15, cs.getInt(1));
        }
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("select msg from log")) {
            assertTrue(rs.next());
            assertEquals("hello", rs.getString(1));
        }
    }

    @Test
    void procedureWithoutOutParametersRunsThroughCallEscapeInCallMode() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute("create procedure pg_temp.note(msg text) language sql as $$ insert into log values (msg) $$");
        }
        try (Connection call = Jdbc.open("&escapeSyntaxCallMode=callIfNoReturn");
                CallableStatement cs = call.prepareCall("{call pg_temp.note(?)}")) {
            // pg_temp is per session: create the procedure in this session too.
            call.createStatement().execute("create temp table log (msg text)");
            call.createStatement().execute(
                    "create procedure pg_temp.note(msg text) language sql as $$ insert into log values (msg) $$");
            cs.setString(1, "via escape");
            assertFalse(cs.execute());
            try (ResultSet rs = call.createStatement().executeQuery("select count(*) from log where msg = 'via escape'")) {
                assertTrue(rs.next());
                assertEquals(1, rs.getInt(1));
            }
        }
        // In the default select mode the same escape is a function call, which PostgreSQL refuses for a procedure.
        try (CallableStatement cs = conn.prepareCall("{call pg_temp.note(?)}")) {
            cs.setString(1, "x");
            SQLException refused = assertThrows(SQLException.class, cs::execute);
            assertEquals("42809", refused.getSQLState());
        }
    }

    @Test
    void outParameterOfAProcedureIsReturnedFromPostgres14() throws SQLException {
        int major = serverMajor();
        try (Statement s = conn.createStatement()) {
            if (major < 14) {
                // PostgreSQL 13 and older refuse OUT parameters in procedures: INOUT is the only way out.
                SQLException refused = assertThrows(SQLException.class, () -> s.execute(
                        "create procedure pg_temp.split(a int, out half int) language sql as $$ select a / 2 $$"));
                assertEquals("0A000", refused.getSQLState(), refused.getMessage());
                return;
            }
            s.execute("create procedure pg_temp.split(a int, out half int, out rest int)"
                    + " language plpgsql as $$ begin half := a / 2; rest := a % 2; end $$");
        }
        try (CallableStatement cs = conn.prepareCall("call pg_temp.split(?, ?, ?)")) {
            cs.setInt(1, 9);
            cs.registerOutParameter(2, Types.INTEGER);
            cs.registerOutParameter(3, Types.INTEGER);
            cs.execute();
            assertEquals(4, cs.getInt(2));
            assertEquals(1, cs.getInt(3));
        }
    }

    @Test
    void missingInValueAndNamedParametersFailClearly() throws SQLException {
        try (CallableStatement cs = conn.prepareCall("{? = call pg_temp.add_one(?)}")) {
            cs.registerOutParameter(1, Types.INTEGER);
            SQLException missing = assertThrows(SQLException.class, cs::execute);
            assertEquals("07001", missing.getSQLState());
            assertThrows(SQLFeatureNotSupportedException.class, () -> cs.getInt("x"));
            assertThrows(SQLException.class, () -> cs.getInt(1));
        }
    }

    @Test
    void nativeSqlShowsTheTranslatedCall() throws SQLException {
        assertEquals("select * from f($1) as result", conn.nativeSQL("{? = call f(?)}"));
        assertEquals("select upper('a')", conn.nativeSQL("select {fn ucase('a')}"));
    }
}
