package io.pgjet.internal.types;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** Walks Java values given for array parameters: Collections, object arrays, primitive arrays. */
final class ArrayShapes {
    private ArrayShapes() {
    }

    static boolean isArrayLike(Object o) {
        return o instanceof Collection || (o != null && o.getClass().isArray());
    }

    /** Whether a nested value is a sub-array rather than an element. */
    static boolean isSubArray(Object o, Codec codec) {
        return isArrayLike(o) && !codec.canEncode(o.getClass());
    }

    static int length(Object o) {
        return o instanceof Collection ? ((Collection<?>) o).size() : Array.getLength(o);
    }

    static Object first(Object o) {
        if (o instanceof List) {
            return ((List<?>) o).get(0);
        }
        if (o instanceof Collection) {
            return ((Collection<?>) o).iterator().next();
        }
        return Array.get(o, 0);
    }

    static Iterable<?> asIterable(Object array) {
        if (array instanceof Object[]) {
            return Arrays.asList((Object[]) array);
        }
        int n = Array.getLength(array);
        List<Object> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(Array.get(array, i));
        }
        return list;
    }
}
