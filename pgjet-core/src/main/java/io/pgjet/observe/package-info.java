/**
 * The listener SPI that metrics and tracing adapters (such as {@code pgjet-micrometer} and
 * {@code pgjet-opentelemetry}) build on. Register a {@link io.pgjet.observe.PgJetListener} with
 * {@link io.pgjet.ConnectionConfig.Builder#addListener}; every connection made from that
 * configuration, and every pool made from it, reports its operations and pool events to it.
 *
 * <p>Nothing is reported, allocated or called when no listener is registered.
 */
package io.pgjet.observe;
