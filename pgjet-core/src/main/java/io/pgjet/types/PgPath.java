package io.pgjet.types;

import java.util.List;

/**
 * Holds a PostgreSQL {@code path}: a sequence of points, open or closed. Immutable and
 * thread-safe (the point list is copied).
 *
 * @param points the points in order
 * @param closed whether the last point connects back to the first
 */
public record PgPath(List<PgPoint> points, boolean closed) {

    /**
     * Creates a path.
     *
     * @param points see the record component
     * @param closed see the record component
     * @throws NullPointerException if the list or a point is null
     */
    public PgPath {
        points = List.copyOf(points);
    }

    /**
     * Renders the path as PostgreSQL does: {@code [(x1,y1),...]} when open, {@code ((x1,y1),...)}
     * when closed.
     *
     * @return the text form
     */
    @Override
    public String toString() {
        return PgPolygon.join(points, closed ? '(' : '[', closed ? ')' : ']');
    }
}
