package io.pgjet.internal.types;

import io.netty.buffer.ByteBuf;
import io.pgjet.types.PgBox;
import io.pgjet.types.PgCircle;
import io.pgjet.types.PgLine;
import io.pgjet.types.PgLineSegment;
import io.pgjet.types.PgPath;
import io.pgjet.types.PgPoint;
import io.pgjet.types.PgPolygon;
import java.util.ArrayList;
import java.util.List;

/**
 * Codecs for the geometric types, all built of float8 values: point (x, y), line (a, b, c),
 * lseg (two points), box (upper-right then lower-left corner), path (closed flag, point count,
 * points), polygon (point count, points) and circle (center, radius).
 */
final class GeometryCodecs {
    private GeometryCodecs() {
    }

    /** Reads and writes one geometric type given as functions over the byte layout. */
    abstract static class GeometryCodec extends Codec {
        GeometryCodec(int oid, String name, Class<?> javaType) {
            super(oid, name, javaType);
        }

        @Override
        public void encode(Object value, ByteBuf out, CodecContext ctx) {
            if (!defaultJavaType().isInstance(value)) {
                throw cannotEncode(value);
            }
            write(value, out);
        }

        abstract void write(Object value, ByteBuf out);

        @Override
        public boolean canEncode(Class<?> type) {
            return type == defaultJavaType();
        }
    }

    static PgPoint point(byte[] b, int off) {
        return new PgPoint(BinaryPrimitives.float8(b, off), BinaryPrimitives.float8(b, off + 8));
    }

    static void point(PgPoint p, ByteBuf out) {
        out.writeDouble(p.x()).writeDouble(p.y());
    }

    /** Codec for {@code point}. */
    static final class PointCodec extends GeometryCodec {
        PointCodec() {
            super(TypeOids.POINT, "point", PgPoint.class);
        }

        @Override
        public Object decode(byte[] buf, int off, int len, CodecContext ctx) {
            checkLength(len, 16);
            return point(buf, off);
        }

        @Override
        void write(Object value, ByteBuf out) {
            point((PgPoint) value, out);
        }
    }

    /** Codec for {@code line}. */
    static final class LineCodec extends GeometryCodec {
        LineCodec() {
            super(TypeOids.LINE, "line", PgLine.class);
        }

        @Override
        public Object decode(byte[] buf, int off, int len, CodecContext ctx) {
            checkLength(len, 24);
            return new PgLine(BinaryPrimitives.float8(buf, off), BinaryPrimitives.float8(buf, off + 8),
                    BinaryPrimitives.float8(buf, off + 16));
        }

        @Override
        void write(Object value, ByteBuf out) {
            PgLine l = (PgLine) value;
            out.writeDouble(l.a()).writeDouble(l.b()).writeDouble(l.c());
        }
    }

    /** Codec for {@code lseg}. */
    static final class LsegCodec extends GeometryCodec {
        LsegCodec() {
            super(TypeOids.LSEG, "lseg", PgLineSegment.class);
        }

        @Override
        public Object decode(byte[] buf, int off, int len, CodecContext ctx) {
            checkLength(len, 32);
            return new PgLineSegment(point(buf, off), point(buf, off + 16));
        }

        @Override
        void write(Object value, ByteBuf out) {
            point(((PgLineSegment) value).start(), out);
            point(((PgLineSegment) value).end(), out);
        }
    }

    /** Codec for {@code box}; encoding orders the corners as the server does. */
    static final class BoxCodec extends GeometryCodec {
        BoxCodec() {
            super(TypeOids.BOX, "box", PgBox.class);
        }

        @Override
        public Object decode(byte[] buf, int off, int len, CodecContext ctx) {
            checkLength(len, 32);
            return new PgBox(point(buf, off), point(buf, off + 16));
        }

        @Override
        void write(Object value, ByteBuf out) {
            PgBox b = PgBox.of(((PgBox) value).high(), ((PgBox) value).low());
            point(b.high(), out);
            point(b.low(), out);
        }
    }

    /** Codec for {@code path}. */
    static final class PathCodec extends GeometryCodec {
        PathCodec() {
            super(TypeOids.PATH, "path", PgPath.class);
        }

        @Override
        public Object decode(byte[] buf, int off, int len, CodecContext ctx) {
            if (len < 5) {
                throw malformed("too short");
            }
            boolean closed = buf[off] != 0;
            return new PgPath(points(this, buf, off + 1, len - 1), closed);
        }

        @Override
        void write(Object value, ByteBuf out) {
            PgPath p = (PgPath) value;
            out.writeByte(p.closed() ? 1 : 0);
            points(p.points(), out);
        }
    }

    /** Codec for {@code polygon}. */
    static final class PolygonCodec extends GeometryCodec {
        PolygonCodec() {
            super(TypeOids.POLYGON, "polygon", PgPolygon.class);
        }

        @Override
        public Object decode(byte[] buf, int off, int len, CodecContext ctx) {
            return new PgPolygon(points(this, buf, off, len));
        }

        @Override
        void write(Object value, ByteBuf out) {
            points(((PgPolygon) value).points(), out);
        }
    }

    /** Codec for {@code circle}. */
    static final class CircleCodec extends GeometryCodec {
        CircleCodec() {
            super(TypeOids.CIRCLE, "circle", PgCircle.class);
        }

        @Override
        public Object decode(byte[] buf, int off, int len, CodecContext ctx) {
            checkLength(len, 24);
            return new PgCircle(point(buf, off), BinaryPrimitives.float8(buf, off + 16));
        }

        @Override
        void write(Object value, ByteBuf out) {
            point(((PgCircle) value).center(), out);
            out.writeDouble(((PgCircle) value).radius());
        }
    }

    private static List<PgPoint> points(Codec codec, byte[] buf, int off, int len) {
        if (len < 4) {
            throw codec.malformed("too short");
        }
        int n = BinaryPrimitives.int4(buf, off);
        if (n < 0 || len != 4 + 16L * n) {
            throw codec.malformed(n + " points do not fit in " + len + " bytes");
        }
        List<PgPoint> points = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            points.add(point(buf, off + 4 + 16 * i));
        }
        return points;
    }

    private static void points(List<PgPoint> points, ByteBuf out) {
        out.writeInt(points.size());
        for (PgPoint p : points) {
            point(p, out);
        }
    }
}
