package io.pgjet.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DatabaseMetaData's catalog queries for keys, indexes, types, routines, privileges and row
 * identifiers (column layouts exactly as the JDBC Javadoc lists them), and ResultSetMetaData's
 * catalog facts.
 */
class CatalogMetaDataTest {
    private static Connection conn;
    private static DatabaseMetaData md;

    @BeforeAll
    static void schema() throws SQLException {
        Jdbc.sql("drop schema if exists jdbc_cat cascade", "create schema jdbc_cat",
                "create table jdbc_cat.parent (a int, b int, name text, primary key (a, b))",
                "create table jdbc_cat.child (id serial primary key, pa int not null, pb int, note varchar(30),"
                        + " constraint child_parent_fk foreign key (pa, pb) references jdbc_cat.parent (a, b)"
                        + " on delete cascade on update set null deferrable initially deferred)",
                "create unique index child_note_idx on jdbc_cat.child (note desc) where note is not null",
                "create index child_lower_idx on jdbc_cat.child (lower(note))",
                "create domain jdbc_cat.positive as int check (value > 0)",
                "create type jdbc_cat.pair as (x int, y text)",
                "create function jdbc_cat.add_one(n int) returns int language sql as 'select n + 1'",
                "create function jdbc_cat.pairs(n int, out x int, out y text) returns setof record language sql"
                        + " as 'select g, g::text from generate_series(1, n) g'",
                "create procedure jdbc_cat.bump(inout counter int, step int) language plpgsql"
                        + " as 'begin counter := counter + step; end'",
                "drop role if exists jdbc_cat_reader", "create role jdbc_cat_reader",
                "grant select on jdbc_cat.parent to jdbc_cat_reader",
                "grant update (note) on jdbc_cat.child to jdbc_cat_reader");
        conn = Jdbc.open();
        md = conn.getMetaData();
    }

    @AfterAll
    static void close() throws SQLException {
        conn.close();
        Jdbc.sql("drop schema jdbc_cat cascade", "drop role jdbc_cat_reader");
    }

    private static List<String> labels(ResultSet rs) throws SQLException {
        ResultSetMetaData m = rs.getMetaData();
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= m.getColumnCount(); i++) {
            names.add(m.getColumnLabel(i));
        }
        return names;
    }

    private static final List<String> KEY_COLUMNS = List.of("PKTABLE_CAT", "PKTABLE_SCHEM", "PKTABLE_NAME",
            "PKCOLUMN_NAME", "FKTABLE_CAT", "FKTABLE_SCHEM", "FKTABLE_NAME", "FKCOLUMN_NAME", "KEY_SEQ",
            "UPDATE_RULE", "DELETE_RULE", "FK_NAME", "PK_NAME", "DEFERRABILITY");

    private static void assertForeignKey(ResultSet rs) throws SQLException {
        assertEquals(KEY_COLUMNS, labels(rs));
        for (int seq = 1; seq <= 2; seq++) {
            assertTrue(rs.next());
            assertEquals("jdbc_cat", rs.getString("PKTABLE_SCHEM"));
            assertEquals("parent", rs.getString("PKTABLE_NAME"));
            assertEquals(seq == 1 ? "a" : "b", rs.getString("PKCOLUMN_NAME"));
            assertEquals("child", rs.getString("FKTABLE_NAME"));
            assertEquals(seq == 1 ? "pa" : "pb", rs.getString("FKCOLUMN_NAME"));
            assertEquals(seq, rs.getShort("KEY_SEQ"));
            assertEquals(DatabaseMetaData.importedKeySetNull, rs.getShort("UPDATE_RULE"));
            assertEquals(DatabaseMetaData.importedKeyCascade, rs.getShort("DELETE_RULE"));
            assertEquals("child_parent_fk", rs.getString("FK_NAME"));
            assertEquals("parent_pkey", rs.getString("PK_NAME"));
            assertEquals(DatabaseMetaData.importedKeyInitiallyDeferred, rs.getShort("DEFERRABILITY"));
            assertEquals(rs.getString("PKTABLE_CAT"), conn.getCatalog());
        }
        assertFalse(rs.next());
    }

    @Test
    void foreignKeysReadFromEitherSideAndCrossed() throws SQLException {
        try (ResultSet rs = md.getImportedKeys(null, "jdbc_cat", "child")) {
            assertForeignKey(rs);
        }
        try (ResultSet rs = md.getExportedKeys(null, "jdbc_cat", "parent")) {
            assertForeignKey(rs);
        }
        try (ResultSet rs = md.getCrossReference(null, "jdbc_cat", "parent", null, "jdbc_cat", "child")) {
            assertForeignKey(rs);
        }
        try (ResultSet rs = md.getCrossReference(null, "jdbc_cat", "child", null, "jdbc_cat", "parent")) {
            assertFalse(rs.next());
        }
        try (ResultSet rs = md.getImportedKeys(null, "jdbc_cat", "parent")) {
            assertFalse(rs.next());
        }
    }

    @Test
    void indexInfoListsKeyColumnsOrderAndFilters() throws SQLException {
        try (ResultSet rs = md.getIndexInfo(null, "jdbc_cat", "child", false, true)) {
            assertEquals(List.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "NON_UNIQUE", "INDEX_QUALIFIER",
                    "INDEX_NAME", "TYPE", "ORDINAL_POSITION", "COLUMN_NAME", "ASC_OR_DESC", "CARDINALITY", "PAGES",
                    "FILTER_CONDITION"), labels(rs));
            List<String> seen = new ArrayList<>();
            while (rs.next()) {
                seen.add(rs.getBoolean("NON_UNIQUE") + " " + rs.getString("INDEX_NAME") + " "
                        + rs.getShort("ORDINAL_POSITION") + " " + rs.getString("COLUMN_NAME") + " "
                        + rs.getString("ASC_OR_DESC") + " " + rs.getString("FILTER_CONDITION"));
                assertEquals(DatabaseMetaData.tableIndexOther, rs.getShort("TYPE"));
            }
            assertEquals(List.of("false child_note_idx 1 note D (note IS NOT NULL)", "false child_pkey 1 id A null",
                    "true child_lower_idx 1 lower((note)::text) A null"), seen);
        }
        try (ResultSet rs = md.getIndexInfo(null, "jdbc_cat", "child", true, true)) {
            int n = 0;
            while (rs.next()) {
                assertFalse(rs.getBoolean("NON_UNIQUE"));
                n++;
            }
            assertEquals(2, n);
        }
    }

    @Test
    void typeInfoAndUserDefinedTypes() throws SQLException {
        try (ResultSet rs = md.getTypeInfo()) {
            assertEquals(List.of("TYPE_NAME", "DATA_TYPE", "PRECISION", "LITERAL_PREFIX", "LITERAL_SUFFIX",
                    "CREATE_PARAMS", "NULLABLE", "CASE_SENSITIVE", "SEARCHABLE", "UNSIGNED_ATTRIBUTE",
                    "FIXED_PREC_SCALE", "AUTO_INCREMENT", "LOCAL_TYPE_NAME", "MINIMUM_SCALE", "MAXIMUM_SCALE",
                    "SQL_DATA_TYPE", "SQL_DATETIME_SUB", "NUM_PREC_RADIX"), labels(rs));
            boolean int4 = false;
            boolean varchar = false;
            int last = Integer.MIN_VALUE;
            while (rs.next()) {
                assertTrue(rs.getInt("DATA_TYPE") >= last, "ordered by DATA_TYPE");
                last = rs.getInt("DATA_TYPE");
                if (rs.getString("TYPE_NAME").equals("int4")) {
                    int4 = true;
                    assertEquals(Types.INTEGER, rs.getInt("DATA_TYPE"));
                    assertEquals(10, rs.getInt("PRECISION"));
                    assertFalse(rs.getBoolean("UNSIGNED_ATTRIBUTE"));
                    assertEquals(null, rs.getString("LITERAL_PREFIX"));
                }
                if (rs.getString("TYPE_NAME").equals("varchar")) {
                    varchar = true;
                    assertEquals(Types.VARCHAR, rs.getInt("DATA_TYPE"));
                    assertEquals("'", rs.getString("LITERAL_PREFIX"));
                    assertTrue(rs.getBoolean("CASE_SENSITIVE"));
                }
                assertEquals(DatabaseMetaData.typeNullable, rs.getShort("NULLABLE"));
            }
            assertTrue(int4 && varchar);
        }
        try (ResultSet rs = md.getUDTs(null, "jdbc_cat", "%", null)) {
            assertEquals(List.of("TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME", "CLASS_NAME", "DATA_TYPE", "REMARKS",
                    "BASE_TYPE"), labels(rs));
            assertTrue(rs.next());
            assertEquals("positive", rs.getString("TYPE_NAME"));
            assertEquals(Types.DISTINCT, rs.getInt("DATA_TYPE"));
            assertEquals(Types.INTEGER, rs.getShort("BASE_TYPE"));
            assertTrue(rs.next());
            assertEquals("pair", rs.getString("TYPE_NAME"));
            assertEquals(Types.STRUCT, rs.getInt("DATA_TYPE"));
            rs.getShort("BASE_TYPE");
            assertTrue(rs.wasNull());
            assertFalse(rs.next());
        }
        try (ResultSet rs = md.getUDTs(null, "jdbc_cat", "%", new int[] {Types.STRUCT})) {
            assertTrue(rs.next());
            assertEquals("pair", rs.getString("TYPE_NAME"));
            assertFalse(rs.next());
        }
    }

    @Test
    void proceduresAndFunctionsWithTheirParameters() throws SQLException {
        try (ResultSet rs = md.getProcedures(null, "jdbc_cat", "%")) {
            assertEquals(List.of("PROCEDURE_CAT", "PROCEDURE_SCHEM", "PROCEDURE_NAME", "RESERVED1", "RESERVED2",
                    "RESERVED3", "REMARKS", "PROCEDURE_TYPE", "SPECIFIC_NAME"), labels(rs));
            assertTrue(rs.next());
            assertEquals("bump", rs.getString("PROCEDURE_NAME"));
            assertEquals(DatabaseMetaData.procedureReturnsResult, rs.getShort("PROCEDURE_TYPE"));
            assertTrue(rs.getString("SPECIFIC_NAME").startsWith("bump_"));
            assertFalse(rs.next(), "functions are not procedures");
        }
        try (ResultSet rs = md.getProcedureColumns(null, "jdbc_cat", "bump", "%")) {
            assertEquals(List.of("PROCEDURE_CAT", "PROCEDURE_SCHEM", "PROCEDURE_NAME", "COLUMN_NAME", "COLUMN_TYPE",
                    "DATA_TYPE", "TYPE_NAME", "PRECISION", "LENGTH", "SCALE", "RADIX", "NULLABLE", "REMARKS",
                    "COLUMN_DEF", "SQL_DATA_TYPE", "SQL_DATETIME_SUB", "CHAR_OCTET_LENGTH", "ORDINAL_POSITION",
                    "IS_NULLABLE", "SPECIFIC_NAME"), labels(rs));
            assertTrue(rs.next());
            assertEquals("counter", rs.getString("COLUMN_NAME"));
            assertEquals(DatabaseMetaData.procedureColumnInOut, rs.getShort("COLUMN_TYPE"));
            assertEquals(Types.INTEGER, rs.getInt("DATA_TYPE"));
            assertEquals(1, rs.getInt("ORDINAL_POSITION"));
            assertTrue(rs.next());
            assertEquals("step", rs.getString("COLUMN_NAME"));
            assertEquals(DatabaseMetaData.procedureColumnIn, rs.getShort("COLUMN_TYPE"));
            assertFalse(rs.next());
        }
        try (ResultSet rs = md.getFunctions(null, "jdbc_cat", "%")) {
            assertEquals(List.of("FUNCTION_CAT", "FUNCTION_SCHEM", "FUNCTION_NAME", "REMARKS", "FUNCTION_TYPE",
                    "SPECIFIC_NAME"), labels(rs));
            assertTrue(rs.next());
            assertEquals("add_one", rs.getString("FUNCTION_NAME"));
            assertEquals(DatabaseMetaData.functionNoTable, rs.getShort("FUNCTION_TYPE"));
            assertTrue(rs.next());
            assertEquals("pairs", rs.getString("FUNCTION_NAME"));
            assertEquals(DatabaseMetaData.functionReturnsTable, rs.getShort("FUNCTION_TYPE"));
            assertFalse(rs.next());
        }
        try (ResultSet rs = md.getFunctionColumns(null, "jdbc_cat", "%", "%")) {
            assertEquals(List.of("FUNCTION_CAT", "FUNCTION_SCHEM", "FUNCTION_NAME", "COLUMN_NAME", "COLUMN_TYPE",
                    "DATA_TYPE", "TYPE_NAME", "PRECISION", "LENGTH", "SCALE", "RADIX", "NULLABLE", "REMARKS",
                    "CHAR_OCTET_LENGTH", "ORDINAL_POSITION", "IS_NULLABLE", "SPECIFIC_NAME"), labels(rs));
            List<String> seen = new ArrayList<>();
            while (rs.next()) {
                seen.add(rs.getString("FUNCTION_NAME") + "." + rs.getString("COLUMN_NAME") + ":"
                        + rs.getShort("COLUMN_TYPE") + ":" + rs.getString("TYPE_NAME") + "@" + rs.getInt("ORDINAL_POSITION"));
            }
            assertEquals(List.of("add_one.returnValue:" + DatabaseMetaData.functionReturn + ":int4@0",
                    "add_one.n:" + DatabaseMetaData.functionColumnIn + ":int4@1",
                    "pairs.n:" + DatabaseMetaData.functionColumnIn + ":int4@1",
                    "pairs.x:" + DatabaseMetaData.functionColumnOut + ":int4@2",
                    "pairs.y:" + DatabaseMetaData.functionColumnOut + ":text@3"), seen);
        }
    }

    @Test
    void rowIdentifiersAndPseudoColumns() throws SQLException {
        try (ResultSet rs = md.getBestRowIdentifier(null, "jdbc_cat", "parent", DatabaseMetaData.bestRowSession, false)) {
            assertEquals(List.of("SCOPE", "COLUMN_NAME", "DATA_TYPE", "TYPE_NAME", "COLUMN_SIZE", "BUFFER_LENGTH",
                    "DECIMAL_DIGITS", "PSEUDO_COLUMN"), labels(rs));
            assertTrue(rs.next());
            assertEquals("a", rs.getString("COLUMN_NAME"));
            assertEquals(Types.INTEGER, rs.getInt("DATA_TYPE"));
            assertEquals(DatabaseMetaData.bestRowNotPseudo, rs.getShort("PSEUDO_COLUMN"));
            assertTrue(rs.next());
            assertEquals("b", rs.getString("COLUMN_NAME"));
            assertFalse(rs.next());
        }
        try (ResultSet rs = md.getVersionColumns(null, "jdbc_cat", "parent")) {
            assertEquals(List.of("SCOPE", "COLUMN_NAME", "DATA_TYPE", "TYPE_NAME", "COLUMN_SIZE", "BUFFER_LENGTH",
                    "DECIMAL_DIGITS", "PSEUDO_COLUMN"), labels(rs));
            assertTrue(rs.next());
            assertEquals("ctid", rs.getString("COLUMN_NAME"));
            assertEquals(DatabaseMetaData.versionColumnPseudo, rs.getShort("PSEUDO_COLUMN"));
            assertFalse(rs.next());
        }
        try (ResultSet rs = md.getPseudoColumns(null, "jdbc_cat", "%", "%")) {
            assertEquals(List.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "DATA_TYPE", "COLUMN_SIZE",
                    "DECIMAL_DIGITS", "NUM_PREC_RADIX", "COLUMN_USAGE", "REMARKS", "CHAR_OCTET_LENGTH", "IS_NULLABLE"),
                    labels(rs));
            assertFalse(rs.next());
        }
        try (ResultSet rs = md.getClientInfoProperties()) {
            assertEquals(List.of("NAME", "MAX_LEN", "DEFAULT_VALUE", "DESCRIPTION"), labels(rs));
            assertTrue(rs.next());
            assertEquals("ApplicationName", rs.getString("NAME"));
            assertEquals(63, rs.getInt("MAX_LEN"));
            assertFalse(rs.next());
        }
    }

    @Test
    void tableAndColumnPrivilegesFromAcls() throws SQLException {
        try (ResultSet rs = md.getTablePrivileges(null, "jdbc_cat", "parent")) {
            assertEquals(List.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "GRANTOR", "GRANTEE", "PRIVILEGE",
                    "IS_GRANTABLE"), labels(rs));
            List<String> reader = new ArrayList<>();
            boolean ownerInsert = false;
            while (rs.next()) {
                if (rs.getString("GRANTEE").equals("jdbc_cat_reader")) {
                    reader.add(rs.getString("PRIVILEGE") + ":" + rs.getString("IS_GRANTABLE"));
                }
                if (rs.getString("GRANTEE").equals(md.getUserName()) && rs.getString("PRIVILEGE").equals("INSERT")) {
                    ownerInsert = rs.getString("IS_GRANTABLE").equals("YES");
                }
            }
            assertEquals(List.of("SELECT:NO"), reader);
            assertTrue(ownerInsert, "the owner holds every privilege, grantable");
        }
        try (ResultSet rs = md.getColumnPrivileges(null, "jdbc_cat", "child", "%")) {
            assertEquals(List.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "GRANTOR", "GRANTEE",
                    "PRIVILEGE", "IS_GRANTABLE"), labels(rs));
            List<String> reader = new ArrayList<>();
            while (rs.next()) {
                if (rs.getString("GRANTEE").equals("jdbc_cat_reader")) {
                    reader.add(rs.getString("COLUMN_NAME") + ":" + rs.getString("PRIVILEGE"));
                }
            }
            assertEquals(List.of("note:UPDATE"), reader);
        }
    }

    @Test
    void resultSetMetaDataKnowsTableColumns() throws SQLException {
        Jdbc.sql("insert into jdbc_cat.parent values (1, 2, 'x')");
        try (var ps = conn.prepareStatement("select c.id, c.pa, c.note, p.name, c.id + 1 as computed, 1.5::numeric(5,2) as n"
                + " from jdbc_cat.child c right join jdbc_cat.parent p on p.a = c.pa")) {
            ResultSetMetaData m = ps.getMetaData();
            assertEquals("child", m.getTableName(1));
            assertEquals("jdbc_cat", m.getSchemaName(1));
            assertTrue(m.isAutoIncrement(1));
            assertEquals(ResultSetMetaData.columnNoNulls, m.isNullable(1));
            assertEquals(ResultSetMetaData.columnNoNulls, m.isNullable(2));
            assertEquals(ResultSetMetaData.columnNullable, m.isNullable(3));
            assertEquals(30, m.getPrecision(3));
            assertEquals(30, m.getColumnDisplaySize(3));
            assertEquals("parent", m.getTableName(4));
            assertFalse(m.isAutoIncrement(4));
            assertEquals("", m.getTableName(5));
            assertEquals(ResultSetMetaData.columnNullableUnknown, m.isNullable(5));
            assertEquals(10, m.getPrecision(5));
            assertEquals(5, m.getPrecision(6));
            assertEquals(2, m.getScale(6));
            try (ResultSet rs = ps.executeQuery()) {
                assertEquals("child", rs.getMetaData().getTableName(2));
                assertTrue(rs.next());
            }
        }
    }
}
