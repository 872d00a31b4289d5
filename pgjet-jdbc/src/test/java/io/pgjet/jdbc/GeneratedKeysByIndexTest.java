package io.pgjet.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Generated keys by column index: positions among the target table's live columns. */
class GeneratedKeysByIndexTest extends WithConnection {
    @Override
    String[] fixtures() {
        return new String[] {
            "create temp table \"Odd Items\" (gone int, id serial primary key, name text,"
                    + " created int default 7)",
            "alter table \"Odd Items\" drop column gone"
        };
    }

    @Test
    void preparedInsertReturnsTheIndexedColumnsSkippingDroppedOnes() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("insert into \"Odd Items\" (name) values (?)", new int[] {1, 3})) {
            ps.setString(1, "a");
            assertEquals(1, ps.executeUpdate());
            ResultSet keys = ps.getGeneratedKeys();
            assertTrue(keys.next());
            assertEquals("id", keys.getMetaData().getColumnName(1));
            assertEquals(1, keys.getInt(1));
            assertEquals(7, keys.getInt("created"));
            assertFalse(keys.next());
        }
    }

    @Test
    void statementUpdateReturnsTheIndexedColumn() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.executeUpdate("/* c */ insert into pg_temp.\"Odd Items\" (name) values ('x'), ('y')");
            assertEquals(2, s.executeUpdate("update only \"Odd Items\" set name = name || '!'", new int[] {2}));
            ResultSet keys = s.getGeneratedKeys();
            int n = 0;
            while (keys.next()) {
                assertTrue(keys.getString(1).endsWith("!"));
                n++;
            }
            assertEquals(2, n);
        }
    }

    @Test
    void indexOutsideTheTableOrUnreadableTargetFailsClearly() throws SQLException {
        SQLException outside = assertThrows(SQLException.class,
                () -> conn.prepareStatement("insert into \"Odd Items\" (name) values (?)", new int[] {9}));
        assertTrue(outside.getMessage().contains("column index 9"), outside.getMessage());
        assertThrows(SQLException.class, () -> conn.prepareStatement("select 1", new int[] {1}));
    }
}
