package io.pgjet.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes a column value as JSON from its PostgreSQL text and type, as {@code to_json} would:
 * numbers as numbers ({@code NaN} and infinities as strings), booleans as {@code true}/{@code
 * false}, json and jsonb as they are, arrays of built-in types as JSON arrays, NULL as {@code
 * null}, everything else as a string of its text. Works the same for binary results and for
 * the text results of a simple-protocol script, which is why it reads text, not Java objects.
 */
final class JsonValues {
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private JsonValues() {}

    /**
     * Returns the JSON for a value.
     *
     * @param text the value as PostgreSQL prints it, or null for SQL NULL
     * @param typeOid its type
     */
    static String value(String text, int typeOid) {
        if (text == null) {
            return "null";
        }
        int element = ColumnTypes.arrayElement(typeOid);
        if (element != 0) {
            List<Object> parsed = ArrayLiteral.parse(text);
            if (parsed != null) {
                StringBuilder json = new StringBuilder();
                appendArray(json, parsed, element);
                return json.toString();
            }
        }
        return scalar(text, typeOid);
    }

    private static String scalar(String text, int typeOid) {
        switch (ColumnTypes.jsonKind(typeOid)) {
            case NUMBER:
                return JSON_NUMBER.matcher(text).matches() ? text : string(text);
            case BOOLEAN:
                return text.equals("t") || text.equals("true") ? "true" : text.equals("f") || text.equals("false") ? "false" : string(text);
            case JSON:
                return text;
            default:
                return string(text);
        }
    }

    @SuppressWarnings("unchecked")
    private static void appendArray(StringBuilder json, List<Object> elements, int elementOid) {
        json.append('[');
        for (int i = 0; i < elements.size(); i++) {
            Object element = elements.get(i);
            if (i > 0) {
                json.append(", ");
            }
            if (element instanceof List) {
                appendArray(json, (List<Object>) element, elementOid);
            } else {
                json.append(element == null ? "null" : scalar((String) element, elementOid));
            }
        }
        json.append(']');
    }

    /** Returns {@code s} as a JSON string literal. */
    static String string(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"': b.append("\\\""); break;
                case '\\': b.append("\\\\"); break;
                case '\n': b.append("\\n"); break;
                case '\r': b.append("\\r"); break;
                case '\t': b.append("\\t"); break;
                default:
                    if (ch < 0x20) {
                        b.append(String.format("\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
            }
        }
        return b.append('"').toString();
    }

    /**
     * Reads PostgreSQL's array output ({@code {1,2,NULL}}, {@code {{"a b",c},{d,e}}}, with an
     * optional {@code [0:1]=} bounds prefix) into nested lists of element texts and nulls.
     */
    static final class ArrayLiteral {
        private final String text;
        private int at;

        private ArrayLiteral(String text) {
            this.text = text;
        }

        /** Returns the nested elements, or null when {@code text} is not an array literal. */
        static List<Object> parse(String text) {
            ArrayLiteral reader = new ArrayLiteral(text);
            if (text.startsWith("[")) {
                int equals = text.indexOf('=');
                if (equals < 0) {
                    return null;
                }
                reader.at = equals + 1;
            }
            try {
                List<Object> elements = reader.array();
                return reader.at == text.length() ? elements : null;
            } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
                return null;
            }
        }

        private List<Object> array() {
            expect('{');
            List<Object> elements = new ArrayList<>();
            if (text.charAt(at) == '}') {
                at++;
                return elements;
            }
            while (true) {
                char ch = text.charAt(at);
                if (ch == '{') {
                    elements.add(array());
                } else if (ch == '"') {
                    elements.add(quoted());
                } else {
                    elements.add(unquoted());
                }
                char next = text.charAt(at++);
                if (next == '}') {
                    return elements;
                }
                if (next != ',') {
                    throw new IllegalArgumentException("unexpected " + next);
                }
            }
        }

        private String quoted() {
            expect('"');
            StringBuilder element = new StringBuilder();
            while (true) {
                char ch = text.charAt(at++);
                if (ch == '"') {
                    return element.toString();
                }
                element.append(ch == '\\' ? text.charAt(at++) : ch);
            }
        }

        private String unquoted() {
            int start = at;
            while (text.charAt(at) != ',' && text.charAt(at) != '}') {
                at++;
            }
            String element = text.substring(start, at).strip();
            return element.equalsIgnoreCase("NULL") ? null : element;
        }

        private void expect(char ch) {
            if (text.charAt(at++) != ch) {
                throw new IllegalArgumentException("expected " + ch);
            }
        }
    }
}
