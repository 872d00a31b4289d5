package io.pgjet.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.testkit.PgTestServer;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The metadata pools and migration tools read, and the first catalog queries. */
class DatabaseMetaDataTest extends WithConnection {
    @Override
    String[] fixtures() {
        return new String[] {
            "create schema if not exists jdbc_md",
            "create table if not exists jdbc_md.thing (id bigserial primary key, label varchar(40) not null,"
                    + " price numeric(10,2), tags text[])"
        };
    }

    @Test
    void productDriverAndSessionFacts() throws SQLException {
        DatabaseMetaData md = conn.getMetaData();
        assertEquals("PostgreSQL", md.getDatabaseProductName());
        assertEquals(PgTestServer.shared().majorVersion(), md.getDatabaseMajorVersion());
        assertTrue(md.getDatabaseProductVersion().startsWith(Integer.toString(md.getDatabaseMajorVersion())));
        assertEquals("PgJet JDBC Driver", md.getDriverName());
        assertEquals(Jdbc.url(), md.getURL());
        assertEquals(PgTestServer.shared().user(), md.getUserName());
        assertEquals("\"", md.getIdentifierQuoteString());
        assertTrue(md.supportsTransactions());
        assertTrue(md.supportsSavepoints());
        assertTrue(md.supportsBatchUpdates());
        assertTrue(md.supportsGetGeneratedKeys());
        assertTrue(md.storesLowerCaseIdentifiers());
        assertTrue(md.supportsTransactionIsolationLevel(Connection.TRANSACTION_SERIALIZABLE));
        assertFalse(md.supportsResultSetType(ResultSet.TYPE_SCROLL_INSENSITIVE));
        assertEquals(conn, md.getConnection());
    }

    @Test
    void schemasAndTablesAreListed() throws SQLException {
        DatabaseMetaData md = conn.getMetaData();
        List<String> schemas = new ArrayList<>();
        try (ResultSet rs = md.getSchemas()) {
            while (rs.next()) {
                schemas.add(rs.getString("TABLE_SCHEM"));
            }
        }
        assertTrue(schemas.contains("jdbc_md"));
        assertTrue(schemas.contains("public"));
        try (ResultSet rs = md.getTables(null, "jdbc_md", "%", new String[] {"TABLE"})) {
            assertTrue(rs.next());
            assertEquals("thing", rs.getString("TABLE_NAME"));
            assertEquals("TABLE", rs.getString("TABLE_TYPE"));
            assertFalse(rs.next());
        }
        try (ResultSet rs = md.getTables(null, "jdbc_md", "thing", new String[] {"VIEW"})) {
            assertFalse(rs.next());
        }
    }

    @Test
    void columnsAndPrimaryKeysAreListed() throws SQLException {
        DatabaseMetaData md = conn.getMetaData();
        try (ResultSet rs = md.getColumns(null, "jdbc_md", "thing", "%")) {
            assertTrue(rs.next());
            assertEquals("id", rs.getString("COLUMN_NAME"));
            assertEquals(Types.BIGINT, rs.getInt("DATA_TYPE"));
            assertEquals("YES", rs.getString("IS_AUTOINCREMENT"));
            assertEquals(DatabaseMetaData.columnNoNulls, rs.getInt("NULLABLE"));
            assertTrue(rs.next());
            assertEquals("label", rs.getString("COLUMN_NAME"));
            assertEquals(Types.VARCHAR, rs.getInt("DATA_TYPE"));
            assertEquals(40, rs.getInt("COLUMN_SIZE"));
            assertTrue(rs.next());
            assertEquals(Types.NUMERIC, rs.getInt("DATA_TYPE"));
            assertEquals(10, rs.getInt("COLUMN_SIZE"));
            assertEquals(2, rs.getInt("DECIMAL_DIGITS"));
            assertEquals(DatabaseMetaData.columnNullable, rs.getInt("NULLABLE"));
            assertTrue(rs.next());
            assertEquals(Types.ARRAY, rs.getInt("DATA_TYPE"));
            assertEquals("_text", rs.getString("TYPE_NAME"));
            assertFalse(rs.next());
        }
        try (ResultSet rs = md.getPrimaryKeys(null, "jdbc_md", "thing")) {
            assertTrue(rs.next());
            assertEquals("id", rs.getString("COLUMN_NAME"));
            assertEquals(1, rs.getInt("KEY_SEQ"));
            assertEquals("thing_pkey", rs.getString("PK_NAME"));
        }
    }
}
