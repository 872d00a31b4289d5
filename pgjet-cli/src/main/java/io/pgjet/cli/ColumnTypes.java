package io.pgjet.cli;

import java.util.Map;
import java.util.Set;

/**
 * What the printer needs to know about built-in PostgreSQL types, by OID: which are numbers
 * (right-aligned in tables, JSON numbers), booleans, JSON, and which arrays hold them. Other
 * types print as their text.
 */
final class ColumnTypes {
    /** How a value is written in JSON. */
    enum JsonKind { NUMBER, BOOLEAN, JSON, STRING }

    static final int BOOL = 16;
    static final int INT8 = 20;
    static final int INT2 = 21;
    static final int INT4 = 23;
    static final int TEXT = 25;
    static final int OID = 26;
    static final int XID = 28;
    static final int CID = 29;
    static final int JSON = 114;
    static final int FLOAT4 = 700;
    static final int FLOAT8 = 701;
    static final int MONEY = 790;
    static final int NUMERIC = 1700;
    static final int JSONB = 3802;
    static final int XID8 = 5069;

    // The types psql right-aligns (its column_type_alignment).
    private static final Set<Integer> RIGHT_ALIGNED = Set.of(INT2, INT4, INT8, FLOAT4, FLOAT8, NUMERIC, OID, XID, XID8, CID, MONEY);

    // Numbers in JSON, as PostgreSQL's to_json writes them (money keeps its currency sign: a string).
    private static final Set<Integer> JSON_NUMBERS = Set.of(INT2, INT4, INT8, FLOAT4, FLOAT8, NUMERIC, OID);

    // Built-in array type -> element type; arrays of types written as strings map to TEXT.
    private static final Map<Integer, Integer> ARRAY_ELEMENTS = Map.ofEntries(
            Map.entry(1000, BOOL), Map.entry(1005, INT2), Map.entry(1007, INT4), Map.entry(1016, INT8),
            Map.entry(1021, FLOAT4), Map.entry(1022, FLOAT8), Map.entry(1231, NUMERIC), Map.entry(1028, OID),
            Map.entry(199, JSON), Map.entry(3807, JSONB),
            Map.entry(1009, TEXT), Map.entry(1015, TEXT), Map.entry(1014, TEXT), Map.entry(1003, TEXT), // text, varchar, bpchar, name
            Map.entry(1002, TEXT), Map.entry(1001, TEXT), Map.entry(2951, TEXT), Map.entry(1182, TEXT), // "char", bytea, uuid, date
            Map.entry(1183, TEXT), Map.entry(1270, TEXT), Map.entry(1115, TEXT), Map.entry(1185, TEXT), // time, timetz, timestamp(tz)
            Map.entry(1187, TEXT), Map.entry(1041, TEXT), Map.entry(651, TEXT), Map.entry(1040, TEXT), // interval, inet, cidr, macaddr
            Map.entry(791, TEXT), Map.entry(1011, TEXT), Map.entry(271, TEXT), Map.entry(1012, TEXT)); // money, xid, xid8, cid

    private ColumnTypes() {}

    /** Returns whether tables right-align values of type {@code oid}, as psql does for numbers. */
    static boolean rightAligned(int oid) {
        return RIGHT_ALIGNED.contains(oid);
    }

    /** Returns how a scalar of type {@code oid} is written in JSON. */
    static JsonKind jsonKind(int oid) {
        if (JSON_NUMBERS.contains(oid)) {
            return JsonKind.NUMBER;
        }
        if (oid == BOOL) {
            return JsonKind.BOOLEAN;
        }
        return oid == JSON || oid == JSONB ? JsonKind.JSON : JsonKind.STRING;
    }

    /** Returns the element type of the built-in array type {@code oid}, or 0 if it is not one PgJet's printer knows. */
    static int arrayElement(int oid) {
        return ARRAY_ELEMENTS.getOrDefault(oid, 0);
    }
}
