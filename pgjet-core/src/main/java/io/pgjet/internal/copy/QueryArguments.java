package io.pgjet.internal.copy;

import io.pgjet.PgInterfaceException;
import io.pgjet.Row;
import io.pgjet.Secret;
import io.pgjet.internal.conn.RealConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Puts {@code copyFromQuery}'s arguments into its query, since COPY takes no bound parameters.
 *
 * <p>The query is described first (unnamed statement) for its parameter types; then every
 * argument is sent bound to its type, and the server turns it into a quoted literal with its type
 * name ({@code quote_nullable($n::text)}, {@code format_type}); each {@code $n} of the query is
 * replaced by {@code (literal::type)}. The value therefore reaches the query as the server read
 * it when bound, never through a Java-side rendering. {@code $n} is recognised as PostgreSQL's
 * lexer would: not inside string literals, quoted identifiers, dollar-quoted strings or
 * comments, and not as part of an identifier.
 */
final class QueryArguments {
    private QueryArguments() {
    }

    /** Returns {@code query} with {@code args} in place of its parameters. */
    static CompletableFuture<String> inline(RealConnection conn, String query, Object[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof Secret) {
                // it would become a literal in the COPY's text, which the server may log and show
                return CompletableFuture.failedFuture(new PgInterfaceException("argument $" + (i + 1)
                        + " is a Secret, which copyFromQuery cannot take: COPY has no parameters, its arguments"
                        + " become literals in the query text"));
            }
        }
        List<int[]> positions;
        try {
            positions = parameters(query);
        } catch (PgInterfaceException e) {
            return CompletableFuture.failedFuture(e);
        }
        return conn.prepareStatement("", query).thenCompose(described -> {
            int[] types = described.parameterTypes();
            if (types.length != args.length) {
                throw new PgInterfaceException("the query has " + types.length + " parameter(s) but " + args.length
                        + " argument(s) were given");
            }
            StringBuilder select = new StringBuilder("select ");
            for (int i = 0; i < types.length; i++) {
                select.append(i > 0 ? ", " : "").append("quote_nullable($").append(i + 1).append("::text) || '::' || ")
                        .append("format_type(").append(types[i] & 0xFFFFFFFFL).append(", null)");
            }
            return conn.queryDeclared(select.toString(), types, args).thenApply(result -> {
                Row literals = result.rows().get(0);
                StringBuilder out = new StringBuilder(query.length() + 32 * args.length);
                int copied = 0;
                for (int[] p : positions) {
                    int number = p[2];
                    if (number < 1 || number > types.length) {
                        throw new PgInterfaceException("the query refers to $" + number + " but has " + types.length
                                + " parameter(s)");
                    }
                    out.append(query, copied, p[0]).append('(').append(literals.getString(number - 1)).append(')');
                    copied = p[1];
                }
                return out.append(query, copied, query.length()).toString();
            });
        });
    }

    /**
     * Returns each parameter reference of {@code sql} as {start, end, number}.
     *
     * @throws PgInterfaceException if a quote or comment is not closed
     */
    static List<int[]> parameters(String sql) {
        List<int[]> found = new ArrayList<>();
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'') {
                boolean escapes = i > 0 && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e')
                        && (i < 2 || !isIdentifierPart(sql.charAt(i - 2)));
                i = quoteEnd(sql, i, '\'', escapes);
            } else if (c == '"') {
                i = quoteEnd(sql, i, '"', false);
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int eol = sql.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                i = commentEnd(sql, i);
            } else if (c == '$' && (i == 0 || !isIdentifierPart(sql.charAt(i - 1)))) {
                int j = i + 1;
                while (j < n && Character.isDigit(sql.charAt(j)) && sql.charAt(j) < 128) {
                    j++;
                }
                if (j > i + 1) {
                    found.add(new int[] {i, j, parse(sql, i + 1, j)});
                    i = j;
                } else {
                    int tagEnd = dollarTagEnd(sql, i);
                    if (tagEnd < 0) {
                        i++;
                    } else {
                        String tag = sql.substring(i, tagEnd);
                        int close = sql.indexOf(tag, tagEnd);
                        if (close < 0) {
                            throw new PgInterfaceException("the query has an unterminated dollar-quoted string");
                        }
                        i = close + tag.length();
                    }
                }
            } else if (isIdentifierPart(c)) {
                // Skip the whole word, so the $ inside an identifier such as a$1 is not a parameter.
                while (i < n && isIdentifierPart(sql.charAt(i))) {
                    i++;
                }
            } else {
                i++;
            }
        }
        return found;
    }

    private static int parse(String sql, int from, int to) {
        try {
            return Integer.parseInt(sql.substring(from, to));
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    private static int quoteEnd(String sql, int open, char quote, boolean backslashEscapes) {
        int i = open + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        throw new PgInterfaceException("the query has an unterminated " + (quote == '"' ? "quoted identifier" : "string"));
    }

    private static int commentEnd(String sql, int open) {
        int depth = 0;
        int i = open;
        while (i + 1 < sql.length()) {
            if (sql.charAt(i) == '/' && sql.charAt(i + 1) == '*') {
                depth++;
                i += 2;
            } else if (sql.charAt(i) == '*' && sql.charAt(i + 1) == '/') {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        throw new PgInterfaceException("the query has an unterminated comment");
    }

    /** Returns the index after a dollar-quote tag ({@code $$}, {@code $tag$}) opening at {@code p}, or -1. */
    private static int dollarTagEnd(String sql, int p) {
        int i = p + 1;
        while (i < sql.length() && sql.charAt(i) != '$') {
            char c = sql.charAt(i);
            if (!(isIdentifierPart(c) && c != '$') || (i == p + 1 && Character.isDigit(c))) {
                return -1;
            }
            i++;
        }
        return i < sql.length() ? i + 1 : -1;
    }

    /** PostgreSQL's ident_cont: ASCII letters, digits, underscore, {@code $} and non-ASCII characters. */
    private static boolean isIdentifierPart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '$' || c >= 128;
    }
}
