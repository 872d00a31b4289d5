package io.pgjet.internal.engine;

import io.pgjet.protocol.ServerMessage;

/**
 * Receives the messages the server sends outside any command's flow. Called on the I/O thread:
 * implementations hand work to other threads and return at once.
 */
public interface EngineListener {

    /** Receives a NoticeResponse (a warning or informational message). */
    void notice(ServerMessage notice);

    /** Receives a NotificationResponse (NOTIFY on a channel this session LISTENs to). */
    void notification(int processId, String channel, String payload);

    /** Receives a FATAL or PANIC ErrorResponse; the server closes the connection next. */
    void fatalError(ServerMessage error);
}
