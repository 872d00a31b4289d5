package io.pgjet.bench.drivers;

import io.vertx.sqlclient.Row;

/**
 * The one place the bench turns vertx-pg-client values into Java values. vertx decodes oid as
 * a signed int, "char" as a String and name as a String; the adapters normalise them to the
 * types the other drivers produce.
 */
final class VertxValues {
    private VertxValues() {
    }

    static int int4(Row row, int i) {
        return row.getInteger(i);
    }

    static short int2(Row row, int i) {
        return row.getShort(i);
    }

    static long oid(Row row, int i) {
        Object v = row.getValue(i);
        return v instanceof Integer ? Integer.toUnsignedLong((Integer) v) : ((Number) v).longValue();
    }

    static boolean bool(Row row, int i) {
        return row.getBoolean(i);
    }

    static char character(Row row, int i) {
        Object v = row.getValue(i);
        if (v instanceof String) {
            String s = (String) v;
            return s.isEmpty() ? 0 : s.charAt(0);
        }
        if (v instanceof Number) {
            return (char) (((Number) v).intValue() & 0xff);
        }
        return v instanceof Character ? (Character) v : 0;
    }

    static String text(Row row, int i) {
        return row.getString(i);
    }
}
