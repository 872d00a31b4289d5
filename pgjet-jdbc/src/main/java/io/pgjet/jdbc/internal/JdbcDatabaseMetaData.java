package io.pgjet.jdbc.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.RowIdLifetime;
import java.sql.SQLException;

/**
 * What the driver knows about the server and itself: the facts pools and migration tools ask for
 * (product and driver versions, URL, user, identifier quoting, transaction and batch support) and
 * catalog queries for schemas, tables, columns and primary keys, answered from
 * {@code pg_catalog} with the column names JDBC specifies. Questions not overridden here get the
 * conservative answers of {@link DefaultDatabaseMetaData}. Immutable; each catalog query runs on
 * the connection like any statement.
 */
final class JdbcDatabaseMetaData extends CatalogMetaData {
    /** The driver's version, reported to tools. */
    static final int DRIVER_MAJOR = 0;
    static final int DRIVER_MINOR = 1;

    private final JdbcConnection connection;

    JdbcDatabaseMetaData(JdbcConnection connection) {
        this.connection = connection;
    }

    // ---- product, driver, session -------------------------------------------------------------

    @Override
    public String getDatabaseProductName() {
        return "PostgreSQL";
    }

    @Override
    public String getDatabaseProductVersion() {
        return connection.pg().getServerVersion();
    }

    private int[] serverVersion() {
        String v = connection.pg().getServerVersion();
        String[] parts = v.split("[^0-9]+");
        int major = parts.length > 0 && !parts[0].isEmpty() ? Integer.parseInt(parts[0]) : 0;
        int minor = parts.length > 1 && !parts[1].isEmpty() ? Integer.parseInt(parts[1]) : 0;
        return new int[] {major, minor};
    }

    @Override
    public int getDatabaseMajorVersion() {
        return serverVersion()[0];
    }

    @Override
    public int getDatabaseMinorVersion() {
        return serverVersion()[1];
    }

    @Override
    public String getDriverName() {
        return "PgJet JDBC Driver";
    }

    @Override
    public String getDriverVersion() {
        return DRIVER_MAJOR + "." + DRIVER_MINOR;
    }

    @Override
    public int getDriverMajorVersion() {
        return DRIVER_MAJOR;
    }

    @Override
    public int getDriverMinorVersion() {
        return DRIVER_MINOR;
    }

    @Override
    public int getJDBCMajorVersion() {
        return 4;
    }

    @Override
    public int getJDBCMinorVersion() {
        return 2;
    }

    @Override
    public String getURL() {
        return connection.jdbcConfig().url();
    }

    @Override
    public String getUserName() {
        return connection.jdbcConfig().config().user();
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        return connection.isReadOnly();
    }

    @Override
    public Connection getConnection() {
        return connection;
    }

    // ---- SQL dialect --------------------------------------------------------------------------

    @Override
    public String getIdentifierQuoteString() {
        return "\"";
    }

    @Override
    public String getSearchStringEscape() {
        return "\\";
    }

    @Override
    public String getCatalogTerm() {
        return "database";
    }

    @Override
    public String getSchemaTerm() {
        return "schema";
    }

    @Override
    public String getProcedureTerm() {
        return "function";
    }

    @Override
    public String getCatalogSeparator() {
        return ".";
    }

    @Override
    public String getSQLKeywords() {
        // PostgreSQL's reserved words beyond SQL:2003's, as pgjdbc lists them.
        return "abort,access,aggregate,also,analyse,analyze,backward,bit,cache,checkpoint,class,cluster,comment,"
                + "concurrently,connection,conversion,copy,csv,database,delimiter,delimiters,disable,do,enable,"
                + "encoding,encrypted,exclusive,explain,force,forward,freeze,greatest,handler,header,if,ilike,"
                + "immutable,implicit,index,indexes,inherit,inherits,instead,isnull,least,limit,listen,load,"
                + "location,lock,mode,move,nothing,notify,notnull,nowait,off,offset,oids,operator,owned,owner,"
                + "password,prepared,procedural,quote,reassign,recheck,reindex,rename,replace,reset,restrict,"
                + "returning,rule,setof,share,show,stable,statistics,stdin,stdout,storage,strict,sysid,tablespace,"
                + "temp,template,truncate,trusted,unencrypted,unlisten,until,vacuum,valid,validator,verbose,"
                + "volatile";
    }

    @Override
    public String getNumericFunctions() {
        return "abs,acos,asin,atan,atan2,ceiling,cos,cot,degrees,exp,floor,log,log10,mod,pi,power,radians,round,sign,sin,sqrt,tan,truncate";
    }

    @Override
    public String getStringFunctions() {
        return "ascii,char,concat,lcase,left,length,ltrim,repeat,rtrim,space,substring,ucase,replace,lower,upper";
    }

    @Override
    public String getSystemFunctions() {
        return "database,ifnull,user";
    }

    @Override
    public String getTimeDateFunctions() {
        return "curdate,curtime,dayname,dayofmonth,dayofweek,dayofyear,hour,minute,month,monthname,now,quarter,second,week,year";
    }

    @Override
    public boolean storesLowerCaseIdentifiers() {
        return true;
    }

    @Override
    public boolean supportsMixedCaseQuotedIdentifiers() {
        return true;
    }

    @Override
    public boolean storesMixedCaseQuotedIdentifiers() {
        return true;
    }

    @Override
    public boolean nullsAreSortedHigh() {
        return true;
    }

    @Override
    public boolean nullPlusNonNullIsNull() {
        return true;
    }

    @Override
    public int getMaxColumnNameLength() {
        return 63;
    }

    @Override
    public int getMaxTableNameLength() {
        return 63;
    }

    @Override
    public int getMaxSchemaNameLength() {
        return 63;
    }

    @Override
    public int getMaxUserNameLength() {
        return 63;
    }

    @Override
    public int getMaxCursorNameLength() {
        return 63;
    }

    @Override
    public int getMaxProcedureNameLength() {
        return 63;
    }

    @Override
    public int getMaxCatalogNameLength() {
        return 63;
    }

    @Override
    public int getMaxColumnsInTable() {
        return 1600;
    }

    @Override
    public int getSQLStateType() {
        return sqlStateSQL;
    }

    @Override
    public RowIdLifetime getRowIdLifetime() {
        return RowIdLifetime.ROWID_UNSUPPORTED;
    }

    // ---- supported features -------------------------------------------------------------------

    @Override
    public boolean allTablesAreSelectable() {
        return true;
    }

    @Override
    public boolean supportsAlterTableWithAddColumn() {
        return true;
    }

    @Override
    public boolean supportsAlterTableWithDropColumn() {
        return true;
    }

    @Override
    public boolean supportsColumnAliasing() {
        return true;
    }

    @Override
    public boolean supportsTableCorrelationNames() {
        return true;
    }

    @Override
    public boolean supportsExpressionsInOrderBy() {
        return true;
    }

    @Override
    public boolean supportsOrderByUnrelated() {
        return true;
    }

    @Override
    public boolean supportsGroupBy() {
        return true;
    }

    @Override
    public boolean supportsGroupByUnrelated() {
        return true;
    }

    @Override
    public boolean supportsGroupByBeyondSelect() {
        return true;
    }

    @Override
    public boolean supportsLikeEscapeClause() {
        return true;
    }

    @Override
    public boolean supportsMultipleTransactions() {
        return true;
    }

    @Override
    public boolean supportsNonNullableColumns() {
        return true;
    }

    @Override
    public boolean supportsMinimumSQLGrammar() {
        return true;
    }

    @Override
    public boolean supportsCoreSQLGrammar() {
        return true;
    }

    @Override
    public boolean supportsANSI92EntryLevelSQL() {
        return true;
    }

    @Override
    public boolean supportsIntegrityEnhancementFacility() {
        return true;
    }

    @Override
    public boolean supportsOuterJoins() {
        return true;
    }

    @Override
    public boolean supportsFullOuterJoins() {
        return true;
    }

    @Override
    public boolean supportsLimitedOuterJoins() {
        return true;
    }

    @Override
    public boolean supportsSchemasInDataManipulation() {
        return true;
    }

    @Override
    public boolean supportsSchemasInProcedureCalls() {
        return true;
    }

    @Override
    public boolean supportsSchemasInTableDefinitions() {
        return true;
    }

    @Override
    public boolean supportsSchemasInIndexDefinitions() {
        return true;
    }

    @Override
    public boolean supportsSchemasInPrivilegeDefinitions() {
        return true;
    }

    @Override
    public boolean supportsSelectForUpdate() {
        return true;
    }

    @Override
    public boolean supportsSubqueriesInComparisons() {
        return true;
    }

    @Override
    public boolean supportsSubqueriesInExists() {
        return true;
    }

    @Override
    public boolean supportsSubqueriesInIns() {
        return true;
    }

    @Override
    public boolean supportsSubqueriesInQuantifieds() {
        return true;
    }

    @Override
    public boolean supportsCorrelatedSubqueries() {
        return true;
    }

    @Override
    public boolean supportsUnion() {
        return true;
    }

    @Override
    public boolean supportsUnionAll() {
        return true;
    }

    @Override
    public boolean supportsTransactions() {
        return true;
    }

    @Override
    public int getDefaultTransactionIsolation() {
        return Connection.TRANSACTION_READ_COMMITTED;
    }

    @Override
    public boolean supportsTransactionIsolationLevel(int level) {
        return level == Connection.TRANSACTION_READ_UNCOMMITTED || level == Connection.TRANSACTION_READ_COMMITTED
                || level == Connection.TRANSACTION_REPEATABLE_READ || level == Connection.TRANSACTION_SERIALIZABLE;
    }

    @Override
    public boolean supportsDataDefinitionAndDataManipulationTransactions() {
        return true;
    }

    @Override
    public boolean supportsSavepoints() {
        return true;
    }

    @Override
    public boolean supportsBatchUpdates() {
        return true;
    }

    @Override
    public boolean supportsGetGeneratedKeys() {
        return true;
    }

    @Override
    public boolean generatedKeyAlwaysReturned() {
        return true;
    }

    @Override
    public boolean supportsResultSetType(int type) {
        return type == ResultSet.TYPE_FORWARD_ONLY;
    }

    @Override
    public boolean supportsResultSetConcurrency(int type, int concurrency) {
        return type == ResultSet.TYPE_FORWARD_ONLY && concurrency == ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public boolean supportsResultSetHoldability(int holdability) {
        return holdability == ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public int getResultSetHoldability() {
        return ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public boolean locatorsUpdateCopy() {
        return true;
    }

    // ---- catalog queries ----------------------------------------------------------------------

    @Override
    ResultSet query(String sql, Object... args) throws SQLException {
        java.sql.PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            statement.setObject(i + 1, args[i]);
        }
        ResultSet result = statement.executeQuery();
        statement.closeOnCompletion();
        return result;
    }

    @Override
    public ResultSet getCatalogs() throws SQLException {
        return query("select current_database() as \"TABLE_CAT\"");
    }

    @Override
    public ResultSet getSchemas() throws SQLException {
        return getSchemas(null, null);
    }

    @Override
    public ResultSet getSchemas(String catalog, String schemaPattern) throws SQLException {
        return query("select nspname as \"TABLE_SCHEM\", current_database() as \"TABLE_CATALOG\""
                + " from pg_catalog.pg_namespace where nspname like ? and nspname !~ '^pg_toast_temp'"
                + " order by nspname", pattern(schemaPattern));
    }

    @Override
    public ResultSet getTableTypes() throws SQLException {
        return query("select t as \"TABLE_TYPE\" from unnest(array['FOREIGN TABLE','INDEX','MATERIALIZED VIEW',"
                + "'PARTITIONED TABLE','SEQUENCE','SYSTEM TABLE','SYSTEM VIEW','TABLE','TEMPORARY TABLE','TYPE','VIEW']) t"
                + " order by 1");
    }

    private static final String TABLE_TYPE = "case"
            + " when n.nspname ~ '^pg_' or n.nspname = 'information_schema' then"
            + "   case c.relkind when 'r' then 'SYSTEM TABLE' when 'v' then 'SYSTEM VIEW' when 'i' then 'SYSTEM INDEX'"
            + "   else null end"
            + " when n.nspname ~ '^pg_temp_' then 'TEMPORARY TABLE'"
            + " else case c.relkind when 'r' then 'TABLE' when 'p' then 'PARTITIONED TABLE' when 'v' then 'VIEW'"
            + "   when 'm' then 'MATERIALIZED VIEW' when 'S' then 'SEQUENCE' when 'f' then 'FOREIGN TABLE'"
            + "   when 'i' then 'INDEX' when 'c' then 'TYPE' else null end end";

    @Override
    public ResultSet getTables(String catalog, String schemaPattern, String tableNamePattern, String[] types)
            throws SQLException {
        String typeList = types == null ? null : String.join(",", types);
        return query("select * from (select current_database() as \"TABLE_CAT\", n.nspname as \"TABLE_SCHEM\","
                + " c.relname as \"TABLE_NAME\", " + TABLE_TYPE + " as \"TABLE_TYPE\","
                + " d.description as \"REMARKS\", null::text as \"TYPE_CAT\", null::text as \"TYPE_SCHEM\","
                + " null::text as \"TYPE_NAME\", null::text as \"SELF_REFERENCING_COL_NAME\", null::text as \"REF_GENERATION\""
                + " from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace"
                + " left join pg_catalog.pg_description d on d.objoid = c.oid and d.objsubid = 0"
                + "   and d.classoid = 'pg_catalog.pg_class'::regclass"
                + " where n.nspname like ? and c.relname like ?) t"
                + " where \"TABLE_TYPE\" is not null and (?::text is null or \"TABLE_TYPE\" = any(string_to_array(?::text, ',')))"
                + " order by \"TABLE_TYPE\", \"TABLE_SCHEM\", \"TABLE_NAME\"",
                pattern(schemaPattern), pattern(tableNamePattern), typeList, typeList);
    }

    @Override
    public ResultSet getColumns(String catalog, String schemaPattern, String tableNamePattern, String columnNamePattern)
            throws SQLException {
        return query("select current_database() as \"TABLE_CAT\", n.nspname as \"TABLE_SCHEM\","
                + " c.relname as \"TABLE_NAME\", a.attname as \"COLUMN_NAME\", (" + DATA_TYPE + ")::int4 as \"DATA_TYPE\","
                + " t.typname::text as \"TYPE_NAME\","
                + " (case when a.atttypmod > 0 and t.typname in ('varchar','bpchar') then a.atttypmod - 4"
                + "   when a.atttypmod > 0 and t.typname = 'numeric' then ((a.atttypmod - 4) >> 16) & 65535"
                + "   when t.typname = 'int4' then 10 when t.typname = 'int8' then 19 when t.typname = 'int2' then 5"
                + "   else 2147483647 end)::int4 as \"COLUMN_SIZE\","
                + " null::int4 as \"BUFFER_LENGTH\","
                + " (case when a.atttypmod > 0 and t.typname = 'numeric' then (a.atttypmod - 4) & 65535"
                + "   else 0 end)::int4 as \"DECIMAL_DIGITS\", 10 as \"NUM_PREC_RADIX\","
                + " (case when a.attnotnull then 0 else 1 end)::int4 as \"NULLABLE\", d.description as \"REMARKS\","
                + " pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) as \"COLUMN_DEF\", null::int4 as \"SQL_DATA_TYPE\","
                + " null::int4 as \"SQL_DATETIME_SUB\", null::int4 as \"CHAR_OCTET_LENGTH\","
                + " a.attnum::int4 as \"ORDINAL_POSITION\", case when a.attnotnull then 'NO' else 'YES' end as \"IS_NULLABLE\","
                + " null::text as \"SCOPE_CATALOG\", null::text as \"SCOPE_SCHEMA\", null::text as \"SCOPE_TABLE\","
                + " null::int2 as \"SOURCE_DATA_TYPE\","
                + " case when a.attidentity in ('a','d') or pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) like 'nextval(%'"
                + "   then 'YES' else 'NO' end as \"IS_AUTOINCREMENT\","
                + " case when a.attgenerated = 's' then 'YES' else 'NO' end as \"IS_GENERATEDCOLUMN\""
                + " from pg_catalog.pg_attribute a join pg_catalog.pg_class c on c.oid = a.attrelid"
                + " join pg_catalog.pg_namespace n on n.oid = c.relnamespace join pg_catalog.pg_type t on t.oid = a.atttypid"
                + " left join pg_catalog.pg_attrdef ad on ad.adrelid = a.attrelid and ad.adnum = a.attnum"
                + " left join pg_catalog.pg_description d on d.objoid = c.oid and d.objsubid = a.attnum"
                + "   and d.classoid = 'pg_catalog.pg_class'::regclass"
                + " where a.attnum > 0 and not a.attisdropped and c.relkind in ('r','p','v','m','f')"
                + " and n.nspname like ? and c.relname like ? and a.attname like ?"
                + " order by n.nspname, c.relname, a.attnum",
                pattern(schemaPattern), pattern(tableNamePattern), pattern(columnNamePattern));
    }

    @Override
    public ResultSet getPrimaryKeys(String catalog, String schema, String table) throws SQLException {
        return query("select current_database() as \"TABLE_CAT\", n.nspname as \"TABLE_SCHEM\","
                + " c.relname as \"TABLE_NAME\", a.attname as \"COLUMN_NAME\", k.n::int2 as \"KEY_SEQ\","
                + " ci.relname as \"PK_NAME\""
                + " from pg_catalog.pg_index i join pg_catalog.pg_class c on c.oid = i.indrelid"
                + " join pg_catalog.pg_class ci on ci.oid = i.indexrelid"
                + " join pg_catalog.pg_namespace n on n.oid = c.relnamespace"
                + " cross join lateral unnest(i.indkey) with ordinality k(attnum, n)"
                + " join pg_catalog.pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum"
                + " where i.indisprimary and (?::text is null or n.nspname = ?) and c.relname = ?"
                + " order by c.relname, k.n", schema, schema, table);
    }
}
