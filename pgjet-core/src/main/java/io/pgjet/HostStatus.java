package io.pgjet;

import java.time.Duration;

/**
 * What one host of a pool's host list is right now, as {@link AsyncPool#hostStatus()} found it
 * with a short connection of its own.
 *
 * @param host the host, as listed in the configuration
 * @param up whether a connection to it could be opened
 * @param standby whether it is a standby ({@code pg_is_in_recovery()}); {@code false} when down
 * @param replayLag for a standby, {@code now() - pg_last_xact_replay_timestamp()}: how long ago
 *     the last transaction it replayed committed on the primary. It grows while the primary
 *     commits nothing, so read it as "at most this stale". {@code null} for a primary, a host
 *     that is down, or a standby that has replayed nothing since it started
 */
public record HostStatus(PgHost host, boolean up, boolean standby, Duration replayLag) {
}
