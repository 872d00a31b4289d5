package io.pgjet.internal.copy;

import io.pgjet.PgInterfaceException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;

/**
 * Reads the values of one row given to {@code copyRecordsToTable}: an {@code Object[]} as it is,
 * a Java record as its components in declaration order (through their accessors, found once per
 * record class). Thread-safe.
 */
final class RowValues {
    private static final ClassValue<Method[]> ACCESSORS = new ClassValue<>() {
        @Override
        protected Method[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Method[] accessors = new Method[components.length];
            for (int i = 0; i < components.length; i++) {
                Method m = components[i].getAccessor();
                try {
                    m.setAccessible(true);
                } catch (RuntimeException e) {
                    throw new PgInterfaceException("cannot read the components of record " + type.getName()
                            + "; open its package to PgJet: " + e.getMessage(), e);
                }
                accessors[i] = m;
            }
            return accessors;
        }
    };

    private RowValues() {
    }

    /**
     * Returns the values of {@code row}.
     *
     * @param row   an {@code Object[]} or a record
     * @param index the row's 0-based position, for error messages
     * @return the values, in column order; the caller must not modify them
     * @throws PgInterfaceException if the row is neither, or a record accessor fails
     */
    static Object[] of(Object row, long index) {
        if (row instanceof Object[]) {
            return (Object[]) row;
        }
        if (row == null || !row.getClass().isRecord()) {
            throw new PgInterfaceException(RowValues.describe(index) + " is "
                    + (row == null ? "null" : "a " + row.getClass().getName())
                    + "; each row must be an Object[] or a Java record");
        }
        Method[] accessors = ACCESSORS.get(row.getClass());
        Object[] values = new Object[accessors.length];
        for (int i = 0; i < accessors.length; i++) {
            try {
                values[i] = accessors[i].invoke(row);
            } catch (InvocationTargetException e) {
                throw new PgInterfaceException(describe(index) + ": record accessor " + accessors[i].getName()
                        + "() threw " + e.getCause(), e.getCause());
            } catch (IllegalAccessException e) {
                throw new PgInterfaceException(describe(index) + ": cannot read record component "
                        + accessors[i].getName(), e);
            }
        }
        return values;
    }

    /**
     * Names a row in messages, 1-based with the 0-based index: "row 7 (index 6)".
     *
     * @param index the 0-based index
     * @return the description
     */
    static String describe(long index) {
        return "row " + (index + 1) + " (index " + index + ")";
    }
}
