package io.pgjet;

import java.util.Map;

/**
 * A NoticeResponse from the server: a warning or informational message (e.g. from
 * {@code RAISE NOTICE}), with every field the server sent.
 *
 * @param fields the message fields by their protocol code ('S' severity, 'C' SQLSTATE, 'M'
 *     message, 'D' detail, 'H' hint, ...), unmodifiable
 */
public record Notice(Map<Character, String> fields) {

    /**
     * Returns the severity, non-localized when the server sent it (WARNING, NOTICE, INFO...).
     *
     * @return field 'V' when present, else the possibly localized field 'S'
     */
    public String severity() {
        String severity = fields.get('V');
        return severity != null ? severity : fields.get('S');
    }

    /**
     * Returns the SQLSTATE code, e.g. {@code 01000}.
     *
     * @return field 'C', a five-character code
     */
    public String sqlState() {
        return fields.get('C');
    }

    /**
     * Returns the primary message.
     *
     * @return field 'M'
     */
    public String message() {
        return fields.get('M');
    }

    /**
     * Returns the detail, or null.
     *
     * @return field 'D', or null
     */
    public String detail() {
        return fields.get('D');
    }

    /**
     * Returns the hint, or null.
     *
     * @return field 'H', or null
     */
    public String hint() {
        return fields.get('H');
    }

    @Override
    public String toString() {
        return severity() + ": " + message() + " (SQLSTATE " + sqlState() + ")";
    }
}
