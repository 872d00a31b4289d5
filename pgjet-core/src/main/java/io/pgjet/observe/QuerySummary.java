package io.pgjet.observe;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The low-cardinality description of an operation that OpenTelemetry's database conventions ask
 * for: the operation name ({@code db.operation.name}, such as {@code SELECT}), the table
 * ({@code db.collection.name}) when one is evident, and the two joined ({@code db.query.summary},
 * such as {@code SELECT users}). Read from the SQL text's first keywords (comments, string
 * literals and parenthesised sub-expressions skipped), never from argument values. Summaries
 * are cached per SQL text, so adapters can ask on every operation.
 */
public final class QuerySummary {
    /** How much of a statement is looked at: the keywords that matter come first. */
    private static final int SCAN_LIMIT = 4096;
    private static final int CACHE_LIMIT = 2048;
    private static final Map<String, QuerySummary> CACHE = new ConcurrentHashMap<>();
    private static final QuerySummary TRANSACTION = new QuerySummary("TRANSACTION", null);
    private static final QuerySummary CONNECT = new QuerySummary("CONNECT", null);
    private static final QuerySummary ACQUIRE = new QuerySummary("ACQUIRE", null);

    private final String operationName;
    private final String collectionName;
    private final String summary;

    private QuerySummary(String operationName, String collectionName) {
        this.operationName = operationName;
        this.collectionName = collectionName;
        this.summary = collectionName == null ? operationName : operationName + " " + collectionName;
    }

    /**
     * Summarizes an operation: its SQL when it has some, else its kind ({@code COPY} of a table,
     * {@code TRANSACTION}, {@code CONNECT}, {@code ACQUIRE}).
     *
     * @param operation the operation
     * @return its summary
     */
    public static QuerySummary of(Operation operation) {
        switch (operation.kind()) {
            case TRANSACTION:
                return TRANSACTION;
            case CONNECT:
                return CONNECT;
            case POOL_ACQUIRE:
                return ACQUIRE;
            case COPY_IN:
            case COPY_OUT:
                if (operation.table() != null) {
                    return new QuerySummary("COPY", operation.table());
                }
                return new QuerySummary("COPY", of(operation.sql()).collectionName);
            case CURSOR_FETCH:
                return new QuerySummary("FETCH", of(operation.sql()).collectionName);
            case CURSOR_MOVE:
                return new QuerySummary("MOVE", of(operation.sql()).collectionName);
            default:
                return of(operation.sql());
        }
    }

    /**
     * Summarizes one SQL statement.
     *
     * @param sql the SQL text; {@code null} or blank gives the operation name {@code UNKNOWN}
     * @return its summary
     */
    public static QuerySummary of(String sql) {
        if (sql == null) {
            return new QuerySummary("UNKNOWN", null);
        }
        QuerySummary cached = CACHE.get(sql);
        if (cached != null) {
            return cached;
        }
        QuerySummary made = parse(sql);
        if (CACHE.size() >= CACHE_LIMIT) {
            CACHE.clear(); // many distinct texts (literals in SQL): start over rather than grow
        }
        CACHE.put(sql, made);
        return made;
    }

    /**
     * Returns the operation name, such as {@code SELECT}, {@code INSERT}, {@code COPY}.
     *
     * @return the upper-case name
     */
    public String operationName() {
        return operationName;
    }

    /**
     * Returns the table the statement evidently works on.
     *
     * @return the table as written (schema-qualified if it was), or {@code null}
     */
    public String collectionName() {
        return collectionName;
    }

    /**
     * Returns the operation name and the table, such as {@code SELECT users}.
     *
     * @return the summary
     */
    public String summary() {
        return summary;
    }

    /**
     * Returns {@link #summary()}.
     *
     * @return the summary
     */
    @Override
    public String toString() {
        return summary;
    }

    private static QuerySummary parse(String sql) {
        Tokens tokens = new Tokens(sql);
        String first = tokens.nextWord();
        if (first == null) {
            return new QuerySummary("UNKNOWN", null);
        }
        String op = first.toUpperCase(Locale.ROOT);
        if (op.equals("WITH")) {
            // The statement a WITH belongs to is the first DML keyword outside the CTEs' parentheses.
            String word;
            while ((word = tokens.nextWord()) != null) {
                String upper = word.toUpperCase(Locale.ROOT);
                if (upper.equals("SELECT") || upper.equals("INSERT") || upper.equals("UPDATE")
                        || upper.equals("DELETE") || upper.equals("MERGE")) {
                    op = upper;
                    break;
                }
            }
            if (word == null) {
                return new QuerySummary("WITH", null);
            }
        }
        return new QuerySummary(op, collection(op, tokens));
    }

    private static String collection(String op, Tokens tokens) {
        switch (op) {
            case "SELECT":
            case "DELETE":
                return tokens.wordAfter("FROM");
            case "INSERT":
            case "MERGE":
                return tokens.wordAfter("INTO");
            case "UPDATE":
            case "COPY":
            case "TRUNCATE":
                return tokens.nextName();
            case "CREATE":
            case "DROP":
            case "ALTER":
                return "TABLE".equalsIgnoreCase(tokens.wordAfterSkipping("TEMP", "TEMPORARY", "UNLOGGED"))
                        ? tokens.nextName() : null;
            default:
                return null;
        }
    }

    /** Words of a statement at parenthesis depth 0, outside comments and literals. */
    private static final class Tokens {
        private final String sql;
        private final int end;
        private int pos;

        Tokens(String sql) {
            this.sql = sql;
            this.end = Math.min(sql.length(), SCAN_LIMIT);
        }

        /** The next word (or name) at depth 0, or null at the end. */
        String nextWord() {
            int depth = 0;
            while (pos < end) {
                char c = sql.charAt(pos);
                if (c == '-' && pos + 1 < end && sql.charAt(pos + 1) == '-') {
                    int nl = sql.indexOf('\n', pos);
                    pos = nl < 0 ? end : nl + 1;
                } else if (c == '/' && pos + 1 < end && sql.charAt(pos + 1) == '*') {
                    int close = sql.indexOf("*/", pos + 2);
                    pos = close < 0 ? end : close + 2;
                } else if (c == '\'' || c == '"' && depth > 0) {
                    skipQuoted(c);
                } else if (c == '(') {
                    depth++;
                    pos++;
                } else if (c == ')') {
                    depth = Math.max(0, depth - 1);
                    pos++;
                } else if (depth == 0 && (Character.isLetter(c) || c == '_' || c == '"')) {
                    int start = pos;
                    readName();
                    return sql.substring(start, pos);
                } else if (c == ';' && depth == 0) {
                    pos = end; // only the first statement of a script is described
                } else {
                    pos++;
                }
            }
            return null;
        }

        /** The next word, if it is a name (not a keyword that starts a sub-clause). */
        String nextName() {
            String word = nextWord();
            while (word != null && (word.equalsIgnoreCase("ONLY") || word.equalsIgnoreCase("TABLE")
                    || word.equalsIgnoreCase("IF") || word.equalsIgnoreCase("NOT") || word.equalsIgnoreCase("EXISTS"))) {
                word = nextWord();
            }
            return word;
        }

        String wordAfter(String keyword) {
            String word;
            while ((word = nextWord()) != null) {
                if (word.equalsIgnoreCase(keyword)) {
                    if (nextIsParenthesis()) {
                        return null; // FROM (subquery) or INTO (...): no table named here
                    }
                    String name = nextName();
                    return name == null || name.equalsIgnoreCase("SELECT") ? null : name;
                }
            }
            return null;
        }

        String wordAfterSkipping(String... optional) {
            String word = nextWord();
            for (String skip : optional) {
                if (word != null && word.equalsIgnoreCase(skip)) {
                    word = nextWord();
                }
            }
            return word;
        }

        /** Whether the next thing after blanks and comments is an opening parenthesis. */
        private boolean nextIsParenthesis() {
            while (pos < end) {
                char c = sql.charAt(pos);
                if (Character.isWhitespace(c)) {
                    pos++;
                } else if (c == '-' && pos + 1 < end && sql.charAt(pos + 1) == '-') {
                    int nl = sql.indexOf('\n', pos);
                    pos = nl < 0 ? end : nl + 1;
                } else if (c == '/' && pos + 1 < end && sql.charAt(pos + 1) == '*') {
                    int close = sql.indexOf("*/", pos + 2);
                    pos = close < 0 ? end : close + 2;
                } else {
                    return c == '(';
                }
            }
            return false;
        }

        private void skipQuoted(char quote) {
            pos++;
            while (pos < end) {
                char c = sql.charAt(pos++);
                if (c == quote) {
                    if (pos < end && sql.charAt(pos) == quote) {
                        pos++; // doubled quote inside the literal
                    } else {
                        return;
                    }
                }
            }
        }

        /** Reads a possibly quoted, possibly schema-qualified name. */
        private void readName() {
            while (pos < end) {
                char c = sql.charAt(pos);
                if (c == '"') {
                    skipQuoted('"');
                } else if (Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '.') {
                    pos++;
                } else {
                    return;
                }
            }
        }
    }
}
