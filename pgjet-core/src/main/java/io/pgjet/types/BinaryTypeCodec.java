package io.pgjet.types;

import java.util.Objects;
import java.util.function.Function;

/**
 * Converts a Java type to and from a PostgreSQL type's binary form (the bytes of its
 * {@code send}/{@code recv} functions); registered with {@code setTypeCodec} for
 * {@link TypeCodecFormat#BINARY}.
 *
 * <p>Implementations must be thread-safe. The decoder owns the array it is given; the encoder
 * must return a new array (PgJet does not modify it).
 *
 * @param <T> the Java type
 */
public interface BinaryTypeCodec<T> {

    /**
     * Renders a non-null value in the type's binary format.
     *
     * @param value the parameter value, never null
     * @return bytes the server's receive function accepts
     */
    byte[] encode(T value);

    /**
     * Parses the type's binary format.
     *
     * @param bytes the value's bytes, never null
     * @return the Java value
     */
    T decode(byte[] bytes);

    /**
     * Creates a codec from two functions.
     *
     * @param encoder renders a value as bytes
     * @param decoder parses bytes
     * @param <T>     the Java type
     * @return a codec delegating to the functions
     */
    static <T> BinaryTypeCodec<T> of(Function<? super T, byte[]> encoder, Function<byte[], ? extends T> decoder) {
        Objects.requireNonNull(encoder, "encoder");
        Objects.requireNonNull(decoder, "decoder");
        return new BinaryTypeCodec<>() {
            @Override
            public byte[] encode(T value) {
                return encoder.apply(value);
            }

            @Override
            public T decode(byte[] bytes) {
                return decoder.apply(bytes);
            }
        };
    }
}
