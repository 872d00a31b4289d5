package io.pgjet.internal.types;

import static io.pgjet.internal.types.CodecAssertions.checkAll;
import static io.pgjet.internal.types.CodecAssertions.decode;
import static io.pgjet.internal.types.CodecAssertions.encode;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgjet.PgInterfaceException;
import io.pgjet.types.PgInterval;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** date, time, timetz, timestamp, timestamptz and interval against the SERVER.get(). */
class DateTimeCodecsServerTest {
    private static final long SEED = 0x5eed_0003L;
    private static final CodecRegistry REGISTRY = CodecRegistry.withBuiltins();
    private static final CodecContext UTC = CodecContext.defaults(REGISTRY);
    @RegisterExtension
    static final ServerVectorsExtension SERVER = new ServerVectorsExtension();

    private static Codec codec(int oid) {
        return REGISTRY.codec(oid);
    }

    static String dateLiteral(LocalDate d) {
        int y = d.getYear();
        return String.format("%04d-%02d-%02d%s", y > 0 ? y : 1 - y, d.getMonthValue(), d.getDayOfMonth(),
                y > 0 ? "" : " BC");
    }

    static String timestampLiteral(LocalDateTime t, String offset) {
        int y = t.getYear();
        return String.format("%04d-%02d-%02d %02d:%02d:%02d.%09d%s%s", y > 0 ? y : 1 - y, t.getMonthValue(),
                t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond(), t.getNano(), offset, y > 0 ? "" : " BC");
    }

    @Test
    void datesRandomBcInfinityAndLimits() {
        Random r = new Random(SEED);
        List<LocalDate> dates = new ArrayList<>(List.of(LocalDate.of(2024, 2, 29), LocalDate.of(2000, 1, 1),
                LocalDate.of(1970, 1, 1), LocalDate.of(0, 12, 31), LocalDate.of(1, 1, 1), LocalDate.of(-4713, 11, 24),
                LocalDate.of(5874897, 12, 31), LocalDate.of(10000, 1, 1)));
        for (int i = 0; i < 300; i++) {
            long day = PgTime.MIN_DATE + (long) (r.nextDouble() * (i % 2 == 0 ? 4_000_000 : PgTime.END_DATE - PgTime.MIN_DATE));
            dates.add(PgTime.toLocalDate((int) day));
        }
        List<String> lits = new ArrayList<>();
        dates.forEach(d -> lits.add(dateLiteral(d)));
        lits.add("infinity");
        lits.add("-infinity");
        List<Object> values = checkAll(codec(TypeOids.DATE), SERVER.get().vectors("date", lits), UTC, true, "(seed " + SEED + ")");
        for (int i = 0; i < dates.size(); i++) {
            assertEquals(dates.get(i), values.get(i), lits.get(i));
            assertArrayEquals(SERVER.get().vectors("date", List.of(lits.get(i))).get(0).bytes(),
                    encode(codec(TypeOids.DATE), dates.get(i), UTC));
        }
        assertEquals(LocalDate.MAX, values.get(dates.size()));
        assertEquals(LocalDate.MIN, values.get(dates.size() + 1));
        assertThrows(PgInterfaceException.class, () -> encode(codec(TypeOids.DATE), LocalDate.of(5874898, 1, 1), UTC));
        assertThrows(PgInterfaceException.class, () -> encode(codec(TypeOids.DATE), LocalDate.of(-4713, 11, 23), UTC));
    }

    @Test
    void timestampsRandomWithNanosRounding() {
        Random r = new Random(SEED + 1);
        List<LocalDateTime> times = new ArrayList<>(List.of(LocalDateTime.of(2024, 2, 29, 12, 0),
                LocalDateTime.of(1970, 1, 1, 0, 0), LocalDateTime.of(294276, 12, 31, 23, 59, 59, 999_999_000),
                LocalDateTime.of(-4713, 11, 24, 0, 0), LocalDateTime.of(0, 1, 1, 0, 0, 0, 1000),
                LocalDateTime.of(2000, 1, 1, 0, 0)));
        for (int i = 0; i < 300; i++) {
            long micros = PgTime.MIN_TIMESTAMP + (long) (r.nextDouble() * ((double) PgTime.END_TIMESTAMP - PgTime.MIN_TIMESTAMP));
            if (i % 3 == 0) {
                micros = (long) (r.nextGaussian() * 3e15);
            }
            times.add(PgTime.toLocalDateTime(micros));
        }
        List<String> lits = new ArrayList<>();
        times.forEach(t -> lits.add(timestampLiteral(t, "")));
        lits.add("infinity");
        lits.add("-infinity");
        List<Object> values = checkAll(codec(TypeOids.TIMESTAMP), SERVER.get().vectors("timestamp", lits), UTC, true,
                "(seed " + (SEED + 1) + ")");
        for (int i = 0; i < times.size(); i++) {
            assertEquals(times.get(i), values.get(i), lits.get(i));
        }
        assertEquals(LocalDateTime.MAX, values.get(times.size()));
        // Nanoseconds are rounded half-even to microseconds, as the server rounds text input.
        List<LocalDateTime> nanos = new ArrayList<>();
        List<String> nanoLits = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            LocalDateTime t = LocalDateTime.of(1900 + r.nextInt(300), 1 + r.nextInt(12), 1 + r.nextInt(28),
                    r.nextInt(24), r.nextInt(60), r.nextInt(60), r.nextInt(1_000_000_000));
            if (t.getNano() % 1000 == 500) {
                continue;
            }
            nanos.add(t);
            nanoLits.add(timestampLiteral(t, ""));
        }
        List<ServerVectors.Vector> vs = SERVER.get().vectors("timestamp", nanoLits);
        for (int i = 0; i < nanos.size(); i++) {
            assertArrayEquals(vs.get(i).bytes(), encode(codec(TypeOids.TIMESTAMP), nanos.get(i), UTC), nanoLits.get(i));
        }
        assertThrows(PgInterfaceException.class,
                () -> encode(codec(TypeOids.TIMESTAMP), LocalDateTime.of(294277, 1, 1, 0, 0), UTC));
        assertThrows(PgInterfaceException.class,
                () -> encode(codec(TypeOids.TIMESTAMP), LocalDateTime.of(-4713, 11, 23, 23, 59), UTC));
    }

    @Test
    void timestamptzInSessionZonesAcrossDst() {
        Random r = new Random(SEED + 2);
        for (String zone : List.of("UTC", "Europe/Berlin", "America/New_York")) {
            SERVER.get().execute("set timezone = '" + zone + "'");
            CodecContext ctx = UTC.withTimeZone(CodecContext.parseTimeZone(SERVER.get().string("show timezone")));
            List<Instant> instants = new ArrayList<>(List.of(Instant.parse("2024-03-31T00:59:59.999999Z"),
                    Instant.parse("2024-03-31T01:00:00Z"), Instant.parse("2024-10-27T00:30:00Z"),
                    Instant.parse("2024-10-27T01:30:00Z"), Instant.parse("2024-03-10T06:59:59Z"),
                    Instant.parse("2024-03-10T07:00:00Z"), Instant.parse("2024-11-03T05:30:00Z"),
                    Instant.parse("2024-11-03T06:30:00Z"), Instant.EPOCH, Instant.parse("1850-06-01T00:00:00Z")));
            for (int i = 0; i < 150; i++) {
                long micros = (long) (r.nextGaussian() * 2e15);
                instants.add(TimestampCodecs.toInstant(micros));
            }
            List<String> lits = new ArrayList<>();
            instants.forEach(t -> lits.add(timestampLiteral(LocalDateTime.ofInstant(t, ZoneOffset.UTC), "+00")));
            lits.add("infinity");
            List<Object> values = checkAll(codec(TypeOids.TIMESTAMPTZ), SERVER.get().vectors("timestamptz", lits), ctx, true,
                    zone + " (seed " + (SEED + 2) + ")");
            for (int i = 0; i < instants.size(); i++) {
                OffsetDateTime t = (OffsetDateTime) values.get(i);
                assertEquals(instants.get(i), t.toInstant(), lits.get(i));
                assertEquals(ctx.timeZone().getRules().getOffset(instants.get(i)), t.getOffset());
                byte[] b = SERVER.get().vectors("timestamptz", List.of(lits.get(i))).get(0).bytes();
                assertEquals(instants.get(i), decode(codec(TypeOids.TIMESTAMPTZ), b, Instant.class, ctx));
                assertArrayEquals(b, encode(codec(TypeOids.TIMESTAMPTZ), instants.get(i), ctx));
                assertArrayEquals(b, encode(codec(TypeOids.TIMESTAMPTZ), instants.get(i).atZone(ZoneId.of("Asia/Tokyo")), ctx));
            }
            assertEquals(OffsetDateTime.MAX, values.get(instants.size()));
            // A local date-time for a timestamptz parameter is read in the session zone, like a literal.
            List<LocalDateTime> locals = List.of(LocalDateTime.of(2024, 7, 1, 12, 0), LocalDateTime.of(2024, 1, 1, 0, 0),
                    LocalDateTime.of(2024, 3, 31, 2, 30), LocalDateTime.of(2024, 3, 10, 2, 30));
            for (LocalDateTime l : locals) {
                byte[] b = SERVER.get().vectors("timestamptz", List.of(timestampLiteral(l, ""))).get(0).bytes();
                assertArrayEquals(b, encode(codec(TypeOids.TIMESTAMPTZ), l, ctx), zone + " " + l);
            }
        }
        SERVER.get().execute("set timezone = 'UTC'");
    }

    @Test
    void timeAndTimetz() {
        Random r = new Random(SEED + 3);
        List<String> lits = new ArrayList<>(List.of("00:00:00", "24:00:00", "23:59:59.999999", "12:34:56.5"));
        List<String> tz = new ArrayList<>(List.of("00:00:00+00", "24:00:00-15:59", "12:00:00+05:30", "01:02:03-03:30:15",
                "13:14:15.123456+15:59:59"));
        for (int i = 0; i < 200; i++) {
            long micros = (long) (r.nextDouble() * PgTime.MICROS_PER_DAY);
            StringBuilder sb = new StringBuilder();
            PgTime.appendTime(sb, micros);
            lits.add(sb.toString());
            int offset = (r.nextInt(2 * 57599) - 57599) / (r.nextBoolean() ? 60 : 1) * (r.nextBoolean() ? 60 : 1);
            StringBuilder o = new StringBuilder(sb);
            PgTime.appendOffset(o, Math.max(-57599, Math.min(57599, offset)));
            tz.add(o.toString());
        }
        List<Object> times = checkAll(codec(TypeOids.TIME), SERVER.get().vectors("time", lits), UTC, true, "");
        assertEquals(LocalTime.MAX, times.get(1));
        assertEquals(LocalTime.of(12, 34, 56, 500_000_000), times.get(3));
        List<Object> tzs = checkAll(codec(TypeOids.TIMETZ), SERVER.get().vectors("timetz", tz), UTC, false, "");
        assertEquals(OffsetTime.of(12, 0, 0, 0, ZoneOffset.ofHoursMinutes(5, 30)), tzs.get(2));
        for (int i = 0; i < tz.size(); i++) {
            if (i != 1) {
                assertArrayEquals(SERVER.get().vectors("timetz", List.of(tz.get(i))).get(0).bytes(),
                        encode(codec(TypeOids.TIMETZ), tzs.get(i), UTC), tz.get(i));
            }
        }
        assertArrayEquals(SERVER.get().expression("time", "'23:59:59.9999996'").bytes(),
                encode(codec(TypeOids.TIME), LocalTime.of(23, 59, 59, 999_999_600), UTC));
    }

    @Test
    void intervals() {
        Random r = new Random(SEED + 4);
        List<PgInterval> values = new ArrayList<>(List.of(PgInterval.ZERO, new PgInterval(14, 3, 4_005_006_789L),
                new PgInterval(-14, -3, -4_005_006_789L), new PgInterval(1, -1, 1), new PgInterval(0, 0, -1),
                new PgInterval(0, 5, 0), new PgInterval(-1, 2, -3_600_000_000L)));
        for (int i = 0; i < 300; i++) {
            values.add(new PgInterval(r.nextInt(200_000) - 100_000, r.nextInt(2_000_000) - 1_000_000,
                    (long) (r.nextGaussian() * 1e14)));
        }
        // Before 15 a field value must fit in an int32: the time part goes as fractional seconds there.
        boolean int64Fields = SERVER.get().majorVersion() >= 15;
        List<String> lits = new ArrayList<>();
        values.forEach(v -> lits.add(v.months() + " mons " + v.days() + " days " + (int64Fields
                ? v.microseconds() + " microseconds" : BigDecimal.valueOf(v.microseconds(), 6).toPlainString() + " seconds")));
        boolean infinityExists = SERVER.get().majorVersion() >= 17;
        if (infinityExists) {
            lits.add("infinity");
            lits.add("-infinity");
        }
        List<Object> decoded = checkAll(codec(TypeOids.INTERVAL), SERVER.get().vectors("interval", lits), UTC, true,
                "(seed " + (SEED + 4) + ")");
        for (int i = 0; i < values.size(); i++) {
            assertEquals(values.get(i), decoded.get(i), lits.get(i));
        }
        CodecContext thisServer = UTC.withServerVersion(SERVER.get().versionNumber());
        CodecContext before17 = infinityExists ? UTC.withServerVersion(160000) : thisServer;
        if (infinityExists) {
            assertEquals(PgInterval.POSITIVE_INFINITY, decoded.get(values.size()));
            assertEquals(PgInterval.NEGATIVE_INFINITY, decoded.get(values.size() + 1));
            assertArrayEquals(SERVER.get().expression("interval", "'infinity'").bytes(),
                    encode(codec(TypeOids.INTERVAL), PgInterval.POSITIVE_INFINITY, thisServer));
            assertArrayEquals(SERVER.get().expression("interval", "'-infinity'").bytes(),
                    encode(codec(TypeOids.INTERVAL), PgInterval.NEGATIVE_INFINITY, thisServer));
        } else {
            // Before 17 the server has no infinite interval: it rejects the literal, and would take
            // the infinity's bytes as a huge finite interval, so the codec refuses to send them.
            for (String infinity : List.of("infinity", "-infinity")) {
                IllegalStateException e = assertThrows(IllegalStateException.class,
                        () -> SERVER.get().expression("interval", "'" + infinity + "'"));
                assertEquals("22007", ((java.sql.SQLException) e.getCause()).getSQLState(), infinity);
            }
            // The greatest finite interval there has exactly the bytes of 17's 'infinity' (13 and 14
            // cannot even print it: its hours overflow an int32).
            assertArrayEquals(SERVER.get().bytes("select interval_send(interval '2147483647 mons 2147483647 days"
                    + " 2147483647 hours' + interval '414564141 hours 54.775807 seconds')"),
                    encode(codec(TypeOids.INTERVAL), PgInterval.POSITIVE_INFINITY, UTC));
        }
        for (PgInterval infinity : List.of(PgInterval.POSITIVE_INFINITY, PgInterval.NEGATIVE_INFINITY)) {
            PgInterfaceException e = assertThrows(PgInterfaceException.class,
                    () -> encode(codec(TypeOids.INTERVAL), infinity, before17));
            assertTrue(e.getMessage().contains("PostgreSQL 17"), e.getMessage());
        }
        byte[] b = SERVER.get().expression("interval", "'1 day 02:03:04.5'").bytes();
        assertEquals(Duration.ofHours(26).plusMinutes(3).plusSeconds(4).plusMillis(500),
                decode(codec(TypeOids.INTERVAL), b, Duration.class, UTC));
        assertArrayEquals(SERVER.get().expression("interval", "'90000 seconds'").bytes(),
                encode(codec(TypeOids.INTERVAL), Duration.ofSeconds(90000), UTC));
        assertArrayEquals(SERVER.get().expression("interval", "'1 year 2 mons 3 days'").bytes(),
                encode(codec(TypeOids.INTERVAL), Period.of(1, 2, 3), UTC));
        assertEquals(Period.of(1, 2, 3), decode(codec(TypeOids.INTERVAL),
                SERVER.get().expression("interval", "'1 year 2 mons 3 days'").bytes(), Period.class, UTC));
        assertThrows(PgInterfaceException.class, () -> decode(codec(TypeOids.INTERVAL),
                SERVER.get().expression("interval", "'1 mon'").bytes(), Duration.class, UTC));
    }

    @Test
    void timestamptzAlternateTargets() {
        byte[] b = SERVER.get().expression("timestamptz", "'2024-02-29 12:00:00+00'").bytes();
        CodecContext berlin = UTC.withTimeZone(ZoneId.of("Europe/Berlin"));
        assertEquals(LocalDateTime.of(2024, 2, 29, 13, 0), decode(codec(TypeOids.TIMESTAMPTZ), b, LocalDateTime.class, berlin));
        assertEquals(ZonedDateTime.of(2024, 2, 29, 13, 0, 0, 0, ZoneId.of("Europe/Berlin")),
                decode(codec(TypeOids.TIMESTAMPTZ), b, ZonedDateTime.class, berlin));
        assertThrows(PgInterfaceException.class, () -> decode(codec(TypeOids.TIMESTAMPTZ), b, LocalDate.class, berlin));
        byte[] inf = SERVER.get().expression("timestamptz", "'infinity'").bytes();
        assertEquals(Instant.MAX, decode(codec(TypeOids.TIMESTAMPTZ), inf, Instant.class, berlin));
        assertArrayEquals(inf, encode(codec(TypeOids.TIMESTAMPTZ), Instant.MAX, berlin));
        assertEquals(ZoneOffset.ofHours(-3), CodecContext.parseTimeZone("<-03>+03"));
        assertEquals(ZoneOffset.ofHours(-5), CodecContext.parseTimeZone("UTC+5"));
        assertEquals(ZoneOffset.ofHours(-5), CodecContext.parseTimeZone("Etc/GMT+5").getRules().getOffset(Instant.EPOCH));
        assertEquals(ZoneId.of("Europe/Berlin"), CodecContext.parseTimeZone("Europe/Berlin"));
    }
}
