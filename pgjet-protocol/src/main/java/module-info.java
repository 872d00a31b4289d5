/**
 * The PostgreSQL frontend/backend protocol as pure functions over Netty buffers: message
 * encoders, framing and decoding of backend messages, and the authentication math (MD5,
 * SASLprep, SCRAM-SHA-256). No I/O, no threads.
 *
 * <p>Its one package, {@code io.pgjet.protocol}, is exported; its API takes and returns Netty
 * {@code ByteBuf}s, so {@code io.netty.buffer} is required transitively.
 */
module io.pgjet.protocol {
    requires transitive io.netty.buffer;

    exports io.pgjet.protocol;
}
