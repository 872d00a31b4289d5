package io.pgjet.bench.drivers;

import io.pgjet.Row;

/**
 * The one place the bench turns PgJet values into Java values, with the primitive getters a user
 * would call (no boxing); whatever wire format PgJet chose for a column, these calls stay the
 * same, so a change in PgJet's decoding shows up in the numbers and nowhere else.
 */
final class PgJetValues {
    private PgJetValues() {
    }

    static int int4(Row row, int i) {
        return row.getInt(i);
    }

    static short int2(Row row, int i) {
        return (short) row.getInt(i);
    }

    static long oid(Row row, int i) {
        return row.getLong(i);
    }

    static boolean bool(Row row, int i) {
        return row.getBoolean(i);
    }

    static char character(Row row, int i) {
        Character c = row.get(i, Character.class); // "char" as a Java char: no String per value
        return c == null ? 0 : c;
    }

    static String text(Row row, int i) {
        return row.getString(i);
    }
}
