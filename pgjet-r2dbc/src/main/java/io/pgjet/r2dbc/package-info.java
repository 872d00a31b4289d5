/**
 * PgJet's R2DBC 1.0 driver: {@link io.pgjet.r2dbc.PgJetConnectionFactory} (found by
 * {@code ConnectionFactories} for {@code r2dbc:postgresql://} and {@code r2dbc:pgjet://} URLs
 * through {@link io.pgjet.r2dbc.PgJetConnectionFactoryProvider}), its options
 * ({@link io.pgjet.r2dbc.PgJetR2dbcOptions}), and the PostgreSQL extensions of its connections
 * ({@link io.pgjet.r2dbc.PgJetR2dbcConnection}: COPY, LISTEN/NOTIFY, the PgJet connection
 * underneath). Statements run on PgJet's asynchronous, pipelined connection in binary format.
 */
package io.pgjet.r2dbc;
