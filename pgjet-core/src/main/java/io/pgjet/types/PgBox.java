package io.pgjet.types;

import java.util.Objects;

/**
 * Holds a PostgreSQL {@code box}: an axis-aligned rectangle given by two opposite corners.
 *
 * <p>The server always stores the upper-right corner first; {@link #of} puts any two corners into
 * that order so that values compare equal to what the server returns. Immutable and thread-safe.
 *
 * @param high the upper-right corner
 * @param low  the lower-left corner
 */
public record PgBox(PgPoint high, PgPoint low) {

    /**
     * Creates a box from its corners as given.
     *
     * @param high see the record component
     * @param low see the record component
     * @throws NullPointerException if a corner is null
     */
    public PgBox {
        Objects.requireNonNull(high, "high");
        Objects.requireNonNull(low, "low");
    }

    /**
     * Creates a box from any two opposite corners, ordering them as PostgreSQL does.
     *
     * @param a one corner
     * @param b the opposite corner
     * @return the box with {@code high} upper-right and {@code low} lower-left
     */
    public static PgBox of(PgPoint a, PgPoint b) {
        return new PgBox(new PgPoint(Math.max(a.x(), b.x()), Math.max(a.y(), b.y())),
                new PgPoint(Math.min(a.x(), b.x()), Math.min(a.y(), b.y())));
    }

    /**
     * Renders the box as PostgreSQL does: {@code (x1,y1),(x2,y2)}.
     *
     * @return the text form
     */
    @Override
    public String toString() {
        return high + "," + low;
    }
}
