package io.pgjet.r2dbc.internal;

import io.r2dbc.spi.R2dbcType;
import io.r2dbc.spi.Type;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.Map;
import java.util.UUID;

/**
 * Describes PostgreSQL's built-in types to R2DBC: the Java type a column reads as by default,
 * its {@link R2dbcType}, and its SQL name. Types not listed (user types, rarer built-ins) report
 * {@code Object} and their OID; reading them still works through PgJet's codecs.
 */
final class PgColumnTypes {
    private record Info(String name, Class<?> javaType, R2dbcType r2dbcType) {}

    private static final Map<Integer, Info> BY_OID = Map.ofEntries(
            Map.entry(16, new Info("bool", Boolean.class, R2dbcType.BOOLEAN)),
            Map.entry(17, new Info("bytea", ByteBuffer.class, R2dbcType.VARBINARY)),
            Map.entry(18, new Info("char", String.class, R2dbcType.CHAR)),
            Map.entry(19, new Info("name", String.class, R2dbcType.VARCHAR)),
            Map.entry(20, new Info("int8", Long.class, R2dbcType.BIGINT)),
            Map.entry(21, new Info("int2", Short.class, R2dbcType.SMALLINT)),
            Map.entry(23, new Info("int4", Integer.class, R2dbcType.INTEGER)),
            Map.entry(25, new Info("text", String.class, R2dbcType.VARCHAR)),
            Map.entry(26, new Info("oid", Long.class, R2dbcType.BIGINT)),
            Map.entry(114, new Info("json", String.class, R2dbcType.VARCHAR)),
            Map.entry(700, new Info("float4", Float.class, R2dbcType.REAL)),
            Map.entry(701, new Info("float8", Double.class, R2dbcType.DOUBLE)),
            Map.entry(1042, new Info("bpchar", String.class, R2dbcType.CHAR)),
            Map.entry(1043, new Info("varchar", String.class, R2dbcType.VARCHAR)),
            Map.entry(1082, new Info("date", LocalDate.class, R2dbcType.DATE)),
            Map.entry(1083, new Info("time", LocalTime.class, R2dbcType.TIME)),
            Map.entry(1114, new Info("timestamp", LocalDateTime.class, R2dbcType.TIMESTAMP)),
            Map.entry(1184, new Info("timestamptz", OffsetDateTime.class, R2dbcType.TIMESTAMP_WITH_TIME_ZONE)),
            Map.entry(1266, new Info("timetz", OffsetTime.class, R2dbcType.TIME_WITH_TIME_ZONE)),
            Map.entry(1700, new Info("numeric", BigDecimal.class, R2dbcType.NUMERIC)),
            Map.entry(2950, new Info("uuid", UUID.class, R2dbcType.VARCHAR)),
            Map.entry(3802, new Info("jsonb", String.class, R2dbcType.VARCHAR)),
            Map.entry(1000, new Info("_bool", Boolean[].class, R2dbcType.COLLECTION)),
            Map.entry(1005, new Info("_int2", Short[].class, R2dbcType.COLLECTION)),
            Map.entry(1007, new Info("_int4", Integer[].class, R2dbcType.COLLECTION)),
            Map.entry(1009, new Info("_text", String[].class, R2dbcType.COLLECTION)),
            Map.entry(1015, new Info("_varchar", String[].class, R2dbcType.COLLECTION)),
            Map.entry(1016, new Info("_int8", Long[].class, R2dbcType.COLLECTION)),
            Map.entry(1021, new Info("_float4", Float[].class, R2dbcType.COLLECTION)),
            Map.entry(1022, new Info("_float8", Double[].class, R2dbcType.COLLECTION)));

    private PgColumnTypes() {
    }

    /** Returns the Java type a column of type {@code oid} reads as by default. */
    static Class<?> javaType(int oid) {
        Info info = BY_OID.get(oid);
        return info == null ? Object.class : info.javaType();
    }

    /** Returns the R2DBC type of {@code oid}: a built-in {@link R2dbcType} or a PostgreSQL one. */
    static Type type(int oid) {
        Info info = BY_OID.get(oid);
        return info == null ? new PgType(oid) : info.r2dbcType();
    }

    /** Returns whether a column of type {@code oid} is bytea (read as a ByteBuffer by default). */
    static boolean isBytea(int oid) {
        return oid == 17;
    }

    /** A PostgreSQL type as R2DBC sees it: its name and default Java type. */
    record PgType(int oid, String name, Class<?> javaType) implements Type {
        PgType(int oid) {
            this(oid, "oid:" + oid, Object.class);
        }

        @Override
        public Class<?> getJavaType() {
            return javaType;
        }

        @Override
        public String getName() {
            return name;
        }
    }

    /** Returns the type's name, e.g. {@code int4}, or {@code oid:N} for types not listed. */
    static String name(int oid) {
        Info info = BY_OID.get(oid);
        return info == null ? "oid:" + oid : info.name();
    }
}
