package io.pgjet.internal.conn;

import io.pgjet.internal.blocking.Futures;

import io.pgjet.Notification;
import io.pgjet.PgInterfaceException;
import io.pgjet.internal.net.NettyRuntime;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;
import java.util.function.Consumer;

/**
 * Publishes one channel's notifications: each subscription LISTENs through its own listener and
 * UNLISTENs (via removeListener) when cancelled. A subscriber that falls more than the buffer
 * behind gets {@code onError}, since the server cannot be asked to wait.
 */
final class NotificationPublisher implements Flow.Publisher<Notification> {
    private static final int BUFFER = 8192;
    private final RealConnection connection;
    private final String channel;

    NotificationPublisher(RealConnection connection, String channel) {
        this.connection = connection;
        this.channel = channel;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super Notification> subscriber) {
        SubmissionPublisher<Notification> feed = new SubmissionPublisher<>(NettyRuntime.shared().blockingWork(), BUFFER);
        Consumer<Notification> listener = notification -> feed.offer(notification, (s, dropped) -> {
            s.onError(new PgInterfaceException("notification subscriber on channel \"" + channel + "\" fell more than "
                    + BUFFER + " notifications behind"));
            return false;
        });
        feed.subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscriber.onSubscribe(new Flow.Subscription() {
                    @Override
                    public void request(long n) {
                        subscription.request(n);
                    }

                    @Override
                    public void cancel() {
                        subscription.cancel();
                        connection.removeListener(channel, listener);
                        feed.close();
                    }
                });
            }

            @Override
            public void onNext(Notification item) {
                subscriber.onNext(item);
            }

            @Override
            public void onError(Throwable throwable) {
                connection.removeListener(channel, listener);
                subscriber.onError(throwable);
            }

            @Override
            public void onComplete() {
                subscriber.onComplete();
            }
        });
        connection.addListener(channel, listener).whenComplete((ok, error) -> {
            if (error != null) {
                feed.closeExceptionally(Futures.unwrap(error));
            }
        });
    }
}
