package io.pgjet.internal.types;

/** Maps primitive classes to their wrappers. */
final class Primitives {
    private Primitives() {
    }

    static Class<?> wrap(Class<?> c) {
        if (c == int.class) {
            return Integer.class;
        } else if (c == long.class) {
            return Long.class;
        } else if (c == double.class) {
            return Double.class;
        } else if (c == boolean.class) {
            return Boolean.class;
        } else if (c == short.class) {
            return Short.class;
        } else if (c == float.class) {
            return Float.class;
        } else if (c == byte.class) {
            return Byte.class;
        } else if (c == char.class) {
            return Character.class;
        }
        return c;
    }
}
