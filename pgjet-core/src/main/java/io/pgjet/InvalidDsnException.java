package io.pgjet;

/**
 * Thrown when connection settings cannot be used: a malformed connection string, an unknown or
 * unsupported connection option, an invalid option value (in the string or in a {@code PG*}
 * environment variable), or a combination of options that contradict each other.
 *
 * <p>The message names the offending option and, when it is safe, the offending value. It never
 * contains a password: a value that overlaps a configured password is not shown.
 *
 * @see ConnectionConfig#parse(String)
 */
public class InvalidDsnException extends PgInterfaceException {

    /**
     * Creates an exception with a message.
     *
     * @param message what is wrong with the settings; must not contain secrets
     */
    public InvalidDsnException(String message) {
        super(message);
    }
}
