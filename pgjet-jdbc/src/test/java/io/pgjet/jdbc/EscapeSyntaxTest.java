package io.pgjet.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** JDBC escapes run on real PostgreSQL and give what the specification says. */
class EscapeSyntaxTest extends WithConnection {
    private ResultSet one(String sql) throws SQLException {
        ResultSet rs = conn.createStatement().executeQuery(sql);
        assertTrue(rs.next());
        return rs;
    }

    @Test
    void dateTimeAndTimestampLiterals() throws SQLException {
        ResultSet rs = one("select {d '2024-02-29'}, {t '10:11:12'}, {ts '2024-02-29 10:11:12.5'}");
        assertEquals(LocalDate.of(2024, 2, 29), rs.getObject(1, LocalDate.class));
        assertEquals(LocalTime.of(10, 11, 12), rs.getObject(2, LocalTime.class));
        assertEquals(LocalDateTime.of(2024, 2, 29, 10, 11, 12, 500_000_000), rs.getObject(3, LocalDateTime.class));
    }

    @Test
    void numericStringAndSystemFunctions() throws SQLException {
        ResultSet rs = one("select {fn ceiling(1.2)}, {fn log10(100)}, {fn truncate(2.567, 2)}, {fn mod(7, 3)},"
                + " {fn ucase({fn concat('ab', 'c')})}, {fn length('ab  ')}, {fn locate('c', 'abcabc', 4)},"
                + " {fn insert('abcdef', 2, 3, 'XY')}, {fn ltrim('  x')}, {fn ifnull(null, 'd')},"
                + " {fn database()} = current_database(), {fn space(3)}, {fn left('hello', 2)}");
        assertEquals(2, rs.getInt(1));
        assertEquals(2.0, rs.getDouble(2), 1e-9);
        assertEquals("2.56", rs.getBigDecimal(3).toPlainString());
        assertEquals(1, rs.getInt(4));
        assertEquals("ABC", rs.getString(5));
        assertEquals(2, rs.getInt(6));
        assertEquals(6, rs.getInt(7));
        assertEquals("aXYef", rs.getString(8));
        assertEquals("x", rs.getString(9));
        assertEquals("d", rs.getString(10));
        assertTrue(rs.getBoolean(11));
        assertEquals("   ", rs.getString(12));
        assertEquals("he", rs.getString(13));
    }

    @Test
    void dateFunctionsAndTimestampArithmetic() throws SQLException {
        String ts = "{ts '2024-03-15 13:45:30'}";
        ResultSet rs = one("select {fn year(" + ts + ")}, {fn month(" + ts + ")}, {fn dayofweek(" + ts + ")},"
                + " {fn hour(" + ts + ")}, {fn dayname(" + ts + ")}, {fn timestampadd(SQL_TSI_DAY, 3, " + ts + ")},"
                + " {fn timestampdiff(SQL_TSI_HOUR, " + ts + ", {ts '2024-03-16 15:00:00'})}, {fn curdate()} = current_date,"
                + " {fn convert('42', SQL_INTEGER)} + 1");
        assertEquals(2024, rs.getInt(1));
        assertEquals(3, rs.getInt(2));
        assertEquals(6, rs.getInt(3)); // Friday: JDBC counts Sunday as 1
        assertEquals(13, rs.getInt(4));
        assertEquals("Friday", rs.getString(5));
        assertEquals(LocalDateTime.of(2024, 3, 18, 13, 45, 30), rs.getObject(6, LocalDateTime.class));
        assertEquals(25, rs.getLong(7));
        assertTrue(rs.getBoolean(8));
        assertEquals(43, rs.getInt(9));
    }

    @Test
    void outerJoinLikeEscapeAndLimitWithPlaceholders() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute("create temp table a (id int, name text)");
            s.execute("create temp table b (id int)");
            s.execute("insert into a values (1, 'x_1'), (2, 'x%2'), (3, 'x_3'), (4, 'y_4')");
            s.execute("insert into b values (1)");
        }
        try (PreparedStatement ps = conn.prepareStatement("select a.id, b.id from {oj a left outer join b on a.id = b.id}"
                + " where a.name like ? {escape '!'} order by a.id {limit ? offset ?}")) {
            ps.setString(1, "x!_%");
            ps.setInt(2, 1);
            ps.setInt(3, 1);
            ResultSet rs = ps.executeQuery();
            assertTrue(rs.next());
            assertEquals(3, rs.getInt(1));
            rs.getInt(2);
            assertTrue(rs.wasNull());
            assertEquals(false, rs.next());
        }
    }

    @Test
    void escapeProcessingCanBeTurnedOffOnAStatement() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.setEscapeProcessing(false);
            SQLException raw = assertThrows(SQLException.class, () -> s.executeQuery("select {fn ucase('a')}"));
            assertEquals("42601", raw.getSQLState());
            s.setEscapeProcessing(true);
            ResultSet rs = s.executeQuery("select {fn ucase('a')}");
            assertTrue(rs.next());
            assertEquals("A", rs.getString(1));
        }
    }
}
