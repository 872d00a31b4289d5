package io.pgjet.internal.types;

import io.netty.buffer.ByteBuf;
import io.pgjet.PgInterfaceException;

/**
 * Codec for a domain: values travel in the base type's format and decode as the base type; the
 * base codec is looked up in the registry on every call, so a domain over a type registered
 * later works.
 */
final class DomainCodec extends Codec {
    private final int baseOid;

    DomainCodec(int oid, String name, int baseOid, Class<?> baseJavaType) {
        super(oid, name, baseJavaType);
        this.baseOid = baseOid;
    }

    /**
     * Returns the base type OID.
     *
     * @return the OID
     */
    int baseOid() {
        return baseOid;
    }

    private Codec base(CodecContext ctx) {
        Codec c = ctx.registry().codec(baseOid);
        if (c == null) {
            throw new PgInterfaceException("no codec for the base type of domain " + typeName());
        }
        return c;
    }

    @Override
    public int format() {
        return BINARY;
    }

    @Override
    public boolean nests(int oid) {
        return oid == baseOid;
    }

    @Override
    public boolean hasShape(CodecRegistry registry) {
        Codec c = registry.codec(baseOid);
        return c != null && c.hasShape(registry);
    }

    @Override
    public OutdatedDescription outdatedDescription(io.netty.buffer.ByteBuf buf, int off, int len, CodecRegistry registry) {
        Codec c = registry.codec(baseOid);
        return c == null ? null : c.outdatedDescription(buf, off, len, registry);
    }

    /**
     * Answers for the base type: a value the base codec refuses is refused for the domain too;
     * one the base type takes in text format goes through {@link #textForm}.
     */
    @Override
    public boolean canEncode(Class<?> type, CodecRegistry registry) {
        Codec c = registry.codec(baseOid);
        return c != null && c.parameterFormat() == BINARY && c.canEncode(type, registry);
    }

    /** Returns the base type's text-format codec (a custom text codec, tsquery...) or text form. */
    @Override
    public Codec textForm(CodecRegistry registry) {
        Codec c = registry.codec(baseOid);
        if (c == null) {
            return null;
        }
        return c.format() == TEXT || c.parameterFormat() == TEXT ? c : c.textForm(registry);
    }

    @Override
    public boolean isBinary(CodecRegistry registry) {
        Codec c = registry.codec(baseOid);
        return c != null && c.isBinary(registry);
    }

    @Override
    public Object decode(byte[] buf, int off, int len, CodecContext ctx) {
        return base(ctx).decode(buf, off, len, ctx);
    }

    @Override
    protected Object decodeAs(byte[] buf, int off, int len, Class<?> target, CodecContext ctx) {
        return base(ctx).decode(buf, off, len, target, ctx);
    }

    @Override
    public String decodeText(byte[] buf, int off, int len, CodecContext ctx) {
        return base(ctx).decodeText(buf, off, len, ctx);
    }

    @Override
    public String formatText(Object value, CodecContext ctx) {
        return base(ctx).formatText(value, ctx);
    }

    @Override
    public void encode(Object value, ByteBuf out, CodecContext ctx) {
        base(ctx).encode(value, out, ctx);
    }

    /**
     * Returns true: without the registry the base type is unknown here, and {@link #encode}
     * refuses what the base codec refuses; see {@link #canEncode(Class, CodecRegistry)}.
     */
    @Override
    public boolean canEncode(Class<?> type) {
        return true;
    }
}
