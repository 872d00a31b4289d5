package io.pgjet.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** setXxx and getXxx for the common types, round trips through a real table. */
class TypesTest extends WithConnection {
    @Override
    String[] fixtures() {
        return new String[] {
            "create temp table v (i int, b bigint, s smallint, n numeric(12,3), d float8, r real, t text,"
                    + " vc varchar(10), bo boolean, by bytea, u uuid, da date, ti time, ts timestamp, tz timestamptz,"
                    + " ia int[], ta text[], j jsonb)"
        };
    }

    @Test
    void primitiveAndCommonSettersRoundTrip() throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement p = conn.prepareStatement("insert into v (i, b, s, n, d, r, t, vc, bo, by, u, j)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setInt(1, 7);
            p.setLong(2, 1L << 40);
            p.setShort(3, (short) 3);
            p.setBigDecimal(4, new BigDecimal("12.345"));
            p.setDouble(5, 2.5);
            p.setFloat(6, 1.25f);
            p.setString(7, "text ?");
            p.setString(8, "short");
            p.setBoolean(9, true);
            p.setBytes(10, new byte[] {1, 2, (byte) 255});
            p.setObject(11, id);
            p.setString(12, "{\"a\": 1}");
            assertEquals(1, p.executeUpdate());
        }
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("select * from v")) {
            assertTrue(rs.next());
            assertEquals(7, rs.getInt("i"));
            assertEquals(1L << 40, rs.getLong("b"));
            assertEquals((short) 3, rs.getShort("s"));
            assertEquals(new BigDecimal("12.345"), rs.getBigDecimal("n"));
            assertEquals(2.5, rs.getDouble("d"));
            assertEquals(1.25f, rs.getFloat("r"));
            assertEquals("text ?", rs.getString("t"));
            assertEquals("short", rs.getString("vc"));
            assertTrue(rs.getBoolean("bo"));
            assertArrayEquals(new byte[] {1, 2, (byte) 255}, rs.getBytes("by"));
            assertEquals(id, rs.getObject("u"));
            assertEquals(id, rs.getObject("u", UUID.class));
            assertEquals("{\"a\": 1}", rs.getString("j"));
            assertEquals(Integer.valueOf(3), rs.getObject("s"));
            assertEquals(12, rs.getInt("n"));
            assertEquals("7", rs.getString("i"));
        }
    }

    @Test
    void nullsAreBoundWithTypesAndReadWithWasNull() throws SQLException {
        try (PreparedStatement p = conn.prepareStatement("insert into v (i, t, ts, ia) values (?, ?, ?, ?)")) {
            p.setNull(1, Types.INTEGER);
            p.setNull(2, Types.VARCHAR);
            p.setObject(3, null);
            p.setNull(4, Types.ARRAY);
            p.executeUpdate();
        }
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("select i, t, ts, ia from v")) {
            rs.next();
            assertEquals(0, rs.getInt(1));
            assertTrue(rs.wasNull());
            assertNull(rs.getString(2));
            assertTrue(rs.wasNull());
            assertNull(rs.getTimestamp(3));
            assertNull(rs.getObject(4));
            assertNull(rs.getObject(1, Integer.class));
        }
    }

    @Test
    void javaTimeValuesRoundTrip() throws SQLException {
        LocalDate date = LocalDate.of(2024, 2, 29);
        LocalTime time = LocalTime.of(13, 14, 15, 123_456_000);
        LocalDateTime stamp = LocalDateTime.of(2024, 2, 29, 13, 14, 15, 123_456_000);
        OffsetDateTime zoned = OffsetDateTime.of(stamp, ZoneOffset.ofHours(3));
        try (PreparedStatement p = conn.prepareStatement("insert into v (da, ti, ts, tz) values (?, ?, ?, ?)")) {
            p.setObject(1, date);
            p.setObject(2, time);
            p.setObject(3, stamp);
            p.setObject(4, zoned);
            p.executeUpdate();
        }
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("select da, ti, ts, tz from v")) {
            rs.next();
            assertEquals(date, rs.getObject(1, LocalDate.class));
            assertEquals(time, rs.getObject(2, LocalTime.class));
            assertEquals(stamp, rs.getObject(3, LocalDateTime.class));
            assertEquals(zoned.toInstant(), rs.getObject(4, OffsetDateTime.class).toInstant());
            assertEquals(zoned.toInstant(), rs.getObject(4, Instant.class));
            assertInstanceOf(Date.class, rs.getObject(1));
            assertInstanceOf(Timestamp.class, rs.getObject(3));
            assertInstanceOf(Timestamp.class, rs.getObject(4));
        }
    }

    @Test
    void legacySqlDateTimeTypesRoundTrip() throws SQLException {
        Date date = Date.valueOf("2023-12-31");
        Time time = Time.valueOf("23:59:58");
        Timestamp stamp = Timestamp.valueOf("2023-12-31 23:59:58.25");
        try (PreparedStatement p = conn.prepareStatement("insert into v (da, ti, ts, tz) values (?, ?, ?, ?)")) {
            p.setDate(1, date);
            p.setTime(2, time);
            p.setTimestamp(3, stamp);
            p.setTimestamp(4, stamp);
            p.executeUpdate();
        }
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("select da, ti, ts, tz from v")) {
            rs.next();
            assertEquals(date, rs.getDate(1));
            assertEquals(time, rs.getTime(2));
            assertEquals(stamp, rs.getTimestamp(3));
            // timestamptz keeps the instant the Timestamp stood for.
            assertEquals(stamp.toInstant(), rs.getTimestamp(4).toInstant());
            assertEquals(date, rs.getDate(3));
        }
    }

    @Test
    void arraysRoundTripThroughCreateArrayOfAndGetArray() throws SQLException {
        try (PreparedStatement p = conn.prepareStatement("insert into v (ia, ta) values (?, ?)")) {
            p.setArray(1, conn.createArrayOf("int4", new Integer[] {1, null, 3}));
            p.setObject(2, new String[] {"a", "b,c"});
            p.executeUpdate();
        }
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("select ia, ta from v")) {
            rs.next();
            Array ia = rs.getArray(1);
            assertArrayEquals(new Integer[] {1, null, 3}, (Integer[]) ia.getArray());
            assertEquals("int4", ia.getBaseTypeName());
            assertEquals(Types.INTEGER, ia.getBaseType());
            assertArrayEquals(new String[] {"a", "b,c"}, (String[]) rs.getArray(2).getArray());
            assertInstanceOf(Array.class, rs.getObject(1));
            assertArrayEquals(new int[] {1, 3}, java.util.Arrays.stream((Integer[]) ia.getArray())
                    .filter(java.util.Objects::nonNull).mapToInt(Integer::intValue).toArray());
        }
    }

    @Test
    void stringsAreTypedByTheServer() throws SQLException {
        try (PreparedStatement p = conn.prepareStatement("select ?::date + 1, ? = 5")) {
            p.setString(1, "2024-01-31");
            p.setString(2, "5");
            ResultSet rs = p.executeQuery();
            rs.next();
            assertEquals(LocalDate.of(2024, 2, 1), rs.getObject(1, LocalDate.class));
            assertTrue(rs.getBoolean(2));
        }
    }

    @Test
    void gettersConvertAcrossTypesAsJdbcAllows() throws SQLException {
        try (Statement s = conn.createStatement();
                ResultSet rs = s.executeQuery("select '42'::text, 1.5::numeric, 't'::text, 0::int, 3000000000::int8")) {
            rs.next();
            assertEquals(42, rs.getInt(1));
            assertEquals(1.5, rs.getDouble(2));
            assertEquals(1, rs.getInt(2));
            assertTrue(rs.getBoolean(3));
            assertFalse(rs.getBoolean(4));
            SQLException e = assertThrows(SQLException.class, () -> rs.getInt(5));
            assertEquals("22003", e.getSQLState());
            assertEquals(new BigDecimal("3000000000"), rs.getBigDecimal(5));
        }
    }

    @Test
    void resultSetMetaDataReportsNamesAndTypes() throws SQLException {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("select * from v")) {
            ResultSetMetaData md = rs.getMetaData();
            assertEquals(18, md.getColumnCount());
            assertEquals("i", md.getColumnLabel(1));
            assertEquals(Types.INTEGER, md.getColumnType(1));
            assertEquals("int4", md.getColumnTypeName(1));
            assertEquals(Types.NUMERIC, md.getColumnType(4));
            assertEquals(Types.VARCHAR, md.getColumnType(8));
            assertEquals("varchar", md.getColumnTypeName(8));
            assertEquals(Types.BIT, md.getColumnType(9));
            assertEquals(Types.BINARY, md.getColumnType(10));
            assertEquals(Types.OTHER, md.getColumnType(11));
            assertEquals(Types.TIMESTAMP, md.getColumnType(14));
            assertEquals(Types.ARRAY, md.getColumnType(16));
            assertEquals("_int4", md.getColumnTypeName(16));
            assertEquals("java.lang.Integer", md.getColumnClassName(1));
        }
    }

    @Test
    void parameterMetaDataReportsTheServersTypes() throws SQLException {
        try (PreparedStatement p = conn.prepareStatement("select * from v where i = ? and t = ? and u = ?")) {
            assertEquals(3, p.getParameterMetaData().getParameterCount());
            assertEquals(Types.INTEGER, p.getParameterMetaData().getParameterType(1));
            assertEquals("text", p.getParameterMetaData().getParameterTypeName(2));
            assertEquals("uuid", p.getParameterMetaData().getParameterTypeName(3));
            assertEquals(18, p.getMetaData().getColumnCount());
        }
    }

    @Test
    void unknownColumnLabelIsAClearError() throws SQLException {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("select 1 as one")) {
            rs.next();
            assertEquals(1, rs.getInt("ONE"));
            SQLException e = assertThrows(SQLException.class, () -> rs.getInt("two"));
            assertTrue(e.getMessage().contains("two"));
        }
    }
}
