package io.pgjet.internal.result;

import io.pgjet.PgInterfaceException;
import io.pgjet.Row;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.RecordComponent;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps rows to Java records by matching component names to column names (exactly, then
 * case-insensitively, then with {@code snake_case} columns matching {@code camelCase}
 * components). The component-to-column plan is computed once per (record, column layout).
 */
final class RecordMapper {
    private static final Map<Class<?>, Map<Columns, Plan>> PLANS = new ConcurrentHashMap<>();

    private RecordMapper() {}

    private record Plan(MethodHandle constructor, int[] columns, Class<?>[] types) {}

    static <R extends Record> R map(Row row, Class<R> type) {
        Plan plan = plan(row, type);
        Object[] values = new Object[plan.columns.length];
        for (int i = 0; i < values.length; i++) {
            Object value = row.get(plan.columns[i], box(plan.types[i]));
            if (value == null && plan.types[i].isPrimitive()) {
                throw new PgInterfaceException("column \"" + row.columnName(plan.columns[i]) + "\" is NULL but "
                        + type.getSimpleName() + " needs a " + plan.types[i].getName());
            }
            values[i] = value;
        }
        try {
            return type.cast(plan.constructor.invokeWithArguments(values));
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new PgInterfaceException("cannot create " + type.getName() + ": " + e, e);
        }
    }

    private static Plan plan(Row row, Class<?> type) {
        Map<Columns, Plan> byLayout = PLANS.computeIfAbsent(type, t -> new ConcurrentHashMap<>());
        Columns layout = layoutOf(row);
        if (layout != null) {
            Plan cached = byLayout.get(layout);
            if (cached != null) {
                return cached;
            }
        }
        Plan plan = build(row, type);
        if (layout != null && byLayout.size() < 64) {
            byLayout.put(layout, plan);
        }
        return plan;
    }

    private static Columns layoutOf(Row row) {
        return row instanceof LayoutAware ? ((LayoutAware) row).layout() : null;
    }

    /** Rows that can tell their column layout, so mapping plans can be cached per layout. */
    interface LayoutAware {
        Columns layout();
    }

    private static Plan build(Row row, Class<?> type) {
        if (!type.isRecord()) {
            throw new PgInterfaceException(type.getName() + " is not a record");
        }
        RecordComponent[] components = type.getRecordComponents();
        int[] columns = new int[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            columns[i] = find(row, components[i].getName(), type);
            types[i] = components[i].getType();
        }
        try {
            java.lang.reflect.Constructor<?> canonical = type.getDeclaredConstructor(types);
            canonical.setAccessible(true); // records declared package-private or nested in callers' classes
            return new Plan(MethodHandles.lookup().unreflectConstructor(canonical), columns, types);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new PgInterfaceException("cannot access the canonical constructor of " + type.getName()
                    + " (make the record public): " + e.getMessage(), e);
        }
    }

    private static int find(Row row, String component, Class<?> type) {
        int exact = row.indexOf(component);
        if (exact >= 0) {
            return exact;
        }
        String wanted = component.toLowerCase(Locale.ROOT);
        for (int i = 0; i < row.columnCount(); i++) {
            String column = row.columnName(i).toLowerCase(Locale.ROOT);
            if (column.equals(wanted) || column.replace("_", "").equals(wanted)) {
                return i;
            }
        }
        throw new PgInterfaceException("no column matches component \"" + component + "\" of " + type.getSimpleName()
                + " (columns: " + columnNames(row) + ")");
    }

    private static String columnNames(Row row) {
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < row.columnCount(); i++) {
            names.append(i == 0 ? "" : ", ").append(row.columnName(i));
        }
        return names.toString();
    }

    private static Class<?> box(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        if (type == int.class) {
            return Integer.class;
        }
        if (type == long.class) {
            return Long.class;
        }
        if (type == double.class) {
            return Double.class;
        }
        if (type == boolean.class) {
            return Boolean.class;
        }
        if (type == float.class) {
            return Float.class;
        }
        if (type == short.class) {
            return Short.class;
        }
        if (type == byte.class) {
            return Byte.class;
        }
        return Character.class;
    }
}
