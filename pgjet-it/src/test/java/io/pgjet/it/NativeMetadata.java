package io.pgjet.it;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The GraalVM native-image metadata one published module ships under
 * {@code META-INF/native-image/io.pgjet/<artifactId>/}: its reflection entries by class name and
 * its resource patterns. Immutable; {@link #without} and {@link #withoutResources} make the
 * damaged copies that prove the audit notices a missing entry.
 */
final class NativeMetadata {
    private final Map<String, Map<String, Object>> reflect;
    private final List<Pattern> resources;

    private NativeMetadata(Map<String, Map<String, Object>> reflect, List<Pattern> resources) {
        this.reflect = reflect;
        this.resources = resources;
    }

    /** Reads the metadata of the module whose jar (or class directory) entries are given. */
    @SuppressWarnings("unchecked")
    static NativeMetadata read(String artifactId, Map<String, byte[]> entries) {
        String dir = directory(artifactId);
        Map<String, Map<String, Object>> reflect = new LinkedHashMap<>();
        byte[] reflectJson = entries.get(dir + "reflect-config.json");
        if (reflectJson != null) {
            for (Object entry : (List<Object>) MiniJson.parse(new String(reflectJson, StandardCharsets.UTF_8))) {
                Map<String, Object> e = (Map<String, Object>) entry;
                reflect.put((String) e.get("name"), e);
            }
        }
        List<Pattern> resources = new ArrayList<>();
        byte[] resourceJson = entries.get(dir + "resource-config.json");
        if (resourceJson != null) {
            Map<String, Object> root = (Map<String, Object>) MiniJson.parse(new String(resourceJson, StandardCharsets.UTF_8));
            Map<String, Object> res = (Map<String, Object>) root.get("resources");
            for (Object include : (List<Object>) res.get("includes")) {
                resources.add(Pattern.compile((String) ((Map<String, Object>) include).get("pattern")));
            }
        }
        return new NativeMetadata(reflect, resources);
    }

    /** Where native-image looks for this artifact's metadata: its Maven coordinates. */
    static String directory(String artifactId) {
        return "META-INF/native-image/io.pgjet/" + artifactId + "/";
    }

    /** The registered class names, in file order. */
    List<String> classNames() {
        return new ArrayList<>(reflect.keySet());
    }

    /** The entry of one class, or null. */
    Map<String, Object> entry(String className) {
        return reflect.get(className);
    }

    boolean registers(String className) {
        return reflect.containsKey(className);
    }

    /** Whether {@code getMethod}/{@code getMethods} may be called on the class (what Netty's handler mask does). */
    boolean allowsPublicMethodQueries(String className) {
        Map<String, Object> e = reflect.get(className);
        return e != null && (Boolean.TRUE.equals(e.get("queryAllPublicMethods")) || Boolean.TRUE.equals(e.get("allPublicMethods")));
    }

    /** Whether public methods may be invoked reflectively (bean setters by name). */
    boolean allowsPublicMethodCalls(String className) {
        Map<String, Object> e = reflect.get(className);
        return e != null && Boolean.TRUE.equals(e.get("allPublicMethods"));
    }

    /** Whether the no-argument constructor may be invoked reflectively. */
    @SuppressWarnings("unchecked")
    boolean allowsNoArgConstructor(String className) {
        Map<String, Object> e = reflect.get(className);
        if (e == null) {
            return false;
        }
        if (Boolean.TRUE.equals(e.get("allPublicConstructors")) || Boolean.TRUE.equals(e.get("allDeclaredConstructors"))) {
            return true;
        }
        Object methods = e.get("methods");
        return methods instanceof List && ((List<Object>) methods).stream().map(m -> (Map<String, Object>) m)
                .anyMatch(m -> "<init>".equals(m.get("name")) && ((List<Object>) m.get("parameterTypes")).isEmpty());
    }

    /** Whether a resource (a path without leading slash) is included in the image. */
    boolean includesResource(String name) {
        return resources.stream().anyMatch(p -> p.matcher(name).matches());
    }

    List<Pattern> resourcePatterns() {
        return List.copyOf(resources);
    }

    /** A copy without the entry of one class. */
    NativeMetadata without(String className) {
        Map<String, Map<String, Object>> copy = new LinkedHashMap<>(reflect);
        copy.remove(className);
        return new NativeMetadata(copy, resources);
    }

    /** A copy without resource patterns. */
    NativeMetadata withoutResources() {
        return new NativeMetadata(reflect, List.of());
    }
}
