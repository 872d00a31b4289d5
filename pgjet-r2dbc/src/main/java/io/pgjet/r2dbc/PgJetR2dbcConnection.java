package io.pgjet.r2dbc;

import io.pgjet.AsyncConnection;
import io.pgjet.CopyOptions;
import io.pgjet.Notification;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Wrapped;
import java.nio.ByteBuffer;
import org.reactivestreams.Publisher;

/**
 * An R2DBC connection to PostgreSQL with PgJet's extensions: COPY in and out as publishers,
 * LISTEN/NOTIFY as a publisher, and {@link #unwrap()} to the {@link AsyncConnection} underneath
 * (for any PgJet verb R2DBC has no word for). Get one by casting a connection from
 * {@link PgJetConnectionFactory}, or with {@code Wrapped#unwrap} through a pool.
 *
 * <p>Thread-safe like the PgJet connection underneath: statements issued while others are in
 * flight are pipelined. Publishers are cold: nothing is sent before they are subscribed and
 * asked for data.
 */
public interface PgJetR2dbcConnection extends Connection, Wrapped<AsyncConnection> {

    /**
     * Returns a publisher that copies {@code data} into {@code table} ({@code COPY table FROM
     * STDIN} with {@code options}), requesting buffers only as fast as the server takes them, and
     * emits the number of rows copied. A failing publisher or bad data aborts the COPY: nothing
     * is loaded.
     *
     * @param table the table, optionally schema-qualified; quoted by PgJet
     * @param data the COPY data, in the format {@code options} names
     * @param options format, delimiter, header, column and {@code WHERE} options of the COPY
     * @return a cold publisher of one value: the number of rows loaded
     */
    Publisher<Long> copyIn(String table, Publisher<ByteBuffer> data, CopyOptions options);

    /**
     * Returns a publisher that loads rows into {@code table} with binary COPY, each row an
     * {@code Object[]} or a Java record of the column values in order, and emits the number of
     * rows copied.
     *
     * @param columns the target columns; none means all columns of the table in order
     * @param table the table, optionally schema-qualified; quoted by PgJet
     * @param records the rows, requested as the server takes them
     * @return a cold publisher of one value: the number of rows loaded
     */
    Publisher<Long> copyInRecords(String table, Publisher<?> records, String... columns);

    /**
     * Returns a publisher of the data of {@code COPY (query) TO STDOUT} with {@code options}, in
     * chunks as the server sends them. Reading from the server pauses while the subscriber has
     * no demand; cancelling aborts the COPY.
     *
     * @param query the query whose result is copied, without a trailing semicolon
     * @param options format, delimiter, header and column options of the COPY
     * @return a cold publisher of the COPY data chunks
     */
    Publisher<ByteBuffer> copyOut(String query, CopyOptions options);

    /**
     * Returns a publisher of the notifications on {@code channel}: subscribing issues
     * {@code LISTEN}, cancelling the last subscription issues {@code UNLISTEN}. Notifications
     * cannot be held back on the server: a subscriber more than 8,192 behind gets
     * {@code onError}.
     *
     * @param channel the channel name, used exactly as given
     * @return a publisher of the channel's notifications
     */
    Publisher<Notification> notifications(String channel);

    /** Returns the PgJet connection underneath; closing it closes this connection. */
    @Override
    AsyncConnection unwrap();
}
