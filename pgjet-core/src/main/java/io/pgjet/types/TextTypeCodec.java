package io.pgjet.types;

import java.util.Objects;
import java.util.function.Function;

/**
 * Converts a Java type to and from a PostgreSQL type's text form; registered with
 * {@code setTypeCodec} for {@link TypeCodecFormat#TEXT}.
 *
 * <p>Implementations must be thread-safe and should throw a runtime exception for values they
 * cannot convert; the exception fails the query that needed the value.
 *
 * @param <T> the Java type
 */
public interface TextTypeCodec<T> {

    /**
     * Renders a non-null value as PostgreSQL input text.
     *
     * @param value the parameter value, never null
     * @return text the server's input function accepts
     */
    String encode(T value);

    /**
     * Parses the server's text output.
     *
     * @param text the value as the server rendered it, never null
     * @return the Java value
     */
    T decode(String text);

    /**
     * Creates a codec from two functions.
     *
     * @param encoder renders a value as text
     * @param decoder parses text
     * @param <T>     the Java type
     * @return a codec delegating to the functions
     */
    static <T> TextTypeCodec<T> of(Function<? super T, String> encoder, Function<String, ? extends T> decoder) {
        Objects.requireNonNull(encoder, "encoder");
        Objects.requireNonNull(decoder, "decoder");
        return new TextTypeCodec<>() {
            @Override
            public String encode(T value) {
                return encoder.apply(value);
            }

            @Override
            public T decode(String text) {
                return decoder.apply(text);
            }
        };
    }
}
