/**
 * The IO-free protocol state machine: bytes in, callbacks out.
 *
 * <p>{@link io.pgjet.internal.engine.ProtocolEngine} keeps one ordered queue of in-flight
 * {@link io.pgjet.internal.engine.Command}s per connection and routes every backend message to the
 * command at its head, like asyncpg's {@code CoreProtocol}. Everything here runs on the
 * connection's single I/O thread; nothing blocks and nothing touches a socket. Internal API.
 */
package io.pgjet.internal.engine;
