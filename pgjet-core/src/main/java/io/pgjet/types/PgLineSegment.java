package io.pgjet.types;

import java.util.Objects;

/**
 * Holds a PostgreSQL {@code lseg}: a finite line segment. Immutable and thread-safe.
 *
 * @param start the first end point
 * @param end   the second end point
 */
public record PgLineSegment(PgPoint start, PgPoint end) {

    /**
     * Creates a segment.
     *
     * @param start see the record component
     * @param end see the record component
     * @throws NullPointerException if a point is null
     */
    public PgLineSegment {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    /**
     * Renders the segment as PostgreSQL does: {@code [(x1,y1),(x2,y2)]}.
     *
     * @return the text form
     */
    @Override
    public String toString() {
        return "[" + start + "," + end + "]";
    }
}
