package io.pgjet.jdbc.internal;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The {@link DatabaseMetaData} catalog queries beyond tables and columns: foreign keys, indexes,
 * types, routines and their parameters, user-defined types, row identifiers, privileges and client
 * info properties. Each answers from {@code pg_catalog} with exactly the result-set columns (names
 * and order) the JDBC Javadoc lists, with the values pgjdbc gives where JDBC leaves a choice
 * (procedures are {@code prokind = 'p'} only, a function's return value is the parameter named
 * {@code returnValue}, the version column is {@code ctid}). Catalog columns hold the current
 * database's name; catalog arguments are ignored (a PostgreSQL session sees one database).
 */
abstract class CatalogMetaData extends DefaultDatabaseMetaData {

    /** JDBC type codes from pg_type (alias {@code t}), following {@link PgTypes}. */
    static final String DATA_TYPE = "case t.typname"
            + " when 'bool' then -7 when 'bytea' then -2 when 'char' then 1 when 'name' then 12"
            + " when 'int8' then -5 when 'int2' then 5 when 'int4' then 4 when 'text' then 12 when 'oid' then -5"
            + " when 'float4' then 7 when 'float8' then 8 when 'money' then 8 when 'bpchar' then 1"
            + " when 'varchar' then 12 when 'date' then 91 when 'time' then 92 when 'timetz' then 92"
            + " when 'timestamp' then 93 when 'timestamptz' then 93 when 'numeric' then 2 when 'bit' then -7"
            + " when 'xml' then 2009 else case when t.typcategory = 'A' then 2003"
            + " when t.typtype = 'd' then 2001 when t.typtype = 'c' then 2002 else 1111 end end";

    /** Runs a catalog query with bound arguments; the statement closes with its result set. */
    abstract ResultSet query(String sql, Object... args) throws SQLException;

    /** A LIKE pattern, where null means every name. */
    static String pattern(String p) {
        return p == null ? "%" : p;
    }

    // ---- keys and indexes ---------------------------------------------------------------------

    /** Rows of a foreign key's column pairs; the caller adds the filter and the order. */
    private static final String FOREIGN_KEYS = "select current_database() as \"PKTABLE_CAT\","
            + " pkn.nspname as \"PKTABLE_SCHEM\", pkc.relname as \"PKTABLE_NAME\", pka.attname as \"PKCOLUMN_NAME\","
            + " current_database() as \"FKTABLE_CAT\", fkn.nspname as \"FKTABLE_SCHEM\", fkc.relname as \"FKTABLE_NAME\","
            + " fka.attname as \"FKCOLUMN_NAME\", k.n::int2 as \"KEY_SEQ\","
            + " (" + rule("con.confupdtype") + ")::int2 as \"UPDATE_RULE\","
            + " (" + rule("con.confdeltype") + ")::int2 as \"DELETE_RULE\","
            + " con.conname::text as \"FK_NAME\", ic.relname::text as \"PK_NAME\","
            + " (case when con.condeferrable and con.condeferred then " + DatabaseMetaData.importedKeyInitiallyDeferred
            + " when con.condeferrable then " + DatabaseMetaData.importedKeyInitiallyImmediate
            + " else " + DatabaseMetaData.importedKeyNotDeferrable + " end)::int2 as \"DEFERRABILITY\""
            + " from pg_catalog.pg_constraint con"
            + " cross join lateral unnest(con.conkey, con.confkey) with ordinality k(fkatt, pkatt, n)"
            + " join pg_catalog.pg_class fkc on fkc.oid = con.conrelid"
            + " join pg_catalog.pg_namespace fkn on fkn.oid = fkc.relnamespace"
            + " join pg_catalog.pg_class pkc on pkc.oid = con.confrelid"
            + " join pg_catalog.pg_namespace pkn on pkn.oid = pkc.relnamespace"
            + " join pg_catalog.pg_attribute fka on fka.attrelid = con.conrelid and fka.attnum = k.fkatt"
            + " join pg_catalog.pg_attribute pka on pka.attrelid = con.confrelid and pka.attnum = k.pkatt"
            + " left join pg_catalog.pg_class ic on ic.oid = con.conindid"
            + " where con.contype = 'f'";

    private static String rule(String column) {
        return "case " + column + " when 'c' then " + DatabaseMetaData.importedKeyCascade
                + " when 'n' then " + DatabaseMetaData.importedKeySetNull
                + " when 'd' then " + DatabaseMetaData.importedKeySetDefault
                + " when 'r' then " + DatabaseMetaData.importedKeyRestrict
                + " else " + DatabaseMetaData.importedKeyNoAction + " end";
    }

    private static final String PK_ORDER = " order by \"PKTABLE_CAT\", \"PKTABLE_SCHEM\", \"PKTABLE_NAME\", \"KEY_SEQ\"";
    private static final String FK_ORDER = " order by \"FKTABLE_CAT\", \"FKTABLE_SCHEM\", \"FKTABLE_NAME\", \"KEY_SEQ\"";

    @Override
    public ResultSet getImportedKeys(String catalog, String schema, String table) throws SQLException {
        return query(FOREIGN_KEYS + " and (?::text is null or fkn.nspname = ?) and fkc.relname = ?" + PK_ORDER,
                schema, schema, table);
    }

    @Override
    public ResultSet getExportedKeys(String catalog, String schema, String table) throws SQLException {
        return query(FOREIGN_KEYS + " and (?::text is null or pkn.nspname = ?) and pkc.relname = ?" + FK_ORDER,
                schema, schema, table);
    }

    @Override
    public ResultSet getCrossReference(String parentCatalog, String parentSchema, String parentTable,
            String foreignCatalog, String foreignSchema, String foreignTable) throws SQLException {
        return query(FOREIGN_KEYS + " and (?::text is null or pkn.nspname = ?) and pkc.relname = ?"
                + " and (?::text is null or fkn.nspname = ?) and fkc.relname = ?" + FK_ORDER,
                parentSchema, parentSchema, parentTable, foreignSchema, foreignSchema, foreignTable);
    }

    @Override
    public ResultSet getIndexInfo(String catalog, String schema, String table, boolean unique, boolean approximate)
            throws SQLException {
        // Statistics rows (tableIndexStatistic) are not reported; CARDINALITY and PAGES are the
        // planner's estimates from pg_class, which is what "approximate" allows anyway.
        return query("select current_database() as \"TABLE_CAT\", n.nspname as \"TABLE_SCHEM\","
                + " c.relname as \"TABLE_NAME\", not i.indisunique as \"NON_UNIQUE\", null::text as \"INDEX_QUALIFIER\","
                + " ci.relname as \"INDEX_NAME\","
                + " (case when i.indisclustered then " + DatabaseMetaData.tableIndexClustered
                + " when am.amname = 'hash' then " + DatabaseMetaData.tableIndexHashed
                + " else " + DatabaseMetaData.tableIndexOther + " end)::int2 as \"TYPE\","
                + " k.n::int2 as \"ORDINAL_POSITION\","
                + " pg_catalog.pg_get_indexdef(i.indexrelid, k.n, false) as \"COLUMN_NAME\","
                + " case when am.amname = 'btree' then case when (i.indoption[k.n - 1] & 1) = 1 then 'D' else 'A' end"
                + " end as \"ASC_OR_DESC\","
                + " ci.reltuples::int8 as \"CARDINALITY\", ci.relpages::int8 as \"PAGES\","
                + " pg_catalog.pg_get_expr(i.indpred, i.indrelid) as \"FILTER_CONDITION\""
                + " from pg_catalog.pg_index i join pg_catalog.pg_class c on c.oid = i.indrelid"
                + " join pg_catalog.pg_class ci on ci.oid = i.indexrelid"
                + " join pg_catalog.pg_namespace n on n.oid = c.relnamespace"
                + " join pg_catalog.pg_am am on am.oid = ci.relam"
                + " cross join lateral generate_series(1, i.indnkeyatts::int4) k(n)"
                + " where (?::text is null or n.nspname = ?) and c.relname = ? and (not ?::bool or i.indisunique)"
                + " order by \"NON_UNIQUE\", \"TYPE\", \"INDEX_NAME\", \"ORDINAL_POSITION\"",
                schema, schema, table, unique);
    }

    @Override
    public ResultSet getBestRowIdentifier(String catalog, String schema, String table, int scope, boolean nullable)
            throws SQLException {
        // The primary key identifies a row for as long as the session lasts (pgjdbc's answer).
        return query("select " + DatabaseMetaData.bestRowSession + "::int2 as \"SCOPE\", a.attname as \"COLUMN_NAME\","
                + " (" + DATA_TYPE + ")::int4 as \"DATA_TYPE\", t.typname::text as \"TYPE_NAME\","
                + " (case when a.atttypmod > 0 and t.typname in ('varchar','bpchar') then a.atttypmod - 4"
                + "   when a.atttypmod > 0 and t.typname = 'numeric' then ((a.atttypmod - 4) >> 16) & 65535"
                + "   when t.typname = 'int4' then 10 when t.typname = 'int8' then 19 when t.typname = 'int2' then 5"
                + "   else 2147483647 end)::int4 as \"COLUMN_SIZE\", null::int4 as \"BUFFER_LENGTH\","
                + " (case when a.atttypmod > 0 and t.typname = 'numeric' then (a.atttypmod - 4) & 65535 else 0 end)::int2"
                + "   as \"DECIMAL_DIGITS\", " + DatabaseMetaData.bestRowNotPseudo + "::int2 as \"PSEUDO_COLUMN\""
                + " from pg_catalog.pg_index i join pg_catalog.pg_class c on c.oid = i.indrelid"
                + " join pg_catalog.pg_namespace n on n.oid = c.relnamespace"
                + " cross join lateral unnest(i.indkey) with ordinality k(attnum, n)"
                + " join pg_catalog.pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum"
                + " join pg_catalog.pg_type t on t.oid = a.atttypid"
                + " where i.indisprimary and (?::text is null or n.nspname = ?) and c.relname = ?"
                + " and ?::int4 <= " + DatabaseMetaData.bestRowSession
                + " order by k.n", schema, schema, table, scope);
    }

    @Override
    public ResultSet getVersionColumns(String catalog, String schema, String table) throws SQLException {
        // No column type changes by itself on update; ctid is the system column every update changes.
        return query("select null::int2 as \"SCOPE\", 'ctid'::text as \"COLUMN_NAME\", " + java.sql.Types.OTHER
                + "::int4 as \"DATA_TYPE\", 'tid'::text as \"TYPE_NAME\", null::int4 as \"COLUMN_SIZE\","
                + " null::int4 as \"BUFFER_LENGTH\", null::int2 as \"DECIMAL_DIGITS\", "
                + DatabaseMetaData.versionColumnPseudo + "::int2 as \"PSEUDO_COLUMN\""
                + " from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace"
                + " where (?::text is null or n.nspname = ?) and c.relname = ? and c.relkind in ('r','p','m')",
                schema, schema, table);
    }

    @Override
    public ResultSet getPseudoColumns(String catalog, String schemaPattern, String tableNamePattern,
            String columnNamePattern) throws SQLException {
        // Like pgjdbc: none reported (system columns are not "pseudo columns" in JDBC's sense).
        return query("select null::text as \"TABLE_CAT\", null::text as \"TABLE_SCHEM\", null::text as \"TABLE_NAME\","
                + " null::text as \"COLUMN_NAME\", null::int4 as \"DATA_TYPE\", null::int4 as \"COLUMN_SIZE\","
                + " null::int4 as \"DECIMAL_DIGITS\", null::int4 as \"NUM_PREC_RADIX\", null::text as \"COLUMN_USAGE\","
                + " null::text as \"REMARKS\", null::int4 as \"CHAR_OCTET_LENGTH\", null::text as \"IS_NULLABLE\""
                + " where false");
    }

    // ---- types --------------------------------------------------------------------------------

    @Override
    public ResultSet getTypeInfo() throws SQLException {
        return query("select t.typname::text as \"TYPE_NAME\", (" + DATA_TYPE + ")::int4 as \"DATA_TYPE\","
                + " (case t.typname when 'int2' then 5 when 'int4' then 10 when 'oid' then 10 when 'int8' then 19"
                + "   when 'float4' then 8 when 'float8' then 17 when 'numeric' then 1000 when 'bool' then 1"
                + "   when 'date' then 13 when 'time' then 15 when 'timetz' then 21 when 'timestamp' then 29"
                + "   when 'timestamptz' then 35 when 'varchar' then 10485760 when 'bpchar' then 10485760"
                + "   when 'text' then 2147483647 when 'bytea' then 2147483647 else 0 end)::int4 as \"PRECISION\","
                + " case when t.typcategory in ('S','D','T','U','I','E','G','V','R') then '''' end as \"LITERAL_PREFIX\","
                + " case when t.typcategory in ('S','D','T','U','I','E','G','V','R') then '''' end as \"LITERAL_SUFFIX\","
                + " null::text as \"CREATE_PARAMS\", " + DatabaseMetaData.typeNullable + "::int2 as \"NULLABLE\","
                + " t.typcategory = 'S' as \"CASE_SENSITIVE\", " + DatabaseMetaData.typeSearchable + "::int2 as \"SEARCHABLE\","
                + " t.typname not in ('int2','int4','int8','float4','float8','numeric','money') as \"UNSIGNED_ATTRIBUTE\","
                + " t.typname = 'money' as \"FIXED_PREC_SCALE\", false as \"AUTO_INCREMENT\","
                + " t.typname::text as \"LOCAL_TYPE_NAME\", 0::int2 as \"MINIMUM_SCALE\","
                + " (case when t.typname = 'numeric' then 1000"
                + "   when t.typname in ('time','timetz','timestamp','timestamptz','interval') then 6 else 0 end)::int2"
                + "   as \"MAXIMUM_SCALE\", null::int4 as \"SQL_DATA_TYPE\", null::int4 as \"SQL_DATETIME_SUB\","
                + " 10 as \"NUM_PREC_RADIX\""
                + " from pg_catalog.pg_type t join pg_catalog.pg_namespace n on n.oid = t.typnamespace"
                + " where n.nspname <> 'pg_toast' and t.typisdefined and t.typtype <> 'p'"
                + " and (t.typrelid = 0 or exists (select 1 from pg_catalog.pg_class c where c.oid = t.typrelid and c.relkind = 'c'))"
                + " order by 2, case when n.nspname = 'pg_catalog' then 0 else 1 end, 1");
    }

    @Override
    public ResultSet getUDTs(String catalog, String schemaPattern, String typeNamePattern, int[] types)
            throws SQLException {
        String wanted = types == null ? null
                : Arrays.stream(types).mapToObj(Integer::toString).collect(Collectors.joining(","));
        return query("select * from (select current_database() as \"TYPE_CAT\", n.nspname as \"TYPE_SCHEM\","
                + " u.typname::text as \"TYPE_NAME\", null::text as \"CLASS_NAME\","
                + " (case when u.typtype = 'c' then 2002 else 2001 end)::int4 as \"DATA_TYPE\","
                + " pg_catalog.obj_description(u.oid, 'pg_type') as \"REMARKS\","
                + " case when u.typtype = 'd' then (select (" + DATA_TYPE + ")::int2 from pg_catalog.pg_type t"
                + "   where t.oid = u.typbasetype) end as \"BASE_TYPE\""
                + " from pg_catalog.pg_type u join pg_catalog.pg_namespace n on n.oid = u.typnamespace"
                + " where n.nspname not in ('pg_catalog', 'pg_toast', 'information_schema')"
                + " and (u.typtype = 'd' or (u.typtype = 'c' and exists (select 1 from pg_catalog.pg_class c"
                + "   where c.oid = u.typrelid and c.relkind = 'c')))"
                + " and n.nspname like ? and u.typname like ?) x"
                + " where ?::text is null or \"DATA_TYPE\" = any(string_to_array(?::text, ',')::int4[])"
                + " order by \"DATA_TYPE\", \"TYPE_SCHEM\", \"TYPE_NAME\"",
                pattern(schemaPattern), pattern(typeNamePattern), wanted, wanted);
    }

    // ---- routines -----------------------------------------------------------------------------

    private static final String ROUTINE_FROM = " from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace"
            + " where n.nspname like ? and p.proname like ?";

    @Override
    public ResultSet getProcedures(String catalog, String schemaPattern, String procedureNamePattern)
            throws SQLException {
        return query("select current_database() as \"PROCEDURE_CAT\", n.nspname as \"PROCEDURE_SCHEM\","
                + " p.proname as \"PROCEDURE_NAME\", null::text as \"RESERVED1\", null::text as \"RESERVED2\","
                + " null::text as \"RESERVED3\", pg_catalog.obj_description(p.oid, 'pg_proc') as \"REMARKS\","
                + " (case when p.proargmodes is not null and p.proargmodes && array['o','b']::\"char\"[] then "
                + DatabaseMetaData.procedureReturnsResult + " else " + DatabaseMetaData.procedureNoResult
                + " end)::int2 as \"PROCEDURE_TYPE\", p.proname || '_' || p.oid as \"SPECIFIC_NAME\""
                + ROUTINE_FROM + " and p.prokind = 'p'"
                + " order by \"PROCEDURE_SCHEM\", \"PROCEDURE_NAME\", \"SPECIFIC_NAME\"",
                pattern(schemaPattern), pattern(procedureNamePattern));
    }

    @Override
    public ResultSet getFunctions(String catalog, String schemaPattern, String functionNamePattern)
            throws SQLException {
        return query("select current_database() as \"FUNCTION_CAT\", n.nspname as \"FUNCTION_SCHEM\","
                + " p.proname as \"FUNCTION_NAME\", pg_catalog.obj_description(p.oid, 'pg_proc') as \"REMARKS\","
                + " (case when p.proretset then " + DatabaseMetaData.functionReturnsTable
                + " else " + DatabaseMetaData.functionNoTable + " end)::int2 as \"FUNCTION_TYPE\","
                + " p.proname || '_' || p.oid as \"SPECIFIC_NAME\""
                + ROUTINE_FROM + " and p.prokind <> 'p'"
                + " order by \"FUNCTION_SCHEM\", \"FUNCTION_NAME\", \"SPECIFIC_NAME\"",
                pattern(schemaPattern), pattern(functionNamePattern));
    }

    /**
     * Returns the {@code when ... then ... else ...} arms mapping {@code pg_proc.proargmodes} (in,
     * variadic, inout, out, table) to JDBC's column-type codes, which differ between
     * {@code getProcedureColumns} and {@code getFunctionColumns}.
     */
    private static String argumentModes(int in, int inOut, int out, int table, int unknown) {
        return "when 'i' then " + in + " when 'v' then " + in + " when 'b' then " + inOut + " when 'o' then " + out
                + " when 't' then " + table + " else " + unknown;
    }

    /**
     * One row per routine parameter, plus a {@code returnValue} row (ordinal 0) for a function
     * returning a value without OUT parameters; {@code kinds} maps the modes to JDBC's codes.
     */
    private static String routineColumns(String prefix, String kinds, String returnKind, String middle,
            String tail, String kindFilter) {
        String common = " (" + DATA_TYPE + ")::int4 as \"DATA_TYPE\", t.typname::text as \"TYPE_NAME\","
                + " null::int4 as \"PRECISION\", null::int4 as \"LENGTH\", null::int2 as \"SCALE\", 10::int2 as \"RADIX\","
                + " " + DatabaseMetaData.procedureNullableUnknown + "::int2 as \"NULLABLE\", null::text as \"REMARKS\",";
        return "select * from (select current_database() as \"" + prefix + "_CAT\", n.nspname as \"" + prefix + "_SCHEM\","
                + " p.proname as \"" + prefix + "_NAME\", coalesce(nullif(p.proargnames[a.n], ''), '$' || a.n) as \"COLUMN_NAME\","
                + " (case coalesce(p.proargmodes[a.n], 'i') " + kinds + " end)::int2 as \"COLUMN_TYPE\","
                + common + middle + " a.n::int4 as \"ORDINAL_POSITION\", ''::text as \"IS_NULLABLE\","
                + " p.proname || '_' || p.oid as \"SPECIFIC_NAME\""
                + " from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace"
                + " cross join lateral unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) with ordinality a(typ, n)"
                + " join pg_catalog.pg_type t on t.oid = a.typ"
                + " where n.nspname like ? and p.proname like ? and " + kindFilter
                + " union all select current_database(), n.nspname, p.proname, 'returnValue', " + returnKind + "::int2,"
                + common + middle.replace("as \"", "as \"x_") + " 0, ''::text, p.proname || '_' || p.oid"
                + " from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace"
                + " join pg_catalog.pg_type t on t.oid = p.prorettype"
                + " where n.nspname like ? and p.proname like ? and " + kindFilter
                + " and p.prorettype <> 'pg_catalog.void'::pg_catalog.regtype and p.proallargtypes is null) x"
                + " where \"COLUMN_NAME\" like ?" + tail;
    }

    @Override
    public ResultSet getProcedureColumns(String catalog, String schemaPattern, String procedureNamePattern,
            String columnNamePattern) throws SQLException {
        String kinds = argumentModes(DatabaseMetaData.procedureColumnIn, DatabaseMetaData.procedureColumnInOut,
                DatabaseMetaData.procedureColumnOut, DatabaseMetaData.procedureColumnResult,
                DatabaseMetaData.procedureColumnUnknown);
        String middle = " null::text as \"COLUMN_DEF\", null::int4 as \"SQL_DATA_TYPE\", null::int4 as \"SQL_DATETIME_SUB\","
                + " null::int4 as \"CHAR_OCTET_LENGTH\",";
        String sql = routineColumns("PROCEDURE", kinds, String.valueOf(DatabaseMetaData.procedureColumnReturn), middle,
                " order by \"PROCEDURE_SCHEM\", \"PROCEDURE_NAME\", \"SPECIFIC_NAME\", \"ORDINAL_POSITION\"",
                "p.prokind = 'p'");
        return query(sql, pattern(schemaPattern), pattern(procedureNamePattern), pattern(schemaPattern),
                pattern(procedureNamePattern), pattern(columnNamePattern));
    }

    @Override
    public ResultSet getFunctionColumns(String catalog, String schemaPattern, String functionNamePattern,
            String columnNamePattern) throws SQLException {
        String kinds = argumentModes(DatabaseMetaData.functionColumnIn, DatabaseMetaData.functionColumnInOut,
                DatabaseMetaData.functionColumnOut, DatabaseMetaData.functionColumnResult,
                DatabaseMetaData.functionColumnUnknown);
        String middle = " null::int4 as \"CHAR_OCTET_LENGTH\",";
        String sql = routineColumns("FUNCTION", kinds, String.valueOf(DatabaseMetaData.functionReturn), middle,
                " order by \"FUNCTION_SCHEM\", \"FUNCTION_NAME\", \"SPECIFIC_NAME\", \"ORDINAL_POSITION\"",
                "p.prokind <> 'p'");
        return query(sql, pattern(schemaPattern), pattern(functionNamePattern), pattern(schemaPattern),
                pattern(functionNamePattern), pattern(columnNamePattern));
    }

    // ---- privileges and client info -----------------------------------------------------------

    /** An ACL exploded into (grantor, grantee, privilege, grantable), with PostgreSQL's defaults for a null ACL. */
    private static String privileges(String acl, String owner) {
        return " cross join lateral pg_catalog.aclexplode(coalesce(" + acl + ", pg_catalog.acldefault('r', " + owner + "))) x"
                + " left join pg_catalog.pg_roles gr on gr.oid = x.grantor"
                + " left join pg_catalog.pg_roles ge on ge.oid = x.grantee";
    }

    private static final String GRANT_COLUMNS = " gr.rolname::text as \"GRANTOR\","
            + " coalesce(ge.rolname::text, 'PUBLIC') as \"GRANTEE\", x.privilege_type as \"PRIVILEGE\","
            + " case when x.is_grantable or x.grantee = c.relowner then 'YES' else 'NO' end as \"IS_GRANTABLE\"";

    @Override
    public ResultSet getTablePrivileges(String catalog, String schemaPattern, String tableNamePattern)
            throws SQLException {
        return query("select current_database() as \"TABLE_CAT\", n.nspname as \"TABLE_SCHEM\","
                + " c.relname as \"TABLE_NAME\"," + GRANT_COLUMNS
                + " from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace"
                + privileges("c.relacl", "c.relowner")
                + " where c.relkind in ('r','p','v','m','f') and n.nspname like ? and c.relname like ?"
                + " order by \"TABLE_SCHEM\", \"TABLE_NAME\", \"PRIVILEGE\", \"GRANTEE\"",
                pattern(schemaPattern), pattern(tableNamePattern));
    }

    @Override
    public ResultSet getColumnPrivileges(String catalog, String schema, String table, String columnNamePattern)
            throws SQLException {
        // A table-wide grant covers every column; column grants (attacl) add to it.
        String base = " from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace"
                + " join pg_catalog.pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped";
        String select = "select current_database() as \"TABLE_CAT\", n.nspname as \"TABLE_SCHEM\","
                + " c.relname as \"TABLE_NAME\", a.attname as \"COLUMN_NAME\"," + GRANT_COLUMNS;
        String filter = " where (?::text is null or n.nspname = ?) and c.relname = ? and a.attname like ?"
                + " and x.privilege_type in ('SELECT','INSERT','UPDATE','REFERENCES')";
        return query("select distinct * from (" + select + base + privileges("c.relacl", "c.relowner") + filter
                + " union all " + select + base
                + " cross join lateral pg_catalog.aclexplode(a.attacl) x"
                + " left join pg_catalog.pg_roles gr on gr.oid = x.grantor"
                + " left join pg_catalog.pg_roles ge on ge.oid = x.grantee" + filter + ") p"
                + " order by \"COLUMN_NAME\", \"PRIVILEGE\", \"GRANTEE\"",
                schema, schema, table, pattern(columnNamePattern), schema, schema, table, pattern(columnNamePattern));
    }

    @Override
    public ResultSet getClientInfoProperties() throws SQLException {
        return query("select 'ApplicationName'::text as \"NAME\", 63 as \"MAX_LEN\", ''::text as \"DEFAULT_VALUE\","
                + " 'The name of the application currently utilizing the connection.'::text as \"DESCRIPTION\"");
    }
}
