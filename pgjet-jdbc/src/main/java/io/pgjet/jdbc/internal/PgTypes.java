package io.pgjet.jdbc.internal;

import java.sql.Types;
import java.util.HashMap;
import java.util.Map;

/**
 * The JDBC view of PostgreSQL's built-in types by OID: the {@link Types} code, the name pgjdbc
 * reports ({@code int4}, {@code _text}, ...) and the class {@code getObject} returns. The codes
 * follow pgjdbc (e.g. {@code bool} is {@link Types#BIT}) so tools written against it see the same
 * answers. Types not listed (extensions, enums, composites) are {@link Types#OTHER} under their
 * server name. Stateless.
 */
public final class PgTypes {
    /** One type's JDBC facts. */
    record Info(int sqlType, String name, String className, int elementOid) {}

    private static final Map<Integer, Info> BY_OID = new HashMap<>();

    static {
        add(16, Types.BIT, "bool", "java.lang.Boolean");
        add(17, Types.BINARY, "bytea", "[B");
        add(18, Types.CHAR, "char", "java.lang.String");
        add(19, Types.VARCHAR, "name", "java.lang.String");
        add(20, Types.BIGINT, "int8", "java.lang.Long");
        add(21, Types.SMALLINT, "int2", "java.lang.Integer");
        add(23, Types.INTEGER, "int4", "java.lang.Integer");
        add(25, Types.VARCHAR, "text", "java.lang.String");
        add(26, Types.BIGINT, "oid", "java.lang.Long");
        add(114, Types.OTHER, "json", "java.lang.String");
        add(142, Types.SQLXML, "xml", "java.lang.String");
        add(700, Types.REAL, "float4", "java.lang.Float");
        add(701, Types.DOUBLE, "float8", "java.lang.Double");
        add(790, Types.DOUBLE, "money", "java.math.BigDecimal");
        add(1042, Types.CHAR, "bpchar", "java.lang.String");
        add(1043, Types.VARCHAR, "varchar", "java.lang.String");
        add(1082, Types.DATE, "date", "java.sql.Date");
        add(1083, Types.TIME, "time", "java.sql.Time");
        add(1114, Types.TIMESTAMP, "timestamp", "java.sql.Timestamp");
        add(1184, Types.TIMESTAMP, "timestamptz", "java.sql.Timestamp");
        add(1186, Types.OTHER, "interval", "io.pgjet.types.PgInterval");
        add(1266, Types.TIME, "timetz", "java.sql.Time");
        add(1560, Types.BIT, "bit", "io.pgjet.types.PgBitString");
        add(1562, Types.OTHER, "varbit", "io.pgjet.types.PgBitString");
        add(1700, Types.NUMERIC, "numeric", "java.math.BigDecimal");
        add(2950, Types.OTHER, "uuid", "java.util.UUID");
        add(3802, Types.OTHER, "jsonb", "java.lang.String");
        add(1790, Types.REF_CURSOR, "refcursor", "java.lang.String");
        array(1000, "_bool", 16);
        array(1001, "_bytea", 17);
        array(1002, "_char", 18);
        array(1003, "_name", 19);
        array(1005, "_int2", 21);
        array(1007, "_int4", 23);
        array(1009, "_text", 25);
        array(1014, "_bpchar", 1042);
        array(1015, "_varchar", 1043);
        array(1016, "_int8", 20);
        array(1021, "_float4", 700);
        array(1022, "_float8", 701);
        array(1028, "_oid", 26);
        array(1115, "_timestamp", 1114);
        array(1182, "_date", 1082);
        array(1183, "_time", 1083);
        array(1185, "_timestamptz", 1184);
        array(1231, "_numeric", 1700);
        array(1270, "_timetz", 1266);
        array(2951, "_uuid", 2950);
        array(199, "_json", 114);
        array(3807, "_jsonb", 3802);
    }

    private PgTypes() {
    }

    private static void add(int oid, int sqlType, String name, String className) {
        BY_OID.put(oid, new Info(sqlType, name, className, 0));
    }

    private static void array(int oid, String name, int elementOid) {
        BY_OID.put(oid, new Info(Types.ARRAY, name, "java.sql.Array", elementOid));
    }

    /** Returns the {@link Types} code for {@code oid}; {@code serverName} (from format_type) decides unknown arrays. */
    public static int sqlType(int oid, String serverName) {
        Info info = BY_OID.get(oid);
        if (info != null) {
            return info.sqlType();
        }
        return serverName != null && serverName.endsWith("[]") ? Types.ARRAY : Types.OTHER;
    }

    /** Returns the type name as pgjdbc reports it, else {@code serverName}, else the OID as text. */
    public static String name(int oid, String serverName) {
        Info info = BY_OID.get(oid);
        return info != null ? info.name() : serverName != null ? serverName : Integer.toString(oid);
    }

    /** Returns the name of the class {@code getObject} returns for {@code oid}. */
    public static String className(int oid, String serverName) {
        Info info = BY_OID.get(oid);
        if (info != null) {
            return info.className();
        }
        return serverName != null && serverName.endsWith("[]") ? "java.sql.Array" : "java.lang.Object";
    }

    /** Returns the element type OID of a built-in array type, or 0. */
    public static int elementOid(int oid) {
        Info info = BY_OID.get(oid);
        return info == null ? 0 : info.elementOid();
    }

    /** Returns the OID of the built-in type pgjdbc calls {@code name} (either spelling), or 0. */
    public static int oidOf(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        switch (n) {
            case "integer", "int" -> n = "int4";
            case "bigint" -> n = "int8";
            case "smallint" -> n = "int2";
            case "boolean" -> n = "bool";
            case "real" -> n = "float4";
            case "double precision", "double", "float" -> n = "float8";
            case "character varying" -> n = "varchar";
            case "decimal" -> n = "numeric";
            default -> { }
        }
        for (Map.Entry<Integer, Info> e : BY_OID.entrySet()) {
            if (e.getValue().name().equals(n)) {
                return e.getKey();
            }
        }
        return 0;
    }

    /** Returns whether values of {@code oid} are text in PostgreSQL (so any JDBC value may be sent as its string). */
    static boolean isText(int oid) {
        return oid == 25 || oid == 1043 || oid == 1042 || oid == 19 || oid == 0 || oid == 705;
    }

    /** Returns whether {@code oid} is a signed (numeric) type, for {@code ResultSetMetaData.isSigned}. */
    static boolean isSigned(int oid) {
        return oid == 20 || oid == 21 || oid == 23 || oid == 700 || oid == 701 || oid == 1700 || oid == 790;
    }
}
