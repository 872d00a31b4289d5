/**
 * Micrometer support for PgJet: an {@link io.micrometer.observation.Observation} per query,
 * prepare, COPY, transaction, connect and pool acquire ({@link io.pgjet.micrometer.PgJetObservationListener}),
 * with OpenTelemetry's database key names, and pool meters for a
 * {@link io.micrometer.core.instrument.MeterRegistry} ({@link io.pgjet.micrometer.PgJetPoolMetrics}).
 * Both are {@link io.pgjet.observe.PgJetListener}s registered with
 * {@link io.pgjet.ConnectionConfig.Builder#addListener}.
 */
package io.pgjet.micrometer;
