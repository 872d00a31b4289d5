package io.pgjet.internal.types;

import io.pgjet.PgInterfaceException;
import io.pgjet.Row;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves type OIDs the registry does not know (composites, enums, domains, ranges,
 * multiranges, arrays of them, and the extension types hstore, citext and ltree) by querying the
 * catalog, and turns the answer into codecs.
 *
 * <p>Use: run {@link #sql(int)} with one text parameter, {@link #oidArrayParameter(int...)} of the
 * unknown OIDs (the query follows dependencies itself: an array's element, a domain's base, a
 * range's subtype, a multirange's range, a composite's attribute types, and the array type of
 * each type found; it always adds the extension types by name);
 * pass the resulting rows, read in text format, to {@link #register}. Stateless and thread-safe.
 */
public final class IntrospectionQuery {
    /** Names the extension types looked up by name on every introspection. */
    public static final Set<String> EXTENSION_TYPES = Set.of("hstore", "citext", "ltree");

    private static final String SQL_TEMPLATE = ""
            + "with recursive deps(oid) as (\n"
            + "    select unnest($1::pg_catalog.oid[])\n"
            + "  union\n"
            + "    select t.oid from pg_catalog.pg_type t\n"
            + "    where t.typname in ('hstore', 'citext', 'ltree')\n"
            + "  union\n"
            + "    select d.dep from deps\n"
            + "    join pg_catalog.pg_type t on t.oid = deps.oid\n"
            + "    cross join lateral (\n"
            + "        select t.typelem where t.typelem <> 0 and t.typlen = -1\n"
            + "        union all select t.typarray where t.typarray <> 0\n"
            + "        union all select t.typbasetype where t.typtype = 'd'\n"
            + "        union all select r.rngsubtype from pg_catalog.pg_range r where r.rngtypid = t.oid\n"
            + "%MULTIRANGE_DEP%"
            + "        union all select a.atttypid from pg_catalog.pg_attribute a\n"
            + "            where t.typtype = 'c' and a.attrelid = t.typrelid and a.attnum > 0 and not a.attisdropped\n"
            + "    ) d(dep)\n"
            + ")\n"
            + "select t.oid, t.typname, n.nspname, t.typtype,\n"
            + "    case when t.typelem <> 0 and t.typlen = -1 then t.typelem else 0 end as elemoid,\n"
            + "    t.typbasetype, coalesce(r.rngsubtype, 0) as rngsubtype, %MULTIRANGE_COL% as rangeoid,\n"
            + "    t.typarray, m.ord, m.name, m.typ\n"
            + "from deps\n"
            + "join pg_catalog.pg_type t on t.oid = deps.oid\n"
            + "join pg_catalog.pg_namespace n on n.oid = t.typnamespace\n"
            + "left join pg_catalog.pg_range r on r.rngtypid = t.oid\n"
            + "%MULTIRANGE_JOIN%"
            + "left join lateral (\n"
            + "    select a.attnum::int, a.attname::text, a.atttypid from pg_catalog.pg_attribute a\n"
            + "    where t.typtype = 'c' and a.attrelid = t.typrelid and a.attnum > 0 and not a.attisdropped\n"
            + "  union all\n"
            + "    select (row_number() over (order by e.enumsortorder))::int, e.enumlabel::text, 0::pg_catalog.oid\n"
            + "    from pg_catalog.pg_enum e where t.typtype = 'e' and e.enumtypid = t.oid\n"
            + ") m(ord, name, typ) on true\n"
            + "order by t.oid, m.ord";

    private IntrospectionQuery() {
    }

    /**
     * Returns the introspection SQL for a server version.
     *
     * @param serverVersion {@code server_version_num}; multiranges are resolved from 140000 on
     * @return SQL with one parameter: a text {@code oid[]} literal
     */
    public static String sql(int serverVersion) {
        boolean multiranges = serverVersion == 0 || serverVersion >= 140000;
        return SQL_TEMPLATE
                .replace("%MULTIRANGE_DEP%", multiranges
                        ? "        union all select r.rngtypid from pg_catalog.pg_range r where r.rngmultitypid = t.oid\n" : "")
                .replace("%MULTIRANGE_COL%", multiranges ? "coalesce(mr.rngtypid, 0)" : "0::pg_catalog.oid")
                .replace("%MULTIRANGE_JOIN%", multiranges
                        ? "left join pg_catalog.pg_range mr on mr.rngmultitypid = t.oid\n" : "");
    }

    /**
     * Renders OIDs as the text form of an {@code oid[]}, the query's parameter.
     *
     * @param oids the unknown OIDs
     * @return e.g. <code>{16385,16390}</code>
     */
    public static String oidArrayParameter(int... oids) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < oids.length; i++) {
            sb.append(i > 0 ? "," : "").append(Integer.toUnsignedString(oids[i]));
        }
        return sb.append('}').toString();
    }

    /** One type as the query described it. */
    private static final class TypeRow {
        int oid;
        String name;
        String type;
        int elem;
        int base;
        int subtype;
        int range;
        int array;
        String schema;
        final List<String> names = new ArrayList<>();
        final List<Integer> types = new ArrayList<>();
    }

    /**
     * Builds codecs from the query's rows and registers them: composites, enums, domains (as their
     * base type), ranges, multiranges, arrays (also of types without a codec), hstore (also as the
     * type of {@code Map} parameters), citext and ltree. Types the registry already has are left
     * alone, unless their codec is {@linkplain Codec#isOutdated() out of date} (then replaced);
     * other base types get no codec (they travel as text).
     *
     * @param rows     the result rows, read with {@link Row#getString(int)}
     * @param registry the registry to add to
     * @return the OIDs that got a codec
     * @throws PgInterfaceException if a row does not have the query's shape
     */
    public static List<Integer> register(List<? extends Row> rows, CodecRegistry registry) {
        Map<Integer, TypeRow> types = new LinkedHashMap<>();
        for (Row row : rows) {
            if (row.columnCount() < 12) {
                throw new PgInterfaceException("introspection row has " + row.columnCount() + " columns, expected 12");
            }
            int oid = oid(row, 0);
            TypeRow t = types.get(oid);
            if (t == null) {
                t = new TypeRow();
                t.oid = oid;
                t.name = row.getString(1);
                t.schema = row.getString(2);
                t.type = row.getString(3);
                t.elem = oid(row, 4);
                t.base = oid(row, 5);
                t.subtype = oid(row, 6);
                t.range = oid(row, 7);
                t.array = oid(row, 8);
                types.put(oid, t);
            }
            if (!row.isNull(10)) {
                t.names.add(row.getString(10));
                t.types.add(oid(row, 11));
            }
        }
        List<Integer> added = new ArrayList<>();
        for (TypeRow t : types.values()) {
            if (registry.isCurrent(t.oid) || t.elem != 0 || "d".equals(t.type)) {
                continue;
            }
            Codec c = scalar(t);
            if (c != null) {
                registry.register(c);
                added.add(t.oid);
                if ("hstore".equals(t.name)) {
                    registry.registerJavaType(Map.class, t.oid);
                }
            }
        }
        boolean progress = true;
        while (progress) {
            progress = false;
            for (TypeRow t : types.values()) {
                if ("d".equals(t.type) && !registry.isCurrent(t.oid) && registry.isCurrent(t.base)) {
                    registry.register(new DomainCodec(t.oid, t.name, t.base, registry.codec(t.base).defaultJavaType()));
                    added.add(t.oid);
                    progress = true;
                }
            }
        }
        for (TypeRow t : types.values()) {
            // An array of a type without any codec gets one too: its values travel as text
            // literals (read as String), and collections can be sent as parameters.
            if (t.elem != 0 && !registry.isCurrent(t.oid) && (registry.isCurrent(t.elem) || registry.codec(t.elem) == null)) {
                registry.registerArray(t.oid, t.elem);
                added.add(t.oid);
            }
        }
        return added;
    }

    private static Codec scalar(TypeRow t) {
        switch (t.type) {
            case "c":
                return new CompositeCodec(t.oid, t.schema, t.name, t.names.toArray(new String[0]),
                        t.types.stream().mapToInt(Integer::intValue).toArray());
            case "e":
                return new EnumCodec(t.oid, t.name, t.names);
            case "r":
                return new RangeCodec(t.oid, t.name, t.subtype);
            case "m":
                return t.range == 0 ? null : new MultirangeCodec(t.oid, t.name, t.range);
            case "b":
                switch (t.name) {
                    case "hstore":
                        return new HstoreCodec(t.oid, t.name);
                    case "citext":
                        return new TextCodecs.TextCodec(t.oid, t.name);
                    case "ltree":
                        return new TextCodecs.LtreeCodec(t.oid, t.name);
                    default:
                        return null;
                }
            default:
                return null;
        }
    }

    private static int oid(Row row, int column) {
        String s = row.getString(column);
        if (s == null) {
            return 0;
        }
        try {
            return (int) Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new PgInterfaceException("introspection column " + column + " is not an OID: " + s, e);
        }
    }
}
