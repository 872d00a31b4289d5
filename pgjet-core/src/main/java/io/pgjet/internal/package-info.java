/**
 * Implementation of PgJet, one package per part (see DESIGN.md's module map):
 * {@code engine} (the IO-free protocol state machine and its commands), {@code net} (the Netty
 * event-loop transport, connecting, TLS), {@code socket} (the caller-driven transport),
 * {@code conn} (the asynchronous connection and its session state), {@code blocking} (the
 * blocking facade), {@code pool}, {@code cursor}, {@code batch}, {@code copy}, {@code result},
 * {@code types} and {@code config}.
 *
 * <p>Everything under {@code io.pgjet.internal} is private to PgJet and may change in any release
 * without notice. Do not use it from application code; use the types in {@code io.pgjet}.
 */
package io.pgjet.internal;
