package io.pgjet.internal.types;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The codecs the codec fuzz target ({@code io.pgjet.fuzz.CodecFuzzTest}) decodes with: every
 * built-in codec of {@link CodecRegistry#withBuiltins()} (scalars, their arrays, ranges,
 * multiranges, {@code record}) plus one of each kind introspection creates for user and extension
 * types (hstore, ltree, an enum, composites, domains, and their arrays), at fixed OIDs above the
 * built-in range so committed inputs keep selecting the same codec.
 */
public final class FuzzCodecs {
    /** OID of the test hstore type. */
    public static final int HSTORE = 900_001;
    /** OID of the test ltree type. */
    public static final int LTREE = 900_002;
    /** OID of the test enum type (labels {@code red}, {@code green}). */
    public static final int ENUM = 900_003;
    /** OID of a composite {@code (id int4, name text, tags text[], amount numeric)}. */
    public static final int COMPOSITE = 900_004;
    /** OID of a composite {@code (inner composite, at timestamptz, r int4range)} nesting the one above. */
    public static final int NESTED_COMPOSITE = 900_005;
    /** OID of a domain over int4. */
    public static final int INT_DOMAIN = 900_006;
    /** OID of a domain over the composite. */
    public static final int COMPOSITE_DOMAIN = 900_007;
    /** First OID of the array types of the types above, in the same order. */
    public static final int ARRAYS = 900_101;

    private static final CodecRegistry REGISTRY = build();
    private static final List<Codec> CODECS = list(REGISTRY);

    private FuzzCodecs() {
    }

    /**
     * Returns the registry holding every codec fuzzed.
     *
     * @return a shared registry; do not register into it
     */
    public static CodecRegistry registry() {
        return REGISTRY;
    }

    /**
     * Returns every codec of {@link #registry()}, ordered by OID.
     *
     * @return an unmodifiable list
     */
    public static List<Codec> codecs() {
        return CODECS;
    }

    private static CodecRegistry build() {
        CodecRegistry r = CodecRegistry.withBuiltins();
        r.register(new HstoreCodec(HSTORE, "hstore"));
        r.register(new TextCodecs.LtreeCodec(LTREE, "ltree"));
        r.register(new EnumCodec(ENUM, "color", List.of("red", "green")));
        r.register(new CompositeCodec(COMPOSITE, "public", "item", new String[] {"id", "name", "tags", "amount"},
                new int[] {TypeOids.INT4, TypeOids.TEXT, TypeOids.TEXT_ARRAY, TypeOids.NUMERIC}));
        r.register(new CompositeCodec(NESTED_COMPOSITE, "public", "wrapper", new String[] {"inner", "at", "r"},
                new int[] {COMPOSITE, TypeOids.TIMESTAMPTZ, TypeOids.INT4RANGE}));
        r.register(new DomainCodec(INT_DOMAIN, "positive", TypeOids.INT4, Integer.class));
        r.register(new DomainCodec(COMPOSITE_DOMAIN, "checked_item", COMPOSITE,
                io.pgjet.types.PgRecord.class));
        int[] user = {HSTORE, LTREE, ENUM, COMPOSITE, NESTED_COMPOSITE, INT_DOMAIN, COMPOSITE_DOMAIN};
        for (int i = 0; i < user.length; i++) {
            r.registerArray(ARRAYS + i, user[i]);
        }
        return r;
    }

    private static List<Codec> list(CodecRegistry r) {
        List<Codec> out = new ArrayList<>();
        for (int oid = 0; oid < 16384; oid++) {
            Codec c = r.codec(oid);
            if (c != null) {
                out.add(c);
            }
        }
        for (int oid = 900_000; oid < 900_200; oid++) {
            Codec c = r.codec(oid);
            if (c != null) {
                out.add(c);
            }
        }
        return Collections.unmodifiableList(out);
    }
}
