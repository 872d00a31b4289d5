package io.pgjet.types;

import io.pgjet.internal.types.FloatText;

/**
 * Holds a PostgreSQL {@code point}. Immutable and thread-safe; {@code equals} compares the
 * doubles bit for bit (as {@link Double#equals}), not with PostgreSQL's epsilon.
 *
 * @param x the x coordinate
 * @param y the y coordinate
 */
public record PgPoint(double x, double y) {

    /**
     * Renders the point as PostgreSQL does: {@code (x,y)}.
     *
     * @return the text form
     */
    @Override
    public String toString() {
        return "(" + FloatText.float8(x) + "," + FloatText.float8(y) + ")";
    }
}
