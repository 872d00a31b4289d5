package io.pgjet.r2dbc.internal;

import io.pgjet.PgInterfaceException;
import io.r2dbc.spi.Blob;
import io.r2dbc.spi.Clob;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import java.nio.ByteBuffer;

/**
 * An R2DBC row over a PgJet row: values are decoded by PgJet's codecs when asked for. R2DBC's
 * own mappings come on top: {@code bytea} reads as {@link ByteBuffer} by default, and any column
 * reads as {@link Blob} or {@link Clob}. Immutable; safe to keep after the result is consumed.
 */
public final class PgR2dbcRow implements Row {
    private final io.pgjet.Row row;
    private final PgRowMetadata metadata;

    PgR2dbcRow(io.pgjet.Row row, PgRowMetadata metadata) {
        this.row = row;
        this.metadata = metadata;
    }

    /** Returns the PgJet row underneath (PgJet's own getters: primitives without boxing, records). */
    public io.pgjet.Row pgRow() {
        return row;
    }

    @Override
    public RowMetadata getMetadata() {
        return metadata;
    }

    @Override
    public <T> T get(int index, Class<T> type) {
        if (type == null) {
            throw new IllegalArgumentException("type must not be null");
        }
        metadata.getColumnMetadata(index);
        return read(index, type);
    }

    @Override
    public <T> T get(String name, Class<T> type) {
        if (type == null) {
            throw new IllegalArgumentException("type must not be null");
        }
        return read(metadata.requireIndex(name), type);
    }

    @Override
    public Object get(int index) {
        return get(index, Object.class);
    }

    @Override
    public Object get(String name) {
        return get(name, Object.class);
    }

    @SuppressWarnings("unchecked")
    private <T> T read(int index, Class<T> type) {
        if (row.isNull(index)) {
            return null;
        }
        Class<?> wanted = type.isPrimitive() ? boxed(type) : type;
        try {
            if (wanted == Object.class) {
                return (T) defaultValue(index);
            }
            if (wanted == ByteBuffer.class) {
                return (T) ByteBuffer.wrap(row.get(index, byte[].class));
            }
            if (wanted == Blob.class) {
                return (T) new ByteArrayBlob(row.get(index, byte[].class));
            }
            if (wanted == Clob.class) {
                return (T) new StringClob(row.get(index, String.class));
            }
            return (T) row.get(index, wanted);
        } catch (PgInterfaceException e) {
            throw new IllegalArgumentException("column " + index + " (" + metadata.getColumnMetadata(index)
                    + ") cannot be read as " + type.getName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Returns the column's value as its default Java type. Rows of multi-statement SQL arrive in
     * text format, which PgJet returns as strings by default; for built-in types the value is
     * read again as the type's Java type, so both protocols give the same objects.
     */
    private Object defaultValue(int index) {
        int oid = row.columnTypeOid(index);
        if (PgColumnTypes.isBytea(oid)) {
            return ByteBuffer.wrap(row.get(index, byte[].class));
        }
        Object value = row.get(index);
        Class<?> javaType = PgColumnTypes.javaType(oid);
        if (value instanceof String && javaType != String.class && javaType != Object.class) {
            return row.get(index, javaType);
        }
        return value;
    }

    private static Class<?> boxed(Class<?> primitive) {
        if (primitive == int.class) {
            return Integer.class;
        } else if (primitive == long.class) {
            return Long.class;
        } else if (primitive == boolean.class) {
            return Boolean.class;
        } else if (primitive == double.class) {
            return Double.class;
        } else if (primitive == float.class) {
            return Float.class;
        } else if (primitive == short.class) {
            return Short.class;
        } else if (primitive == byte.class) {
            return Byte.class;
        }
        return Character.class;
    }

    @Override
    public String toString() {
        return "PgR2dbcRow" + metadata;
    }
}
