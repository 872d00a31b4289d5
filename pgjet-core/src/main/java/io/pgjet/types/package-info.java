/**
 * Public value types for PostgreSQL types that have no fitting class in {@code java.*}, and the
 * interfaces users implement to plug in their own type codecs and JSON mapping.
 *
 * <p>Every class here is immutable and thread-safe unless its Javadoc says otherwise; none of
 * them exposes a Netty type. The mapping of every PostgreSQL type to Java is listed in
 * {@code docs/types.md}.
 */
package io.pgjet.types;
