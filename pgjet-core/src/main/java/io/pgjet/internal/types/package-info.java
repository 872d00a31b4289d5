/**
 * Binary codecs for PostgreSQL types: the {@link io.pgjet.internal.types.Codec} SPI, one class
 * per type family, the OID table, the per-server {@link io.pgjet.internal.types.CodecRegistry}
 * and the introspection query that resolves user-defined and extension types.
 *
 * <p>Internal: everything in this package may change in any release without notice. Codecs are
 * pure (no I/O, no Netty channel types), stateless and thread-safe; decoding reads
 * {@code (byte[], offset, length)} slices of a DataRow, encoding appends a parameter value
 * (without its length prefix) to a Netty {@code ByteBuf}.
 */
package io.pgjet.internal.types;
