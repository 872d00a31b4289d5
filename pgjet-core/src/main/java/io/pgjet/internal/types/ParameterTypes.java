package io.pgjet.internal.types;

import io.netty.buffer.ByteBuf;
import io.pgjet.PgInterfaceException;
import io.pgjet.types.PgArray;
import io.pgjet.types.PgBitString;
import io.pgjet.types.PgBox;
import io.pgjet.types.PgCidr;
import io.pgjet.types.PgCircle;
import io.pgjet.types.PgInet;
import io.pgjet.types.PgInterval;
import io.pgjet.types.PgLine;
import io.pgjet.types.PgLineSegment;
import io.pgjet.types.PgLsn;
import io.pgjet.types.PgMacAddr;
import io.pgjet.types.PgMultirange;
import io.pgjet.types.PgPath;
import io.pgjet.types.PgPoint;
import io.pgjet.types.PgPolygon;
import io.pgjet.types.PgRange;
import io.pgjet.types.PgSnapshot;
import io.pgjet.types.PgTid;
import io.pgjet.types.PgTsQuery;
import io.pgjet.types.PgTsVector;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Infers a parameter's PostgreSQL type from its Java value (the table in {@code docs/types.md}).
 *
 * <p>Strings infer OID 0 (unspecified) and travel as text, so the server types them from the
 * statement ({@code where day = $1} with {@code "2024-01-01"} works against a date column), as
 * pgjdbc's {@code stringtype=unspecified} and asyncpg do. Arrays and Lists infer the array of
 * their first non-null leaf element's type (String elements: text[]); a List without any non-null
 * element is sent untyped as text (<code>{}</code>, <code>{NULL}</code>).
 */
final class ParameterTypes {
    private static final Map<Class<?>, Integer> SCALARS = new IdentityHashMap<>();

    static {
        SCALARS.put(Integer.class, TypeOids.INT4);
        SCALARS.put(Long.class, TypeOids.INT8);
        SCALARS.put(Short.class, TypeOids.INT2);
        SCALARS.put(Byte.class, TypeOids.INT2);
        SCALARS.put(BigDecimal.class, TypeOids.NUMERIC);
        SCALARS.put(BigInteger.class, TypeOids.NUMERIC);
        SCALARS.put(Boolean.class, TypeOids.BOOL);
        SCALARS.put(Double.class, TypeOids.FLOAT8);
        SCALARS.put(Float.class, TypeOids.FLOAT4);
        SCALARS.put(byte[].class, TypeOids.BYTEA);
        SCALARS.put(UUID.class, TypeOids.UUID);
        SCALARS.put(LocalDate.class, TypeOids.DATE);
        SCALARS.put(LocalDateTime.class, TypeOids.TIMESTAMP);
        SCALARS.put(OffsetDateTime.class, TypeOids.TIMESTAMPTZ);
        SCALARS.put(Instant.class, TypeOids.TIMESTAMPTZ);
        SCALARS.put(ZonedDateTime.class, TypeOids.TIMESTAMPTZ);
        SCALARS.put(LocalTime.class, TypeOids.TIME);
        SCALARS.put(OffsetTime.class, TypeOids.TIMETZ);
        SCALARS.put(Duration.class, TypeOids.INTERVAL);
        SCALARS.put(Period.class, TypeOids.INTERVAL);
        SCALARS.put(PgInterval.class, TypeOids.INTERVAL);
        SCALARS.put(PgInet.class, TypeOids.INET);
        SCALARS.put(PgCidr.class, TypeOids.CIDR);
        SCALARS.put(PgBitString.class, TypeOids.VARBIT);
        SCALARS.put(PgPoint.class, TypeOids.POINT);
        SCALARS.put(PgLine.class, TypeOids.LINE);
        SCALARS.put(PgLineSegment.class, TypeOids.LSEG);
        SCALARS.put(PgBox.class, TypeOids.BOX);
        SCALARS.put(PgPath.class, TypeOids.PATH);
        SCALARS.put(PgPolygon.class, TypeOids.POLYGON);
        SCALARS.put(PgCircle.class, TypeOids.CIRCLE);
        SCALARS.put(PgLsn.class, TypeOids.PG_LSN);
        SCALARS.put(PgTid.class, TypeOids.TID);
        SCALARS.put(PgSnapshot.class, TypeOids.PG_SNAPSHOT);
        SCALARS.put(PgTsVector.class, TypeOids.TSVECTOR);
        SCALARS.put(PgTsQuery.class, TypeOids.TSQUERY);
    }

    private ParameterTypes() {
    }

    static int infer(CodecRegistry registry, Object value) {
        if (value == null || value instanceof CharSequence || value instanceof Character) {
            return 0;
        }
        Class<?> c = value.getClass();
        Integer oid = SCALARS.get(c);
        if (oid != null) {
            return oid;
        }
        Integer registered = registry.javaTypeOid(c);
        if (registered != null) {
            return registered;
        }
        if (value instanceof ByteBuffer) {
            return TypeOids.BYTEA;
        }
        if (value instanceof InetAddress) {
            return TypeOids.INET;
        }
        if (value instanceof PgMacAddr) {
            return ((PgMacAddr) value).length() == 6 ? TypeOids.MACADDR : TypeOids.MACADDR8;
        }
        if (value instanceof PgRange) {
            return rangeOid((PgRange<?>) value);
        }
        if (value instanceof PgMultirange) {
            for (PgRange<?> r : ((PgMultirange<?>) value).ranges()) {
                int range = rangeOid(r);
                if (range != 0) {
                    return multirangeOf(range);
                }
            }
            return 0;
        }
        if (value instanceof Map) {
            Integer hstore = registry.javaTypeOid(Map.class);
            if (hstore != null) {
                return hstore;
            }
            throw new PgInterfaceException("cannot infer a PostgreSQL type for " + c.getName()
                    + ": register hstore (introspection) or cast the parameter");
        }
        if (value instanceof Enum) {
            return 0;
        }
        if (value instanceof PgArray) {
            PgArray a = (PgArray) value;
            int element = a.elementOid() != 0 ? a.elementOid() : leafOid(registry, a.elements(), Object.class);
            return element == 0 ? 0 : arrayOf(registry, element, value);
        }
        if (c.isArray() || value instanceof Collection) {
            Class<?> component = c;
            while (component.isArray()) {
                component = component.getComponentType();
            }
            int element = leafOid(registry, value, component);
            return element == 0 ? 0 : arrayOf(registry, element, value);
        }
        for (Map.Entry<Class<?>, Integer> e : SCALARS.entrySet()) {
            if (e.getKey().isInstance(value)) {
                return e.getValue();
            }
        }
        throw new PgInterfaceException("cannot infer a PostgreSQL type for " + c.getName()
                + ": pass a supported type or register a codec");
    }

    private static int arrayOf(CodecRegistry registry, int element, Object value) {
        int a = registry.arrayOf(element);
        if (a == 0) {
            throw new PgInterfaceException("no array type for " + TypeOids.name(element) + " to encode "
                    + value.getClass().getName());
        }
        return a;
    }

    /** Finds the element type from the first non-null leaf, or the array's component class. */
    private static int leafOid(CodecRegistry registry, Object value, Class<?> component) {
        Object leaf = firstLeaf(value);
        if (leaf != null) {
            int oid = infer(registry, leaf);
            return oid == 0 ? TypeOids.TEXT : oid;
        }
        if (component.isPrimitive()) {
            return infer(registry, Array.get(Array.newInstance(component, 1), 0));
        }
        if (CharSequence.class.isAssignableFrom(component)) {
            return TypeOids.TEXT;
        }
        Integer oid = SCALARS.get(component);
        return oid != null ? oid : 0;
    }

    private static Object firstLeaf(Object value) {
        if (value instanceof byte[]) {
            return value;
        }
        if (value instanceof Collection) {
            for (Object o : (Collection<?>) value) {
                Object leaf = firstLeaf(o);
                if (leaf != null) {
                    return leaf;
                }
            }
            return null;
        }
        if (value != null && value.getClass().isArray()) {
            int n = Array.getLength(value);
            for (int i = 0; i < n; i++) {
                Object leaf = firstLeaf(Array.get(value, i));
                if (leaf != null) {
                    return leaf;
                }
            }
            return null;
        }
        return value;
    }

    private static int rangeOid(PgRange<?> r) {
        Object bound = r.lower() != null ? r.lower() : r.upper();
        if (bound == null) {
            return 0;
        }
        if (bound instanceof Integer || bound instanceof Short) {
            return TypeOids.INT4RANGE;
        }
        if (bound instanceof Long) {
            return TypeOids.INT8RANGE;
        }
        if (bound instanceof BigDecimal || bound instanceof BigInteger || bound instanceof Double) {
            return TypeOids.NUMRANGE;
        }
        if (bound instanceof LocalDate) {
            return TypeOids.DATERANGE;
        }
        if (bound instanceof LocalDateTime) {
            return TypeOids.TSRANGE;
        }
        if (bound instanceof OffsetDateTime || bound instanceof Instant || bound instanceof ZonedDateTime) {
            return TypeOids.TSTZRANGE;
        }
        throw new PgInterfaceException("cannot infer a range type for bounds of " + bound.getClass().getName());
    }

    private static int multirangeOf(int range) {
        switch (range) {
            case TypeOids.INT4RANGE:
                return TypeOids.INT4MULTIRANGE;
            case TypeOids.INT8RANGE:
                return TypeOids.INT8MULTIRANGE;
            case TypeOids.NUMRANGE:
                return TypeOids.NUMMULTIRANGE;
            case TypeOids.DATERANGE:
                return TypeOids.DATEMULTIRANGE;
            case TypeOids.TSRANGE:
                return TypeOids.TSMULTIRANGE;
            default:
                return TypeOids.TSTZMULTIRANGE;
        }
    }

    /** Returns the codec for a value inferred as OID 0. */
    static Codec untypedCodec(Object value) {
        if (value instanceof PgRange || value instanceof PgMultirange) {
            return new UntypedText(value instanceof PgRange ? value.toString() : value.toString());
        }
        if (value instanceof Collection || value instanceof PgArray || value.getClass().isArray()) {
            StringBuilder sb = new StringBuilder();
            nullsLiteral(value instanceof PgArray ? ((PgArray) value).toList() : value, sb);
            return new UntypedText(sb.toString());
        }
        return new TextCodecs.TextFormatCodec(0, "unknown");
    }

    private static void nullsLiteral(Object value, StringBuilder sb) {
        if (value == null) {
            sb.append("NULL");
            return;
        }
        sb.append('{');
        int i = 0;
        Iterable<?> items = value instanceof Collection ? (Collection<?>) value
                : java.util.Arrays.asList((Object[]) value);
        for (Object o : items) {
            if (i++ > 0) {
                sb.append(',');
            }
            nullsLiteral(o, sb);
        }
        sb.append('}');
    }

    /** Sends a fixed literal in text format (empty/unbounded values whose type the server infers). */
    private static final class UntypedText extends Codec {
        private final String literal;

        UntypedText(String literal) {
            super(0, "unknown", String.class);
            this.literal = literal;
        }

        @Override
        public int format() {
            return TEXT;
        }

        @Override
        public Object decode(byte[] buf, int off, int len, CodecContext ctx) {
            return Texts.utf8(buf, off, len);
        }

        @Override
        public void encode(Object value, ByteBuf out, CodecContext ctx) {
            Texts.write(literal, out, "unknown");
        }

        @Override
        public boolean canEncode(Class<?> type) {
            return true;
        }
    }
}
