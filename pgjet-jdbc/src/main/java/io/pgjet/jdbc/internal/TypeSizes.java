package io.pgjet.jdbc.internal;

/**
 * Precision, scale and display size of a column from its type OID and type modifier
 * ({@code atttypmod}), with the values pgjdbc reports: declared lengths for {@code varchar(n)} and
 * {@code char(n)}, declared precision and scale for {@code numeric(p,s)}, the fixed digits of the
 * integer and floating types, fractional-second digits as the scale of time types, and
 * {@link Integer#MAX_VALUE} for unbounded text. Stateless.
 */
final class TypeSizes {
    /** The length pgjdbc reports for unbounded types. */
    private static final int UNKNOWN_LENGTH = Integer.MAX_VALUE;

    private TypeSizes() {
    }

    /** Returns the precision (digits or characters) of a column of {@code oid} with {@code typmod}. */
    static int precision(int oid, int typmod) {
        switch (oid) {
            case 21: return 5;
            case 23: case 26: return 10;
            case 20: return 19;
            case 700: return 8;
            case 701: return 17;
            case 16: return 1;
            case 1700: return typmod == -1 ? 0 : ((typmod - 4) >> 16) & 0xffff;
            case 1042: case 1043: return typmod == -1 ? UNKNOWN_LENGTH : typmod - 4;
            case 18: return 1;
            case 19: return 63;
            case 1082: return 13;
            case 1083: case 1114: case 1184: case 1266: return displaySize(oid, typmod);
            case 1560: case 1562: return typmod == -1 ? UNKNOWN_LENGTH : typmod;
            default: return oid == 25 || oid == 17 ? UNKNOWN_LENGTH : 0;
        }
    }

    /** Returns the scale (digits after the point, or fractional-second digits) of a column. */
    static int scale(int oid, int typmod) {
        switch (oid) {
            case 700: return 8;
            case 701: return 17;
            case 1700: return typmod == -1 ? 0 : (typmod - 4) & 0xffff;
            case 1083: case 1114: case 1184: case 1266: return typmod == -1 ? 6 : typmod;
            default: return 0;
        }
    }

    /** Returns how many characters the text form of a value can take at most. */
    static int displaySize(int oid, int typmod) {
        int fraction = typmod == -1 ? 6 : typmod;
        int fractionChars = fraction == 0 ? 0 : fraction + 1;
        switch (oid) {
            case 21: return 6;
            case 23: return 11;
            case 26: return 10;
            case 20: return 20;
            case 700: return 15;
            case 701: return 25;
            case 16: return 1;
            case 18: return 1;
            case 1082: return 13;
            case 1083: return 8 + fractionChars;
            case 1266: return 8 + fractionChars + 6;
            case 1114: return 22 + fractionChars;
            case 1184: return 22 + fractionChars + 6;
            case 1700:
                if (typmod == -1) {
                    return 131089;
                }
                int precision = ((typmod - 4) >> 16) & 0xffff;
                int scale = (typmod - 4) & 0xffff;
                return 1 + precision + (scale != 0 ? 1 : 0);
            case 1042: case 1043: return typmod == -1 ? UNKNOWN_LENGTH : typmod - 4;
            default: return UNKNOWN_LENGTH;
        }
    }
}
