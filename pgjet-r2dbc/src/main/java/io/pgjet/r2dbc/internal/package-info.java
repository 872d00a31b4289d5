/**
 * Internals of PgJet's R2DBC driver: the SPI implementations, the small reactive-streams
 * publishers they are built from, type and error mapping. Everything here may change without
 * notice; use the types of {@code io.pgjet.r2dbc} and of {@code io.r2dbc.spi}.
 */
package io.pgjet.r2dbc.internal;
