package io.pgjet.observe;

/** What an {@link Operation} does. */
public enum OperationKind {
    /** One statement: {@code execute}, {@code fetch}, {@code fetchRow}, {@code fetchVal}, a prepared statement's execution. */
    QUERY,
    /** One statement run once per parameter set under one Sync ({@code executeMany}, {@code fetchMany}). */
    BATCH,
    /**
     * Opening a cursor ({@code openCursor}, {@code openScrollableCursor}, a {@code cursor}
     * publisher's start): until its portal is bound; the rows it reads later are not part of it.
     */
    CURSOR_OPEN,
    /** An explicit {@code prepare} (Parse and Describe). */
    PREPARE,
    /** {@code COPY ... FROM STDIN}: data sent to the server. */
    COPY_IN,
    /** {@code COPY ... TO STDOUT}: data read from the server. */
    COPY_OUT,
    /** A transaction (or savepoint) from its BEGIN to its COMMIT or ROLLBACK. */
    TRANSACTION,
    /** Opening a connection: host selection, TLS, authentication and startup. */
    CONNECT,
    /** Waiting for a pooled connection ({@code acquire}). */
    POOL_ACQUIRE
}
