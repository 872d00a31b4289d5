package io.pgjet.internal.batch;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Recognizes the one statement shape {@code rewriteBatchedInserts} rewrites, a plain single-row
 * {@code INSERT INTO target [(columns)] VALUES (item, ...)} whose items use parameters, and
 * writes the statement that inserts a whole chunk of rows from one array per parameter:
 *
 * <pre>
 * INSERT INTO t (a, b) VALUES ($1, $2)           → INSERT INTO t (a, b) SELECT * FROM unnest($1, $2)
 * INSERT INTO t (a, b) VALUES ($2, lower($1))    → INSERT INTO t (a, b) SELECT "u"."p2", lower("u"."p1")
 *                                                   FROM unnest($1, $2) AS "u"("p1", "p2")
 * </pre>
 *
 * <p>The SQL is split by a tokenizer that knows PostgreSQL's lexical rules where they matter for
 * finding {@code $n} and the statement's structure: {@code '...'} strings ({@code ''} escapes),
 * {@code E'...'} strings (backslash escapes), {@code "quoted identifiers"}, {@code $tag$} dollar
 * quotes, {@code --} comments and nested {@code /* *}{@code /} comments. It assumes
 * {@code standard_conforming_strings = on} (the default since PostgreSQL 9.1); the caller
 * checks that. Anything it does not recognize with certainty (a second VALUES row,
 * {@code DEFAULT}, {@code ON CONFLICT}, {@code RETURNING}, {@code WITH}, {@code OVERRIDING},
 * unterminated quotes...) is simply not rewritten: the batch then runs one execution per row,
 * which is always correct.
 *
 * <p>Stateless; the result depends on the SQL text alone, so callers cache it per text.
 */
public final class BatchedInsertSql {

    /**
     * A statement that can be rewritten.
     *
     * @param rewrittenSql the multi-row statement; its {@code $k} is the array of the original
     *     {@code $k}'s values
     * @param parameterCount the number of parameters (every one of {@code $1..$n} is used)
     */
    public record Shape(String rewrittenSql, int parameterCount) {}

    private enum Kind { WORD, QUOTED_IDENTIFIER, STRING, PARAMETER, OPEN, CLOSE, COMMA, SEMICOLON, DOT, OTHER }

    /** A token: its kind and where it is in the SQL text. Whitespace and comments are not tokens. */
    private record Token(Kind kind, int start, int end) {}

    /** Parameter numbers above this are not a real statement's (the protocol allows 65535). */
    private static final int MAX_PARAMETER = 65_535;

    private BatchedInsertSql() {
    }

    /**
     * Returns how to rewrite {@code sql}, or null when it is not exactly a single-row
     * {@code INSERT ... VALUES} using every parameter {@code $1..$n} (n &ge; 1).
     */
    public static Shape parse(String sql) {
        List<Token> tokens = tokenize(sql);
        if (tokens == null) {
            return null;
        }
        int i = 0;
        if (!isWord(sql, tokens, i++, "insert") || !isWord(sql, tokens, i++, "into")) {
            return null;
        }
        // The target: name[.name[.name]] [AS alias]
        i = name(tokens, i);
        for (int dots = 0; i > 0 && dots < 2 && kind(tokens, i) == Kind.DOT; dots++) {
            i = name(tokens, i + 1);
        }
        if (i > 0 && isWord(sql, tokens, i, "as")) {
            i = name(tokens, i + 1);
        }
        if (i < 0) {
            return null;
        }
        if (kind(tokens, i) == Kind.OPEN) {
            int close = matching(tokens, i);
            // (columns): copied as they are; parameters there (subscripts) are not row values.
            if (close < 0 || close == i + 1 || containsParameter(tokens, i, close)) {
                return null;
            }
            i = close + 1;
        }
        int prefixEnd = tokens.get(i - 1).end();
        if (!isWord(sql, tokens, i, "values") || kind(tokens, i + 1) != Kind.OPEN) {
            return null;
        }
        int open = i + 1;
        int close = matching(tokens, open);
        if (close < 0) {
            return null;
        }
        int end = close + 1;
        if (kind(tokens, end) == Kind.SEMICOLON) {
            end++;
        }
        if (end != tokens.size()) {
            return null; // a second row, ON CONFLICT, RETURNING, another statement...
        }
        List<int[]> items = items(tokens, open, close);
        if (items == null) {
            return null;
        }
        BitSet used = new BitSet();
        for (int t = open + 1; t < close; t++) {
            Token token = tokens.get(t);
            if (token.kind() == Kind.WORD && word(sql, token).equals("default")) {
                return null;
            }
            if (token.kind() == Kind.PARAMETER) {
                int number = parameterNumber(sql, token);
                if (number < 1) {
                    return null;
                }
                used.set(number);
            }
        }
        int count = used.length() - 1;
        if (count < 1 || used.cardinality() != count) {
            return null; // no parameter, or one of $1..$n unused
        }
        String prefix = sql.substring(tokens.get(0).start(), prefixEnd);
        StringBuilder out = new StringBuilder(sql.length() + 32 + 16 * count).append(prefix).append(" SELECT ");
        if (isPlainParameterList(sql, tokens, items)) {
            out.append("* FROM ");
            unnest(out, count);
            return new Shape(out.toString(), count);
        }
        String alias = alias(sql, tokens, open, close);
        for (int k = 0; k < items.size(); k++) {
            int[] item = items.get(k);
            out.append(k == 0 ? "" : ", ");
            int copied = tokens.get(item[0]).start();
            for (int t = item[0]; t <= item[1]; t++) {
                Token token = tokens.get(t);
                if (token.kind() == Kind.PARAMETER) {
                    out.append(sql, copied, token.start());
                    out.append(alias).append(".\"p").append(parameterNumber(sql, token)).append('"');
                    copied = token.end();
                }
            }
            out.append(sql, copied, tokens.get(item[1]).end());
        }
        out.append(" FROM ");
        unnest(out, count);
        out.append(" AS ").append(alias).append('(');
        for (int k = 1; k <= count; k++) {
            out.append(k == 1 ? "" : ", ").append("\"p").append(k).append('"');
        }
        return new Shape(out.append(')').toString(), count);
    }

    private static void unnest(StringBuilder out, int count) {
        out.append("unnest(");
        for (int k = 1; k <= count; k++) {
            out.append(k == 1 ? "$" : ", $").append(k);
        }
        out.append(')');
    }

    /** Whether the items are exactly $1, $2, ..., $n in order (so SELECT * keeps the order). */
    private static boolean isPlainParameterList(String sql, List<Token> tokens, List<int[]> items) {
        for (int k = 0; k < items.size(); k++) {
            int[] item = items.get(k);
            if (item[0] != item[1] || tokens.get(item[0]).kind() != Kind.PARAMETER
                    || parameterNumber(sql, tokens.get(item[0])) != k + 1) {
                return false;
            }
        }
        return true;
    }

    /**
     * Picks the alias of the unnest in the FROM clause: {@code "u"}, unless the items mention an
     * identifier spelled {@code u} (a sub-select's table or alias would then shadow ours), in
     * which case {@code "u1"}, {@code "u2"}...
     */
    private static String alias(String sql, List<Token> tokens, int open, int close) {
        Set<String> identifiers = new HashSet<>();
        for (int t = open + 1; t < close; t++) {
            Token token = tokens.get(t);
            if (token.kind() == Kind.WORD) {
                identifiers.add(word(sql, token));
            } else if (token.kind() == Kind.QUOTED_IDENTIFIER) {
                identifiers.add(sql.substring(token.start() + 1, token.end() - 1).replace("\"\"", "\""));
            }
        }
        String alias = "u";
        for (int n = 1; identifiers.contains(alias); n++) {
            alias = "u" + n;
        }
        return '"' + alias + '"';
    }

    /** Splits the VALUES list into items: token index ranges [first, last], or null if one is empty. */
    private static List<int[]> items(List<Token> tokens, int open, int close) {
        List<int[]> items = new ArrayList<>();
        int depth = 0;
        int first = open + 1;
        for (int t = open + 1; t <= close; t++) {
            Kind kind = tokens.get(t).kind();
            if (t == close || (depth == 0 && kind == Kind.COMMA)) {
                if (t == first) {
                    return null;
                }
                items.add(new int[] {first, t - 1});
                first = t + 1;
            } else if (kind == Kind.OPEN) {
                depth++;
            } else if (kind == Kind.CLOSE) {
                depth--;
            }
        }
        return items;
    }

    private static boolean containsParameter(List<Token> tokens, int from, int to) {
        for (int t = from; t <= to; t++) {
            if (tokens.get(t).kind() == Kind.PARAMETER) {
                return true;
            }
        }
        return false;
    }

    /** Returns the index of the bracket closing the one at {@code open}, or -1. */
    private static int matching(List<Token> tokens, int open) {
        int depth = 0;
        for (int t = open; t < tokens.size(); t++) {
            Kind kind = tokens.get(t).kind();
            if (kind == Kind.OPEN) {
                depth++;
            } else if (kind == Kind.CLOSE && --depth == 0) {
                return t;
            }
        }
        return -1;
    }

    /** Returns the index after a name (identifier) at {@code i}, or -1 if there is none. */
    private static int name(List<Token> tokens, int i) {
        Kind kind = kind(tokens, i);
        return i >= 0 && (kind == Kind.WORD || kind == Kind.QUOTED_IDENTIFIER) ? i + 1 : -1;
    }

    private static Kind kind(List<Token> tokens, int i) {
        return i >= 0 && i < tokens.size() ? tokens.get(i).kind() : null;
    }

    private static boolean isWord(String sql, List<Token> tokens, int i, String lowerCase) {
        return kind(tokens, i) == Kind.WORD && word(sql, tokens.get(i)).equals(lowerCase);
    }

    /** An unquoted word as PostgreSQL folds it (ASCII lower case). */
    private static String word(String sql, Token token) {
        return sql.substring(token.start(), token.end()).toLowerCase(Locale.ROOT);
    }

    private static int parameterNumber(String sql, Token token) {
        String digits = sql.substring(token.start() + 1, token.end());
        if (digits.length() > 5) {
            return -1;
        }
        int number = Integer.parseInt(digits);
        return number <= MAX_PARAMETER ? number : -1;
    }

    // ---- tokenizer -------------------------------------------------------------------------

    /** Splits {@code sql} into tokens, skipping whitespace and comments; null if it cannot (unterminated quote). */
    private static List<Token> tokenize(String sql) {
        List<Token> tokens = new ArrayList<>();
        int n = sql.length();
        int p = 0;
        while (p < n) {
            char c = sql.charAt(p);
            int start = p;
            if (isSpace(c)) {
                p++;
                continue;
            }
            if (c == '-' && p + 1 < n && sql.charAt(p + 1) == '-') {
                while (p < n && sql.charAt(p) != '\n' && sql.charAt(p) != '\r') {
                    p++;
                }
                continue;
            }
            if (c == '/' && p + 1 < n && sql.charAt(p + 1) == '*') {
                p = blockCommentEnd(sql, p);
                if (p < 0) {
                    return null;
                }
                continue;
            }
            Kind kind;
            if (c == '\'') {
                p = quotedEnd(sql, p, '\'', false);
                kind = Kind.STRING;
            } else if (c == '"') {
                p = quotedEnd(sql, p, '"', false);
                kind = Kind.QUOTED_IDENTIFIER;
            } else if (c == '$') {
                if (p + 1 < n && isDigit(sql.charAt(p + 1))) {
                    p++;
                    while (p < n && isDigit(sql.charAt(p))) {
                        p++;
                    }
                    if (p < n && isIdentifierPart(sql.charAt(p))) {
                        return null; // "$1abc": not a parameter PostgreSQL would read the same way
                    }
                    kind = Kind.PARAMETER;
                } else {
                    int body = dollarTagEnd(sql, p);
                    if (body > 0) {
                        String tag = sql.substring(p, body);
                        int close = sql.indexOf(tag, body);
                        if (close < 0) {
                            return null;
                        }
                        p = close + tag.length();
                        kind = Kind.STRING;
                    } else {
                        p++;
                        kind = Kind.OTHER;
                    }
                }
            } else if (isIdentifierStart(c)) {
                p++;
                while (p < n && isIdentifierPart(sql.charAt(p))) {
                    p++;
                }
                if (p - start == 1 && (c == 'e' || c == 'E') && p < n && sql.charAt(p) == '\'') {
                    p = quotedEnd(sql, p, '\'', true); // E'...': backslash escapes
                    kind = Kind.STRING;
                } else {
                    kind = Kind.WORD;
                }
            } else if (isDigit(c)) {
                // A number (also 1e5, 0x1F, 1_000, 1.5): copied as it is, never a parameter.
                while (p < n && (isIdentifierPart(sql.charAt(p)) && sql.charAt(p) != '$' || sql.charAt(p) == '.')) {
                    p++;
                }
                kind = Kind.OTHER;
            } else {
                p++;
                kind = switch (c) {
                    case '(', '[' -> Kind.OPEN;
                    case ')', ']' -> Kind.CLOSE;
                    case ',' -> Kind.COMMA;
                    case ';' -> Kind.SEMICOLON;
                    case '.' -> Kind.DOT;
                    default -> Kind.OTHER;
                };
            }
            if (p < 0) {
                return null;
            }
            tokens.add(new Token(kind, start, p));
        }
        return tokens;
    }

    /** Returns the index after the quote closing the one at {@code p}, or -1 if unterminated. */
    private static int quotedEnd(String sql, int p, char quote, boolean backslashEscapes) {
        int n = sql.length();
        p++;
        while (p < n) {
            char c = sql.charAt(p);
            if (backslashEscapes && c == '\\') {
                p += 2;
            } else if (c == quote) {
                if (p + 1 < n && sql.charAt(p + 1) == quote) {
                    p += 2; // doubled quote
                } else {
                    return p + 1;
                }
            } else {
                p++;
            }
        }
        return -1;
    }

    /** Returns the index after the (nested) comment opened at {@code p}, or -1 if unterminated. */
    private static int blockCommentEnd(String sql, int p) {
        int n = sql.length();
        int depth = 0;
        while (p < n) {
            if (sql.startsWith("/*", p)) {
                depth++;
                p += 2;
            } else if (sql.startsWith("*/", p)) {
                p += 2;
                if (--depth == 0) {
                    return p;
                }
            } else {
                p++;
            }
        }
        return -1;
    }

    /** Returns the index after a dollar-quote opening tag ({@code $$}, {@code $tag$}) at {@code p}, or -1. */
    private static int dollarTagEnd(String sql, int p) {
        int n = sql.length();
        int q = p + 1;
        if (q < n && sql.charAt(q) != '$') {
            if (!isIdentifierStart(sql.charAt(q))) {
                return -1;
            }
            while (q < n && isIdentifierPart(sql.charAt(q)) && sql.charAt(q) != '$') {
                q++;
            }
        }
        return q < n && sql.charAt(q) == '$' ? q + 1 : -1;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** PostgreSQL's ident_start: ASCII letters, underscore, and every non-ASCII character. */
    private static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    }

    /** PostgreSQL's ident_cont: ident_start plus digits and {@code $}. */
    private static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || isDigit(c) || c == '$';
    }
}
