package io.pgjet.replication;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What {@code START_REPLICATION SLOT ... LOGICAL ...} asks for: the slot, the start position and
 * the {@code pgoutput} options. Immutable; build with {@link #builder(String, String...)}.
 */
public final class ReplicationOptions {
    /** The default interval of standby status updates: 10 seconds. */
    public static final Duration DEFAULT_STATUS_INTERVAL = Duration.ofSeconds(10);
    /** The default number of decoded messages buffered for a slow subscriber: 1024. */
    public static final int DEFAULT_BUFFER_MESSAGES = 1024;

    private final String slot;
    private final List<String> publications;
    private final Lsn startLsn;
    private final int protoVersion;
    private final boolean streaming;
    private final boolean messages;
    private final Duration statusInterval;
    private final int bufferMessages;

    private ReplicationOptions(Builder b) {
        slot = b.slot;
        publications = b.publications;
        startLsn = b.startLsn;
        streaming = b.streaming;
        protoVersion = b.protoVersion != 0 ? b.protoVersion : streaming ? 2 : 1;
        messages = b.messages;
        statusInterval = b.statusInterval;
        bufferMessages = b.bufferMessages;
        if (streaming && protoVersion < 2) {
            throw new IllegalArgumentException("streaming needs proto_version 2 or later, got " + protoVersion);
        }
    }

    /**
     * Starts options for {@code slot} and the publications to stream.
     *
     * @param slot the logical slot (created with {@code pgoutput})
     * @param publications at least one publication name
     * @return a builder
     */
    public static Builder builder(String slot, String... publications) {
        return new Builder(slot, List.of(publications));
    }

    /** {@return the slot name} */
    public String slot() {
        return slot;
    }

    /** {@return the publication names} */
    public List<String> publications() {
        return publications;
    }

    /** {@return the start position; {@link Lsn#INVALID} (the default) resumes where the slot is} */
    public Lsn startLsn() {
        return startLsn;
    }

    /** {@return {@code proto_version}: 1 by default, 2 when streaming} */
    public int protoVersion() {
        return protoVersion;
    }

    /** {@return whether large in-progress transactions are streamed ({@code streaming 'on'}, PostgreSQL 14+)} */
    public boolean streaming() {
        return streaming;
    }

    /** {@return whether {@code pg_logical_emit_message} messages are sent ({@code messages 'true'})} */
    public boolean messages() {
        return messages;
    }

    /** {@return the interval between standby status updates sent on a timer} */
    public Duration statusInterval() {
        return statusInterval;
    }

    /** {@return how many decoded messages wait for a slow subscriber before PgJet stops reading} */
    public int bufferMessages() {
        return bufferMessages;
    }

    @Override
    public String toString() {
        return "ReplicationOptions{slot=" + slot + ", publications=" + publications + ", startLsn=" + startLsn
                + ", protoVersion=" + protoVersion + ", streaming=" + streaming + ", messages=" + messages
                + ", statusInterval=" + statusInterval + ", bufferMessages=" + bufferMessages + "}";
    }

    /** Builds {@link ReplicationOptions}. */
    public static final class Builder {
        private final String slot;
        private final List<String> publications;
        private Lsn startLsn = Lsn.INVALID;
        private int protoVersion;
        private boolean streaming;
        private boolean messages;
        private Duration statusInterval = DEFAULT_STATUS_INTERVAL;
        private int bufferMessages = DEFAULT_BUFFER_MESSAGES;

        private Builder(String slot, List<String> publications) {
            this.slot = Identifier.check(slot, "slot name");
            if (publications.isEmpty()) {
                throw new IllegalArgumentException("at least one publication is needed");
            }
            publications.forEach(p -> Identifier.check(p, "publication name"));
            this.publications = publications;
        }

        /**
         * Sets the start position; default {@link Lsn#INVALID} (where the slot is).
         *
         * @param lsn the position
         * @return this builder
         */
        public Builder startLsn(Lsn lsn) {
            this.startLsn = Objects.requireNonNull(lsn, "lsn");
            return this;
        }

        /**
         * Sets {@code proto_version} (1 to 4, as the server supports); default 1, or 2 with streaming.
         *
         * @param version the pgoutput protocol version
         * @return this builder
         */
        public Builder protoVersion(int version) {
            if (version < 1 || version > 4) {
                throw new IllegalArgumentException("proto_version must be 1 to 4, got " + version);
            }
            this.protoVersion = version;
            return this;
        }

        /**
         * Sets whether large in-progress transactions are streamed ({@code streaming 'on'});
         * refused at start on servers before PostgreSQL 14.
         *
         * @param enabled whether to stream in-progress transactions
         * @return this builder
         */
        public Builder streaming(boolean enabled) {
            this.streaming = enabled;
            return this;
        }

        /**
         * Sets whether logical decoding messages are sent ({@code messages 'true'}).
         *
         * @param enabled whether to receive {@link ReplicationMessage.LogicalMessage}s
         * @return this builder
         */
        public Builder messages(boolean enabled) {
            this.messages = enabled;
            return this;
        }

        /**
         * Sets the interval of standby status updates sent on a timer; default 10 s. Keep it below
         * the server's {@code wal_sender_timeout} (60 s by default).
         *
         * @param interval a positive duration
         * @return this builder
         */
        public Builder statusInterval(Duration interval) {
            if (interval == null || interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("statusInterval must be positive: " + interval);
            }
            this.statusInterval = interval;
            return this;
        }

        /**
         * Sets how many decoded messages may wait for the subscriber before PgJet stops reading the
         * socket (which holds the server back); default 1024.
         *
         * @param messages at least 16
         * @return this builder
         */
        public Builder bufferMessages(int messages) {
            if (messages < 16) {
                throw new IllegalArgumentException("bufferMessages must be at least 16, got " + messages);
            }
            this.bufferMessages = messages;
            return this;
        }

        /** {@return the options} */
        public ReplicationOptions build() {
            return new ReplicationOptions(this);
        }
    }

    /** Names go into the START_REPLICATION text: allow only what needs no quoting games. */
    static final class Identifier {
        private Identifier() {}

        static String check(String name, String what) {
            if (name == null || name.isEmpty() || name.length() > 63 || !name.matches("[a-z0-9_]+")) {
                throw new IllegalArgumentException(what + " must be 1 to 63 lower-case letters, digits or underscores: " + name);
            }
            return name;
        }
    }
}
