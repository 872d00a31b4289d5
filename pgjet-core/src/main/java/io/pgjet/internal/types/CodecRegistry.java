package io.pgjet.internal.types;

import io.pgjet.PgInterfaceException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Maps type OIDs to codecs, array types to element types, and Java classes to the PostgreSQL
 * type a parameter of that class is sent as.
 *
 * <p>One registry is built per server (built-in codecs plus whatever introspection added) and may
 * be {@linkplain #copy() copied} per connection for {@code setTypeCodec}. Lookups are lock-free;
 * registrations take a lock and publish copy-on-write, so a registry is safe to read from any
 * thread while another registers.
 *
 * <p>Types without a codec travel in text format: {@link #hasBinaryCodec} is false for them and
 * {@link #codecOrText} gives a codec that reads and writes the server's text.
 */
public final class CodecRegistry {
    private static final int DIRECT = 16384;

    private final ReentrantLock lock = new ReentrantLock();
    private volatile Codec[] direct;
    private final Map<Integer, Codec> others;
    private final Map<Integer, Integer> arrayOfElement;
    private final Map<Integer, Integer> elementOfArray;
    private final Map<Class<?>, Integer> javaTypes;
    private final Map<String, Integer> byName;

    private CodecRegistry(Codec[] direct, Map<Integer, Codec> others, Map<Integer, Integer> arrayOfElement,
            Map<Integer, Integer> elementOfArray, Map<Class<?>, Integer> javaTypes, Map<String, Integer> byName) {
        this.direct = direct;
        this.others = others;
        this.arrayOfElement = arrayOfElement;
        this.elementOfArray = elementOfArray;
        this.javaTypes = javaTypes;
        this.byName = byName;
    }

    /**
     * Creates a registry holding the codecs of every built-in type and their arrays.
     *
     * @return a new registry the caller owns
     */
    public static CodecRegistry withBuiltins() {
        CodecRegistry r = new CodecRegistry(new Codec[DIRECT], new ConcurrentHashMap<>(), new ConcurrentHashMap<>(),
                new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
        BuiltinCodecs.registerAll(r);
        return r;
    }

    /**
     * Returns an independent copy (for per-connection overrides on top of a per-server registry).
     *
     * @return the copy
     */
    public CodecRegistry copy() {
        return new CodecRegistry(direct.clone(), new ConcurrentHashMap<>(others), new ConcurrentHashMap<>(arrayOfElement),
                new ConcurrentHashMap<>(elementOfArray), new ConcurrentHashMap<>(javaTypes), new ConcurrentHashMap<>(byName));
    }

    /**
     * Returns the codec registered for a type.
     *
     * @param oid the type OID
     * @return the codec, or null when none is registered
     */
    public Codec codec(int oid) {
        if (oid >= 0 && oid < DIRECT) {
            return direct[oid];
        }
        return others.get(oid);
    }

    /**
     * Returns the registered codec, or a text-format codec that reads values as the server's text
     * and sends strings as text.
     *
     * @param oid the type OID
     * @return a codec, never null
     */
    public Codec codecOrText(int oid) {
        Codec c = codec(oid);
        return c != null ? c : new TextCodecs.TextFormatCodec(oid, TypeOids.name(oid));
    }

    /**
     * Returns whether results of a type should be requested in binary format: a binary codec is
     * registered for it and for every type nested in it.
     *
     * @param oid the type OID
     * @return true for binary, false for text
     */
    public boolean hasBinaryCodec(int oid) {
        Codec c = codec(oid);
        return c != null && c.isBinary(this);
    }

    /**
     * Returns the codec to send a parameter with when the server declared its type (from
     * ParameterDescription): the type's codec if it accepts the value's class, else a text-format
     * codec for strings (the server parses them), else an error.
     *
     * @param declaredOid the parameter type the server chose
     * @param value       the non-null parameter value
     * @return the codec; its {@link Codec#parameterFormat()} is the format to bind with
     * @throws PgInterfaceException if the value cannot be sent as that type
     */
    public Codec parameterCodec(int declaredOid, Object value) {
        Codec c = codec(declaredOid);
        if (c != null && c.canEncode(value.getClass())) {
            return c;
        }
        if (value instanceof CharSequence || value instanceof Character) {
            return new TextCodecs.TextFormatCodec(declaredOid, TypeOids.name(declaredOid));
        }
        throw new PgInterfaceException("cannot encode " + value.getClass().getName() + " as "
                + (c != null ? c.typeName() : TypeOids.name(declaredOid)));
    }

    /**
     * Adds or replaces the codec of {@link Codec#oid()}.
     *
     * @param codec the codec
     */
    public void register(Codec codec) {
        lock.lock();
        try {
            int oid = codec.oid();
            if (oid >= 0 && oid < DIRECT) {
                Codec[] next = direct.clone();
                next[oid] = codec;
                direct = next;
            } else {
                others.put(oid, codec);
            }
            byName.put(codec.typeName(), oid);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Returns whether a type has a codec whose description is current: registered and not
     * {@linkplain Codec#isOutdated() out of date}.
     *
     * @param oid the type OID
     * @return false when the type must be introspected (again) before use
     */
    public boolean isCurrent(int oid) {
        Codec c = codec(oid);
        return c != null && !c.isOutdated();
    }

    /**
     * Marks a codec whose description the server showed to be out of date, and, when it is the
     * one this registry uses for its type, every codec here that nests that type (arrays,
     * domains, ranges, composites over it, transitively): the engine introspects them again on
     * next use. Codec instances are shared by the registries copied from one another, so the mark
     * is seen by every connection that uses the same codec.
     *
     * @param codec the out-of-date codec
     */
    public void markOutdated(Codec codec) {
        lock.lock();
        try {
            codec.markOutdated();
            if (codec(codec.oid()) != codec) {
                return; // this registry already holds a newer description of the type
            }
            java.util.ArrayDeque<Integer> pending = new java.util.ArrayDeque<>();
            pending.add(codec.oid());
            while (!pending.isEmpty()) {
                int oid = pending.poll();
                for (Codec c : all()) {
                    if (!c.isOutdated() && c.nests(oid)) {
                        c.markOutdated();
                        pending.add(c.oid());
                    }
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private java.util.List<Codec> all() {
        java.util.List<Codec> out = new java.util.ArrayList<>(others.values());
        for (Codec c : direct) {
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * Registers an array type: its codec and the element/array link.
     *
     * @param arrayOid   the array type OID
     * @param elementOid the element type OID
     */
    public void registerArray(int arrayOid, int elementOid) {
        Codec element = codec(elementOid);
        String name = (element != null ? element.typeName() : TypeOids.name(elementOid)) + "[]";
        register(new ArrayCodec(arrayOid, name, elementOid));
        arrayOfElement.put(elementOid, arrayOid);
        elementOfArray.put(arrayOid, elementOid);
    }

    /**
     * Makes parameters of a Java class (and its subclasses, for records and enums the exact class)
     * infer a type, e.g. a Java record as a composite type or {@code Map} as hstore.
     *
     * @param type the Java class
     * @param oid  the PostgreSQL type OID
     */
    public void registerJavaType(Class<?> type, int oid) {
        javaTypes.put(type, oid);
    }

    /**
     * Returns the array type of an element type.
     *
     * @param elementOid the element type OID
     * @return the array type OID, or 0 when unknown
     */
    public int arrayOf(int elementOid) {
        Integer a = arrayOfElement.get(elementOid);
        return a == null ? 0 : a;
    }

    /**
     * Returns the element type of an array type.
     *
     * @param arrayOid the array type OID
     * @return the element type OID, or 0 when {@code arrayOid} is not a known array type
     */
    public int elementOf(int arrayOid) {
        Integer e = elementOfArray.get(arrayOid);
        return e == null ? 0 : e;
    }

    /**
     * Returns the codec registered under a type name (built-in names as in {@code pg_type},
     * introspected types by name; arrays as {@code elem[]}).
     *
     * @param typeName e.g. {@code hstore}
     * @return the codec, or null
     */
    public Codec byName(String typeName) {
        Integer oid = byName.get(typeName);
        return oid == null ? null : codec(oid);
    }

    /**
     * Infers the PostgreSQL type of a parameter from its Java value, for statements whose
     * parameter types the server has not described yet. See {@code docs/types.md} for the table.
     *
     * @param value the parameter value, may be null
     * @return the type OID, or 0 (unspecified) for null, strings and values sent as text, which
     *     lets the server choose the type from the statement
     * @throws PgInterfaceException if the class cannot be sent at all
     */
    public int inferOid(Object value) {
        return ParameterTypes.infer(this, value);
    }

    /**
     * Returns the codec to encode a parameter with when only its Java value is known.
     *
     * @param value the non-null parameter value
     * @return a codec; text-format for values of unspecified type (strings, empty lists)
     * @throws PgInterfaceException if the class cannot be sent
     */
    public Codec codecForValue(Object value) {
        int oid = inferOid(value);
        if (oid == 0) {
            return ParameterTypes.untypedCodec(value);
        }
        Codec c = codec(oid);
        if (c == null) {
            throw new PgInterfaceException("no codec for " + TypeOids.name(oid) + " to encode "
                    + value.getClass().getName());
        }
        return c;
    }

    Integer javaTypeOid(Class<?> type) {
        return javaTypes.get(type);
    }

    @Override
    public String toString() {
        return "CodecRegistry[" + (Arrays.stream(direct).filter(c -> c != null).count() + others.size()) + " codecs]";
    }
}
