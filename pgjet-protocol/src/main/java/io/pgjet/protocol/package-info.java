/**
 * Speaks the PostgreSQL frontend/backend wire protocol (versions 3.0 and 3.2) as pure functions
 * over Netty {@link io.netty.buffer.ByteBuf}s: encoders for frontend messages, framing and
 * decoding of backend messages, and the authentication math (MD5, SASLprep, SCRAM-SHA-256 with
 * optional {@code tls-server-end-point} channel binding).
 *
 * <p>The package does no I/O, starts no threads and holds no global mutable state; it depends on
 * {@code netty-buffer} only. Everything here is safe to call from any thread, except the
 * per-exchange {@link io.pgjet.protocol.ScramSha256Client} and the reusable
 * {@link io.pgjet.protocol.DataRowReader}, which are confined to one thread at a time.
 *
 * <p><b>Buffer ownership.</b> No method releases, retains or keeps a reference to a buffer it is
 * given. Encoders in {@link io.pgjet.protocol.FrontendMessages} append one complete message at the
 * writer index of the caller's buffer. Buffers handed to a {@link io.pgjet.protocol.BackendHandler}
 * (a DataRow, a CopyData payload, a function result) are views over the caller's frame and are
 * valid only for the duration of the callback; a handler that needs the bytes later must copy or
 * retain them.
 *
 * <p><b>Failures.</b> Malformed or unexpected bytes from the server raise
 * {@link io.pgjet.protocol.ProtocolException}, never an index or allocation error; a failed or
 * forged authentication exchange raises {@link io.pgjet.protocol.AuthenticationException}; invalid
 * arguments from the caller (for example a string containing U+0000) raise
 * {@link java.lang.IllegalArgumentException}.
 */
package io.pgjet.protocol;
