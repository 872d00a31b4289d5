package io.pgjet.r2dbc.internal;

import java.util.Locale;

/**
 * What the driver needs to know about a statement's SQL text without parsing it: the highest
 * {@code $n} placeholder, whether it holds several statements, and its leading keyword. Quotes,
 * quoted identifiers, dollar-quoted strings and comments are skipped, so a {@code $1} or a
 * semicolon inside them does not count.
 */
final class SqlText {
    private final String sql;
    private final int parameterCount;
    private final boolean multiStatement;
    private final String firstWord;
    private final boolean mentionsReturning;

    private SqlText(String sql, int parameterCount, boolean multiStatement, String firstWord, boolean returning) {
        this.sql = sql;
        this.parameterCount = parameterCount;
        this.multiStatement = multiStatement;
        this.firstWord = firstWord;
        this.mentionsReturning = returning;
    }

    /** Scans {@code sql}. */
    static SqlText of(String sql) {
        int max = 0;
        boolean sawSemicolon = false;
        boolean multi = false;
        String first = null;
        boolean returning = false;
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                i = skipQuoted(sql, i, c);
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                i = skipBlockComment(sql, i);
            } else if (c == '$') {
                int j = i + 1;
                while (j < n && Character.isDigit(sql.charAt(j))) {
                    j++;
                }
                if (j > i + 1 && !(i > 0 && isIdentifierPart(sql.charAt(i - 1)))) {
                    max = Math.max(max, Integer.parseInt(sql, i + 1, j, 10));
                    i = j;
                } else {
                    i = skipDollarQuoted(sql, i);
                }
            } else if (c == ';') {
                sawSemicolon = true;
                i++;
            } else if (Character.isLetter(c) || c == '_') {
                int j = i;
                while (j < n && isIdentifierPart(sql.charAt(j))) {
                    j++;
                }
                String word = sql.substring(i, j).toLowerCase(Locale.ROOT);
                if (sawSemicolon) {
                    multi = true;
                }
                if (first == null) {
                    first = word;
                }
                returning |= word.equals("returning");
                i = j;
            } else {
                if (sawSemicolon && !Character.isWhitespace(c)) {
                    multi = true;
                }
                i++;
            }
        }
        return new SqlText(sql, max, multi, first == null ? "" : first, returning);
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    private static int skipQuoted(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    private static int skipBlockComment(String sql, int start) {
        int depth = 0;
        int i = start;
        while (i < sql.length()) {
            if (sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }

    /** Skips {@code $tag$ ... $tag$}; a lone {@code $} is just skipped. */
    private static int skipDollarQuoted(String sql, int start) {
        int j = start + 1;
        while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
            j++;
        }
        if (j >= sql.length() || sql.charAt(j) != '$') {
            return start + 1;
        }
        String tag = sql.substring(start, j + 1);
        int end = sql.indexOf(tag, j + 1);
        return end < 0 ? sql.length() : end + tag.length();
    }

    /** Returns the SQL text. */
    String sql() {
        return sql;
    }

    /** Returns the highest placeholder number used ({@code $3} → 3), 0 when there is none. */
    int parameterCount() {
        return parameterCount;
    }

    /** Returns whether the text holds more than one statement (a semicolon followed by more SQL). */
    boolean isMultiStatement() {
        return multiStatement;
    }

    /** Returns the first keyword in lower case, e.g. {@code select}; empty for an empty text. */
    String firstWord() {
        return firstWord;
    }

    /** Returns whether the statement returns rows by itself (a query), so a cursor can stream it. */
    boolean isQuery() {
        return firstWord.equals("select") || firstWord.equals("with") || firstWord.equals("values")
                || firstWord.equals("table");
    }

    /** Returns whether a RETURNING clause may be added: a DML statement that has none yet. */
    boolean acceptsReturning() {
        return !mentionsReturning && (firstWord.equals("insert") || firstWord.equals("update")
                || firstWord.equals("delete") || firstWord.equals("merge"));
    }

    /**
     * Returns whether each execution of this statement inserts exactly one row, so a batch's
     * total tells every execution's count: {@code INSERT ... VALUES (...)} without a SELECT,
     * ON CONFLICT or RETURNING.
     */
    boolean isSingleRowInsert() {
        String lower = sql.toLowerCase(Locale.ROOT);
        return firstWord.equals("insert") && !mentionsReturning && lower.contains("values")
                && !lower.contains("select") && !lower.contains("conflict") && !lower.contains("),");
    }
}
