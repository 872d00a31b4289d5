package io.pgjet.internal.types;

/** Registers the codecs of PostgreSQL's built-in types and of their array types. */
final class BuiltinCodecs {
    private BuiltinCodecs() {
    }

    static void registerAll(CodecRegistry r) {
        r.register(new IntegerCodecs.BoolCodec());
        r.register(new IntegerCodecs.Int2Codec());
        r.register(new IntegerCodecs.Int4Codec());
        r.register(new IntegerCodecs.Int8Codec());
        r.register(new IntegerCodecs.Xid8Codec());
        int[] unsigned = {TypeOids.OID, TypeOids.XID, TypeOids.CID, TypeOids.REGPROC, TypeOids.REGPROCEDURE,
            TypeOids.REGOPER, TypeOids.REGOPERATOR, TypeOids.REGCLASS, TypeOids.REGTYPE, TypeOids.REGCONFIG,
            TypeOids.REGDICTIONARY, TypeOids.REGNAMESPACE, TypeOids.REGROLE, TypeOids.REGCOLLATION};
        for (int oid : unsigned) {
            r.register(new IntegerCodecs.Unsigned32Codec(oid, TypeOids.name(oid)));
        }
        r.register(new FloatCodecs.Float4Codec());
        r.register(new FloatCodecs.Float8Codec());
        r.register(new NumericCodec());
        r.register(new MiscCodecs.MoneyCodec());

        int[] texts = {TypeOids.TEXT, TypeOids.VARCHAR, TypeOids.BPCHAR, TypeOids.NAME, TypeOids.XML,
            TypeOids.REFCURSOR, TypeOids.UNKNOWN, TypeOids.CSTRING, TypeOids.VOID};
        for (int oid : texts) {
            r.register(new TextCodecs.TextCodec(oid, TypeOids.name(oid)));
        }
        r.register(new TextCodecs.CharCodec());
        r.register(new TextCodecs.ByteaCodec());
        r.register(new TextCodecs.JsonCodec(TypeOids.JSON, "json", false));
        r.register(new TextCodecs.JsonCodec(TypeOids.JSONB, "jsonb", true));
        r.register(new TextCodecs.JsonCodec(TypeOids.JSONPATH, "jsonpath", true));
        r.register(new UuidCodec());

        r.register(new DateTimeCodecs.DateCodec());
        r.register(new DateTimeCodecs.TimeCodec());
        r.register(new DateTimeCodecs.TimeTzCodec());
        r.register(new TimestampCodecs.TimestampCodec());
        r.register(new TimestampCodecs.TimestampTzCodec());
        r.register(new IntervalCodec());

        r.register(new NetworkCodecs.InetCodec(false));
        r.register(new NetworkCodecs.InetCodec(true));
        r.register(new NetworkCodecs.MacAddrCodec(false));
        r.register(new NetworkCodecs.MacAddrCodec(true));
        r.register(new BitStringCodecs(false));
        r.register(new BitStringCodecs(true));

        r.register(new GeometryCodecs.PointCodec());
        r.register(new GeometryCodecs.LineCodec());
        r.register(new GeometryCodecs.LsegCodec());
        r.register(new GeometryCodecs.BoxCodec());
        r.register(new GeometryCodecs.PathCodec());
        r.register(new GeometryCodecs.PolygonCodec());
        r.register(new GeometryCodecs.CircleCodec());

        r.register(new MiscCodecs.LsnCodec());
        r.register(new MiscCodecs.TidCodec());
        r.register(new MiscCodecs.SnapshotCodec(TypeOids.PG_SNAPSHOT, "pg_snapshot"));
        r.register(new MiscCodecs.SnapshotCodec(TypeOids.TXID_SNAPSHOT, "txid_snapshot"));
        r.register(new TextSearchCodecs.TsVectorCodec());
        r.register(new TextSearchCodecs.TsQueryCodec());
        r.register(CompositeCodec.anonymousRecord());
        r.register(new ArrayCodec(TypeOids.INT2VECTOR, "int2vector", TypeOids.INT2, true));
        r.register(new ArrayCodec(TypeOids.OIDVECTOR, "oidvector", TypeOids.OID, true));

        range(r, TypeOids.INT4RANGE, "int4range", TypeOids.INT4, TypeOids.INT4MULTIRANGE, "int4multirange");
        range(r, TypeOids.INT8RANGE, "int8range", TypeOids.INT8, TypeOids.INT8MULTIRANGE, "int8multirange");
        range(r, TypeOids.NUMRANGE, "numrange", TypeOids.NUMERIC, TypeOids.NUMMULTIRANGE, "nummultirange");
        range(r, TypeOids.DATERANGE, "daterange", TypeOids.DATE, TypeOids.DATEMULTIRANGE, "datemultirange");
        range(r, TypeOids.TSRANGE, "tsrange", TypeOids.TIMESTAMP, TypeOids.TSMULTIRANGE, "tsmultirange");
        range(r, TypeOids.TSTZRANGE, "tstzrange", TypeOids.TIMESTAMPTZ, TypeOids.TSTZMULTIRANGE, "tstzmultirange");

        int[] pairs = TypeOids.arrayPairs();
        for (int i = 0; i < pairs.length; i += 2) {
            if (r.codec(pairs[i]) != null) {
                r.registerArray(pairs[i + 1], pairs[i]);
            }
        }
    }

    private static void range(CodecRegistry r, int oid, String name, int subtype, int multiOid, String multiName) {
        r.register(new RangeCodec(oid, name, subtype));
        r.register(new MultirangeCodec(multiOid, multiName, oid));
    }
}
