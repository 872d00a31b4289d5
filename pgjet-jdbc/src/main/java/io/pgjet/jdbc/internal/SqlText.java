package io.pgjet.jdbc.internal;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * JDBC SQL text turned into PostgreSQL's: each {@code ?} placeholder becomes {@code $1..$n}, while
 * a {@code ?} inside a string literal ({@code '...'}, {@code E'...'} with backslash escapes,
 * {@code U&'...'}), a dollar-quoted string, a quoted identifier, a line or (nested) block comment
 * stays as it is. {@code ??} is JDBC's escape for a literal {@code ?} (the jsonb "key exists"
 * operator) and becomes {@code ?}; {@code ?|} and {@code ?&} are jsonb operators and are left
 * alone. Also records how many statements the text holds (top-level semicolons) and the bare words
 * of the last statement, which the driver uses to recognise a query's kind. Immutable.
 *
 * @param sql the translated text
 * @param placeholders the number of {@code ?} placeholders replaced
 * @param statements the number of non-empty statements
 * @param firstWord the first bare word of the first statement, lower case, or "" if none
 * @param words the bare words (keywords and unquoted identifiers) of the text, lower case
 */
public record SqlText(String sql, int placeholders, int statements, String firstWord, Set<String> words) {

    /** Translates {@code jdbcSql}; never fails (an unterminated literal simply runs to the end). */
    public static SqlText parse(String jdbcSql) {
        StringBuilder out = new StringBuilder(jdbcSql.length() + 8);
        Set<String> words = new HashSet<>();
        String firstWord = "";
        int placeholders = 0;
        int statements = 0;
        boolean statementHasContent = false;
        int n = jdbcSql.length();
        int i = 0;
        while (i < n) {
            char c = jdbcSql.charAt(i);
            int end;
            if (c == '\'') {
                end = skipQuoted(jdbcSql, i, '\'', false);
            } else if (c == '"') {
                end = skipQuoted(jdbcSql, i, '"', false);
            } else if ((c == 'e' || c == 'E') && next(jdbcSql, i) == '\'' && !identifierBefore(jdbcSql, i)) {
                end = skipQuoted(jdbcSql, i + 1, '\'', true);
            } else if ((c == 'u' || c == 'U') && next(jdbcSql, i) == '&' && i + 2 < n
                    && (jdbcSql.charAt(i + 2) == '\'' || jdbcSql.charAt(i + 2) == '"') && !identifierBefore(jdbcSql, i)) {
                end = skipQuoted(jdbcSql, i + 2, jdbcSql.charAt(i + 2), false);
            } else if (c == '-' && next(jdbcSql, i) == '-') {
                end = jdbcSql.indexOf('\n', i);
                end = end < 0 ? n : end + 1;
            } else if (c == '/' && next(jdbcSql, i) == '*') {
                end = skipBlockComment(jdbcSql, i);
            } else if (c == '$' && !identifierBefore(jdbcSql, i) && (end = skipDollarQuoted(jdbcSql, i)) > i) {
                // end set by the condition
                statementHasContent = true;
            } else if (c == '?') {
                char after = next(jdbcSql, i);
                statementHasContent = true;
                if (after == '?') {
                    out.append('?');
                    i += 2;
                } else if ((after == '|' || after == '&') && (i + 2 >= n || jdbcSql.charAt(i + 2) != after)) {
                    out.append('?').append(after);
                    i += 2;
                } else {
                    out.append('$').append(++placeholders);
                    i++;
                }
                continue;
            } else if (c == ';') {
                if (statementHasContent) {
                    statements++;
                }
                statementHasContent = false;
                out.append(c);
                i++;
                continue;
            } else if (isIdentifierStart(c)) {
                end = i + 1;
                while (end < n && isIdentifierPart(jdbcSql.charAt(end))) {
                    end++;
                }
                String word = jdbcSql.substring(i, end).toLowerCase(Locale.ROOT);
                if (statements == 0 && !statementHasContent) {
                    firstWord = word;
                }
                words.add(word);
                statementHasContent = true;
            } else {
                if (!Character.isWhitespace(c)) {
                    statementHasContent = true;
                }
                out.append(c);
                i++;
                continue;
            }
            if (c == '\'' || c == '"' || c == 'e' || c == 'E' || c == 'u' || c == 'U') {
                statementHasContent = true;
            }
            out.append(jdbcSql, i, end);
            i = end;
        }
        if (statementHasContent) {
            statements++;
        }
        return new SqlText(out.toString(), placeholders, statements, firstWord, Set.copyOf(words));
    }

    /** Returns whether the text holds more than one statement. */
    public boolean isMultiStatement() {
        return statements > 1;
    }

    private static char next(String s, int i) {
        return i + 1 < s.length() ? s.charAt(i + 1) : '\0';
    }

    /** Whether the character before {@code i} continues an identifier (so {@code a$b}, {@code name'} are not quotes). */
    private static boolean identifierBefore(String s, int i) {
        return i > 0 && isIdentifierPart(s.charAt(i - 1));
    }

    private static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_' || c > 127;
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 127;
    }

    /** Returns the index after a quoted run opened at {@code start}; doubled quotes escape, so do backslashes when asked. */
    private static int skipQuoted(String s, int start, char quote, boolean backslashEscapes) {
        int i = start + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < s.length() && s.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return s.length();
    }

    /** Returns the index after a block comment opened at {@code start}; PostgreSQL's comments nest. */
    private static int skipBlockComment(String s, int start) {
        int depth = 0;
        int i = start;
        while (i < s.length()) {
            if (s.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (s.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return s.length();
    }

    /**
     * Returns the index after a dollar-quoted string opened at {@code start}, or {@code start}
     * when the {@code $} opens none ({@code $1} parameters, a lone {@code $}).
     */
    private static int skipDollarQuoted(String s, int start) {
        int i = start + 1;
        if (i < s.length() && Character.isDigit(s.charAt(i))) {
            return start;
        }
        while (i < s.length() && s.charAt(i) != '$') {
            char c = s.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c > 127)) {
                return start;
            }
            i++;
        }
        if (i >= s.length()) {
            return start;
        }
        String tag = s.substring(start, i + 1);
        int close = s.indexOf(tag, i + 1);
        return close < 0 ? s.length() : close + tag.length();
    }
}
