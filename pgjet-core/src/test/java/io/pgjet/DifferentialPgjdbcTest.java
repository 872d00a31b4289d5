package io.pgjet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pgjet.testkit.PgTestServer;
import java.math.BigDecimal;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Differential test against pgjdbc, the reference driver: the same query over the same server
 * returns equal values through both, for the types both support.
 */
class DifferentialPgjdbcTest {
    private static final String SELECT = "select "
            + "g::int2 as a_int2, (g * 100000)::int4 as a_int4, (g::int8 * 10000000000) as a_int8, "
            + "g / 7.0::float8 as a_float8, (g / 3.0)::float4 as a_float4, (g::numeric / 7)::numeric(30, 20) as a_numeric, "
            + "g % 2 = 0 as a_bool, 'row ' || g || ' ü \uD83D\uDE00' as a_text, ('v' || g)::varchar(10) as a_varchar, "
            + "decode(md5(g::text), 'hex') as a_bytea, md5(g::text)::uuid as a_uuid, "
            + "date '2000-02-28' + g as a_date, time '12:34:56.789' + g * interval '1 minute' as a_time, "
            + "timestamp '1999-12-31 23:59:59.5' + g * interval '1 day 1 hour' as a_timestamp, "
            + "timestamptz '2021-03-27 12:00:00+00' + g * interval '7 hours' as a_timestamptz, "
            + "json_build_object('g', g)::text as a_json "
            + "from generate_series(-50, 50) g order by g";

    @Test
    void sameQueryReturnsEqualValuesThroughPgjetAndPgjdbc() throws SQLException {
        List<Row> pgjet;
        try (Connection conn = PgJet.connect(PgTestServer.shared().dsn())) {
            conn.execute("set timezone = 'UTC'");
            pgjet = conn.fetch(SELECT);
        }
        try (java.sql.Connection jdbc = DriverManager.getConnection(PgTestServer.shared().jdbcUrl());
                Statement statement = jdbc.createStatement()) {
            statement.execute("set timezone = 'UTC'");
            try (ResultSet rs = statement.executeQuery(SELECT)) {
                int i = 0;
                while (rs.next()) {
                    Row row = pgjet.get(i++);
                    String at = "row " + i;
                    assertEquals(rs.getShort("a_int2"), (short) row.get("a_int2"), at);
                    assertEquals(rs.getInt("a_int4"), row.getInt("a_int4"), at);
                    assertEquals(rs.getLong("a_int8"), row.getLong("a_int8"), at);
                    assertEquals(rs.getDouble("a_float8"), row.getDouble("a_float8"), at);
                    assertEquals(rs.getFloat("a_float4"), (float) row.get("a_float4"), at);
                    assertEquals(rs.getBigDecimal("a_numeric"), row.get("a_numeric", BigDecimal.class), at);
                    assertEquals(rs.getBoolean("a_bool"), row.getBoolean("a_bool"), at);
                    assertEquals(rs.getString("a_text"), row.get("a_text"), at);
                    assertEquals(rs.getString("a_varchar"), row.get("a_varchar"), at);
                    assertArrayEquals(rs.getBytes("a_bytea"), (byte[]) row.get("a_bytea"), at);
                    assertEquals(rs.getObject("a_uuid", UUID.class), row.get("a_uuid"), at);
                    assertEquals(rs.getObject("a_date", LocalDate.class), row.get("a_date"), at);
                    assertEquals(rs.getObject("a_time", LocalTime.class), row.get("a_time"), at);
                    assertEquals(rs.getObject("a_timestamp", LocalDateTime.class), row.get("a_timestamp"), at);
                    assertEquals(rs.getObject("a_timestamptz", OffsetDateTime.class).toInstant(),
                            row.get("a_timestamptz", OffsetDateTime.class).toInstant(), at);
                    assertEquals(rs.getString("a_json"), row.get("a_json"), at);
                    assertEquals(rs.getString("a_timestamptz"), row.getString("a_timestamptz"), at);
                    assertEquals(rs.getString("a_numeric"), row.getString("a_numeric"), at);
                }
                assertEquals(pgjet.size(), i);
            }
        }
    }
}
