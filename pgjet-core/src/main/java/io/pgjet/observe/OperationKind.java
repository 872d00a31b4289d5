package io.pgjet.observe;

/** What an {@link Operation} does. */
public enum OperationKind {
    /** One statement: {@code execute}, {@code fetch}, {@code fetchRow}, {@code fetchVal}, a prepared statement's execution. */
    QUERY,
    /** One statement run once per parameter set under one Sync ({@code executeMany}, {@code fetchMany}). */
    BATCH,
    /**
     * Opening a cursor ({@code openCursor}, {@code openScrollableCursor}, a {@code cursor}
     * publisher's start): until its portal is bound; the rows it reads later are
     * {@link #CURSOR_FETCH}es.
     */
    CURSOR_OPEN,
    /**
     * Reading rows from an open cursor ({@code fetch}, {@code fetchRow}, {@code backward},
     * {@code absolute}, {@code relative}, each round trip of a {@code cursor} publisher): one per
     * round trip. {@link Operation#sql()} is the cursor's query; the outcome's rows are the rows
     * read.
     */
    CURSOR_FETCH,
    /**
     * Skipping rows of an open cursor ({@code forward}, SQL {@code MOVE}). {@link Operation#sql()}
     * is the cursor's query; the outcome's rows are the rows skipped.
     */
    CURSOR_MOVE,
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
