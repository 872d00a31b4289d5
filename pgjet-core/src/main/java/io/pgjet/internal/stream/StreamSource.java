package io.pgjet.internal.stream;

/** A connection of PgJet's own that can start a streamed statement for the blocking facade. */
public interface StreamSource {
    /**
     * Submits {@code sql} to stream its rows and returns their queue.
     *
     * @throws io.pgjet.PgJetException when the statement cannot be submitted (too many
     *     parameters, the connection is not usable)
     */
    RowQueue openStream(String sql, Object... args);
}
