package io.pgjet.internal.types;

import io.netty.buffer.ByteBuf;
import io.pgjet.PgInterfaceException;
import io.pgjet.types.PgInterval;
import java.time.Duration;
import java.time.Period;

/**
 * Codec for {@code interval}: PgInterval (int64 microseconds, int32 days, int32 months on the
 * wire). Also decodes to Duration (only when months are zero; a day counts 24 hours) and Period
 * (only when there is no time part). Encodes PgInterval, Duration (all in the time part, like
 * {@code '90000 seconds'}; nanoseconds rounded half-even) and Period. Refuses the infinities
 * for a server older than 17, which has no infinite interval.
 */
final class IntervalCodec extends Codec {
    IntervalCodec() {
        super(TypeOids.INTERVAL, "interval", PgInterval.class);
    }

    @Override
    public Object decode(byte[] buf, int off, int len, CodecContext ctx) {
        checkLength(len, 16);
        return new PgInterval(BinaryPrimitives.int4(buf, off + 12), BinaryPrimitives.int4(buf, off + 8),
                BinaryPrimitives.int8(buf, off));
    }

    @Override
    protected Object decodeAs(byte[] buf, int off, int len, Class<?> target, CodecContext ctx) {
        if (target == Duration.class) {
            return ((PgInterval) decode(buf, off, len, ctx)).toDuration();
        }
        if (target == Period.class) {
            return ((PgInterval) decode(buf, off, len, ctx)).toPeriod();
        }
        return super.decodeAs(buf, off, len, target, ctx);
    }

    @Override
    public void encode(Object value, ByteBuf out, CodecContext ctx) {
        PgInterval i;
        if (value instanceof PgInterval) {
            i = (PgInterval) value;
        } else if (value instanceof Duration) {
            i = PgInterval.of((Duration) value);
        } else if (value instanceof Period) {
            i = PgInterval.of((Period) value);
        } else {
            throw cannotEncode(value);
        }
        if (i.isInfinite() && ctx.serverVersion() != 0 && ctx.serverVersion() < 170000) {
            // Older servers store these bytes as a huge finite interval instead of refusing them.
            throw new PgInterfaceException("infinite interval needs PostgreSQL 17 or later");
        }
        out.writeLong(i.microseconds()).writeInt(i.days()).writeInt(i.months());
    }

    @Override
    public boolean canEncode(Class<?> type) {
        return type == PgInterval.class || type == Duration.class || type == Period.class;
    }
}
