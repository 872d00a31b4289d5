package io.pgjet.types;

import io.pgjet.internal.types.FloatText;
import java.util.Objects;

/**
 * Holds a PostgreSQL {@code circle}. Immutable and thread-safe.
 *
 * @param center the center point
 * @param radius the radius
 */
public record PgCircle(PgPoint center, double radius) {

    /**
     * Creates a circle.
     *
     * @param center see the record component
     * @param radius see the record component
     * @throws NullPointerException if the center is null
     */
    public PgCircle {
        Objects.requireNonNull(center, "center");
    }

    /**
     * Renders the circle as PostgreSQL does: {@code <(x,y),r>}.
     *
     * @return the text form
     */
    @Override
    public String toString() {
        return "<" + center + "," + FloatText.float8(radius) + ">";
    }
}
