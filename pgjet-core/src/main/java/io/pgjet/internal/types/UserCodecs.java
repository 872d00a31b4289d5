package io.pgjet.internal.types;

import io.netty.buffer.ByteBuf;
import io.pgjet.PgInterfaceException;
import io.pgjet.types.BinaryTypeCodec;
import io.pgjet.types.TextTypeCodec;
import io.pgjet.types.TupleTypeCodec;

/**
 * Adapts the public user codec interfaces ({@code setTypeCodec}) to the {@link Codec} SPI.
 * Register the result with {@link CodecRegistry#register} (replacing the type's codec) and,
 * for parameter inference, {@link CodecRegistry#registerJavaType}.
 */
public final class UserCodecs {
    private UserCodecs() {
    }

    /**
     * Creates a text-format codec: the engine requests and sends the type in text format.
     *
     * @param oid      the type OID
     * @param name     the type name
     * @param javaType the class the codec produces and accepts
     * @param codec    the user's conversion
     * @param <T>      the Java type
     * @return the codec
     */
    public static <T> Codec text(int oid, String name, Class<T> javaType, TextTypeCodec<T> codec) {
        return new Adapter<T>(oid, name, javaType, Codec.TEXT) {
            @Override
            public Object decode(byte[] buf, int off, int len, CodecContext ctx) {
                return codec.decode(Texts.utf8(buf, off, len));
            }

            @Override
            void write(T value, ByteBuf out, CodecContext ctx) {
                Texts.write(codec.encode(value), out, typeName());
            }
        };
    }

    /**
     * Creates a binary-format codec over the type's {@code send}/{@code recv} bytes.
     *
     * @param oid      the type OID
     * @param name     the type name
     * @param javaType the class the codec produces and accepts
     * @param codec    the user's conversion
     * @param <T>      the Java type
     * @return the codec
     */
    public static <T> Codec binary(int oid, String name, Class<T> javaType, BinaryTypeCodec<T> codec) {
        return new Adapter<T>(oid, name, javaType, Codec.BINARY) {
            @Override
            public Object decode(byte[] buf, int off, int len, CodecContext ctx) {
                byte[] copy = new byte[len];
                System.arraycopy(buf, off, copy, 0, len);
                return codec.decode(copy);
            }

            @Override
            void write(T value, ByteBuf out, CodecContext ctx) {
                out.writeBytes(codec.encode(value));
            }
        };
    }

    /**
     * Creates a tuple codec on top of the type's current codec (see {@link TupleForms} for the
     * supported types and their tuples).
     *
     * @param base     the codec currently registered for the type
     * @param javaType the class the codec produces and accepts
     * @param codec    the user's conversion
     * @param <T>      the Java type
     * @return the codec
     * @throws PgInterfaceException if the type has no tuple form
     */
    public static <T> Codec tuple(Codec base, Class<T> javaType, TupleTypeCodec<T> codec) {
        if (!TupleForms.supports(base)) {
            throw new PgInterfaceException("type " + base.typeName() + " has no tuple form");
        }
        return new Adapter<T>(base.oid(), base.typeName(), javaType, Codec.BINARY) {
            @Override
            public Object decode(byte[] buf, int off, int len, CodecContext ctx) {
                return codec.decode(TupleForms.decode(base, buf, off, len, ctx));
            }

            @Override
            void write(T value, ByteBuf out, CodecContext ctx) {
                TupleForms.encode(base, codec.encode(value), out, ctx);
            }

            @Override
            public boolean isBinary(CodecRegistry registry) {
                return base.isBinary(registry);
            }
        };
    }

    /** Checks the value's class and delegates. */
    private abstract static class Adapter<T> extends Codec {
        private final Class<T> javaType;
        private final int format;

        Adapter(int oid, String name, Class<T> javaType, int format) {
            super(oid, name, javaType);
            this.javaType = javaType;
            this.format = format;
        }

        @Override
        public int format() {
            return format;
        }

        abstract void write(T value, ByteBuf out, CodecContext ctx);

        @Override
        public void encode(Object value, ByteBuf out, CodecContext ctx) {
            if (!javaType.isInstance(value)) {
                throw cannotEncode(value);
            }
            write(javaType.cast(value), out, ctx);
        }

        @Override
        public String formatText(Object value, CodecContext ctx) {
            return String.valueOf(value);
        }

        @Override
        public boolean canEncode(Class<?> type) {
            return javaType.isAssignableFrom(type);
        }
    }
}
