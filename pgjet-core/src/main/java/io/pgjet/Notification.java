package io.pgjet;

/**
 * A notification sent with {@code NOTIFY channel, 'payload'} to a channel this connection
 * listens to.
 *
 * @param processId the process id of the notifying backend
 * @param channel the channel name
 * @param payload the payload, empty when none was given
 */
public record Notification(int processId, String channel, String payload) {}
