package io.pgjet.internal.types;

import io.pgjet.PgInterfaceException;
import io.pgjet.types.JsonMapper;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Carries the session facts codecs need: the session {@code TimeZone}, the server version, the
 * registry for nested values and the JSON mapper.
 *
 * <p>Immutable and thread-safe: the engine builds a new context when a ParameterStatus changes
 * one of these facts (for example after {@code SET TimeZone}) and publishes it to readers.
 */
public final class CodecContext {
    private static final Pattern POSIX_OFFSET =
            Pattern.compile("(?:<[^>]*>|[A-Za-z]{3,})?([+-]?)(\\d{1,2})(?::(\\d{2}))?(?::(\\d{2}))?");

    private final CodecRegistry registry;
    private final ZoneId timeZone;
    private final int serverVersion;
    private final JsonMapper jsonMapper;

    /**
     * Creates a context.
     *
     * @param registry         the registry nested values are decoded with
     * @param timeZone         the session time zone, for timestamptz as OffsetDateTime
     * @param serverVersion    {@code server_version_num} (e.g. 180001), or 0 when unknown
     * @param integerDatetimes the {@code integer_datetimes} setting (on since PostgreSQL 10)
     * @param jsonMapper       converts JSON values; {@link JsonMapper#STRINGS_ONLY} keeps text
     * @throws PgInterfaceException if {@code integerDatetimes} is false: floating-point datetimes
     *     (removed in PostgreSQL 10) are not supported
     */
    public CodecContext(CodecRegistry registry, ZoneId timeZone, int serverVersion, boolean integerDatetimes,
            JsonMapper jsonMapper) {
        if (!integerDatetimes) {
            throw new PgInterfaceException("the server uses floating-point datetimes (integer_datetimes=off),"
                    + " which PgJet does not support");
        }
        this.registry = Objects.requireNonNull(registry, "registry");
        this.timeZone = Objects.requireNonNull(timeZone, "timeZone");
        this.serverVersion = serverVersion;
        this.jsonMapper = Objects.requireNonNull(jsonMapper, "jsonMapper");
    }

    /**
     * Creates a context with UTC, an unknown server version and JSON kept as text.
     *
     * @param registry the registry
     * @return the context
     */
    public static CodecContext defaults(CodecRegistry registry) {
        return new CodecContext(registry, ZoneOffset.UTC, 0, true, JsonMapper.STRINGS_ONLY);
    }

    /**
     * Returns the registry nested values are decoded and encoded with.
     *
     * @return the registry
     */
    public CodecRegistry registry() {
        return registry;
    }

    /**
     * Returns the session time zone.
     *
     * @return the zone timestamptz values are shown in
     */
    public ZoneId timeZone() {
        return timeZone;
    }

    /**
     * Returns the server version number.
     *
     * @return e.g. 180001, or 0 when unknown
     */
    public int serverVersion() {
        return serverVersion;
    }

    /**
     * Returns whether the server uses integer datetimes; always true for a valid context.
     *
     * @return true
     */
    public boolean integerDatetimes() {
        return true;
    }

    /**
     * Returns the JSON mapper.
     *
     * @return the mapper
     */
    public JsonMapper jsonMapper() {
        return jsonMapper;
    }

    /**
     * Returns a copy with another time zone.
     *
     * @param zone the new session time zone
     * @return the new context
     */
    public CodecContext withTimeZone(ZoneId zone) {
        return new CodecContext(registry, zone, serverVersion, true, jsonMapper);
    }

    /**
     * Returns a copy with another server version.
     *
     * @param version {@code server_version_num}
     * @return the new context
     */
    public CodecContext withServerVersion(int version) {
        return new CodecContext(registry, timeZone, version, true, jsonMapper);
    }

    /**
     * Returns a copy with another registry.
     *
     * @param other the registry
     * @return the new context
     */
    public CodecContext withRegistry(CodecRegistry other) {
        return new CodecContext(other, timeZone, serverVersion, true, jsonMapper);
    }

    /**
     * Returns a copy with another JSON mapper.
     *
     * @param mapper the mapper
     * @return the new context
     */
    public CodecContext withJsonMapper(JsonMapper mapper) {
        return new CodecContext(registry, timeZone, serverVersion, true, mapper);
    }

    /**
     * Turns the server's {@code TimeZone} setting into a Java zone: IANA names as they are, and
     * POSIX-style offsets such as {@code <+03>-03} or {@code UTC+5}, whose sign is inverted (POSIX
     * counts hours west of Greenwich).
     *
     * @param setting the value of the {@code TimeZone} parameter
     * @return the zone
     * @throws PgInterfaceException if Java knows no such zone
     */
    public static ZoneId parseTimeZone(String setting) {
        Matcher m = POSIX_OFFSET.matcher(setting);
        if (m.matches()) {
            int seconds = Integer.parseInt(m.group(2)) * 3600
                    + (m.group(3) == null ? 0 : Integer.parseInt(m.group(3)) * 60)
                    + (m.group(4) == null ? 0 : Integer.parseInt(m.group(4)));
            return ZoneOffset.ofTotalSeconds("-".equals(m.group(1)) ? seconds : -seconds);
        }
        try {
            return ZoneId.of(setting);
        } catch (DateTimeException e) {
            throw new PgInterfaceException("unsupported server TimeZone \"" + setting + "\"", e);
        }
    }

}
