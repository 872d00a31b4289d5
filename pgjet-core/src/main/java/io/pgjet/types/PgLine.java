package io.pgjet.types;

import io.pgjet.internal.types.FloatText;

/**
 * Holds a PostgreSQL {@code line}: the infinite line {@code a*x + b*y + c = 0}. Immutable and
 * thread-safe.
 *
 * @param a the x coefficient
 * @param b the y coefficient
 * @param c the constant
 */
public record PgLine(double a, double b, double c) {

    /**
     * Renders the line as PostgreSQL does: <code>{a,b,c}</code>.
     *
     * @return the text form
     */
    @Override
    public String toString() {
        return "{" + FloatText.float8(a) + "," + FloatText.float8(b) + "," + FloatText.float8(c) + "}";
    }
}
