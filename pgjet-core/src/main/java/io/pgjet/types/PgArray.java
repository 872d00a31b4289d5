package io.pgjet.types;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Holds a PostgreSQL array with its full shape: element type, dimensions and lower bounds.
 *
 * <p>Arrays decode to {@code List} by default, which drops non-default lower bounds; ask for
 * {@code PgArray} to keep them, or pass a {@code PgArray} parameter to send them. Elements are
 * kept flat in row-major order. Immutable and thread-safe if the elements are.
 */
public final class PgArray {
    private final int elementOid;
    private final int[] dimensions;
    private final int[] lowerBounds;
    private final Object[] elements;

    private PgArray(int elementOid, int[] dimensions, int[] lowerBounds, Object[] elements) {
        this.elementOid = elementOid;
        this.dimensions = dimensions;
        this.lowerBounds = lowerBounds;
        this.elements = elements;
    }

    /**
     * Creates an array.
     *
     * @param elementOid  the element type OID (0 lets the codec use the column's element type)
     * @param dimensions  the size of each dimension (copied); empty for an empty array
     * @param lowerBounds the lower bound of each dimension (copied), usually 1
     * @param elements    the elements in row-major order (copied), nulls allowed
     * @return the array
     * @throws IllegalArgumentException if the shapes do not agree or a size is negative
     */
    public static PgArray of(int elementOid, int[] dimensions, int[] lowerBounds, Object[] elements) {
        if (dimensions.length != lowerBounds.length) {
            throw new IllegalArgumentException("dimensions and lower bounds differ in length");
        }
        long count = dimensions.length == 0 ? 0 : 1;
        for (int d : dimensions) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension " + d);
            }
            count *= d;
        }
        if (count != elements.length) {
            throw new IllegalArgumentException("dimensions " + Arrays.toString(dimensions) + " need "
                    + count + " elements, got " + elements.length);
        }
        return new PgArray(elementOid, dimensions.clone(), lowerBounds.clone(), elements.clone());
    }

    /**
     * Creates a one-dimensional array with the given lower bound.
     *
     * @param elementOid the element type OID, or 0
     * @param lowerBound the index of the first element
     * @param elements   the elements (copied)
     * @return the array
     */
    public static PgArray oneDimensional(int elementOid, int lowerBound, Object... elements) {
        return elements.length == 0 ? of(elementOid, new int[0], new int[0], elements)
                : of(elementOid, new int[] {elements.length}, new int[] {lowerBound}, elements);
    }

    /**
     * Returns the element type OID.
     *
     * @return the OID, 0 when unspecified
     */
    public int elementOid() {
        return elementOid;
    }

    /**
     * Returns the number of dimensions.
     *
     * @return 0 for an empty array
     */
    public int dimensionCount() {
        return dimensions.length;
    }

    /**
     * Returns the sizes of the dimensions.
     *
     * @return a copy
     */
    public int[] dimensions() {
        return dimensions.clone();
    }

    /**
     * Returns the lower bounds of the dimensions.
     *
     * @return a copy
     */
    public int[] lowerBounds() {
        return lowerBounds.clone();
    }

    /**
     * Returns the elements in row-major order.
     *
     * @return an unmodifiable list, nulls allowed
     */
    public List<Object> elements() {
        return Collections.unmodifiableList(Arrays.asList(elements));
    }

    /**
     * Returns the element at PostgreSQL subscripts (which honour the lower bounds).
     *
     * @param subscripts one subscript per dimension
     * @return the element, null for NULL
     * @throws IndexOutOfBoundsException if a subscript is outside its dimension
     */
    public Object get(int... subscripts) {
        if (subscripts.length != dimensions.length) {
            throw new IndexOutOfBoundsException("array has " + dimensions.length + " dimensions");
        }
        int index = 0;
        for (int d = 0; d < dimensions.length; d++) {
            int i = subscripts[d] - lowerBounds[d];
            if (i < 0 || i >= dimensions[d]) {
                throw new IndexOutOfBoundsException("subscript " + subscripts[d] + " outside ["
                        + lowerBounds[d] + ":" + (lowerBounds[d] + dimensions[d] - 1) + "]");
            }
            index = index * dimensions[d] + i;
        }
        return elements[index];
    }

    /**
     * Returns the elements as nested lists (a list per dimension), dropping the lower bounds.
     *
     * @return unmodifiable nested lists; empty for an empty array
     */
    public List<Object> toList() {
        if (dimensions.length == 0) {
            return List.of();
        }
        return nest(0, 0);
    }

    private List<Object> nest(int dim, int start) {
        int stride = 1;
        for (int d = dim + 1; d < dimensions.length; d++) {
            stride *= dimensions[d];
        }
        List<Object> out = new ArrayList<>(dimensions[dim]);
        for (int i = 0; i < dimensions[dim]; i++) {
            out.add(dim == dimensions.length - 1 ? elements[start + i] : nest(dim + 1, start + i * stride));
        }
        return Collections.unmodifiableList(out);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PgArray)) {
            return false;
        }
        PgArray a = (PgArray) o;
        return elementOid == a.elementOid && Arrays.equals(dimensions, a.dimensions)
                && Arrays.equals(lowerBounds, a.lowerBounds) && Arrays.deepEquals(elements, a.elements);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dimensions) * 31 + Arrays.deepHashCode(elements);
    }

    /**
     * Renders the shape and elements for humans, e.g. {@code [0:1]={a, b}}; not PostgreSQL's
     * quoted text output.
     *
     * @return a debug form
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int d = 0; d < dimensions.length; d++) {
            sb.append('[').append(lowerBounds[d]).append(':').append(lowerBounds[d] + dimensions[d] - 1).append(']');
        }
        return sb.append('=').append(toList()).toString();
    }
}
