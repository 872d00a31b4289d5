package io.pgjet.types;

import java.util.Objects;

/**
 * Holds a PostgreSQL {@code tsquery} as its text form, for example
 * {@code 'fat' & ( 'rat' | 'cat' )}.
 *
 * <p>Values decoded from the server hold the server's canonical rendering; values created by
 * the application hold the text given, which the server parses. Immutable and thread-safe.
 *
 * @param text the query text
 */
public record PgTsQuery(String text) {

    /**
     * Creates a tsquery.
     *
     * @param text see the record component
     * @throws NullPointerException if the text is null
     */
    public PgTsQuery {
        Objects.requireNonNull(text, "text");
    }

    /**
     * Returns the query text.
     *
     * @return the text form
     */
    @Override
    public String toString() {
        return text;
    }
}
