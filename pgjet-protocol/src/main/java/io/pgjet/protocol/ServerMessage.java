package io.pgjet.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Holds the fields of an ErrorResponse or NoticeResponse, keyed by their one-byte field codes.
 * Immutable and thread-safe. Getters return null for absent string fields.
 *
 * @see <a href="https://www.postgresql.org/docs/current/protocol-error-fields.html">Error and
 *     Notice Message Fields</a>
 */
public final class ServerMessage {

    private final Map<Character, String> fields;

    private ServerMessage(Map<Character, String> fields) {
        this.fields = fields;
    }

    /**
     * Creates a message from its fields.
     *
     * @param fields field values by code, e.g. {@code 'C'} for the SQLSTATE; copied, order kept
     * @return the message
     * @throws NullPointerException if a code or value is null
     */
    public static ServerMessage of(Map<Character, String> fields) {
        Map<Character, String> copy = new LinkedHashMap<>();
        fields.forEach((code, value) -> copy.put(java.util.Objects.requireNonNull(code, "code"),
                java.util.Objects.requireNonNull(value, "value")));
        return wrap(copy);
    }

    /** Wraps an unshared map built by the decoder. */
    static ServerMessage wrap(Map<Character, String> fields) {
        return new ServerMessage(Collections.unmodifiableMap(fields));
    }

    /**
     * Returns the field with the given code.
     *
     * @param code the field code, e.g. {@code 'C'}
     * @return the value, or null if the server did not send it
     */
    public String field(char code) {
        return fields.get(code);
    }

    /**
     * Returns all fields in the order the server sent them.
     *
     * @return an unmodifiable map from field code to value
     */
    public Map<Character, String> fields() {
        return fields;
    }

    /**
     * Returns the localized severity ({@code S}).
     *
     * @return e.g. {@code "ERROR"} or its translation, or null if absent
     */
    public String severity() {
        return fields.get('S');
    }

    /**
     * Returns the non-localized severity ({@code V}), sent by PostgreSQL 9.6 and later.
     *
     * @return one of ERROR, FATAL, PANIC, WARNING, NOTICE, DEBUG, INFO, LOG; or null if absent
     */
    public String severityNonLocalized() {
        return fields.get('V');
    }

    /**
     * Returns the SQLSTATE code ({@code C}).
     *
     * @return e.g. {@code "23505"}, or null if absent
     */
    public String code() {
        return fields.get('C');
    }

    /**
     * Returns the primary message ({@code M}).
     *
     * @return the message text, or null if absent
     */
    public String message() {
        return fields.get('M');
    }

    /**
     * Returns the detail message ({@code D}).
     *
     * @return the detail, or null if absent
     */
    public String detail() {
        return fields.get('D');
    }

    /**
     * Returns the hint ({@code H}).
     *
     * @return the hint, or null if absent
     */
    public String hint() {
        return fields.get('H');
    }

    /**
     * Returns the error cursor position in the original query ({@code P}).
     *
     * @return the 1-based character position, or 0 if absent or not a number
     */
    public int position() {
        return parsePosition(fields.get('P'));
    }

    /**
     * Returns the error cursor position in an internally generated query ({@code p}).
     *
     * @return the 1-based character position within {@link #internalQuery()}, or 0 if absent or
     *     not a number
     */
    public int internalPosition() {
        return parsePosition(fields.get('p'));
    }

    /**
     * Returns the internally generated query that failed ({@code q}).
     *
     * @return the query text, or null if absent
     */
    public String internalQuery() {
        return fields.get('q');
    }

    /**
     * Returns the context of the error ({@code W}), such as a call stack of PL functions.
     *
     * @return the context, one entry per line, or null if absent
     */
    public String where() {
        return fields.get('W');
    }

    /**
     * Returns the schema name associated with the error ({@code s}).
     *
     * @return the schema name, or null if absent
     */
    public String schema() {
        return fields.get('s');
    }

    /**
     * Returns the table name associated with the error ({@code t}).
     *
     * @return the table name, or null if absent
     */
    public String table() {
        return fields.get('t');
    }

    /**
     * Returns the column name associated with the error ({@code c}).
     *
     * @return the column name, or null if absent
     */
    public String column() {
        return fields.get('c');
    }

    /**
     * Returns the data type name associated with the error ({@code d}).
     *
     * @return the data type name, or null if absent
     */
    public String dataType() {
        return fields.get('d');
    }

    /**
     * Returns the constraint name associated with the error ({@code n}).
     *
     * @return the constraint name, or null if absent
     */
    public String constraint() {
        return fields.get('n');
    }

    /**
     * Returns the server source file that reported the error ({@code F}).
     *
     * @return the file name, or null if absent
     */
    public String file() {
        return fields.get('F');
    }

    /**
     * Returns the server source line that reported the error ({@code L}).
     *
     * @return the line number as sent (decimal text), or null if absent
     */
    public String line() {
        return fields.get('L');
    }

    /**
     * Returns the server source routine that reported the error ({@code R}).
     *
     * @return the routine name, or null if absent
     */
    public String routine() {
        return fields.get('R');
    }

    private static int parsePosition(String value) {
        if (value == null) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Shows the severity, SQLSTATE and primary message, e.g. {@code ERROR 42P01: relation "x" does not exist}. */
    @Override
    public String toString() {
        String severity = severityNonLocalized() != null ? severityNonLocalized() : severity();
        return severity + " " + code() + ": " + message();
    }
}
