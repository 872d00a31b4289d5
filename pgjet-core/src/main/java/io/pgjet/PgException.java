package io.pgjet;

import io.pgjet.errors.SqlStates;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Thrown when the server reports an error (an ErrorResponse message).
 *
 * <p>Carries every field of the error: {@link #sqlState()}, {@link #severity()},
 * {@link #detail()}, {@link #hint()}, {@link #position()}, the schema, table, column, data type
 * and constraint names, and where in the server source it was raised; {@link #fields()} has them
 * all by their protocol field code. {@link #of(Map, String)} returns the generated subclass for
 * the SQLSTATE, so callers can catch, for example,
 * {@link io.pgjet.errors.UniqueViolationException} or the whole class 23 as
 * {@link io.pgjet.errors.IntegrityConstraintViolationException}.
 *
 * <p>The {@linkplain #getMessage() message} reads like psql's output:
 * <pre>
 * ERROR: column "nme" does not exist (SQLSTATE 42703)
 *   Line 1: select nme from users
 *                  ^
 *   Hint: Perhaps you meant to reference the column "users.name".
 * </pre>
 * The caret line appears when the failing query and the error position are known. Errors raised
 * inside a function show the internal query the same way. After a server error the connection
 * stays usable (unless the error was {@code FATAL}).
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public class PgException extends PgJetException {

    private static final int MAX_SHOWN_LINE = 72;

    /** The ErrorResponse fields by field code, unmodifiable, in arrival order. */
    private final Map<Character, String> fields;
    /** The SQL text that failed, or {@code null}. */
    private final String query;
    /**
     * PgJet's own explanation appended to the message, or {@code null}; set only by
     * {@link #withNote} on the copy it makes, before the copy is published.
     */
    private String note;

    /**
     * Creates an exception from the fields of an ErrorResponse.
     *
     * <p>Prefer {@link #of(Map, String)}, which picks the most specific subclass.
     *
     * @param fields the error fields keyed by their protocol field code ({@code 'S'}, {@code 'C'},
     *               {@code 'M'}, ...); copied
     * @param query  the SQL text that failed, or {@code null} if unknown or not applicable
     */
    public PgException(Map<Character, String> fields, String query) {
        this(query, copy(fields));
    }

    private PgException(String query, Map<Character, String> copiedFields) {
        super(format(copiedFields, query));
        this.fields = copiedFields;
        this.query = query;
    }

    /**
     * Returns a new exception of the most specific class for the error's SQLSTATE: the generated
     * class for the exact code if there is one, else the generated class for its two-character
     * SQLSTATE class, else a plain {@code PgException}.
     *
     * @param fields the error fields keyed by their protocol field code; copied
     * @param query  the SQL text that failed, or {@code null}
     * @return the exception, never {@code null}; the caller throws or completes with it
     */
    public static PgException of(Map<Character, String> fields, String query) {
        BiFunction<Map<Character, String>, String, ? extends PgException> factory =
                SqlStates.exceptionFactory(fields.get('C'));
        PgException error = factory == null ? new PgException(fields, query) : factory.apply(fields, query);
        String hint = poolerHint(fields);
        if (hint != null) {
            error.note = hint;
        }
        return error;
    }

    /**
     * Returns a copy of this exception, of the same class with the same fields and query, whose
     * {@linkplain #getMessage() message} ends with {@code note} on a line of its own: PgJet's
     * account of where the error happened (e.g. which parameter set of a batch the server
     * rejected). The copy keeps any note this exception had, before the new one.
     *
     * @param note the text to add; must not contain secrets
     * @return the copy; this exception is unchanged
     */
    public PgException withNote(String note) {
        PgException copy = of(fields, query);
        copy.note = this.note == null ? note : this.note + "\n  " + note;
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    /**
     * Returns PgJet's note on this error (see {@link #withNote}), or {@code null} if it has none.
     *
     * @return the note, as appended to the message
     */
    public String note() {
        return note;
    }

    /**
     * Returns the server's message as formatted by PgJet, followed by PgJet's
     * {@linkplain #note() note} when there is one.
     */
    @Override
    public String getMessage() {
        String message = super.getMessage();
        return note == null ? message : message + "\n  " + note;
    }

    /**
     * Returns a hint for the errors a transaction-pooling proxy causes with PgJet's named
     * statements: 26000 (a statement PgJet prepared is missing) and 42P05 (a name PgJet chose is
     * already taken), as when pgbouncer hands each transaction another server connection.
     */
    private static String poolerHint(Map<Character, String> fields) {
        String code = fields.get('C');
        String message = fields.get('M');
        if (!("26000".equals(code) || "42P05".equals(code)) || message == null || !message.contains("\"pgjet_")) {
            return null;
        }
        return "PgJet hint: a prepared statement PgJet made is " + ("26000".equals(code) ? "missing" : "already there")
                + " on this server connection. If the connection goes through pgbouncer (or another pooler) in"
                + " transaction or statement mode, each transaction may run on another server connection:"
                + " use session mode, or PgJet's own pool, or connect with transaction_pooler=true"
                + " (ConnectionConfig.Builder.transactionPooler(true), or pgjdbc's prepareThreshold=0), which"
                + " makes no named statements.";
    }

    /**
     * Returns whether running the failed work again on a new connection may succeed: for
     * {@code 40001} serialization_failure and {@code 40P01} deadlock_detected (re-run the whole
     * transaction), {@code 25006} read_only_sql_transaction (the server became a standby or
     * read-only, e.g. after a failover: a pool retires such connections), {@code 57P01}
     * admin_shutdown, {@code 57P02} crash_shutdown, {@code 57P03} cannot_connect_now,
     * {@code 53300} too_many_connections and SQLSTATE class {@code 08} (connection exceptions).
     * See {@link PgJetException#isRetryable()} for which of those leave a statement's outcome
     * unknown.
     *
     * @return whether the error is transient
     */
    @Override
    public boolean isRetryable() {
        String code = sqlState();
        if (code == null) {
            return false;
        }
        switch (code) {
            case "40001": case "40P01": case "25006": case "57P01": case "57P02": case "57P03": case "53300":
                return true;
            default:
                return code.startsWith("08");
        }
    }

    /**
     * Returns the SQLSTATE code (field {@code C}), such as {@code "23505"}.
     *
     * @return the five-character code, or {@code null} if the server sent none
     * @see SqlStates
     */
    public String sqlState() {
        return fields.get('C');
    }

    /**
     * Returns the severity in English (field {@code V}: {@code ERROR}, {@code FATAL} or
     * {@code PANIC}), falling back to the localized severity for servers older than 9.6.
     *
     * @return the severity, or {@code null} if the server sent none
     */
    public String severity() {
        String v = fields.get('V');
        return v != null ? v : fields.get('S');
    }

    /**
     * Returns the severity as the server localized it (field {@code S}).
     *
     * @return the localized severity, or {@code null} if the server sent none
     */
    public String localizedSeverity() {
        return fields.get('S');
    }

    /**
     * Returns the primary error message as the server sent it (field {@code M}), without the
     * decorations {@link #getMessage()} adds.
     *
     * @return the primary message, or {@code null} if the server sent none
     */
    public String serverMessage() {
        return fields.get('M');
    }

    /**
     * Returns the detail message (field {@code D}).
     *
     * @return the detail, or {@code null}
     */
    public String detail() {
        return fields.get('D');
    }

    /**
     * Returns the hint (field {@code H}): advice on fixing the problem.
     *
     * @return the hint, or {@code null}
     */
    public String hint() {
        return fields.get('H');
    }

    /**
     * Returns the error position in the query (field {@code P}): a 1-based index counted in
     * characters (code points), not bytes.
     *
     * @return the position, or 0 if the server sent none
     */
    public int position() {
        return intField('P');
    }

    /**
     * Returns the error position in the {@linkplain #internalQuery() internal query} (field
     * {@code p}), 1-based in characters.
     *
     * @return the position, or 0 if the server sent none
     */
    public int internalPosition() {
        return intField('p');
    }

    /**
     * Returns the text of an internally generated command that failed, such as a SQL statement
     * run by a PL/pgSQL function (field {@code q}).
     *
     * @return the internal query, or {@code null}
     */
    public String internalQuery() {
        return fields.get('q');
    }

    /**
     * Returns the context in which the error occurred, such as a call stack of PL functions
     * (field {@code W}).
     *
     * @return the context, one entry per line, or {@code null}
     */
    public String where() {
        return fields.get('W');
    }

    /**
     * Returns the name of the schema of the object the error is about (field {@code s}).
     *
     * @return the schema name, or {@code null}
     */
    public String schemaName() {
        return fields.get('s');
    }

    /**
     * Returns the name of the table the error is about (field {@code t}).
     *
     * @return the table name, or {@code null}
     */
    public String tableName() {
        return fields.get('t');
    }

    /**
     * Returns the name of the column the error is about (field {@code c}).
     *
     * @return the column name, or {@code null}
     */
    public String columnName() {
        return fields.get('c');
    }

    /**
     * Returns the name of the data type the error is about (field {@code d}).
     *
     * @return the data type name, or {@code null}
     */
    public String dataTypeName() {
        return fields.get('d');
    }

    /**
     * Returns the name of the constraint the error is about (field {@code n}), for example the
     * unique index behind a {@link io.pgjet.errors.UniqueViolationException}.
     *
     * @return the constraint name, or {@code null}
     */
    public String constraintName() {
        return fields.get('n');
    }

    /**
     * Returns the server source file that raised the error (field {@code F}).
     *
     * @return the file name, or {@code null}
     */
    public String sourceFile() {
        return fields.get('F');
    }

    /**
     * Returns the line in the server source file that raised the error (field {@code L}).
     *
     * @return the line number, or 0 if the server sent none
     */
    public int sourceLine() {
        return intField('L');
    }

    /**
     * Returns the server source routine that raised the error (field {@code R}).
     *
     * @return the routine name, or {@code null}
     */
    public String routine() {
        return fields.get('R');
    }

    /**
     * Returns every field the server sent, keyed by protocol field code, in arrival order.
     *
     * @return an unmodifiable map
     */
    public Map<Character, String> fields() {
        return fields;
    }

    /**
     * Returns the SQL text whose execution failed.
     *
     * @return the query, or {@code null} if unknown (for example for errors during startup)
     */
    public String query() {
        return query;
    }

    private int intField(char code) {
        String value = fields.get(code);
        if (value == null) {
            return 0;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Map<Character, String> copy(Map<Character, String> fields) {
        Map<Character, String> copy = new LinkedHashMap<>();
        fields.forEach((code, value) -> {
            if (code != null && value != null) {
                copy.put(code, value);
            }
        });
        return Collections.unmodifiableMap(copy);
    }

    private static String format(Map<Character, String> fields, String query) {
        StringBuilder out = new StringBuilder();
        String severity = fields.getOrDefault('S', fields.getOrDefault('V', "ERROR"));
        out.append(severity).append(": ").append(fields.getOrDefault('M', "(no message)"));
        String sqlState = fields.get('C');
        if (sqlState != null) {
            out.append(" (SQLSTATE ").append(sqlState).append(')');
        }
        appendCaret(out, "Line", query, parsePosition(fields.get('P')));
        appendField(out, "Detail", fields.get('D'));
        appendField(out, "Hint", fields.get('H'));
        String internalQuery = fields.get('q');
        int internalPosition = parsePosition(fields.get('p'));
        if (internalQuery != null && internalPosition > 0) {
            appendCaret(out, "Query", internalQuery, internalPosition);
        } else {
            appendField(out, "Query", internalQuery);
        }
        appendField(out, "Where", fields.get('W'));
        return out.toString();
    }

    private static int parsePosition(String value) {
        if (value == null) {
            return 0;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void appendField(StringBuilder out, String label, String value) {
        if (value != null && !value.isEmpty()) {
            String indent = " ".repeat(label.length() + 4);
            out.append("\n  ").append(label).append(": ").append(value.replace("\n", "\n" + indent));
        }
    }

    /**
     * Appends the line of {@code text} holding 1-based code point {@code position}, and a caret
     * under it. Positions just past the end (the server's "at end of input") point after the
     * last character.
     */
    private static void appendCaret(StringBuilder out, String label, String text, int position) {
        if (text == null || position <= 0) {
            return;
        }
        int[] cps = text.codePoints().toArray();
        int index = Math.min(position - 1, cps.length);
        int lineStart = 0;
        int lineNumber = 1;
        for (int i = 0; i < index; i++) {
            if (cps[i] == '\n') {
                lineStart = i + 1;
                lineNumber++;
            }
        }
        int lineEnd = lineStart;
        while (lineEnd < cps.length && cps[lineEnd] != '\n') {
            lineEnd++;
        }
        if (lineEnd > lineStart && cps[lineEnd - 1] == '\r') {
            lineEnd--;
        }
        int column = Math.min(index, lineEnd) - lineStart;
        int length = lineEnd - lineStart;
        int from = 0;
        int to = length;
        if (length > MAX_SHOWN_LINE) {
            from = Math.max(0, column - MAX_SHOWN_LINE / 2);
            to = Math.min(length, from + MAX_SHOWN_LINE);
            from = Math.max(0, to - MAX_SHOWN_LINE);
        }
        StringBuilder line = new StringBuilder();
        StringBuilder caret = new StringBuilder();
        if (from > 0) {
            line.append("...");
            caret.append("   ");
        }
        for (int i = from; i < to; i++) {
            int cp = cps[lineStart + i];
            line.appendCodePoint(cp);
            if (i < column) {
                caret.append(cp == '\t' ? '\t' : ' ');
            }
        }
        if (to < length) {
            line.append("...");
        }
        boolean multiLine = text.indexOf('\n') >= 0;
        String prefix = label.equals("Line") || multiLine
                ? label + (label.equals("Line") ? " " : ", line ") + lineNumber + ": "
                : label + ": ";
        out.append("\n  ").append(prefix).append(line);
        out.append("\n  ").append(" ".repeat(prefix.length())).append(caret).append('^');
    }
}
