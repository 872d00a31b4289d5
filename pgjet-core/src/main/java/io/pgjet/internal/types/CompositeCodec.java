package io.pgjet.internal.types;

import io.netty.buffer.ByteBuf;
import io.pgjet.PgInterfaceException;
import io.pgjet.types.PgRecord;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Codec for composite types and the anonymous {@code record} type: int32 field count, then per
 * field uint32 type OID, int32 length (-1 for NULL) and bytes.
 *
 * <p>Decodes to {@link PgRecord} (attribute names known for a registered composite type), and on
 * request to {@code Object[]}, {@code Map} (name to value) or a Java {@code record} class whose
 * components match the attributes by name (exactly, ignoring case, or camelCase to snake_case).
 * A field whose type has no binary codec decodes to its raw {@code byte[]}. Encodes PgRecord,
 * Object[] and List (positional), Map (by attribute name) and Java records, for composite types
 * only: PostgreSQL cannot receive anonymous records.
 */
final class CompositeCodec extends Codec {
    private final String schema;
    private final String[] names;
    private final int[] typeOids;

    /**
     * Creates the codec of a composite type, or of {@code record} when {@code names} is null.
     *
     * @param schema the type's schema (for error messages), or null
     */
    CompositeCodec(int oid, String schema, String name, String[] names, int[] typeOids) {
        super(oid, name, PgRecord.class);
        this.schema = schema;
        this.names = names;
        this.typeOids = typeOids;
    }

    static CompositeCodec anonymousRecord() {
        return new CompositeCodec(TypeOids.RECORD, null, "record", null, null);
    }

    @Override
    public boolean nests(int oid) {
        if (typeOids != null) {
            for (int t : typeOids) {
                if (t == oid) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public boolean hasShape(CodecRegistry registry) {
        return names != null;
    }

    /**
     * Compares the attribute count and types the server sent with the introspected ones, then
     * the nested values that have a shape of their own. A composite altered by {@code ALTER
     * TYPE} keeps its OID: this is the only sign that its cached description is out of date.
     */
    @Override
    public OutdatedDescription outdatedDescription(ByteBuf buf, int off, int len, CodecRegistry registry) {
        if (Nesting.full()) {
            return null; // too deep to tell: decoding reports it
        }
        int[] depth = Nesting.enter(this);
        try {
            return outdatedNested(buf, off, len, registry);
        } finally {
            depth[0]--;
        }
    }

    private OutdatedDescription outdatedNested(ByteBuf buf, int off, int len, CodecRegistry registry) {
        if (names == null || len < 4) {
            return null;
        }
        int n = buf.getInt(off);
        if (n != names.length) {
            return new OutdatedDescription(this, outdated(n + " attributes received, " + names.length + " expected"));
        }
        int p = off + 4;
        int end = off + len;
        for (int i = 0; i < n; i++) {
            if (p + 8 > end) {
                return null;
            }
            int oid = buf.getInt(p);
            int l = buf.getInt(p + 4);
            if (oid != typeOids[i]) {
                return new OutdatedDescription(this, outdated("attribute " + (i + 1) + " is of type OID "
                        + Integer.toUnsignedString(oid) + ", " + Integer.toUnsignedString(typeOids[i]) + " expected"));
            }
            p += 8;
            if (l > 0 && l <= end - p) {
                Codec c = registry.codec(oid);
                OutdatedDescription nested = c == null || c.format() != BINARY || !c.hasShape(registry)
                        ? null : c.outdatedDescription(buf, p, l, registry);
                if (nested != null) {
                    return nested;
                }
                p += l;
            }
        }
        return null;
    }

    private io.pgjet.types.OutdatedSchemaCacheException outdated(String detail) {
        return outdatedError(detail);
    }

    @Override
    public io.pgjet.types.OutdatedSchemaCacheException outdatedError(String detail) {
        return new io.pgjet.types.OutdatedSchemaCacheException(schema, typeName(), detail);
    }

    @Override
    public boolean isBinary(CodecRegistry registry) {
        if (typeOids == null) {
            return true;
        }
        for (int t : typeOids) {
            Codec c = registry.codec(t);
            if (c == null || !c.isBinary(registry)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Validates the fields and returns {oid, offset, length (-1 for NULL)} per field. A field
     * count other than the attribute count means the type was altered: the codec is marked out
     * of date in {@code ctx}'s registry (so the next statement introspects it again) and the
     * mismatch reported as such, not as a protocol fault.
     */
    private int[][] slices(byte[] buf, int off, int len, CodecContext ctx) {
        if (len < 4) {
            throw malformed("too short");
        }
        int n = BinaryPrimitives.int4(buf, off);
        if (n < 0 || n > (len - 4) / 8) {
            throw malformed(n + " fields cannot fit in " + len + " bytes");
        }
        if (names != null && n != names.length) {
            ctx.registry().markOutdated(this);
            throw outdated(n + " attributes received, " + names.length + " expected");
        }
        int[][] out = new int[n][];
        int p = off + 4;
        int end = off + len;
        for (int i = 0; i < n; i++) {
            if (p + 8 > end) {
                throw malformed("truncated");
            }
            int l = BinaryPrimitives.int4(buf, p + 4);
            if (l < -1 || l > end - p - 8) {
                throw malformed("field length " + l);
            }
            out[i] = new int[] {BinaryPrimitives.int4(buf, p), p + 8, l};
            p += 8 + Math.max(l, 0);
        }
        if (p != end) {
            throw malformed("trailing bytes");
        }
        return out;
    }

    /** Decodes one field to {@code target} (null: its default type); raw bytes without a codec. */
    private static Object field(byte[] buf, int[] slice, Class<?> target, CodecContext ctx) {
        if (slice[2] < 0) {
            return null;
        }
        Codec c = ctx.registry().codec(slice[0]);
        if (c == null || c.format() != BINARY) {
            return java.util.Arrays.copyOfRange(buf, slice[1], slice[1] + slice[2]);
        }
        return target == null ? c.decode(buf, slice[1], slice[2], ctx) : c.decode(buf, slice[1], slice[2], target, ctx);
    }

    private Object[] fields(byte[] buf, int off, int len, CodecContext ctx, int[][] oidsOut) {
        int[][] slices = slices(buf, off, len, ctx);
        Object[] values = new Object[slices.length];
        int[] oids = new int[slices.length];
        for (int i = 0; i < slices.length; i++) {
            oids[i] = slices[i][0];
            values[i] = field(buf, slices[i], null, ctx);
        }
        oidsOut[0] = oids;
        return values;
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
        int[][] oids = new int[1][];
        Object[] values = fields(buf, off, len, ctx, oids);
        return PgRecord.of(values, oids[0], names);
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
        if (target == Object[].class) {
            return fields(buf, off, len, ctx, new int[1][]);
        }
        if (target == Map.class) {
            return ((PgRecord) decode(buf, off, len, ctx)).toMap();
        }
        if (target.isRecord()) {
            return toJavaRecord(buf, slices(buf, off, len, ctx), target, ctx);
        }
        return super.decodeAs(buf, off, len, target, ctx);
    }

    private Object toJavaRecord(byte[] buf, int[][] slices, Class<?> target, CodecContext ctx) {
        RecordComponent[] components = target.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            int field = names == null ? i : indexOf(components[i].getName());
            if (field < 0 || field >= slices.length) {
                throw new PgInterfaceException("cannot decode " + typeName() + " as " + target.getName()
                        + ": no attribute for component " + components[i].getName());
            }
            types[i] = components[i].getType();
            if (slices[field][2] < 0 && types[i].isPrimitive()) {
                throw new PgInterfaceException("cannot decode NULL attribute into primitive component "
                        + components[i].getName() + " of " + target.getName());
            }
            args[i] = field(buf, slices[field], types[i], ctx);
        }
        try {
            Constructor<?> ctor = target.getDeclaredConstructor(types);
            ctor.setAccessible(true);
            return ctor.newInstance(args);
        } catch (InvocationTargetException e) {
            throw new PgInterfaceException("constructor of " + target.getName() + " failed", e.getCause());
        } catch (ReflectiveOperationException | IllegalArgumentException | SecurityException e) {
            throw new PgInterfaceException("cannot decode " + typeName() + " as " + target.getName()
                    + ": attribute types do not match the record components", e);
        }
    }

    private int indexOf(String component) {
        String snake = component.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(component)) {
                return i;
            }
        }
        for (int i = 0; i < names.length; i++) {
            if (names[i].equalsIgnoreCase(component) || names[i].equals(snake)) {
                return i;
            }
        }
        return -1;
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
        int[][] slices = slices(buf, off, len, ctx);
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < slices.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            int[] f = slices[i];
            if (f[2] >= 0) {
                Codec c = ctx.registry().codec(f[0]);
                if (c == null || c.format() != BINARY) {
                    throw new PgInterfaceException("no binary codec for field type " + TypeOids.name(f[0]));
                }
                quote(sb, c.decodeText(buf, f[1], f[2], ctx));
            }
        }
        return sb.append(')').toString();
    }

    /** Quotes a field as record_out does: doubling quotes and backslashes inside quotes. */
    static void quote(StringBuilder sb, String s) {
        boolean needs = s.isEmpty();
        for (int i = 0; i < s.length() && !needs; i++) {
            char c = s.charAt(i);
            needs = c == '"' || c == '\\' || c == '(' || c == ')' || c == ',' || ArrayCodec.isSpace(c);
        }
        if (!needs) {
            sb.append(s);
            return;
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
    }

    @Override
    public String formatText(Object value, CodecContext ctx) {
        io.netty.buffer.ByteBuf tmp = io.netty.buffer.Unpooled.buffer();
        try {
            PgRecord r = (PgRecord) value;
            tmp.writeInt(r.size());
            for (int i = 0; i < r.size(); i++) {
                writeField(r.get(i), r.typeOid(i), tmp, ctx);
            }
            byte[] b = new byte[tmp.readableBytes()];
            tmp.getBytes(0, b);
            return decodeText(b, 0, b.length, ctx);
        } finally {
            tmp.release();
        }
    }

    @Override
    public void encode(Object value, ByteBuf out, CodecContext ctx) {
        if (names == null) {
            throw new PgInterfaceException("cannot encode " + value.getClass().getName()
                    + " as record: PostgreSQL cannot receive anonymous records, cast the parameter to a composite type");
        }
        Object[] values = values(value);
        if (values.length != names.length) {
            throw new PgInterfaceException("cannot encode " + values.length + " values as " + typeName() + ", which has "
                    + names.length + " attributes");
        }
        out.writeInt(values.length);
        for (int i = 0; i < values.length; i++) {
            writeField(values[i], typeOids[i], out, ctx);
        }
    }

    private static void writeField(Object v, int oid, ByteBuf out, CodecContext ctx) {
        out.writeInt(oid);
        if (v == null) {
            out.writeInt(-1);
            return;
        }
        Codec c = ctx.registry().codec(oid);
        if (c == null || c.format() != BINARY) {
            throw new PgInterfaceException("no binary codec for attribute type " + TypeOids.name(oid));
        }
        int at = out.writerIndex();
        out.writeInt(0);
        c.encode(v, out, ctx);
        out.setInt(at, out.writerIndex() - at - 4);
    }

    private Object[] values(Object value) {
        if (value instanceof PgRecord) {
            return ((PgRecord) value).values().toArray();
        }
        if (value instanceof Object[]) {
            return (Object[]) value;
        }
        if (value instanceof List) {
            return ((List<?>) value).toArray();
        }
        if (value instanceof Map) {
            Map<?, ?> map = (Map<?, ?>) value;
            Object[] out = new Object[names.length];
            for (int i = 0; i < names.length; i++) {
                out[i] = map.get(names[i]);
            }
            return out;
        }
        if (value.getClass().isRecord()) {
            Object[] out = new Object[names.length];
            for (RecordComponent rc : value.getClass().getRecordComponents()) {
                int i = indexOf(rc.getName());
                if (i < 0) {
                    throw new PgInterfaceException("cannot encode " + value.getClass().getName() + " as "
                            + typeName() + ": no attribute for component " + rc.getName());
                }
                try {
                    java.lang.reflect.Method m = rc.getAccessor();
                    m.setAccessible(true);
                    out[i] = m.invoke(value);
                } catch (ReflectiveOperationException e) {
                    throw new PgInterfaceException("cannot read component " + rc.getName(), e);
                }
            }
            return out;
        }
        throw cannotEncode(value);
    }

    @Override
    public boolean canEncode(Class<?> type) {
        return names != null && (type == PgRecord.class || type == Object[].class
                || List.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type) || type.isRecord());
    }
}
