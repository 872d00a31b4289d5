package io.pgjet.internal.result;

import io.pgjet.PgInterfaceException;
import java.math.BigDecimal;

/**
 * Converts values that arrived in text format (types PgJet has no binary codec for, and
 * simple-protocol results) to the few Java types that parse unambiguously from text.
 */
final class TextValues {
    private TextValues() {}

    @SuppressWarnings("unchecked")
    static <T> T convert(String text, Class<T> type, String column) {
        try {
            if (type == String.class || type == Object.class || type == CharSequence.class) {
                return (T) text;
            }
            if (type == Integer.class || type == int.class) {
                return (T) Integer.valueOf(text.trim());
            }
            if (type == Long.class || type == long.class) {
                return (T) Long.valueOf(text.trim());
            }
            if (type == Double.class || type == double.class) {
                return (T) Double.valueOf(text.trim());
            }
            if (type == BigDecimal.class) {
                return (T) new BigDecimal(text.trim());
            }
            if (type == Boolean.class || type == boolean.class) {
                String t = text.trim();
                if (t.equals("t") || t.equals("true")) {
                    return (T) Boolean.TRUE;
                }
                if (t.equals("f") || t.equals("false")) {
                    return (T) Boolean.FALSE;
                }
            }
        } catch (NumberFormatException e) {
            throw new PgInterfaceException("column \"" + column + "\" holds \"" + text + "\", not a " + type.getSimpleName(), e);
        }
        throw new PgInterfaceException("column \"" + column + "\" arrived as text (its type has no binary codec); "
                + "it can be read as String, not " + type.getName());
    }
}
