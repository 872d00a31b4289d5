package io.pgjet.r2dbc.internal;

import io.r2dbc.spi.ColumnMetadata;
import io.r2dbc.spi.Nullability;
import io.r2dbc.spi.Type;

/**
 * One result column: its name as the server reported it, its type, and as native type metadata
 * the PostgreSQL type OID ({@code Integer}). Nullability is not known from a result.
 */
final class PgColumnMetadata implements ColumnMetadata {
    private final String name;
    private final int typeOid;

    PgColumnMetadata(String name, int typeOid) {
        this.name = name;
        this.typeOid = typeOid;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Type getType() {
        return PgColumnTypes.type(typeOid);
    }

    @Override
    public Class<?> getJavaType() {
        return PgColumnTypes.javaType(typeOid);
    }

    @Override
    public Nullability getNullability() {
        return Nullability.UNKNOWN;
    }

    /** Returns the PostgreSQL type OID. */
    @Override
    public Object getNativeTypeMetadata() {
        return typeOid;
    }

    @Override
    public String toString() {
        return name + " " + PgColumnTypes.name(typeOid);
    }
}
