package io.pgjet.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The driver's checks of what callers pass: indexes outside a result's columns or a statement's
 * parameters, negative limits, and values that do not fit the narrow getter asked for, each failing
 * with its SQLSTATE and a message naming what was wrong.
 */
class ArgumentChecksTest extends WithConnection {

    private static void fails(String sqlState, String message, Executable call) {
        SQLException e = assertThrows(SQLException.class, call);
        assertEquals(sqlState, e.getSQLState());
        assertEquals(message, e.getMessage());
    }

    @Test
    void resultSetMetaDataAddressesColumnsFromOneToTheCount() throws SQLException {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("select 1::int4 as a, 'x'::text as b")) {
            ResultSetMetaData md = rs.getMetaData();
            assertEquals(2, md.getColumnCount());
            assertEquals(Types.INTEGER, md.getColumnType(1));
            assertEquals("text", md.getColumnTypeName(2));
            assertEquals("java.lang.Integer", md.getColumnClassName(1));
            assertTrue(md.isSigned(1));
            assertFalse(md.isSigned(2));
            fails("22023", "column index out of range: 0", () -> md.getColumnType(0));
            fails("22023", "column index out of range: 3", () -> md.getColumnTypeName(3));
            fails("22023", "column index out of range: 3", () -> md.isSigned(3));
            fails("22023", "column index out of range: -1", () -> md.getColumnClassName(-1));
            fails("22023", "column index out of range: 3", () -> md.isNullable(3));
            assertSame(md, md.unwrap(ResultSetMetaData.class));
            assertTrue(md.isWrapperFor(ResultSetMetaData.class));
            assertFalse(md.isWrapperFor(ParameterMetaData.class));
            fails("22023", "not a wrapper for java.sql.ParameterMetaData", () -> md.unwrap(ParameterMetaData.class));
        }
    }

    @Test
    void parameterMetaDataAddressesParametersFromOneToTheCount() throws SQLException {
        try (PreparedStatement p = conn.prepareStatement("select ?::int8, ?::text")) {
            ParameterMetaData md = p.getParameterMetaData();
            assertEquals(2, md.getParameterCount());
            assertEquals(Types.BIGINT, md.getParameterType(1));
            assertEquals("text", md.getParameterTypeName(2));
            assertEquals("java.lang.Long", md.getParameterClassName(1));
            assertTrue(md.isSigned(1));
            assertEquals(ParameterMetaData.parameterModeIn, md.getParameterMode(2));
            fails("22023", "parameter index out of range: 0", () -> md.getParameterType(0));
            fails("22023", "parameter index out of range: 3", () -> md.getParameterTypeName(3));
            fails("22023", "parameter index out of range: 3", () -> md.isSigned(3));
            fails("22023", "parameter index out of range: 3", () -> md.getParameterMode(3));
            assertSame(md, md.unwrap(ParameterMetaData.class));
            assertFalse(md.isWrapperFor(ResultSetMetaData.class));
            fails("22023", "not a wrapper for java.sql.ResultSetMetaData", () -> md.unwrap(ResultSetMetaData.class));
        }
    }

    @Test
    void negativeLimitsAreRefusedAndNamed() throws SQLException {
        try (Statement s = conn.createStatement()) {
            fails("22023", "fetch size must not be negative", () -> s.setFetchSize(-1));
            fails("22023", "max rows must not be negative", () -> s.setMaxRows(-1));
            fails("22023", "max field size must not be negative", () -> s.setMaxFieldSize(-1));
            fails("22023", "query timeout must not be negative", () -> s.setQueryTimeout(-1));
            s.setFetchSize(0);
            s.setMaxRows(0);
            s.setQueryTimeout(0);
            try (ResultSet rs = s.executeQuery("select 1")) {
                fails("22023", "fetch size must not be negative", () -> rs.setFetchSize(-1));
                rs.setFetchSize(5);
            }
        }
        fails("22023", "timeout must not be negative", () -> conn.isValid(-1));
    }

    @Test
    void narrowGettersRefuseValuesOutsideTheirRange() throws SQLException {
        try (Statement s = conn.createStatement();
                ResultSet rs = s.executeQuery("select 2147483648::int8, -2147483648::int8, 32768, -128, 128")) {
            assertTrue(rs.next());
            fails("22003", "value 2147483648 of column 1 is out of range for int", () -> rs.getInt(1));
            assertEquals(Integer.MIN_VALUE, rs.getInt(2));
            fails("22003", "value 32768 of column 3 is out of range for short", () -> rs.getShort(3));
            assertEquals(32768, rs.getInt(3));
            assertEquals((byte) -128, rs.getByte(4));
            assertEquals((short) -128, rs.getShort(4));
            fails("22003", "value 128 of column 5 is out of range for byte", () -> rs.getByte(5));
        }
    }
}
