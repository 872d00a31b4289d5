/**
 * OpenTelemetry support for PgJet: a CLIENT span per query, batch, prepare, COPY and connect
 * (and spans for pool acquisitions and transactions), with the stable database semantic
 * conventions, and the {@code db.client.operation.duration} histogram. Register
 * {@link io.pgjet.opentelemetry.PgJetTelemetry} with
 * {@link io.pgjet.ConnectionConfig.Builder#addListener}.
 */
package io.pgjet.opentelemetry;
