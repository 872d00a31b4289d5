package io.pgjet.types;

/**
 * Selects the representation a user codec (see {@link TextTypeCodec}, {@link BinaryTypeCodec},
 * {@link TupleTypeCodec}) works on, as in asyncpg's {@code set_type_codec(format=...)}.
 */
public enum TypeCodecFormat {
    /** The value's PostgreSQL text form, as a {@code String}; the wire uses text format. */
    TEXT,
    /** The value's PostgreSQL binary form (what {@code <type>send} produces), as a {@code byte[]}. */
    BINARY,
    /**
     * The value decomposed into an {@code Object[]} of simpler values: the fields of a composite,
     * or the documented parts of a built-in type (see {@code docs/types.md}); the wire uses binary.
     */
    TUPLE
}
