/**
 * PgJet: a fast PostgreSQL client for the JVM.
 *
 * <p>Start with {@link io.pgjet.PgJet}: {@code PgJet.connect(dsn)} gives a blocking
 * {@link io.pgjet.Connection}, {@code PgJet.connectAsync(dsn)} an {@link io.pgjet.AsyncConnection}
 * whose methods return {@link java.util.concurrent.CompletableFuture}s. Everything PgJet throws
 * extends {@link io.pgjet.PgJetException}: {@link io.pgjet.PgException} for errors the server
 * reported, and the client-side {@link io.pgjet.PgConnectionException},
 * {@link io.pgjet.PgTimeoutException}, {@link io.pgjet.PgProtocolException} and
 * {@link io.pgjet.PgInterfaceException}.
 */
package io.pgjet;
