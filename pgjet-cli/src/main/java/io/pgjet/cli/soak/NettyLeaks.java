package io.pgjet.cli.soak;

import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Netty's buffer leak detector at paranoid (every buffer tracked), with its reports captured:
 * through a detector factory when this is installed before Netty creates its detectors (the
 * command does so first thing), and from the detector's log ({@code java.util.logging}, Netty's
 * logger when no SLF4J or Log4j is on the class path) when Netty was already in use.
 */
public final class NettyLeaks {
    private static final List<String> REPORTS = new CopyOnWriteArrayList<>();
    private static final String LOGGER = "io.netty.util.ResourceLeakDetector";
    private static volatile boolean installed;
    // held so the logger (and its handler) is not collected
    private static Logger logger;

    private NettyLeaks() {}

    /** Sets the detector to paranoid and starts capturing its reports; idempotent. */
    public static synchronized void install() {
        if (installed) {
            return;
        }
        installed = true;
        System.setProperty("io.netty.leakDetection.level", "paranoid");
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
        ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new RecordingFactory());
        logger = Logger.getLogger(LOGGER);
        logger.addHandler(new Handler() {
            @Override
            public void publish(LogRecord r) {
                String message = r.getMessage();
                if (message != null && message.contains("LEAK:")) {
                    REPORTS.add(message);
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        });
    }

    /** {@return how many reports were captured so far} */
    static int count() {
        return REPORTS.size();
    }

    /** {@return the reports captured after the first {@code from}} */
    static List<String> since(int from) {
        List<String> all = List.copyOf(REPORTS);
        return all.subList(Math.min(from, all.size()), all.size());
    }

    private static final class RecordingFactory extends ResourceLeakDetectorFactory {
        @Override
        @SuppressWarnings("deprecation")
        public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval, long maxActive) {
            return new ResourceLeakDetector<T>(resource, samplingInterval, maxActive) {
                @Override
                protected void reportTracedLeak(String resourceType, String records) {
                    REPORTS.add("LEAK: " + resourceType + records);
                }

                @Override
                protected void reportUntracedLeak(String resourceType) {
                    REPORTS.add("LEAK: " + resourceType + " (no records)");
                }
            };
        }
    }
}
