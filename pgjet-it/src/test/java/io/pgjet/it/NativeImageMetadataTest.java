package io.pgjet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The GraalVM native-image metadata in the published jars covers what PgJet reaches reflectively
 * (native-image itself is not available to this build, so this audits the bytecode instead of
 * building an image): see {@link ReflectionAudit} for the rules.
 */
class NativeImageMetadataTest {

    /**
     * Classes whose reflective calls reach only what the caller hands PgJet at run time, so no
     * metadata in PgJet's jars can cover them; docs/guide.md tells users what to register.
     */
    static final Map<String, String> JUSTIFIED = Map.of(
            "io.pgjet.internal.result.RecordMapper",
            "fetch(Class, ...) and Row.as construct the caller's records through their canonical constructor",
            "io.pgjet.internal.types.CompositeCodec",
            "composite values decode to and encode from the caller's records (components, constructor, accessors)",
            "io.pgjet.internal.copy.RowValues",
            "copyRecordsToTable reads the components of the caller's records through their accessors",
            "io.pgjet.internal.types.ArrayCodec",
            "Array.newInstance of the element class the caller asks for (Row.get(i, T[].class)) or of Object",
            "io.pgjet.internal.types.ParameterTypes",
            "Array.newInstance(component, 1) of the primitive component of an array argument the caller passed");

    private static Map<PublishedModule, Map<String, byte[]>> contents;
    private static Map<PublishedModule, NativeMetadata> shipped;

    @BeforeAll
    static void readJars() {
        contents = ReflectionAudit.readPublishedModules();
        shipped = ReflectionAudit.shippedMetadata(contents);
    }

    @Test
    void everyReflectiveUseOfThePublishedJarsIsCoveredByTheirMetadataOrJustified() {
        ReflectionAudit audit = new ReflectionAudit(contents, shipped, JUSTIFIED);
        List<String> problems = audit.problems();
        assertEquals(List.of(), problems, "native-image metadata gaps:\n" + String.join("\n", problems));
        assertEquals(JUSTIFIED.keySet(), audit.justificationsUsed(),
                "a justification whose class no longer reflects on anything is stale: remove it");
    }

    @Test
    void auditFindsTheReflectionPgJetIsKnownToDo() {
        List<ReflectionAudit.Call> calls = new ReflectionAudit(contents, shipped, JUSTIFIED).calls();
        Set<String> callers = calls.stream().map(ReflectionAudit.Call::inClass).collect(Collectors.toSet());
        // The record mapper's canonical-constructor lookup and the testkit's server-binary resource.
        assertTrue(calls.stream().anyMatch(c -> c.inClass().equals("io.pgjet.internal.result.RecordMapper")
                && c.api().equals("java/lang/Class.getDeclaredConstructor")), calls::toString);
        assertTrue(calls.stream().anyMatch(c -> c.api().equals("java/lang/ClassLoader.getResources")
                && "postgres-linux-x86_64.txz".equals(c.string())), calls::toString);
        assertTrue(callers.contains("io.pgjet.internal.copy.RowValues"), callers::toString);
    }

    @Test
    void auditReportsANettyHandlerMissingFromTheMetadata() {
        String handler = "io.pgjet.internal.net.BackendMessageHandler";
        Map<PublishedModule, NativeMetadata> damaged = new EnumMap<>(shipped);
        damaged.put(PublishedModule.CORE, shipped.get(PublishedModule.CORE).without(handler));
        List<String> problems = new ReflectionAudit(contents, damaged, JUSTIFIED).problems();
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith(handler + " is a Netty ChannelHandler"), problems.get(0));
    }

    @Test
    void auditReportsAResourceAndAServiceProviderMissingFromTheMetadata() {
        Map<PublishedModule, NativeMetadata> damaged = new EnumMap<>(shipped);
        damaged.put(PublishedModule.TESTKIT, shipped.get(PublishedModule.TESTKIT).withoutResources());
        damaged.put(PublishedModule.R2DBC,
                shipped.get(PublishedModule.R2DBC).without("io.pgjet.r2dbc.PgJetConnectionFactoryProvider"));
        List<String> problems = new ReflectionAudit(contents, damaged, JUSTIFIED).problems();
        assertEquals(2, problems.size(), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.contains("include the resource \"postgres-linux-x86_64.txz\"")),
                problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("io.pgjet.r2dbc.PgJetConnectionFactoryProvider is a"
                + " service provider")), problems::toString);
    }

    @Test
    void auditReportsReflectionThatIsNeitherCoveredNorJustified() {
        Map<String, String> fewer = new java.util.HashMap<>(JUSTIFIED);
        fewer.remove("io.pgjet.internal.copy.RowValues");
        List<String> problems = new ReflectionAudit(contents, shipped, fewer).problems();
        assertFalse(problems.isEmpty());
        assertTrue(problems.stream().allMatch(p -> p.startsWith("io.pgjet.internal.copy.RowValues")), problems::toString);
    }

    @Test
    void metadataLivesUnderEachArtifactsOwnCoordinates() {
        contents.forEach((module, entries) -> entries.keySet().stream()
                .filter(path -> path.startsWith("META-INF/native-image/"))
                .forEach(path -> assertTrue(path.startsWith(NativeMetadata.directory(module.artifactId)),
                        module.artifactId + " ships " + path + " outside its own metadata directory")));
        Set<PublishedModule> withMetadata = contents.entrySet().stream()
                .filter(e -> e.getValue().keySet().stream().anyMatch(p -> p.startsWith("META-INF/native-image/")))
                .map(Map.Entry::getKey).collect(Collectors.toCollection(() -> java.util.EnumSet.noneOf(PublishedModule.class)));
        assertEquals(java.util.EnumSet.of(PublishedModule.CORE, PublishedModule.TESTKIT, PublishedModule.JDBC,
                PublishedModule.R2DBC), withMetadata, "modules that reflect on nothing ship no metadata");
    }

    @Test
    void everyRegisteredClassAndMethodExistsInItsModule() {
        ReflectionAudit audit = new ReflectionAudit(contents, shipped, JUSTIFIED);
        shipped.forEach((module, md) -> {
            for (String name : md.classNames()) {
                assertTrue(audit.classNames().contains(name), module.artifactId + " registers unknown class " + name);
                assertNotNull(contents.get(module).get(name.replace('.', '/') + ".class"),
                        name + " is registered by " + module.artifactId + " but lives elsewhere");
                if (Boolean.TRUE.equals(md.entry(name).get("queryAllPublicMethods"))) {
                    assertTrue(audit.isNettyHandler(name), name + " is registered for Netty's method queries but is no handler");
                }
                Set<String> declared = declaredMethods(audit.bytes(name));
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> methods = (List<Map<String, Object>>) md.entry(name).getOrDefault("methods", List.of());
                for (Map<String, Object> m : methods) {
                    String signature = m.get("name") + "(" + String.join(",", castList(m.get("parameterTypes"))) + ")";
                    assertTrue(declared.contains(signature), name + " declares no " + signature + ": " + declared);
                }
            }
        });
    }

    @Test
    void resourcePatternsMatchTheResourcesTheyAreFor() {
        for (var pattern : shipped.get(PublishedModule.TESTKIT).resourcePatterns()) {
            String resource = pattern.pattern().replace("\\Q", "").replace("\\E", "");
            assertNotNull(PublishedModule.TESTKIT.loader().getResource(resource),
                    "the testkit's pattern " + pattern + " names a resource its class path holds");
        }
    }

    @Test
    void guideTellsUsersWhatToRegisterForTheirOwnRecords() throws Exception {
        Path guide = Path.of(System.getProperty("pgjet.root"), "docs", "guide.md");
        String text = Files.readString(guide);
        int section = text.indexOf("id=\"packaging-module-path-and-native-image\"");
        assertTrue(section >= 0, "docs/guide.md has the packaging section README links to");
        String packaging = text.substring(section);
        for (String needed : List.of("reflect-config.json", "allDeclaredConstructors", "native-image is not available")) {
            assertTrue(packaging.contains(needed), "the packaging section mentions " + needed);
        }
    }

    private static Set<String> declaredMethods(byte[] classBytes) {
        Set<String> methods = new TreeSet<>();
        new ClassReader(classBytes).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                methods.add(name + "(" + java.util.Arrays.stream(Type.getArgumentTypes(descriptor))
                        .map(Type::getClassName).collect(Collectors.joining(",")) + ")");
                return null;
            }
        }, ClassReader.SKIP_CODE);
        return methods;
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object list) {
        return (List<String>) list;
    }
}
