package io.pgjet.internal.types;

import io.netty.buffer.ByteBuf;
import io.pgjet.PgInterfaceException;
import io.pgjet.PgProtocolException;

/**
 * Converts the values of one PostgreSQL type between their wire form and Java.
 *
 * <p>Decoding reads a value's bytes from a slice {@code buf[off, off + len)} (a DataRow kept as a
 * byte array); the slice is never retained. Encoding appends the value's bytes, without the
 * length prefix, to the caller's buffer. {@link #format()} says whether both directions use the
 * binary format (the default) or the text format.
 *
 * <p>Subclasses are immutable and thread-safe; nested values (array elements, composite
 * fields, range bounds) are resolved through {@link CodecContext#registry()} on each call so that
 * codecs registered later (introspection, {@code setTypeCodec}) take effect.
 *
 * <p>Failures: a Java value the codec cannot encode and a target class it cannot produce throw
 * {@link PgInterfaceException}; bytes that violate the type's wire format throw
 * {@link PgProtocolException}.
 */
public abstract class Codec {
    /** Format code of the text format in Bind and RowDescription. */
    public static final int TEXT = 0;
    /** Format code of the binary format in Bind and RowDescription. */
    public static final int BINARY = 1;

    private final int oid;
    private final String typeName;
    private final Class<?> defaultJavaType;
    /** Set once the server showed this description of a user type to be out of date. */
    private volatile boolean outdated;

    /**
     * Creates a codec.
     *
     * @param oid             the type OID this codec serves
     * @param typeName        the type's SQL name, used in error messages
     * @param defaultJavaType the class {@link #decode(byte[], int, int, CodecContext)} returns
     */
    protected Codec(int oid, String typeName, Class<?> defaultJavaType) {
        this.oid = oid;
        this.typeName = typeName;
        this.defaultJavaType = defaultJavaType;
    }

    /**
     * Returns the type OID this codec serves.
     *
     * @return the OID
     */
    public final int oid() {
        return oid;
    }

    /**
     * Returns the SQL name of the type.
     *
     * @return e.g. {@code int4}
     */
    public final String typeName() {
        return typeName;
    }

    /**
     * Returns the Java class {@link #decode(byte[], int, int, CodecContext)} returns.
     *
     * @return the default Java type
     */
    public final Class<?> defaultJavaType() {
        return defaultJavaType;
    }

    /**
     * Returns the wire format this codec reads and writes.
     *
     * @return {@link #BINARY} (default) or {@link #TEXT}
     */
    public int format() {
        return BINARY;
    }

    /**
     * Returns the wire format {@link #encode} writes, which is {@link #format()} unless a codec
     * can only read the binary format (tsquery parameters are sent as text).
     *
     * @return {@link #BINARY} or {@link #TEXT}
     */
    public int parameterFormat() {
        return format();
    }

    /**
     * Returns whether values of this type can travel in binary format with the codecs currently in
     * {@code registry}; container codecs answer for their element types.
     *
     * @param registry the registry nested types are looked up in
     * @return true when results should be requested in binary format
     */
    public boolean isBinary(CodecRegistry registry) {
        return format() == BINARY;
    }

    /**
     * Returns whether the server showed this codec's description of its type to be out of date
     * (a composite type altered after it was introspected): the engine then introspects the type
     * again before it uses the codec for a statement.
     *
     * @return true once {@link CodecRegistry#markOutdated} marked it
     */
    public final boolean isOutdated() {
        return outdated;
    }

    /** Marks this codec's description as out of date; see {@link #isOutdated()}. */
    final void markOutdated() {
        outdated = true;
    }

    /**
     * Returns whether values of this type nest values of type {@code oid} whose codec is looked
     * up by OID: an array's element, a domain's base, a range's subtype, a multirange's range, a
     * composite's attributes. When that type's description goes out of date, so does this one.
     *
     * @param oid a type OID
     * @return true when this codec depends on the codec of {@code oid}
     */
    public boolean nests(int oid) {
        return false;
    }

    /**
     * Returns whether a binary value of this type carries a shape PgJet can check against its
     * description (composite attributes, also inside arrays and domains): only such columns are
     * checked by {@link #outdatedDescription}.
     *
     * @param registry the registry nested types are looked up in
     * @return true when {@link #outdatedDescription} may find a mismatch
     */
    public boolean hasShape(CodecRegistry registry) {
        return false;
    }

    /**
     * Checks a binary value as the server sent it against this codec's description of the type,
     * without decoding it: a composite whose attribute count or attribute types differ means the
     * type was altered since it was introspected.
     *
     * @param buf      the buffer holding the value (absolute reads; indexes are not moved)
     * @param off      where the value starts
     * @param len      the value's length
     * @param registry the registry nested types are looked up in
     * @return null when the value matches (or is too malformed to tell: decoding reports that),
     *     else the out-of-date codec and the exception naming its type
     */
    public OutdatedDescription outdatedDescription(ByteBuf buf, int off, int len, CodecRegistry registry) {
        return null;
    }

    /**
     * What {@link #outdatedDescription} found: the codec whose description no longer matches
     * the server's values, and the exception to report.
     *
     * @param codec the out-of-date codec
     * @param error the exception naming its type
     */
    public record OutdatedDescription(Codec codec, io.pgjet.types.OutdatedSchemaCacheException error) {}

    /**
     * Returns the codec for this type's values in text format, for a type whose nested values
     * cannot travel in binary (an array of a type with a custom text codec or without a codec, a
     * domain over such a type): it reads and writes PostgreSQL's text form using the nested type's
     * codec.
     *
     * @param registry the registry nested types are looked up in
     * @return a codec whose {@link #format()} is {@link #TEXT}, or null when there is none
     */
    public Codec textForm(CodecRegistry registry) {
        return null;
    }

    /**
     * Creates the exception reporting that this codec's description of its type is out of date.
     *
     * @param detail what did not match
     * @return the exception, naming this type
     */
    public io.pgjet.types.OutdatedSchemaCacheException outdatedError(String detail) {
        return new io.pgjet.types.OutdatedSchemaCacheException(null, typeName, detail);
    }

    /**
     * Returns whether {@link #encode} accepts values of a class, asking the registry about the
     * types this one delegates to (a domain answers for its base type).
     *
     * @param type     a value's class
     * @param registry the registry nested types are looked up in
     * @return true when accepted
     */
    public boolean canEncode(Class<?> type, CodecRegistry registry) {
        return canEncode(type);
    }

    /**
     * Decodes a value into its default Java type.
     *
     * @param buf the bytes holding the value
     * @param off where the value starts
     * @param len the value's length (never -1: the caller handles SQL NULL)
     * @param ctx session facts
     * @return the value, never null (except for a NULL element inside a container)
     * @throws PgProtocolException if the bytes are malformed
     */
    public abstract Object decode(byte[] buf, int off, int len, CodecContext ctx);

    /**
     * Decodes a value into the requested class: the default type, a supertype of it, a primitive
     * wrapper, {@code String} (PostgreSQL's text form) or one of the alternates the codec
     * documents.
     *
     * @param buf    the bytes holding the value
     * @param off    where the value starts
     * @param len    the value's length
     * @param target the requested class; primitive classes mean their wrappers
     * @param ctx    session facts
     * @param <T>    the requested type
     * @return the value
     * @throws PgInterfaceException if the codec cannot produce {@code target}, or the value does
     *     not fit it (for example an int8 above {@code Integer.MAX_VALUE} as Integer)
     * @throws PgProtocolException  if the bytes are malformed
     */
    @SuppressWarnings("unchecked")
    public final <T> T decode(byte[] buf, int off, int len, Class<T> target, CodecContext ctx) {
        Class<?> t = target.isPrimitive() ? Primitives.wrap(target) : target;
        if (t == Object.class) {
            return (T) decode(buf, off, len, ctx);
        }
        if (t == defaultJavaType) {
            Object v = decode(buf, off, len, ctx);
            // A few types decode special values to another class (numeric NaN to Double).
            return (T) (t.isInstance(v) ? v : decodeAs(buf, off, len, t, ctx));
        }
        if (t == String.class) {
            return (T) decodeText(buf, off, len, ctx);
        }
        return (T) decodeAs(buf, off, len, t, ctx);
    }

    /**
     * Decodes into a class other than the default type, {@code Object} and {@code String}.
     * The base implementation accepts supertypes of the default type; subclasses add alternates
     * and call {@code super} for the rest.
     *
     * @param buf    the bytes holding the value
     * @param off    where the value starts
     * @param len    the value's length
     * @param target the requested class, never primitive
     * @param ctx    session facts
     * @return an instance of {@code target}
     * @throws PgInterfaceException if the target is not supported
     */
    protected Object decodeAs(byte[] buf, int off, int len, Class<?> target, CodecContext ctx) {
        if (target.isAssignableFrom(defaultJavaType)) {
            return decode(buf, off, len, ctx);
        }
        throw cannotDecodeAs(target);
    }

    /**
     * Decodes a value into PostgreSQL's text form, as the server prints it with default settings
     * ({@code DateStyle ISO}, {@code IntervalStyle postgres}, {@code bytea_output hex},
     * {@code extra_float_digits 1}) and the session time zone.
     *
     * @param buf the bytes holding the value
     * @param off where the value starts
     * @param len the value's length
     * @param ctx session facts
     * @return the text form
     */
    public String decodeText(byte[] buf, int off, int len, CodecContext ctx) {
        return formatText(decode(buf, off, len, ctx), ctx);
    }

    /**
     * Renders a value of the default Java type in PostgreSQL's text form (see
     * {@link #decodeText}); used for nested values too.
     *
     * @param value a non-null value as {@link #decode(byte[], int, int, CodecContext)} returns it
     * @param ctx   session facts
     * @return the text form
     */
    public String formatText(Object value, CodecContext ctx) {
        return value.toString();
    }

    /**
     * Appends a value's wire bytes (no length prefix) to {@code out}.
     *
     * @param value a non-null value of a class {@link #canEncode} accepts
     * @param out   the buffer to append to; on failure it may hold a partial value, which the
     *              caller discards
     * @param ctx   session facts
     * @throws PgInterfaceException if the value's class is not accepted or the value is out of
     *     the type's range
     */
    public abstract void encode(Object value, ByteBuf out, CodecContext ctx);

    /**
     * Returns whether {@link #encode} accepts values of a class.
     *
     * @param type a value's class
     * @return true when accepted (values may still be rejected for being out of range)
     */
    public abstract boolean canEncode(Class<?> type);

    /**
     * Creates the exception for a value this codec cannot encode.
     *
     * @param value the rejected value
     * @return an exception naming the value's class and this type
     */
    protected final PgInterfaceException cannotEncode(Object value) {
        return new PgInterfaceException("cannot encode " + value.getClass().getName() + " as " + typeName);
    }

    /**
     * Creates the exception for a value out of this type's range.
     *
     * @param value  the rejected value
     * @param detail why, e.g. "is after 294276-12-31"
     * @return the exception
     */
    protected final PgInterfaceException outOfRange(Object value, String detail) {
        return new PgInterfaceException(typeName + " value out of range: " + value + " " + detail);
    }

    /**
     * Creates the exception for a target class this codec cannot produce.
     *
     * @param target the requested class
     * @return an exception naming this type and the target
     */
    protected final PgInterfaceException cannotDecodeAs(Class<?> target) {
        return new PgInterfaceException("cannot decode " + typeName + " as " + target.getName());
    }

    /**
     * Creates the exception for bytes that violate this type's wire format.
     *
     * @param detail what is wrong
     * @return the exception
     */
    protected final PgProtocolException malformed(String detail) {
        return new PgProtocolException("malformed binary " + typeName + " value: " + detail);
    }

    /**
     * Checks that a fixed-size value has the expected length.
     *
     * @param len      the length received
     * @param expected the type's size
     * @throws PgProtocolException if they differ
     */
    protected final void checkLength(int len, int expected) {
        if (len != expected) {
            throw malformed("expected " + expected + " bytes, got " + len);
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + typeName + "/" + oid + "]";
    }
}
