package io.pgjet.internal.types;

import io.netty.buffer.ByteBuf;
import io.pgjet.PgInterfaceException;
import io.pgjet.types.PgRange;

/**
 * Codec for range types: a flags byte (0x01 empty, 0x02 lower inclusive, 0x04 upper inclusive,
 * 0x08 lower infinite, 0x10 upper infinite), then each finite bound as int32 length and the
 * subtype's bytes. Decodes to and encodes {@link PgRange} with bounds in the subtype's Java types.
 */
final class RangeCodec extends Codec {
    static final int EMPTY = 0x01;
    static final int LB_INC = 0x02;
    static final int UB_INC = 0x04;
    static final int LB_INF = 0x08;
    static final int UB_INF = 0x10;

    private final int subtypeOid;

    RangeCodec(int oid, String name, int subtypeOid) {
        super(oid, name, PgRange.class);
        this.subtypeOid = subtypeOid;
    }

    @Override
    public boolean isBinary(CodecRegistry registry) {
        Codec c = registry.codec(subtypeOid);
        return c != null && c.isBinary(registry);
    }

    private Codec subtype(CodecContext ctx) {
        Codec c = ctx.registry().codec(subtypeOid);
        if (c == null || c.format() != BINARY) {
            throw new PgInterfaceException("no binary codec for the subtype of " + typeName());
        }
        return c;
    }

    @Override
    public Object decode(byte[] buf, int off, int len, CodecContext ctx) {
        return read(buf, off, len, ctx, null);
    }

    /** Decodes, or renders text into {@code text} when it is not null. */
    private PgRange<Object> read(byte[] buf, int off, int len, CodecContext ctx, StringBuilder text) {
        if (len < 1) {
            throw malformed("too short");
        }
        int flags = buf[off];
        if ((flags & EMPTY) != 0) {
            if (text != null) {
                text.append("empty");
            }
            return PgRange.empty();
        }
        Codec sub = subtype(ctx);
        int p = off + 1;
        int end = off + len;
        Object lower = null;
        Object upper = null;
        if (text != null) {
            text.append((flags & LB_INC) != 0 ? '[' : '(');
        }
        if ((flags & LB_INF) == 0) {
            int l = length(buf, p, end);
            lower = text == null ? sub.decode(buf, p + 4, l, ctx) : bound(text, sub.decodeText(buf, p + 4, l, ctx));
            p += 4 + l;
        }
        if (text != null) {
            text.append(',');
        }
        if ((flags & UB_INF) == 0) {
            int l = length(buf, p, end);
            upper = text == null ? sub.decode(buf, p + 4, l, ctx) : bound(text, sub.decodeText(buf, p + 4, l, ctx));
            p += 4 + l;
        }
        if (text != null) {
            text.append((flags & UB_INC) != 0 ? ']' : ')');
        }
        if (p != end) {
            throw malformed("trailing bytes");
        }
        return PgRange.of(lower, (flags & LB_INC) != 0, upper, (flags & UB_INC) != 0);
    }

    private int length(byte[] buf, int p, int end) {
        if (p + 4 > end) {
            throw malformed("truncated");
        }
        int l = BinaryPrimitives.int4(buf, p);
        if (l < 0 || l > end - p - 4) {
            throw malformed("bound length " + l);
        }
        return l;
    }

    /** Appends a bound quoted as range_out does; returns a marker (bounds are not kept). */
    private static Object bound(StringBuilder sb, String s) {
        boolean needs = s.isEmpty();
        for (int i = 0; i < s.length() && !needs; i++) {
            char c = s.charAt(i);
            needs = c == '"' || c == '\\' || c == '(' || c == ')' || c == '[' || c == ']' || c == ','
                    || ArrayCodec.isSpace(c);
        }
        if (!needs) {
            sb.append(s);
            return s;
        }
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append(c);
            }
            sb.append(c);
        }
        sb.append('"');
        return s;
    }

    @Override
    public String decodeText(byte[] buf, int off, int len, CodecContext ctx) {
        StringBuilder sb = new StringBuilder();
        read(buf, off, len, ctx, sb);
        return sb.toString();
    }

    @Override
    public String formatText(Object value, CodecContext ctx) {
        ByteBuf tmp = io.netty.buffer.Unpooled.buffer();
        try {
            encode(value, tmp, ctx);
            byte[] b = new byte[tmp.readableBytes()];
            tmp.getBytes(0, b);
            return decodeText(b, 0, b.length, ctx);
        } finally {
            tmp.release();
        }
    }

    @Override
    public void encode(Object value, ByteBuf out, CodecContext ctx) {
        if (!(value instanceof PgRange)) {
            throw cannotEncode(value);
        }
        PgRange<?> r = (PgRange<?>) value;
        if (r.isEmpty()) {
            out.writeByte(EMPTY);
            return;
        }
        Codec sub = subtype(ctx);
        int flags = (r.lower() == null ? LB_INF : r.lowerInclusive() ? LB_INC : 0)
                | (r.upper() == null ? UB_INF : r.upperInclusive() ? UB_INC : 0);
        out.writeByte(flags);
        if (r.lower() != null) {
            writeBound(r.lower(), sub, out, ctx);
        }
        if (r.upper() != null) {
            writeBound(r.upper(), sub, out, ctx);
        }
    }

    private static void writeBound(Object v, Codec sub, ByteBuf out, CodecContext ctx) {
        int at = out.writerIndex();
        out.writeInt(0);
        sub.encode(v, out, ctx);
        out.setInt(at, out.writerIndex() - at - 4);
    }

    @Override
    public boolean nests(int oid) {
        return oid == subtypeOid;
    }

    @Override
    public boolean canEncode(Class<?> type) {
        return type == PgRange.class;
    }
}
