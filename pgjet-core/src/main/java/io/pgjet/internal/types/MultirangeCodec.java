package io.pgjet.internal.types;

import io.netty.buffer.ByteBuf;
import io.pgjet.PgInterfaceException;
import io.pgjet.types.PgMultirange;
import io.pgjet.types.PgRange;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Codec for multirange types (PostgreSQL 14+): int32 range count, then each range as int32
 * length and the range type's bytes. Decodes to {@link PgMultirange}; encodes PgMultirange and
 * collections of {@link PgRange}.
 */
final class MultirangeCodec extends Codec {
    private final int rangeOid;

    MultirangeCodec(int oid, String name, int rangeOid) {
        super(oid, name, PgMultirange.class);
        this.rangeOid = rangeOid;
    }

    @Override
    public boolean isBinary(CodecRegistry registry) {
        Codec c = registry.codec(rangeOid);
        return c != null && c.isBinary(registry);
    }

    private Codec range(CodecContext ctx) {
        Codec c = ctx.registry().codec(rangeOid);
        if (c == null || c.format() != BINARY) {
            throw new PgInterfaceException("no binary codec for the range type of " + typeName());
        }
        return c;
    }

    @Override
    public Object decode(byte[] buf, int off, int len, CodecContext ctx) {
        List<PgRange<Object>> ranges = new ArrayList<>();
        walk(buf, off, len, ctx, ranges, null);
        return new PgMultirange<>(ranges);
    }

    @SuppressWarnings("unchecked")
    private void walk(byte[] buf, int off, int len, CodecContext ctx, List<PgRange<Object>> out, StringBuilder text) {
        if (len < 4) {
            throw malformed("too short");
        }
        int n = BinaryPrimitives.int4(buf, off);
        if (n < 0 || n > (len - 4) / 5) {
            throw malformed(n + " ranges cannot fit in " + len + " bytes");
        }
        Codec range = range(ctx);
        int p = off + 4;
        int end = off + len;
        for (int i = 0; i < n; i++) {
            if (p + 4 > end) {
                throw malformed("truncated");
            }
            int l = BinaryPrimitives.int4(buf, p);
            if (l < 0 || l > end - p - 4) {
                throw malformed("range length " + l);
            }
            if (text != null) {
                text.append(i > 0 ? "," : "").append(range.decodeText(buf, p + 4, l, ctx));
            } else {
                out.add((PgRange<Object>) range.decode(buf, p + 4, l, ctx));
            }
            p += 4 + l;
        }
        if (p != end) {
            throw malformed("trailing bytes");
        }
    }

    @Override
    public String decodeText(byte[] buf, int off, int len, CodecContext ctx) {
        StringBuilder sb = new StringBuilder("{");
        walk(buf, off, len, ctx, null, sb);
        return sb.append('}').toString();
    }

    @Override
    public String formatText(Object value, CodecContext ctx) {
        StringBuilder sb = new StringBuilder("{");
        Codec range = range(ctx);
        List<? extends PgRange<?>> ranges = ((PgMultirange<?>) value).ranges();
        for (int i = 0; i < ranges.size(); i++) {
            sb.append(i > 0 ? "," : "").append(range.formatText(ranges.get(i), ctx));
        }
        return sb.append('}').toString();
    }

    @Override
    public void encode(Object value, ByteBuf out, CodecContext ctx) {
        Collection<?> ranges;
        if (value instanceof PgMultirange) {
            ranges = ((PgMultirange<?>) value).ranges();
        } else if (value instanceof Collection) {
            ranges = (Collection<?>) value;
        } else {
            throw cannotEncode(value);
        }
        Codec range = range(ctx);
        out.writeInt(ranges.size());
        for (Object r : ranges) {
            if (r == null) {
                throw new PgInterfaceException("cannot encode a NULL range in " + typeName());
            }
            if (!(r instanceof PgRange)) {
                throw cannotEncode(r);
            }
            int at = out.writerIndex();
            out.writeInt(0);
            range.encode(r, out, ctx);
            out.setInt(at, out.writerIndex() - at - 4);
        }
    }

    /** Accepts PgMultirange and, as docs/types.md promises, any Collection (of PgRange: checked per element). */
    @Override
    public boolean canEncode(Class<?> type) {
        return type == PgMultirange.class || Collection.class.isAssignableFrom(type);
    }

    @Override
    public boolean nests(int oid) {
        return oid == rangeOid;
    }
}
