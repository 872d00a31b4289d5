package io.pgjet.jdbc.internal;

import io.pgjet.PgJetException;
import io.pgjet.Row;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What {@code ResultSetMetaData} needs to know about a result column that comes from a table
 * (schema, table, NOT NULL, auto-increment), looked up in {@code pg_attribute} by the table OID and
 * column number the server's RowDescription gives, and cached per connection, one query for all the
 * tables of a result not seen before. Looked up only when a caller asks. A table altered later in
 * the session keeps its first answers until {@link #clear()}; a failed lookup (an aborted
 * transaction) answers "unknown" without caching. Thread-safe.
 */
final class ColumnCatalog {
    /** One table column's catalog facts. */
    record Column(String schema, String table, boolean notNull, boolean autoIncrement) {}

    private final JdbcConnection connection;
    private final Map<Long, Column> columns = new ConcurrentHashMap<>();
    private final Set<Integer> knownTables = ConcurrentHashMap.newKeySet();

    ColumnCatalog(JdbcConnection connection) {
        this.connection = connection;
    }

    private static long key(int tableOid, int columnNumber) {
        return (Integer.toUnsignedLong(tableOid) << 16) | (columnNumber & 0xffff);
    }

    /** Returns the column, or null when it comes from no table or cannot be looked up now. */
    Column column(int tableOid, int columnNumber, List<io.pgjet.Attribute> resultColumns) {
        if (tableOid == 0 || columnNumber <= 0) {
            return null;
        }
        if (!knownTables.contains(tableOid)) {
            load(resultColumns);
        }
        return columns.get(key(tableOid, columnNumber));
    }

    private void load(List<io.pgjet.Attribute> resultColumns) {
        Set<Integer> wanted = new TreeSet<>();
        for (io.pgjet.Attribute a : resultColumns) {
            if (a.tableOid() != 0 && !knownTables.contains(a.tableOid())) {
                wanted.add(a.tableOid());
            }
        }
        if (wanted.isEmpty()) {
            return;
        }
        StringBuilder oids = new StringBuilder("{");
        for (int oid : wanted) {
            oids.append(oids.length() > 1 ? "," : "").append(Integer.toUnsignedString(oid));
        }
        String list = oids.append('}').toString();
        connection.lock().lock();
        try {
            List<Row> rows = connection.pg().fetch("select a.attrelid::int8, a.attnum::int4, n.nspname::text,"
                    + " c.relname::text, a.attnotnull, (a.attidentity in ('a','d')"
                    + " or coalesce(pg_catalog.pg_get_expr(d.adbin, d.adrelid) like 'nextval(%', false))"
                    + " from pg_catalog.pg_attribute a join pg_catalog.pg_class c on c.oid = a.attrelid"
                    + " join pg_catalog.pg_namespace n on n.oid = c.relnamespace"
                    + " left join pg_catalog.pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum"
                    + " where a.attrelid = any($1::oid[]) and a.attnum > 0", list);
            for (Row row : rows) {
                long table = row.getLong(0);
                columns.put(key((int) table, row.getInt(1)),
                        new Column(row.getString(2), row.getString(3), row.getBoolean(4), row.getBoolean(5)));
            }
            knownTables.addAll(wanted);
        } catch (PgJetException e) {
            // An aborted transaction refuses every query; the caller reports "unknown" this time.
        } finally {
            connection.lock().unlock();
        }
    }

    /** Forgets every cached table (after DDL the caller knows about). */
    void clear() {
        columns.clear();
        knownTables.clear();
    }
}
