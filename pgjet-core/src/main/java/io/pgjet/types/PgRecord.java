package io.pgjet.types;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Holds a composite value: a row of a composite type (with attribute names) or an anonymous
 * {@code record} (names unknown). Each field keeps the type OID the server sent.
 *
 * <p>Immutable and thread-safe if the field values are. Field values are in their type's default
 * Java type; NULL fields are {@code null}.
 */
public final class PgRecord {
    private final Object[] values;
    private final int[] typeOids;
    private final String[] names;

    private PgRecord(Object[] values, int[] typeOids, String[] names) {
        this.values = values;
        this.typeOids = typeOids;
        this.names = names;
    }

    /**
     * Creates a record.
     *
     * @param values   the field values (copied)
     * @param typeOids the type OID of each field (copied; 0 = let the server decide when sending)
     * @param names    the attribute names, or null for an anonymous record (copied)
     * @return the record
     * @throws IllegalArgumentException if the array lengths differ
     */
    public static PgRecord of(Object[] values, int[] typeOids, String[] names) {
        if (values.length != typeOids.length || (names != null && names.length != values.length)) {
            throw new IllegalArgumentException("values, type OIDs and names must have the same length");
        }
        return new PgRecord(values.clone(), typeOids.clone(), names == null ? null : names.clone());
    }

    /**
     * Returns the number of fields.
     *
     * @return the field count
     */
    public int size() {
        return values.length;
    }

    /**
     * Returns a field value.
     *
     * @param index 0-based
     * @return the value, null for NULL
     * @throws IndexOutOfBoundsException if there is no such field
     */
    public Object get(int index) {
        return values[index];
    }

    /**
     * Returns the value of a named field.
     *
     * @param name the attribute name
     * @return the value, null for NULL
     * @throws IllegalArgumentException if the record has no field of that name
     */
    public Object get(String name) {
        if (names != null) {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(name)) {
                    return values[i];
                }
            }
        }
        throw new IllegalArgumentException("record has no field named \"" + name + "\"");
    }

    /**
     * Returns the type OID of a field.
     *
     * @param index 0-based
     * @return the OID
     */
    public int typeOid(int index) {
        return typeOids[index];
    }

    /**
     * Returns the attribute name of a field.
     *
     * @param index 0-based
     * @return the name, or null for an anonymous record
     */
    public String name(int index) {
        return names == null ? null : names[index];
    }

    /**
     * Returns the field values as an unmodifiable list.
     *
     * @return the values (nulls allowed)
     */
    public List<Object> values() {
        return Collections.unmodifiableList(Arrays.asList(values));
    }

    /**
     * Returns the fields as an ordered map from name to value.
     *
     * @return a new map; anonymous fields are named {@code f1}, {@code f2}... as PostgreSQL does
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            map.put(names == null ? "f" + (i + 1) : names[i], values[i]);
        }
        return map;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PgRecord)) {
            return false;
        }
        PgRecord r = (PgRecord) o;
        return Arrays.deepEquals(values, r.values) && Arrays.equals(typeOids, r.typeOids)
                && Arrays.equals(names, r.names);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(values) * 31 + Arrays.hashCode(typeOids);
    }

    /**
     * Renders the record for humans as {@code (v1,v2,...)} using each value's {@code toString()};
     * it is not quoted like PostgreSQL's text output.
     *
     * @return a debug form
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            if (values[i] != null) {
                sb.append(values[i] instanceof byte[] ? Arrays.toString((byte[]) values[i]) : values[i]);
            }
        }
        return sb.append(')').toString();
    }
}
