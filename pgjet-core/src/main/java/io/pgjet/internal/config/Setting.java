package io.pgjet.internal.config;

/**
 * A raw option value and where it came from, so that messages can say "in connection string" or
 * "in environment variable PGPORT".
 *
 * @param keyword the option
 * @param value   the value as written, never empty
 * @param origin  where the value came from, phrased to follow "in": {@code "connection string"}
 *                or {@code "environment variable PGPORT"}
 */
record Setting(ConnectionKeyword keyword, String value, String origin) {

    /** The {@link #origin} of values read from the connection string. */
    public static final String FROM_DSN = "connection string";

    /**
     * Creates a setting read from an environment variable.
     *
     * @param keyword the option, which must have an environment variable
     * @param value   the variable's value
     * @return the setting
     */
    public static Setting fromEnvironment(ConnectionKeyword keyword, String value) {
        return new Setting(keyword, value, "environment variable " + keyword.environmentVariable());
    }

    /**
     * Tells whether the value came from the connection string rather than the environment.
     *
     * @return {@code true} for connection string values
     */
    public boolean isFromDsn() {
        return FROM_DSN.equals(origin);
    }
}
