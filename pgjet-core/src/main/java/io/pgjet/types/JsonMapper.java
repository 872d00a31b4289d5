package io.pgjet.types;

import io.pgjet.PgInterfaceException;

/**
 * Converts between Java objects and JSON text for the {@code json} and {@code jsonb} types.
 *
 * <p>PgJet ships no JSON library. With the default mapper ({@link #STRINGS_ONLY}) JSON values are
 * read as their text ({@code String}) and only {@code String} parameters (JSON text) can be sent.
 * Plug in Jackson, Gson or similar by implementing the two methods. Implementations must be
 * thread-safe: one mapper serves every connection that was configured with it.
 */
public interface JsonMapper {

    /** Accepts only JSON text: encoding a non-String and decoding to anything but String fail. */
    JsonMapper STRINGS_ONLY = new JsonMapper() {
        @Override
        public String encode(Object value) {
            if (value instanceof String) {
                return (String) value;
            }
            throw new PgInterfaceException("cannot encode " + value.getClass().getName()
                    + " as JSON: no JsonMapper is configured (pass JSON text as a String)");
        }

        @Override
        public <T> T decode(String json, Class<T> type) {
            if (type == String.class || type == Object.class || type == CharSequence.class) {
                return type.cast(json);
            }
            throw new PgInterfaceException("cannot decode JSON as " + type.getName()
                    + ": no JsonMapper is configured");
        }
    };

    /**
     * Renders a Java object as JSON text.
     *
     * @param value a non-null object; a {@code String} should be treated as JSON text already
     * @return valid JSON text
     * @throws PgInterfaceException (or any runtime exception) when the value cannot be rendered
     */
    String encode(Object value);

    /**
     * Parses JSON text into an object of the requested type.
     *
     * @param json JSON text as the server sent it
     * @param type the class the caller asked for
     * @param <T>  the requested type
     * @return the parsed value
     * @throws PgInterfaceException (or any runtime exception) when the text cannot be mapped
     */
    <T> T decode(String json, Class<T> type);
}
