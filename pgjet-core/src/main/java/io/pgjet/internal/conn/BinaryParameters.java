package io.pgjet.internal.conn;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.pgjet.PgInterfaceException;
import io.pgjet.Secret;
import io.pgjet.internal.engine.BindEncoder;
import io.pgjet.internal.engine.PreparedInfo;
import io.pgjet.internal.types.Codec;
import io.pgjet.internal.types.CodecContext;
import io.pgjet.internal.types.CodecRegistry;
import io.pgjet.protocol.FrontendMessages;
import java.util.UUID;

/**
 * Encodes Java arguments for Bind using the parameter types the server described: binary with
 * the type's codec where one accepts the value; else in text format with the type's text-format
 * codec or text form (custom text codecs, tsquery, arrays of such types) when it accepts the
 * value; else a string as is, for the server to parse. Any other value does not fit the type and
 * is refused before anything is written; only for a type without any codec are numbers,
 * booleans, UUIDs and enums sent as their text. Values are written straight into the outbound
 * buffer.
 */
public final class BinaryParameters implements BindEncoder {
    private static final short[] NO_FORMATS = new short[0];
    private static final short[] ALL_BINARY = {1};
    private static final short[] ALL_TEXT = new short[0];

    private final Object[] values;
    private final SessionTypes types;

    /** Which values were {@link Secret}s (unwrapped in {@link #values}), or null when none. */
    private final boolean[] secret;

    BinaryParameters(Object[] values, SessionTypes types) {
        Object[] v = values == null ? new Object[0] : values;
        boolean[] s = null;
        for (int i = 0; i < v.length; i++) {
            if (v[i] instanceof Secret) {
                if (s == null) {
                    s = new boolean[v.length];
                    v = v.clone(); // the caller's array (and what listeners see) keeps the Secret
                }
                s[i] = true;
                v[i] = Secret.reveal(v[i]);
            }
        }
        this.values = v;
        this.secret = s;
        this.types = types;
    }

    /**
     * Returns the exception for a secret value that could not be encoded: it names the parameter
     * and the type only, and keeps no cause (whose message may quote the value).
     *
     * @param index  the parameter's index, from 0
     * @param oid    the parameter's type
     * @param registry the registry the type's name is looked up in
     * @return the exception
     */
    public static PgInterfaceException secretRefused(int index, int oid, CodecRegistry registry) {
        Codec c = registry.codec(oid);
        return new PgInterfaceException("parameter $" + (index + 1) + " (a Secret) cannot be sent as "
                + (c != null ? c.typeName() : io.pgjet.internal.types.TypeOids.name(oid)));
    }

    @Override
    public void writeBind(ByteBuf out, String portal, PreparedInfo statement) {
        int[] oids = statement.parameterTypes();
        if (oids.length != values.length) {
            throw new PgInterfaceException("the statement has " + oids.length + " parameter(s) but "
                    + values.length + " argument(s) were given");
        }
        CodecRegistry registry = types.registry();
        CodecContext context = values.length == 0 ? null : types.context();
        Codec[] codecs = new Codec[values.length];
        boolean allBinary = true;
        boolean anyBinary = false;
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value == null) {
                continue;
            }
            Codec codec = registry.codec(oids[i]);
            if (codec != null && codec.parameterFormat() == Codec.BINARY && codec.canEncode(value.getClass(), registry)) {
                codecs[i] = codec;
                anyBinary = true;
            } else {
                allBinary = false;
            }
        }
        short[] formats = values.length == 0 ? NO_FORMATS : allBinary ? ALL_BINARY : anyBinary ? perValue(codecs) : ALL_TEXT;
        short[] resultFormats = statement.columns() == null ? NO_FORMATS : statement.columns().resultFormats();
        int start = FrontendMessages.bindStart(out, portal, statement.name(), formats, values.length);
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value == null) {
                FrontendMessages.bindNull(out);
                continue;
            }
            int length = FrontendMessages.bindValueStart(out);
            try {
                if (codecs[i] != null) {
                    codecs[i].encode(value, out, context);
                } else {
                    writeText(out, value, oids[i], registry, context);
                }
            } catch (PgInterfaceException e) {
                if (secret != null && secret[i]) {
                    throw secretRefused(i, oids[i], registry);
                }
                throw new PgInterfaceException("parameter $" + (i + 1) + ": " + e.getMessage(), e);
            }
            FrontendMessages.bindValueEnd(out, length);
        }
        FrontendMessages.bindEnd(out, start, resultFormats);
    }

    private static short[] perValue(Codec[] codecs) {
        short[] formats = new short[codecs.length];
        for (int i = 0; i < codecs.length; i++) {
            formats[i] = (short) (codecs[i] != null ? 1 : 0);
        }
        return formats;
    }

    /**
     * Writes a value no binary codec takes in text format: with the type's text-format codec (a
     * user or extension codec, tsquery, or the text form of an array whose elements are not
     * binary) when it accepts the value; else a string as is, for the server's input function.
     * For a type PgJet knows, any other value does not fit and is refused here, before anything
     * is sent (an Integer for bytea is not its digits, nor for bool "true"); only for a type
     * without any codec are numbers, booleans, UUIDs and enums sent as their text.
     */
    private static void writeText(ByteBuf out, Object value, int oid, CodecRegistry registry, CodecContext context) {
        Codec codec = registry.codec(oid);
        Codec text = codec == null || codec.parameterFormat() == Codec.TEXT ? codec : codec.textForm(registry);
        if (text != null && text.canEncode(value.getClass(), registry)) {
            text.encode(value, out, context);
            return;
        }
        ByteBufUtil.writeUtf8(out, codec != null ? stringText(value, codec) : plainText(value, "type OID " + oid));
    }

    /**
     * Returns the text sent for a value that {@code codec}, the codec of the parameter's type,
     * does not take: a string or character as is (the server parses it); anything else does not
     * fit the type.
     *
     * @throws PgInterfaceException for any other class, or text with a NUL character
     */
    public static String stringText(Object value, Codec codec) {
        if (!(value instanceof CharSequence || value instanceof Character)) {
            throw new PgInterfaceException("cannot encode " + value.getClass().getName() + " as " + codec.typeName());
        }
        return plainText(value, codec.typeName());
    }

    /**
     * Returns the text sent for a value of a type without a codec, for the server to parse with
     * the type's input function: strings, numbers, booleans, characters and UUIDs as they print,
     * enums by name.
     *
     * @throws PgInterfaceException for any other class, or text with a NUL character
     */
    public static String plainText(Object value, String typeName) {
        String text;
        if (value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                || value instanceof Character || value instanceof UUID) {
            text = value.toString();
        } else if (value instanceof Enum) {
            text = ((Enum<?>) value).name();
        } else {
            throw new PgInterfaceException("cannot encode " + value.getClass().getName() + " as " + typeName);
        }
        if (text.indexOf('\0') >= 0) {
            throw new PgInterfaceException("the value contains a NUL character (U+0000), which PostgreSQL text cannot store");
        }
        return text;
    }
}
