package io.pgjet.internal.types;

import io.netty.buffer.ByteBuf;
import io.pgjet.PgInterfaceException;
import io.pgjet.types.PgArray;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Codec for an array type: int32 ndim, int32 has-nulls flag, uint32 element OID, per dimension
 * int32 size and int32 lower bound, then each element as int32 length (-1 for NULL) and bytes.
 *
 * <p>Decodes to an unmodifiable {@code List} (nested per dimension, NULL elements as null; lower
 * bounds are dropped), and on request to {@link PgArray} (keeps bounds), to Java arrays of any
 * dimension ({@code Integer[][]}, {@code String[]}...) and to primitive arrays ({@code int[]},
 * {@code long[]}, {@code double[]}... read without boxing; a NULL element is an error).
 * Encodes Lists/Collections, Java arrays (nested for more dimensions; primitive arrays without
 * boxing), and PgArray; up to 6 dimensions, which must be rectangular.
 */
public final class ArrayCodec extends Codec {
    private static final int MAXDIM = 6;
    private final int elementOid;
    private final char delimiter;
    private final boolean vector;

    ArrayCodec(int oid, String name, int elementOid) {
        this(oid, name, elementOid, false);
    }

    /**
     * Creates an array codec; {@code vector} selects the space-separated text form of
     * int2vector and oidvector, which share the array wire format.
     */
    ArrayCodec(int oid, String name, int elementOid, boolean vector) {
        super(oid, name, List.class);
        this.elementOid = elementOid;
        this.delimiter = elementOid == TypeOids.BOX ? ';' : ',';
        this.vector = vector;
    }

    /**
     * Returns the element type OID.
     *
     * @return the OID
     */
    int elementOid() {
        return elementOid;
    }

    @Override
    public boolean isBinary(CodecRegistry registry) {
        Codec e = registry.codec(elementOid);
        return e != null && e.isBinary(registry);
    }

    @Override
    public boolean nests(int oid) {
        return oid == elementOid;
    }

    /** Refuses values here when the elements do not travel in binary: {@link #textForm} takes them. */
    @Override
    public boolean canEncode(Class<?> type, CodecRegistry registry) {
        Codec e = registry.codec(elementOid);
        return e != null && e.format() == BINARY && canEncode(type);
    }

    /** Returns the array's text form when its elements do not travel in binary. */
    @Override
    public Codec textForm(CodecRegistry registry) {
        Codec e = registry.codec(elementOid);
        return vector || (e != null && e.format() == BINARY) ? null : new TextArrayCodec(this, e != null);
    }

    @Override
    public boolean hasShape(CodecRegistry registry) {
        Codec e = registry.codec(elementOid);
        return e != null && e.format() == BINARY && e.hasShape(registry);
    }

    /** Checks the first non-NULL element: every element of one value has the same type. */
    @Override
    public OutdatedDescription outdatedDescription(ByteBuf buf, int off, int len, CodecRegistry registry) {
        if (len < 12 || Nesting.full()) {
            return null;
        }
        int[] depth = Nesting.enter(this);
        try {
            return outdatedNested(buf, off, len, registry);
        } finally {
            depth[0]--;
        }
    }

    private OutdatedDescription outdatedNested(ByteBuf buf, int off, int len, CodecRegistry registry) {
        int ndim = buf.getInt(off);
        if (ndim <= 0 || ndim > MAXDIM || len < 12 + 8 * ndim) {
            return null;
        }
        Codec e = registry.codec(buf.getInt(off + 8));
        if (e == null || e.format() != BINARY || !e.hasShape(registry)) {
            return null;
        }
        int end = off + len;
        for (int p = off + 12 + 8 * ndim; p + 4 <= end; ) {
            int l = buf.getInt(p);
            p += 4;
            if (l >= 0) {
                return l <= end - p ? e.outdatedDescription(buf, p, l, registry) : null;
            }
        }
        return null;
    }

    private Codec element(CodecContext ctx, int oid) {
        Codec e = ctx.registry().codec(oid);
        if ((e == null || e.format() != BINARY) && oid != elementOid) {
            // The value names an element type other than the array's own: the bytes are wrong,
            // not the client's configuration.
            throw malformed("elements of type " + TypeOids.name(oid) + " in an array of "
                    + TypeOids.name(elementOid));
        }
        if (e == null || e.format() != BINARY) {
            throw new PgInterfaceException("no binary codec for the elements of " + typeName() + " ("
                    + TypeOids.name(oid) + ")");
        }
        return e;
    }

    /** The parsed array header. */
    private final class Header {
        final int ndim;
        final boolean hasNull;
        final int elemOid;
        final int[] dims;
        final int[] lbounds;
        final int count;
        final int dataStart;

        Header(byte[] buf, int off, int len) {
            if (len < 12) {
                throw malformed("header too short");
            }
            ndim = BinaryPrimitives.int4(buf, off);
            hasNull = BinaryPrimitives.int4(buf, off + 4) != 0;
            elemOid = BinaryPrimitives.int4(buf, off + 8);
            if (ndim < 0 || ndim > MAXDIM || len < 12 + 8 * ndim) {
                throw malformed(ndim + " dimensions");
            }
            dims = new int[ndim];
            lbounds = new int[ndim];
            long n = ndim == 0 ? 0 : 1;
            for (int d = 0; d < ndim; d++) {
                dims[d] = BinaryPrimitives.int4(buf, off + 12 + 8 * d);
                lbounds[d] = BinaryPrimitives.int4(buf, off + 16 + 8 * d);
                if (dims[d] < 0) {
                    throw malformed("negative dimension");
                }
                // checked per dimension: six dimensions of 2^31 would overflow the product
                n *= dims[d];
                if (n > (len - 12 - 8L * ndim) / 4) {
                    break;
                }
            }
            if (n > (len - 12 - 8L * ndim) / 4) {
                throw malformed(n + " elements cannot fit in " + len + " bytes");
            }
            count = (int) n;
            dataStart = off + 12 + 8 * ndim;
        }
    }

    @Override
    public Object decode(byte[] buf, int off, int len, CodecContext ctx) {
        int[] depth = Nesting.enter(this);
        try {
            return decodeNested(buf, off, len, ctx);
        } finally {
            depth[0]--;
        }
    }

    private Object decodeNested(byte[] buf, int off, int len, CodecContext ctx) {
        Header h = new Header(buf, off, len);
        if (h.count == 0) {
            return List.of();
        }
        Object[] flat = elements(buf, off + len, h, element(ctx, h.elemOid), Object.class, ctx);
        return nest(flat, h.dims, 0, 0);
    }

    private Object[] elements(byte[] buf, int end, Header h, Codec codec, Class<?> leaf, CodecContext ctx) {
        Object[] out = (Object[]) Array.newInstance(leaf, h.count);
        int p = h.dataStart;
        for (int i = 0; i < h.count; i++) {
            if (p + 4 > end) {
                throw malformed("truncated");
            }
            int l = BinaryPrimitives.int4(buf, p);
            p += 4;
            if (l >= 0) {
                if (l > end - p) {
                    throw malformed("truncated element");
                }
                out[i] = leaf == Object.class ? codec.decode(buf, p, l, ctx) : codec.decode(buf, p, l, leaf, ctx);
                p += l;
            } else if (l != -1) {
                throw malformed("element length " + l);
            }
        }
        if (p != end) {
            throw malformed("trailing bytes");
        }
        return out;
    }

    private static List<Object> nest(Object[] flat, int[] dims, int dim, int start) {
        if (dim == dims.length - 1) {
            return Collections.unmodifiableList(Arrays.asList(
                    start == 0 && dims[dim] == flat.length ? flat : Arrays.copyOfRange(flat, start, start + dims[dim])));
        }
        int stride = 1;
        for (int d = dim + 1; d < dims.length; d++) {
            stride *= dims[d];
        }
        List<Object> out = new ArrayList<>(dims[dim]);
        for (int i = 0; i < dims[dim]; i++) {
            out.add(nest(flat, dims, dim + 1, start + i * stride));
        }
        return Collections.unmodifiableList(out);
    }

    @Override
    protected Object decodeAs(byte[] buf, int off, int len, Class<?> target, CodecContext ctx) {
        int[] depth = Nesting.enter(this);
        try {
            return decodeAsNested(buf, off, len, target, ctx);
        } finally {
            depth[0]--;
        }
    }

    private Object decodeAsNested(byte[] buf, int off, int len, Class<?> target, CodecContext ctx) {
        if (target == PgArray.class) {
            Header h = new Header(buf, off, len);
            Object[] flat = h.count == 0 ? new Object[0]
                    : elements(buf, off + len, h, element(ctx, h.elemOid), Object.class, ctx);
            return PgArray.of(h.elemOid, h.dims, h.lbounds, flat);
        }
        if (!target.isArray()) {
            return super.decodeAs(buf, off, len, target, ctx);
        }
        Header h = new Header(buf, off, len);
        int depth = 0;
        Class<?> leaf = target;
        while (leaf.isArray()) {
            leaf = leaf.getComponentType();
            depth++;
        }
        if (h.count == 0) {
            return Array.newInstance(target.getComponentType(), 0);
        }
        if (depth != h.ndim) {
            throw new PgInterfaceException("cannot decode a " + h.ndim + "-dimensional " + typeName() + " as "
                    + target.getSimpleName());
        }
        Codec codec = element(ctx, h.elemOid);
        if (leaf.isPrimitive()) {
            if (h.hasNull) {
                throw new PgInterfaceException("cannot decode " + typeName() + " with NULL elements as "
                        + target.getSimpleName() + ": use a wrapper array or List");
            }
            return primitive(buf, off + len, h, codec, leaf, ctx);
        }
        Object[] flat = elements(buf, off + len, h, codec, leaf == Object.class ? Object.class : leaf, ctx);
        return h.ndim == 1 ? flat : reshape(flat, h.dims, 0, 0, leaf);
    }

    private Object primitive(byte[] buf, int end, Header h, Codec codec, Class<?> leaf, CodecContext ctx) {
        int size = PrimitiveArrays.size(h.elemOid);
        Object flat = null;
        if (size > 0 && end - h.dataStart == h.count * (4L + size)) {
            flat = PrimitiveArrays.read(buf, h.dataStart, h.count, h.elemOid, leaf, this);
        }
        if (flat == null) {
            Object[] boxed = elements(buf, end, h, codec, Primitives.wrap(leaf), ctx);
            flat = Array.newInstance(leaf, h.count);
            for (int i = 0; i < boxed.length; i++) {
                if (boxed[i] == null) {
                    throw malformed("a NULL element in an array whose header says it has none");
                }
                Array.set(flat, i, boxed[i]);
            }
        }
        return h.ndim == 1 ? flat : reshape(flat, h.dims, 0, 0, leaf);
    }

    private static Object reshape(Object flat, int[] dims, int dim, int start, Class<?> leaf) {
        if (dim == dims.length - 1) {
            Object out = Array.newInstance(leaf, dims[dim]);
            System.arraycopy(flat, start, out, 0, dims[dim]);
            return out;
        }
        int[] shape = new int[dims.length - dim];
        shape[0] = dims[dim];
        Object out = Array.newInstance(leaf, shape);
        int stride = 1;
        for (int d = dim + 1; d < dims.length; d++) {
            stride *= dims[d];
        }
        for (int i = 0; i < dims[dim]; i++) {
            Array.set(out, i, reshape(flat, dims, dim + 1, start + i * stride, leaf));
        }
        return out;
    }

    @Override
    public String decodeText(byte[] buf, int off, int len, CodecContext ctx) {
        int[] depth = Nesting.enter(this);
        try {
            return decodeTextNested(buf, off, len, ctx);
        } finally {
            depth[0]--;
        }
    }

    private String decodeTextNested(byte[] buf, int off, int len, CodecContext ctx) {
        Header h = new Header(buf, off, len);
        if (vector) {
            StringBuilder sb = new StringBuilder();
            for (Object e : h.count == 0 ? List.of() : (List<?>) decode(buf, off, len, ctx)) {
                sb.append(sb.length() > 0 ? " " : "").append(e);
            }
            return sb.toString();
        }
        if (h.count == 0) {
            return "{}";
        }
        Codec codec = element(ctx, h.elemOid);
        StringBuilder sb = new StringBuilder();
        boolean bounds = false;
        for (int lb : h.lbounds) {
            bounds |= lb != 1;
        }
        if (bounds) {
            for (int d = 0; d < h.ndim; d++) {
                sb.append('[').append(h.lbounds[d]).append(':').append(h.lbounds[d] + h.dims[d] - 1).append(']');
            }
            sb.append('=');
        }
        int[] index = new int[h.ndim];
        int p = h.dataStart;
        int end = off + len;
        for (int d = 0; d < h.ndim; d++) {
            sb.append('{');
        }
        for (int i = 0; i < h.count; i++) {
            if (i > 0) {
                int closed = 0;
                for (int d = h.ndim - 1; d > 0 && index[d] == 0; d--) {
                    closed++;
                }
                for (int k = 0; k < closed; k++) {
                    sb.append('}');
                }
                sb.append(delimiter);
                for (int k = 0; k < closed; k++) {
                    sb.append('{');
                }
            }
            if (p + 4 > end) {
                throw malformed("truncated");
            }
            int l = BinaryPrimitives.int4(buf, p);
            p += 4;
            if (l == -1) {
                sb.append("NULL");
            } else if (l < 0 || l > end - p) {
                throw malformed("element length " + l);
            } else {
                appendQuoted(sb, codec.decodeText(buf, p, l, ctx), delimiter);
                p += l;
            }
            for (int d = h.ndim - 1; d >= 0; d--) {
                if (++index[d] < h.dims[d]) {
                    break;
                }
                index[d] = 0;
            }
        }
        if (p != end) {
            throw malformed("trailing bytes");
        }
        for (int d = 0; d < h.ndim; d++) {
            sb.append('}');
        }
        return sb.toString();
    }

    /**
     * Appends one element of an array literal in PostgreSQL's text form, in double quotes (with
     * {@code "} and {@code \\} escaped) when it would otherwise be misread: empty, {@code NULL},
     * or holding quotes, braces, the delimiter or white space.
     */
    public static void appendQuoted(StringBuilder sb, String s, char delimiter) {
        boolean needs = s.isEmpty() || s.equalsIgnoreCase("NULL");
        for (int i = 0; i < s.length() && !needs; i++) {
            char c = s.charAt(i);
            needs = c == '"' || c == '\\' || c == '{' || c == '}' || c == delimiter || isSpace(c);
        }
        if (!needs) {
            sb.append(s);
            return;
        }
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        sb.append('"');
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == '\f';
    }

    @Override
    public String formatText(Object value, CodecContext ctx) {
        io.netty.buffer.ByteBuf tmp = io.netty.buffer.Unpooled.buffer();
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
        Codec codec = element(ctx, elementOid);
        if (value instanceof PgArray) {
            encodeShaped((PgArray) value, codec, out, ctx);
            return;
        }
        if (!ArrayShapes.isArrayLike(value)) {
            throw cannotEncode(value);
        }
        int[] dims = shape(value, codec);
        int start = out.writerIndex();
        if (dims.length == 0) {
            out.writeInt(0).writeInt(0).writeInt(elementOid);
            return;
        }
        out.writeInt(dims.length).writeInt(0).writeInt(elementOid);
        for (int d : dims) {
            out.writeInt(d).writeInt(vector ? 0 : 1);
        }
        boolean[] hasNull = new boolean[1];
        write(value, 0, dims, codec, out, ctx, hasNull);
        if (hasNull[0]) {
            out.setInt(start + 4, 1);
        }
    }

    private void encodeShaped(PgArray a, Codec codec, ByteBuf out, CodecContext ctx) {
        int[] dims = a.dimensions();
        int[] lbounds = a.lowerBounds();
        if (dims.length > MAXDIM) {
            throw new PgInterfaceException("arrays have at most " + MAXDIM + " dimensions");
        }
        List<Object> elements = a.elements();
        if (elements.isEmpty()) {
            out.writeInt(0).writeInt(0).writeInt(elementOid);
            return;
        }
        int start = out.writerIndex();
        out.writeInt(dims.length).writeInt(0).writeInt(elementOid);
        for (int d = 0; d < dims.length; d++) {
            out.writeInt(dims[d]).writeInt(lbounds[d]);
        }
        boolean hasNull = false;
        for (Object e : elements) {
            hasNull |= writeElement(e, codec, out, ctx);
        }
        if (hasNull) {
            out.setInt(start + 4, 1);
        }
    }

    private int[] shape(Object value, Codec codec) {
        int[] dims = new int[MAXDIM + 1];
        int n = 0;
        Object cur = value;
        while (true) {
            if (n == MAXDIM) {
                throw new PgInterfaceException("cannot encode " + value.getClass().getName() + " as " + typeName()
                        + ": arrays have at most " + MAXDIM + " dimensions");
            }
            int len = ArrayShapes.length(cur);
            dims[n++] = len;
            if (len == 0) {
                return n == 1 ? new int[0] : emptyInner(value);
            }
            cur = ArrayShapes.first(cur);
            if (!ArrayShapes.isSubArray(cur, codec)) {
                return Arrays.copyOf(dims, n);
            }
        }
    }

    private int[] emptyInner(Object value) {
        throw new PgInterfaceException("cannot encode " + value.getClass().getName() + " as " + typeName()
                + ": a multidimensional array cannot have empty sub-arrays");
    }

    private void write(Object value, int dim, int[] dims, Codec codec, ByteBuf out, CodecContext ctx,
            boolean[] hasNull) {
        if (ArrayShapes.length(value) != dims[dim]) {
            throw new PgInterfaceException("cannot encode " + typeName()
                    + ": multidimensional arrays must have sub-arrays with matching dimensions");
        }
        if (dim == dims.length - 1) {
            if (value.getClass().isArray() && value.getClass().getComponentType().isPrimitive()) {
                if (PrimitiveArrays.write(value, codec.oid(), out)) {
                    return;
                }
                int n = Array.getLength(value);
                for (int i = 0; i < n; i++) {
                    writeElement(Array.get(value, i), codec, out, ctx);
                }
                return;
            }
            if (value instanceof Collection) {
                for (Object e : (Collection<?>) value) {
                    hasNull[0] |= writeElement(e, codec, out, ctx);
                }
            } else {
                for (Object e : (Object[]) value) {
                    hasNull[0] |= writeElement(e, codec, out, ctx);
                }
            }
            return;
        }
        Iterable<?> items = value instanceof Collection ? (Collection<?>) value : ArrayShapes.asIterable(value);
        for (Object sub : items) {
            if (sub == null || !ArrayShapes.isSubArray(sub, codec)) {
                throw new PgInterfaceException("cannot encode " + typeName()
                        + ": multidimensional arrays must have sub-arrays with matching dimensions");
            }
            write(sub, dim + 1, dims, codec, out, ctx, hasNull);
        }
    }

    /** Writes one length-prefixed element of a binary array; returns true when it was NULL. */
    public static boolean writeElement(Object e, Codec codec, ByteBuf out, CodecContext ctx) {
        if (e == null) {
            out.writeInt(-1);
            return true;
        }
        int at = out.writerIndex();
        out.writeInt(0);
        codec.encode(e, out, ctx);
        out.setInt(at, out.writerIndex() - at - 4);
        return false;
    }

    @Override
    public boolean canEncode(Class<?> type) {
        return Collection.class.isAssignableFrom(type) || type == PgArray.class
                || (type.isArray() && type != byte[].class);
    }
}
