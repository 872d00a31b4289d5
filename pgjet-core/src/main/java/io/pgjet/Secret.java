package io.pgjet;

import java.util.Objects;

/**
 * Marks a parameter value as secret: it is bound exactly as the wrapped value would be, but PgJet
 * never shows it. Its {@link #toString()} is a fixed mask, so a listener, log line or tracing
 * attribute that renders arguments (pgjet-micrometer's and pgjet-opentelemetry's parameter
 * capture included) shows {@value #MASK}; an error about the value (one PgJet cannot encode, or
 * out of the type's range) names the parameter, not the value.
 *
 * <pre>{@code
 * conn.execute("insert into tokens (user_id, token) values ($1, $2)", userId, Secret.of(token));
 * }</pre>
 *
 * <p>Works as a top-level argument of every verb that binds parameters ({@code fetch*},
 * {@code execute}, {@code executeMany} including rewritten batched inserts, prepared
 * statements, cursors, {@code copyRecordsToTable}); not nested inside arrays, lists or records.
 * {@code copyFromQuery} refuses it: COPY takes no parameters, so its arguments become literals
 * in the query text.
 * The text PostgreSQL puts in its own errors is the server's: a value the server fails to
 * parse may be quoted there.
 *
 * <p>Immutable and thread-safe. Equality is identity: two secrets are never compared by value.
 */
public final class Secret {
    /** What {@link #toString()} returns for every secret. */
    public static final String MASK = "Secret[***]";

    private final Object value;

    private Secret(Object value) {
        this.value = value;
    }

    /**
     * Wraps a value to bind as a secret parameter.
     *
     * @param value any value PgJet can bind (String, Integer, byte[], ...); a Secret is returned as is
     * @return the secret
     * @throws NullPointerException if {@code value} is null (bind null itself: NULL shows nothing)
     */
    public static Secret of(Object value) {
        Objects.requireNonNull(value, "value");
        return value instanceof Secret ? (Secret) value : new Secret(value);
    }

    /**
     * Returns the wrapped value, for the code that binds it.
     *
     * @return the value, never null
     */
    public Object value() {
        return value;
    }

    /**
     * Returns the wrapped value of a secret, and anything else as it is.
     *
     * @param value a parameter value, may be null
     * @return {@code value}, unwrapped when it is a Secret
     */
    public static Object reveal(Object value) {
        return value instanceof Secret ? ((Secret) value).value : value;
    }

    /** {@return {@value #MASK}, whatever the value} */
    @Override
    public String toString() {
        return MASK;
    }
}
