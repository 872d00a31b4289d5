package io.pgjet.testkit;

/**
 * Describes a PostgreSQL server a test suite can connect to: either a {@link PgCluster}
 * started by this JVM or an existing server named by {@code PGJET_TEST_DSN}, so that the same
 * suite runs against both. Implementations are immutable in what they report and thread-safe.
 */
public interface PgServer {
    /**
     * Returns the host name or address to connect to.
     *
     * @return e.g. {@code 127.0.0.1}
     */
    String host();

    /**
     * Returns the TCP port.
     *
     * @return the port
     */
    int port();

    /**
     * Returns the user name to connect as (a superuser for a {@link PgCluster}).
     *
     * @return the user name
     */
    String user();

    /**
     * Returns the password of {@link #user()}.
     *
     * @return the password, empty when none is known
     */
    String password();

    /**
     * Returns the database to connect to.
     *
     * @return e.g. {@code postgres}
     */
    String database();

    /**
     * Returns a libpq-style URI for {@link #user()}, with the password included; keep it out of
     * logs.
     *
     * @return e.g. {@code postgresql://pgjet:secret@127.0.0.1:54321/postgres}
     */
    String dsn();

    /**
     * Returns a pgjdbc URL for {@link #user()} with user and password as parameters.
     *
     * @return e.g. {@code jdbc:postgresql://127.0.0.1:54321/postgres?user=pgjet&password=secret}
     */
    String jdbcUrl();

    /**
     * Returns the server's major version.
     *
     * @return e.g. {@code 18}, or 0 when unknown (an external server without
     *     {@code PGJET_TEST_PG_MAJOR})
     */
    int majorVersion();
}
