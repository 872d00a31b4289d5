/**
 * The PgJet PostgreSQL client: the public API ({@code io.pgjet}), value types and codec
 * interfaces ({@code io.pgjet.types}), the exception classes per SQLSTATE
 * ({@code io.pgjet.errors}) and the listener SPI for metrics and tracing
 * ({@code io.pgjet.observe}) and logical replication ({@code io.pgjet.replication}).
 *
 * <p>Only those five packages are exported. {@code io.pgjet.internal} and the packages below it
 * (the engine, both transports, codecs, the pool) are not exported to any module and may change
 * without notice. No exported type exposes a Netty type, so Netty is required, not required
 * transitively.
 *
 * <p><b>Records.</b> {@code fetch(Class, ...)} and the COPY record methods construct and read
 * the caller's records reflectively: a record must be public in a package its module exports to
 * {@code io.pgjet} (or opens to it, for a record that is not public).
 *
 * <p><b>Epoll.</b> The Linux epoll transport is used when Netty's native library loads; on the
 * module path the platform module that holds it ({@code io.netty.transport.epoll.linux.x86_64})
 * is only resolved when asked for, with {@code --add-modules io.netty.transport.epoll.linux.x86_64}.
 * Without it PgJet uses Netty's NIO transport, with the same behaviour.
 */
module io.pgjet {
    requires io.pgjet.protocol;
    requires io.netty.buffer;
    requires io.netty.common;
    requires io.netty.transport;
    requires io.netty.handler;
    requires io.netty.transport.classes.epoll;
    requires io.netty.transport.unix.common;

    exports io.pgjet;
    exports io.pgjet.types;
    exports io.pgjet.errors;
    exports io.pgjet.observe;
    exports io.pgjet.replication;
}
