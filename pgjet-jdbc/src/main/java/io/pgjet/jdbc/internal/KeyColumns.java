package io.pgjet.jdbc.internal;

import io.pgjet.Connection;
import io.pgjet.PgJetException;
import io.pgjet.Row;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * Generated keys asked for by column index ({@code prepareStatement(sql, int[])}): the indexes are
 * 1-based positions among the live columns of the table the {@code INSERT}/{@code UPDATE}/
 * {@code DELETE}/{@code MERGE} targets, turned into names for {@code RETURNING}. (pgjdbc refuses
 * indexes; PgJet looks the table up once per statement.)
 */
final class KeyColumns {
    private KeyColumns() {
    }

    /** Returns the column names for {@code indexes} of the table {@code sql} writes to. */
    static String[] names(Connection pg, String sql, int[] indexes) throws SQLException {
        String table = targetTable(sql);
        if (table == null) {
            throw SqlErrors.of("generated keys by column index need an INSERT, UPDATE, DELETE or MERGE"
                    + " whose target table can be read from the SQL", SqlErrors.INVALID_PARAMETER);
        }
        List<Row> columns;
        try {
            columns = pg.fetch("select attname::text from pg_catalog.pg_attribute where attrelid = $1::text::regclass"
                    + " and attnum > 0 and not attisdropped order by attnum", table);
        } catch (PgJetException e) {
            throw SqlErrors.of(e);
        }
        String[] names = new String[indexes.length];
        for (int i = 0; i < indexes.length; i++) {
            int index = indexes[i];
            if (index < 1 || index > columns.size()) {
                throw SqlErrors.of("column index " + index + " is not a column of " + table + " (1.."
                        + columns.size() + ")", SqlErrors.INVALID_PARAMETER);
            }
            names[i] = columns.get(index - 1).getString(0);
        }
        return names;
    }

    /** Returns the (possibly qualified, quoted) name of the table a DML statement targets, or null. */
    static String targetTable(String sql) {
        Reader r = new Reader(sql);
        String verb = r.word();
        String next = r.word();
        switch (verb) {
            case "insert", "merge" -> {
                if (!next.equals("into")) {
                    return null;
                }
                next = null;
            }
            case "delete" -> {
                if (!next.equals("from")) {
                    return null;
                }
                next = null;
            }
            case "update" -> {
            }
            default -> {
                return null;
            }
        }
        if (next == null || next.equals("only")) {
            return r.name();
        }
        r.unread();
        return r.name();
    }

    /** Reads words and names from the start of a statement, skipping space and comments. */
    private static final class Reader {
        private final String s;
        private int i;
        private int lastWordStart;

        Reader(String s) {
            this.s = s;
        }

        private void skip() {
            while (i < s.length()) {
                if (Character.isWhitespace(s.charAt(i))) {
                    i++;
                } else if (s.startsWith("--", i)) {
                    int end = s.indexOf('\n', i);
                    i = end < 0 ? s.length() : end + 1;
                } else if (s.startsWith("/*", i)) {
                    int end = s.indexOf("*/", i + 2);
                    i = end < 0 ? s.length() : end + 2;
                } else {
                    return;
                }
            }
        }

        /** The next bare word, lower case ("" if none); a quoted name is not a word. */
        String word() {
            skip();
            lastWordStart = i;
            int start = i;
            while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                i++;
            }
            return s.substring(start, i).toLowerCase(Locale.ROOT);
        }

        /** Steps back before the word just read, so {@link #name()} reads it. */
        void unread() {
            i = lastWordStart;
        }

        /** A name: identifier or quoted parts joined by dots, as written; null if none. */
        String name() {
            skip();
            int start = i;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '"') {
                    i++;
                    while (i < s.length() && !(s.charAt(i) == '"' && (i + 1 >= s.length() || s.charAt(i + 1) != '"'))) {
                        i += s.charAt(i) == '"' ? 2 : 1;
                    }
                    i++;
                } else if (Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 127) {
                    i++;
                } else if (c != '.') {
                    break;
                } else {
                    i++;
                }
            }
            return i > start ? s.substring(start, Math.min(i, s.length())) : null;
        }
    }
}
