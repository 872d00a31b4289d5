package io.pgjet.types;

import java.util.Objects;
import java.util.function.Function;

/**
 * Converts a Java type to and from a tuple of simpler values; registered with
 * {@code setTypeCodec} for {@link TypeCodecFormat#TUPLE}.
 *
 * <p>For a composite type the tuple holds its fields in attribute order, each in its own default
 * Java type. Built-in types with a tuple form are listed in {@code docs/types.md} (for example
 * {@code interval} as {@code {months, days, microseconds}}). Implementations must be thread-safe.
 *
 * @param <T> the Java type
 */
public interface TupleTypeCodec<T> {

    /**
     * Splits a non-null value into its tuple.
     *
     * @param value the parameter value, never null
     * @return the tuple; its length and element types must fit the PostgreSQL type
     */
    Object[] encode(T value);

    /**
     * Builds a value from its tuple.
     *
     * @param tuple the decoded parts, elements may be null for NULL fields
     * @return the Java value
     */
    T decode(Object[] tuple);

    /**
     * Creates a codec from two functions.
     *
     * @param encoder splits a value
     * @param decoder builds a value
     * @param <T>     the Java type
     * @return a codec delegating to the functions
     */
    static <T> TupleTypeCodec<T> of(Function<? super T, Object[]> encoder, Function<Object[], ? extends T> decoder) {
        Objects.requireNonNull(encoder, "encoder");
        Objects.requireNonNull(decoder, "decoder");
        return new TupleTypeCodec<>() {
            @Override
            public Object[] encode(T value) {
                return encoder.apply(value);
            }

            @Override
            public T decode(Object[] tuple) {
                return decoder.apply(tuple);
            }
        };
    }
}
