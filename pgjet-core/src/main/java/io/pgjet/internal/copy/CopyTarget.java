package io.pgjet.internal.copy;

import io.pgjet.PgInterfaceException;
import io.pgjet.Row;
import io.pgjet.internal.conn.RealConnection;
import io.pgjet.internal.types.Codec;
import io.pgjet.internal.types.CodecContext;
import io.pgjet.internal.types.CodecRegistry;
import io.pgjet.internal.types.IntrospectionQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The table and columns a binary COPY writes to, with the codec of every column: found by asking
 * the catalog for the columns' type OIDs (one query; a second, the type introspection, only
 * when a column has a type PgJet has no built-in codec for, such as an enum or a domain).
 *
 * <p>Without a column list every column the table accepts data for is used (all but generated
 * columns), in table order. Immutable once built.
 */
final class CopyTarget {
    private static final String COLUMNS_SQL = "select a.attname, a.atttypid,"
            + " pg_catalog.format_type(a.atttypid, a.atttypmod),"
            + " case when a.attgenerated = '' then 0 else 1 end"
            + " from pg_catalog.pg_attribute a"
            + " where a.attrelid = $1::pg_catalog.regclass and a.attnum > 0 and not a.attisdropped"
            + " order by a.attnum";

    private final String quotedTable;
    private final List<String> columns;
    private final Codec[] codecs;
    private final CodecContext context;

    private CopyTarget(String quotedTable, List<String> columns, Codec[] codecs, CodecContext context) {
        this.quotedTable = quotedTable;
        this.columns = columns;
        this.codecs = codecs;
        this.context = context;
    }

    /** One column as the catalog describes it. */
    private record Column(String name, int typeOid, String typeName) {}

    /**
     * Looks up the target columns of {@code table} on {@code conn}.
     *
     * @param conn    the connection
     * @param table   the table name, see {@link CopyStatement#qualifiedName}
     * @param columns the columns to fill, or none for all
     * @return the target; fails with {@link PgInterfaceException} for an unknown column or a type
     *     that cannot be written in binary, or with the server's error for an unknown table
     */
    static CompletableFuture<CopyTarget> resolve(RealConnection conn, String table, String... columns) {
        String quoted = CopyStatement.qualifiedName(table);
        return conn.query(COLUMNS_SQL, quoted).thenCompose(result -> {
            List<Column> target = select(table, result.rows(), columns);
            CodecContext base = baseContext(conn);
            Set<Integer> unknown = new LinkedHashSet<>();
            for (Column c : target) {
                if (base.registry().codec(c.typeOid()) == null) {
                    unknown.add(c.typeOid());
                }
            }
            if (unknown.isEmpty()) {
                return CompletableFuture.completedFuture(build(quoted, target, base));
            }
            int[] oids = unknown.stream().mapToInt(Integer::intValue).toArray();
            return conn.query(IntrospectionQuery.sql(conn.io().session().serverVersionNumber()),
                    IntrospectionQuery.oidArrayParameter(oids)).thenApply(types -> {
                        CodecRegistry registry = base.registry().copy();
                        IntrospectionQuery.register(types.rows(), registry);
                        return build(quoted, target, base.withRegistry(registry));
                    });
        });
    }

    /**
     * Returns the codecs and session facts values are encoded with: the connection's own codec
     * context (its per-server registry with introspected types and {@code setTypeCodec} codecs,
     * the session's TimeZone and server version).
     */
    private static CodecContext baseContext(RealConnection conn) {
        return conn.codecContext();
    }

    private static List<Column> select(String table, List<Row> rows, String[] requested) {
        Map<String, Column> all = new LinkedHashMap<>();
        List<Column> insertable = new ArrayList<>();
        for (Row row : rows) {
            Column c = new Column(row.getString(0), (int) Long.parseLong(row.getString(1)), row.getString(2));
            all.put(c.name(), c);
            if ("0".equals(row.getString(3))) {
                insertable.add(c);
            }
        }
        if (requested == null || requested.length == 0) {
            if (insertable.isEmpty()) {
                throw new PgInterfaceException("table " + table + " has no columns to copy into");
            }
            return insertable;
        }
        List<Column> chosen = new ArrayList<>();
        for (String name : requested) {
            Column c = all.get(name);
            if (c == null) {
                throw new PgInterfaceException("table " + table + " has no column \"" + name
                        + "\" (column names are case-sensitive here); its columns are " + all.keySet());
            }
            chosen.add(c);
        }
        return chosen;
    }

    private static CopyTarget build(String quoted, List<Column> target, CodecContext context) {
        CodecRegistry registry = context.registry();
        Codec[] codecs = new Codec[target.size()];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < codecs.length; i++) {
            Column c = target.get(i);
            Codec codec = registry.codec(c.typeOid());
            if (codec == null || !codec.isBinary(registry) || codec.parameterFormat() != Codec.BINARY) {
                throw new PgInterfaceException("column \"" + c.name() + "\" has type " + c.typeName()
                        + ", which PgJet cannot write in binary COPY; load it with copyToTable in CSV or text format");
            }
            codecs[i] = codec;
            names.add(c.name());
        }
        return new CopyTarget(quoted, List.copyOf(names), codecs, context);
    }

    /** Returns the {@code COPY ... FROM STDIN (FORMAT binary)} statement for this target. */
    String copySql() {
        return copySql(null);
    }

    /** Returns the COPY statement loading this target, keeping only rows for which {@code where} holds (null: all). */
    String copySql(String where) {
        return CopyStatement.copyBinaryIn(quotedTable, columns, where);
    }

    /** Returns the column names, in the order rows give their values. */
    List<String> columns() {
        return columns;
    }

    /** Returns the codec of each column, in column order. */
    Codec[] codecs() {
        return codecs;
    }

    /** Returns the session facts the codecs encode with. */
    CodecContext context() {
        return context;
    }
}
