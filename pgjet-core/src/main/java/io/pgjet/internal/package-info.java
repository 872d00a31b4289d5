/**
 * Implementation of PgJet: connection engine, Netty adapters, configuration parsing.
 *
 * <p>Everything under {@code io.pgjet.internal} is private to PgJet and may change in any release
 * without notice. Do not use it from application code; use the types in {@code io.pgjet}.
 */
package io.pgjet.internal;
