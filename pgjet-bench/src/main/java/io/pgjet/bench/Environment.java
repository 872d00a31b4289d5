package io.pgjet.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Collects what a reader needs to judge a run: machine, JVM, server and client versions, load. */
final class Environment {
    private Environment() {
    }

    /** Returns the machine and JVM facts, in display order. */
    static Map<String, String> machine() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("date", OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        m.put("cpus", Runtime.getRuntime().availableProcessors() + " (" + cpuModel() + ")");
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        m.put("memory", String.format("%.1f GiB", os.getTotalMemorySize() / (1024.0 * 1024 * 1024)));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        m.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("jvm options", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        m.put("max heap", Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
        String commit = gitCommit();
        if (commit != null) {
            m.put("commit", commit);
        }
        return m;
    }

    /** Returns the 1-minute load average, or -1 where the OS does not say. */
    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }

    private static String gitCommit() {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            Process d = new ProcessBuilder("git", "status", "--porcelain").redirectErrorStream(true).start();
            String dirty = new String(d.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            d.waitFor(10, TimeUnit.SECONDS);
            return out + (dirty.isEmpty() ? "" : " (with uncommitted changes)");
        } catch (IOException | RuntimeException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
