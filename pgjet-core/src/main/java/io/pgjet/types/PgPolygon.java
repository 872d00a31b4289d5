package io.pgjet.types;

import java.util.List;

/**
 * Holds a PostgreSQL {@code polygon}: a closed sequence of points. Immutable and thread-safe
 * (the point list is copied).
 *
 * @param points the vertices in order
 */
public record PgPolygon(List<PgPoint> points) {

    /**
     * Creates a polygon.
     *
     * @param points see the record component
     * @throws NullPointerException if the list or a point is null
     */
    public PgPolygon {
        points = List.copyOf(points);
    }

    /**
     * Renders the polygon as PostgreSQL does: {@code ((x1,y1),...)}.
     *
     * @return the text form
     */
    @Override
    public String toString() {
        return join(points, '(', ')');
    }

    static String join(List<PgPoint> points, char open, char close) {
        StringBuilder sb = new StringBuilder().append(open);
        for (int i = 0; i < points.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(points.get(i));
        }
        return sb.append(close).toString();
    }
}
