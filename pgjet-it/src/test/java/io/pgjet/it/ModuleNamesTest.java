package io.pgjet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every published jar has the stable JPMS name the README lists (from module-info.class or the
 * Automatic-Module-Name manifest entry, never derived from the file name), and the jars with a
 * module descriptor export exactly their public packages, unqualified, and open none.
 */
class ModuleNamesTest {

    private final Path root = Path.of(System.getProperty("pgjet.root")).toAbsolutePath().normalize();
    private final String version = System.getProperty("pgjet.version");

    @ParameterizedTest
    @EnumSource(PublishedModule.class)
    void jarCarriesItsStableModuleName(PublishedModule module) throws Exception {
        ModuleDescriptor descriptor = descriptor(module);
        assertEquals(module.moduleName, descriptor.name(), module.artifactId);
        if (descriptor.isAutomatic()) {
            // An automatic module named from its manifest: the name does not depend on the file name.
            String manifestName = new java.util.jar.JarFile(jar(module).toFile()).getManifest()
                    .getMainAttributes().getValue("Automatic-Module-Name");
            assertEquals(module.moduleName, manifestName, module.artifactId + " Automatic-Module-Name");
        }
    }

    @ParameterizedTest
    @EnumSource(value = PublishedModule.class, names = {"PROTOCOL", "CORE"})
    void descriptorExportsExactlyThePublicPackages(PublishedModule module) throws Exception {
        ModuleDescriptor descriptor = descriptor(module);
        assertFalse(descriptor.isAutomatic(), module.artifactId + " has a module-info.class");
        Set<String> publicPackages = module.packages().stream().filter(PublishedModule::isPublicPackage)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> exported = descriptor.exports().stream().map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(publicPackages, exported, module.artifactId + " exports");
        assertTrue(descriptor.exports().stream().noneMatch(ModuleDescriptor.Exports::isQualified),
                "no package is exported to chosen modules only: " + descriptor.exports());
        assertTrue(descriptor.opens().isEmpty() && !descriptor.isOpen(), "nothing is opened: " + descriptor.opens());
        List<String> internal = module.packages().stream().filter(p -> !PublishedModule.isPublicPackage(p))
                .collect(Collectors.toList());
        assertTrue(internal.stream().noneMatch(exported::contains), "internal packages stay unexported");
    }

    private ModuleDescriptor descriptor(PublishedModule module) {
        ModuleReference ref = ModuleFinder.of(jar(module)).findAll().iterator().next();
        return ref.descriptor();
    }

    private Path jar(PublishedModule module) {
        Path jar = root.resolve(module.artifactId + "/target/" + module.artifactId + "-" + version + ".jar");
        assertTrue(Files.isRegularFile(jar), jar + " is missing: run the published modules' package phase"
                + " in the same build (./mvnw -B -pl pgjet-it -am verify)");
        return jar;
    }
}
