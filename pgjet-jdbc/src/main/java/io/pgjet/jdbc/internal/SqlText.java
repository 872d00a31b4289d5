package io.pgjet.jdbc.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * JDBC SQL text turned into PostgreSQL's, by one lexer: each {@code ?} placeholder becomes
 * {@code $1..$n}, while a {@code ?} inside a string literal ({@code '...'}, {@code E'...'} with
 * backslash escapes, {@code U&'...'}), a dollar-quoted string, a quoted identifier, a line or
 * (nested) block comment stays as it is. {@code ??} is JDBC's escape for a literal {@code ?} (the
 * jsonb "key exists" operator) and becomes {@code ?}; {@code ?|} and {@code ?&} are jsonb operators
 * and are left alone.
 *
 * <p>JDBC escapes outside literals and comments are translated too (unless turned off):
 * {@code {d '...'}}, {@code {t '...'}}, {@code {ts '...'}} become typed literals, {@code {fn ...}}
 * a PostgreSQL function ({@link EscapeFunctions}), {@code {oj ...}} its content, {@code {escape 'c'}}
 * {@code ESCAPE 'c'}, {@code {limit n [offset m]}} {@code LIMIT n [OFFSET m]}, and
 * {@code {call f(...)}} / {@code {? = call f(...)}} {@code select * from f(...) as result}; escapes
 * nest. A call (escaped, or a native {@code CALL}) is also described by {@link #call()} for
 * {@code CallableStatement}.
 *
 * <p>Also records how many statements the text holds (top-level semicolons) and the bare words of
 * the text, which the driver uses to recognise a query's kind. Immutable.
 *
 * @param sql the translated text
 * @param placeholders the number of {@code ?} placeholders replaced
 * @param statements the number of non-empty statements
 * @param firstWord the first bare word of the first statement (after translation), lower case, or "" if none
 * @param words the bare words (keywords and unquoted identifiers) of the translated text, lower case
 * @param call the call the text makes, or null when it is not a single call
 */
public record SqlText(String sql, int placeholders, int statements, String firstWord, Set<String> words, Call call) {

    /**
     * A procedure or function call: {@code {call name(args)}}, {@code {? = call name(args)}} or
     * {@code CALL name(args)}.
     *
     * @param returnsValue whether the call is {@code {? = call ...}} (the first {@code ?} is the result)
     * @param nativeCall whether the text is PostgreSQL's {@code CALL} (a procedure) rather than an escape
     * @param name the routine's name as written (possibly schema-qualified or quoted)
     * @param args each argument's JDBC text as written, trimmed
     */
    public record Call(boolean returnsValue, boolean nativeCall, String name, List<String> args) {}

    /** Translates {@code jdbcSql}, escapes included; never fails (an unterminated literal simply runs to the end). */
    public static SqlText parse(String jdbcSql) {
        return parse(jdbcSql, true);
    }

    /**
     * Translates {@code jdbcSql}; with {@code escapes} false, JDBC escapes ({@code {fn ...}}...) are
     * left as written ({@code Statement.setEscapeProcessing(false)}).
     */
    public static SqlText parse(String jdbcSql, boolean escapes) {
        Lexer lexer = new Lexer(jdbcSql, escapes, true);
        String sql = lexer.run(false);
        Call call = lexer.call;
        int placeholders = lexer.placeholders;
        if (lexer.sawEscape) {
            // Words and statements describe what the server runs: scan the translated text.
            lexer = scan(sql);
        } else if (call == null) {
            call = nativeCall(jdbcSql, lexer);
        }
        return new SqlText(sql, placeholders, lexer.statements(),
                lexer.firstWord, Set.copyOf(lexer.words), call);
    }

    private static Lexer scan(String sql) {
        Lexer lexer = new Lexer(sql, false, false);
        lexer.run(false);
        return lexer;
    }

    /** Returns the call of a native {@code CALL name(args)} statement, or null. */
    private static Call nativeCall(String jdbcSql, Lexer lexer) {
        if (!lexer.firstWord.equals("call") || lexer.statements() != 1) {
            return null;
        }
        Lexer reader = new Lexer(jdbcSql, false, false);
        reader.skipSpaceAndComments();
        reader.i += "call".length();
        return reader.callTail(false, true);
    }

    /** Returns whether the text holds more than one statement. */
    public boolean isMultiStatement() {
        return statements > 1;
    }

    /** Splits {@code text} at its top-level commas (not inside parentheses, literals or comments); each part trimmed. */
    static List<String> splitArguments(String text) {
        Lexer lexer = new Lexer(text, false, false);
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        while (lexer.i < text.length()) {
            char c = text.charAt(lexer.i);
            int skipped = lexer.skipOpaque();
            if (skipped > lexer.i) {
                lexer.i = skipped;
                continue;
            }
            if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(text.substring(start, lexer.i).trim());
                start = lexer.i + 1;
            }
            lexer.i++;
        }
        String last = text.substring(start).trim();
        if (!last.isEmpty() || !parts.isEmpty()) {
            parts.add(last);
        }
        return parts;
    }

    /** The one lexer: walks the text once, copying what is opaque and translating what is not. */
    private static final class Lexer {
        private final String s;
        private final int n;
        private final boolean escapes;
        private final boolean placeholdersOn;
        int i;
        int placeholders;
        int statementCount;
        boolean statementHasContent;
        String firstWord = "";
        final Set<String> words = new HashSet<>();
        boolean sawEscape;
        Call call;

        Lexer(String s, boolean escapes, boolean placeholdersOn) {
            this.s = s;
            this.n = s.length();
            this.escapes = escapes;
            this.placeholdersOn = placeholdersOn;
        }

        int statements() {
            return statementCount + (statementHasContent ? 1 : 0);
        }

        /**
         * Returns the index after a literal, quoted identifier, comment or dollar-quoted string
         * starting at {@link #i}, or {@link #i} when none starts there.
         */
        int skipOpaque() {
            char c = s.charAt(i);
            if (c == '\'') {
                return skipQuoted(s, i, '\'', false);
            } else if (c == '"') {
                return skipQuoted(s, i, '"', false);
            } else if ((c == 'e' || c == 'E') && next(s, i) == '\'' && !identifierBefore(s, i)) {
                return skipQuoted(s, i + 1, '\'', true);
            } else if ((c == 'u' || c == 'U') && next(s, i) == '&' && i + 2 < n
                    && (s.charAt(i + 2) == '\'' || s.charAt(i + 2) == '"') && !identifierBefore(s, i)) {
                return skipQuoted(s, i + 2, s.charAt(i + 2), false);
            } else if (c == '-' && next(s, i) == '-') {
                int end = s.indexOf('\n', i);
                return end < 0 ? n : end + 1;
            } else if (c == '/' && next(s, i) == '*') {
                return skipBlockComment(s, i);
            } else if (c == '$' && !identifierBefore(s, i)) {
                return skipDollarQuoted(s, i);
            }
            return i;
        }

        /** Translates up to the end, or (when {@code nested}) up to and past the {@code }} closing an escape. */
        String run(boolean nested) {
            StringBuilder out = new StringBuilder(n - i + 8);
            while (i < n) {
                char c = s.charAt(i);
                if (nested && c == '}') {
                    i++;
                    return out.toString();
                }
                int end = skipOpaque();
                if (end > i) {
                    boolean comment = c == '-' || c == '/';
                    if (!comment) {
                        statementHasContent = true;
                    }
                    out.append(s, i, end);
                    i = end;
                } else if (c == '{' && escapes) {
                    out.append(escape());
                } else if (c == '?' && placeholdersOn) {
                    char after = next(s, i);
                    statementHasContent = true;
                    if (after == '?') {
                        out.append('?');
                        i += 2;
                    } else if ((after == '|' || after == '&') && (i + 2 >= n || s.charAt(i + 2) != after)) {
                        out.append('?').append(after);
                        i += 2;
                    } else {
                        out.append('$').append(++placeholders);
                        i++;
                    }
                } else if (c == ';') {
                    if (statementHasContent) {
                        statementCount++;
                    }
                    statementHasContent = false;
                    out.append(c);
                    i++;
                } else if (isIdentifierStart(c)) {
                    end = i + 1;
                    while (end < n && isIdentifierPart(s.charAt(end))) {
                        end++;
                    }
                    String word = s.substring(i, end).toLowerCase(Locale.ROOT);
                    if (statementCount == 0 && !statementHasContent) {
                        firstWord = word;
                    }
                    words.add(word);
                    statementHasContent = true;
                    out.append(s, i, end);
                    i = end;
                } else {
                    if (!Character.isWhitespace(c)) {
                        statementHasContent = true;
                    }
                    out.append(c);
                    i++;
                }
            }
            return out.toString();
        }

        void skipSpaceAndComments() {
            while (i < n) {
                if (Character.isWhitespace(s.charAt(i))) {
                    i++;
                } else if ((s.startsWith("--", i) || s.startsWith("/*", i)) && skipOpaque() > i) {
                    i = skipOpaque();
                } else {
                    return;
                }
            }
        }

        private String word() {
            int start = i;
            while (i < n && (Character.isLetter(s.charAt(i)) || s.charAt(i) == '_')) {
                i++;
            }
            return s.substring(start, i).toLowerCase(Locale.ROOT);
        }

        /** Translates the escape whose {@code {} is at {@link #i}; a brace that opens no escape is copied. */
        private String escape() {
            int open = i;
            i++;
            skipSpaceAndComments();
            boolean returnsValue = false;
            if (i < n && s.charAt(i) == '?') {
                int mark = i;
                i++;
                skipSpaceAndComments();
                if (i < n && s.charAt(i) == '=') {
                    i++;
                    skipSpaceAndComments();
                    returnsValue = true;
                } else {
                    i = mark;
                }
            }
            String keyword = word();
            if (returnsValue && !keyword.equals("call")) {
                keyword = "";
            }
            String prefix;
            switch (keyword) {
                case "d" -> prefix = "DATE ";
                case "t" -> prefix = "TIME ";
                case "ts" -> prefix = "TIMESTAMP ";
                case "escape" -> prefix = "ESCAPE ";
                case "limit" -> prefix = "LIMIT ";
                case "oj", "fn", "call" -> prefix = "";
                default -> {
                    i = open + 1;
                    statementHasContent = true;
                    return "{";
                }
            }
            sawEscape = true;
            statementHasContent = true;
            if (keyword.equals("call")) {
                int bodyStart = i;
                Call parsed = callTail(returnsValue, false);
                i = bodyStart;
                String body = run(true).trim();
                if (open == firstNonSpace() && call == null && parsed != null) {
                    call = parsed;
                }
                // The result "?" of {? = call ...} is an OUT parameter: it takes no place in the SQL.
                return "select * from " + body + (body.endsWith(")") ? "" : "()") + " as result";
            }
            String body = run(true).trim();
            if (keyword.equals("fn")) {
                return EscapeFunctions.translate(body);
            }
            if (keyword.equals("limit")) {
                return prefix + body.replaceFirst("(?i)\\boffset\\b", "OFFSET");
            }
            return prefix + body;
        }

        private int firstNonSpace() {
            int k = 0;
            while (k < n && Character.isWhitespace(s.charAt(k))) {
                k++;
            }
            return k;
        }

        /**
         * Reads {@code name(args)} from {@link #i} (just after the word {@code call}) without
         * translating it; for an escape, up to its closing brace.
         */
        Call callTail(boolean returnsValue, boolean nativeCall) {
            skipSpaceAndComments();
            int nameStart = i;
            while (i < n) {
                int end = skipOpaque();
                if (end > i && s.charAt(i) == '"') {
                    i = end;
                    continue;
                }
                char c = s.charAt(i);
                if (c == '(' || c == '}' || c == ';' || Character.isWhitespace(c)) {
                    break;
                }
                i++;
            }
            String name = s.substring(nameStart, i);
            skipSpaceAndComments();
            List<String> args = List.of();
            if (i < n && s.charAt(i) == '(') {
                int argsStart = i + 1;
                int depth = 0;
                while (i < n) {
                    int end = skipOpaque();
                    if (end > i) {
                        i = end;
                        continue;
                    }
                    char c = s.charAt(i);
                    if (c == '(') {
                        depth++;
                    } else if (c == ')' && --depth == 0) {
                        break;
                    }
                    i++;
                }
                if (i >= n) {
                    return null;
                }
                args = List.copyOf(splitArguments(s.substring(argsStart, i)));
                i++;
            }
            skipSpaceAndComments();
            if (nativeCall ? (i < n && s.charAt(i) != ';') : (i >= n || s.charAt(i) != '}')) {
                return null;
            }
            return name.isEmpty() ? null : new Call(returnsValue, nativeCall, name, args);
        }
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
