package io.pgjet.types;

import io.pgjet.PgInterfaceException;

/**
 * Thrown when the server sent a value of a user type whose shape no longer matches the
 * description PgJet cached for it: the type was altered (e.g. {@code ALTER TYPE ... ADD
 * ATTRIBUTE}) after PgJet introspected it. Like asyncpg's {@code OutdatedSchemaCacheError}.
 *
 * <p>When PgJet sees the mismatch it forgets the type's description (for every connection of
 * the JVM to that server), so the next statement that uses the type introspects it again and
 * reads correct values. Outside a transaction block a query whose command only read rows
 * ({@code SELECT}) is re-run once transparently and this exception is not seen; inside a
 * transaction block, and for a statement that changed data (e.g. {@code INSERT ... RETURNING}),
 * which re-running would repeat, the statement has run on the server and this exception
 * reports that its result could not be decoded. The connection stays usable.
 */
public class OutdatedSchemaCacheException extends PgInterfaceException {
    /** The schema of the altered type, or null when unknown. */
    private final String schemaName;
    /** The name of the altered type. */
    private final String typeName;

    /**
     * Creates the exception for an outdated type.
     *
     * @param schemaName the type's schema, or null when unknown
     * @param typeName   the type's name
     * @param detail     what did not match, e.g. "3 attributes received, 2 expected"
     */
    public OutdatedSchemaCacheException(String schemaName, String typeName, String detail) {
        super("the type " + (schemaName == null ? "" : schemaName + ".") + typeName
                + " changed since PgJet described it (" + detail + "); its description is refreshed"
                + " on next use");
        this.schemaName = schemaName;
        this.typeName = typeName;
    }

    /**
     * Returns the schema of the outdated type.
     *
     * @return the schema name, or null when unknown
     */
    public String schemaName() {
        return schemaName;
    }

    /**
     * Returns the name of the outdated type.
     *
     * @return the type name, e.g. {@code typ1}
     */
    public String typeName() {
        return typeName;
    }
}
