package io.pgjet.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Reads the bytecode of every published PgJet jar, finds what GraalVM native-image cannot see by
 * itself, and checks that the metadata the jars ship covers it:
 * <ul>
 * <li>calls of the reflection, class-loading, resource and service-loading APIs
 *     ({@code Class.forName}, {@code getDeclaredConstructor}, {@code getMethod},
 *     {@code MethodHandles.Lookup.find...}, {@code ServiceLoader.load}, {@code getResource}...):
 *     a constant target naming a PgJet class must be registered in reflect-config.json, a
 *     constant resource name must match resource-config.json, and a call on a target only known
 *     at run time (the caller's records) must carry a written justification;
 * <li>Netty {@code ChannelHandler}s of PgJet: Netty calls {@code getMethod} on every handler class
 *     to compute its event mask, so each needs {@code queryAllPublicMethods};
 * <li>classes that other code instantiates by name: service providers listed in
 *     {@code META-INF/services}, and the classes of {@link #BY_NAME}.
 * </ul>
 * Calls are attributed to a constant only when the constant is pushed at most
 * {@value #CONSTANT_WINDOW} instructions before the call (e.g. {@code Class.forName("x")}).
 */
final class ReflectionAudit {

    /** Instructions between a constant and the call it is taken as the target of. */
    static final int CONSTANT_WINDOW = 6;

    /**
     * Classes frameworks create by name and configure through their public methods: HikariCP's
     * {@code dataSourceClassName} and Spring's {@code DataSourceBuilder} construct the data source
     * reflectively and call its bean setters.
     */
    static final Map<String, String> BY_NAME = Map.of(
            "io.pgjet.jdbc.PgJetDataSource",
            "pools and frameworks create it by class name and call its bean setters reflectively");

    private enum Kind { CLASS_BY_NAME, RESOURCE, SERVICE, MEMBER }

    private static final Map<String, Kind> APIS = new LinkedHashMap<>();

    static {
        for (String m : List.of("getDeclaredConstructor", "getDeclaredConstructors", "getConstructor",
                "getConstructors", "getMethod", "getMethods", "getDeclaredMethod", "getDeclaredMethods", "getField",
                "getFields", "getDeclaredField", "getDeclaredFields", "getRecordComponents", "getDeclaredClasses",
                "getPermittedSubclasses")) {
            APIS.put("java/lang/Class." + m, Kind.MEMBER);
        }
        APIS.put("java/lang/Class.forName", Kind.CLASS_BY_NAME);
        APIS.put("java/lang/ClassLoader.loadClass", Kind.CLASS_BY_NAME);
        for (String m : List.of("getResource", "getResourceAsStream")) {
            APIS.put("java/lang/Class." + m, Kind.RESOURCE);
        }
        for (String m : List.of("getResource", "getResources", "getResourceAsStream", "getSystemResource",
                "getSystemResources", "getSystemResourceAsStream")) {
            APIS.put("java/lang/ClassLoader." + m, Kind.RESOURCE);
        }
        APIS.put("java/util/ServiceLoader.load", Kind.SERVICE);
        APIS.put("java/util/ServiceLoader.loadInstalled", Kind.SERVICE);
        APIS.put("java/lang/reflect/RecordComponent.getAccessor", Kind.MEMBER);
        APIS.put("java/lang/reflect/Constructor.newInstance", Kind.MEMBER);
        APIS.put("java/lang/reflect/Method.invoke", Kind.MEMBER);
        APIS.put("java/lang/reflect/Field.get", Kind.MEMBER);
        APIS.put("java/lang/reflect/Field.set", Kind.MEMBER);
        APIS.put("java/lang/reflect/Proxy.newProxyInstance", Kind.MEMBER);
        APIS.put("java/lang/reflect/Array.newInstance", Kind.MEMBER);
    }

    /**
     * One call of a reflective API in PgJet's bytecode.
     *
     * @param inClass the calling class (binary name)
     * @param inMethod the calling method
     * @param api {@code owner.name} of the API, owner in internal form
     * @param string the string constant pushed just before, or null
     * @param type the class constant pushed just before (binary name), or null
     */
    record Call(String inClass, String inMethod, String api, String string, String type) {
        @Override
        public String toString() {
            String target = string != null ? " \"" + string + "\"" : type != null ? " " + type + ".class" : "";
            return inClass + "." + inMethod + " calls " + api.replace('/', '.') + target;
        }
    }

    /** Every published module's jar (or class directory) entries, by path. */
    private final Map<PublishedModule, Map<String, byte[]>> contents;
    private final Map<PublishedModule, NativeMetadata> metadata;
    /** Class binary name to the module holding it. */
    private final Map<String, PublishedModule> classes = new TreeMap<>();
    private final Map<String, String> justified;
    private final Set<String> justificationsUsed = new TreeSet<>();

    ReflectionAudit(Map<PublishedModule, Map<String, byte[]>> contents, Map<PublishedModule, NativeMetadata> metadata,
            Map<String, String> justified) {
        this.contents = contents;
        this.metadata = metadata;
        this.justified = justified;
        contents.forEach((module, entries) -> entries.keySet().stream().filter(ReflectionAudit::isClassEntry)
                .forEach(path -> classes.put(binaryName(path), module)));
    }

    /** Reads every published module as the test JVM sees it (jars after {@code package}). */
    static Map<PublishedModule, Map<String, byte[]>> readPublishedModules() {
        Map<PublishedModule, Map<String, byte[]>> contents = new EnumMap<>(PublishedModule.class);
        for (PublishedModule module : PublishedModule.values()) {
            contents.put(module, entries(module.location()));
        }
        return contents;
    }

    /** The metadata each module ships. */
    static Map<PublishedModule, NativeMetadata> shippedMetadata(Map<PublishedModule, Map<String, byte[]>> contents) {
        Map<PublishedModule, NativeMetadata> metadata = new EnumMap<>(PublishedModule.class);
        contents.forEach((module, entries) -> metadata.put(module, NativeMetadata.read(module.artifactId, entries)));
        return metadata;
    }

    /** Every class of every published module, by binary name. */
    Set<String> classNames() {
        return Collections.unmodifiableSet(classes.keySet());
    }

    /** Which justifications matched a call in the last {@link #problems()} run. */
    Set<String> justificationsUsed() {
        return Collections.unmodifiableSet(justificationsUsed);
    }

    /** Every reflective call in the published bytecode, in class order. */
    List<Call> calls() {
        List<Call> calls = new ArrayList<>();
        for (Map.Entry<String, PublishedModule> c : classes.entrySet()) {
            calls.addAll(callsIn(bytes(c.getKey())));
        }
        return calls;
    }

    /** Everything not covered, one readable line each; empty when the metadata is complete. */
    List<String> problems() {
        justificationsUsed.clear();
        List<String> problems = new ArrayList<>();
        for (Call call : calls()) {
            String problem = check(call);
            if (problem != null) {
                problems.add(problem);
            }
        }
        for (String name : classes.keySet()) {
            if (isNettyHandler(name) && !metadataOf(name).allowsPublicMethodQueries(name)) {
                problems.add(name + " is a Netty ChannelHandler: Netty calls getMethod on it to build its event mask;"
                        + " register it with \"queryAllPublicMethods\": true in " + configOf(name));
            }
        }
        contents.forEach((module, entries) -> entries.forEach((path, bytes) -> {
            if (path.startsWith("META-INF/services/") && !path.endsWith("/")) {
                for (String provider : providers(bytes)) {
                    if (!metadataOf(provider).allowsNoArgConstructor(provider)) {
                        problems.add(provider + " is a service provider (" + path + "): register its no-argument"
                                + " constructor in " + configOf(provider));
                    }
                }
            }
        }));
        BY_NAME.forEach((name, why) -> {
            NativeMetadata md = metadataOf(name);
            if (!md.allowsNoArgConstructor(name) || !md.allowsPublicMethodCalls(name)) {
                problems.add(name + ": " + why + "; register its no-argument constructor and \"allPublicMethods\": true"
                        + " in " + configOf(name));
            }
        });
        return problems;
    }

    private String check(Call call) {
        Kind kind = APIS.getOrDefault(call.api(), Kind.MEMBER); // MethodHandles.Lookup.find*/unreflect*
        String target = kind == Kind.CLASS_BY_NAME ? call.string() : kind == Kind.MEMBER ? call.type() : null;
        if (target != null && classes.containsKey(target)) {
            return metadataOf(target).registers(target) ? null
                    : call + ": register " + target + " in " + configOf(target);
        }
        if (kind == Kind.RESOURCE && call.string() != null) {
            String resource = resourceName(call);
            PublishedModule module = classes.get(call.inClass());
            return metadata.get(module).includesResource(resource) ? null
                    : call + ": include the resource \"" + resource + "\" in "
                            + NativeMetadata.directory(module.artifactId) + "resource-config.json";
        }
        String topLevel = call.inClass().replaceAll("\\$.*", ""); // nested classes and lambdas share their class's reason
        if (justified.containsKey(topLevel)) {
            justificationsUsed.add(topLevel);
            return null;
        }
        return call + ": its target is only known at run time; register what it reaches or justify the class in"
                + " NativeImageMetadataTest.JUSTIFIED (and tell users in docs/guide.md what they must register)";
    }

    /** Resolves a {@code Class.getResource} name relative to the calling class's package. */
    private static String resourceName(Call call) {
        String name = call.string();
        if (name.startsWith("/")) {
            return name.substring(1);
        }
        if (call.api().startsWith("java/lang/Class.")) {
            int dot = call.inClass().lastIndexOf('.');
            return dot < 0 ? name : call.inClass().substring(0, dot).replace('.', '/') + "/" + name;
        }
        return name;
    }

    /** Whether the class (or a superclass or interface) implements Netty's ChannelHandler. */
    boolean isNettyHandler(String name) {
        byte[] bytes = bytes(name);
        ClassReader reader = new ClassReader(bytes);
        if ((reader.getAccess() & Opcodes.ACC_INTERFACE) != 0) {
            return false;
        }
        List<String> supertypes = new ArrayList<>();
        if (reader.getSuperName() != null) {
            supertypes.add(reader.getSuperName());
        }
        supertypes.addAll(List.of(reader.getInterfaces()));
        for (String internal : supertypes) {
            String supertype = internal.replace('/', '.');
            if (classes.containsKey(supertype)) {
                if (isNettyHandler(supertype) || isInterfaceHandler(supertype)) {
                    return true;
                }
            } else if (isForeignHandler(supertype, classes.get(name).loader())) {
                return true;
            }
        }
        return false;
    }

    private boolean isInterfaceHandler(String name) {
        ClassReader reader = new ClassReader(bytes(name));
        if ((reader.getAccess() & Opcodes.ACC_INTERFACE) == 0) {
            return false;
        }
        for (String internal : reader.getInterfaces()) {
            String supertype = internal.replace('/', '.');
            if (classes.containsKey(supertype) ? isInterfaceHandler(supertype)
                    : isForeignHandler(supertype, classes.get(name).loader())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isForeignHandler(String name, ClassLoader loader) {
        try {
            Class<?> handler = Class.forName("io.netty.channel.ChannelHandler", false, loader);
            return handler.isAssignableFrom(Class.forName(name, false, loader));
        } catch (ClassNotFoundException | LinkageError e) {
            return false; // not on this module's class path: then not a Netty type either
        }
    }

    private NativeMetadata metadataOf(String className) {
        PublishedModule module = classes.get(className);
        if (module == null) {
            throw new IllegalStateException(className + " is in no published module");
        }
        return metadata.get(module);
    }

    private String configOf(String className) {
        return NativeMetadata.directory(classes.get(className).artifactId) + "reflect-config.json";
    }

    byte[] bytes(String className) {
        return contents.get(classes.get(className)).get(className.replace('.', '/') + ".class");
    }

    /** The reflective calls of one class file. */
    static List<Call> callsIn(byte[] classBytes) {
        List<Call> calls = new ArrayList<>();
        ClassReader reader = new ClassReader(classBytes);
        String className = reader.getClassName().replace('/', '.');
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                return new CallFinder(className, name, calls);
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return calls;
    }

    /** Remembers the last constants pushed and records the reflective calls that follow them. */
    private static final class CallFinder extends MethodVisitor {
        private final String className;
        private final String methodName;
        private final List<Call> calls;
        private int index;
        private String string;
        private int stringAt = -100;
        private String type;
        private int typeAt = -100;

        CallFinder(String className, String methodName, List<Call> calls) {
            super(Opcodes.ASM9);
            this.className = className;
            this.methodName = methodName;
            this.calls = calls;
        }

        @Override
        public void visitLdcInsn(Object value) {
            index++;
            if (value instanceof String) {
                string = (String) value;
                stringAt = index;
            } else if (value instanceof Type && ((Type) value).getSort() == Type.OBJECT) {
                type = ((Type) value).getClassName();
                typeAt = index;
            }
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            index++;
            String api = owner + "." + name;
            boolean lookup = owner.equals("java/lang/invoke/MethodHandles$Lookup")
                    && (name.startsWith("find") || name.startsWith("unreflect"));
            if (APIS.containsKey(api) || lookup) {
                calls.add(new Call(className, methodName, api, index - stringAt <= CONSTANT_WINDOW ? string : null,
                        index - typeAt <= CONSTANT_WINDOW ? type : null));
            }
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bsm, Object... bsmArgs) {
            index++;
        }

        @Override
        public void visitInsn(int opcode) {
            index++;
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            index++;
        }

        @Override
        public void visitVarInsn(int opcode, int var) {
            index++;
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            index++;
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            index++;
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            index++;
        }

        @Override
        public void visitIincInsn(int var, int increment) {
            index++;
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
            index++;
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
            index++;
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
            index++;
        }
    }

    /** The provider class names of a {@code META-INF/services} file. */
    static List<String> providers(byte[] serviceFile) {
        List<String> providers = new ArrayList<>();
        for (String line : new String(serviceFile, StandardCharsets.UTF_8).split("\n")) {
            String name = line.replaceAll("#.*", "").trim();
            if (!name.isEmpty()) {
                providers.add(name);
            }
        }
        return providers;
    }

    /** Every file entry of a jar or class directory, by slash-separated path. */
    static Map<String, byte[]> entries(Path location) {
        Map<String, byte[]> entries = new TreeMap<>();
        try {
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.walk(location)) {
                    for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                        entries.put(location.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
                    }
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    for (JarEntry entry : Collections.list(jar.entries())) {
                        if (!entry.isDirectory()) {
                            entries.put(entry.getName(), jar.getInputStream(entry).readAllBytes());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    private static boolean isClassEntry(String path) {
        return path.endsWith(".class") && !path.startsWith("META-INF/") && !path.endsWith("module-info.class");
    }

    private static String binaryName(String path) {
        return path.substring(0, path.length() - ".class".length()).replace('/', '.');
    }
}
