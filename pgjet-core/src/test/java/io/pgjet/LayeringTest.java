package io.pgjet;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Enforces DESIGN.md's layering: the public API leaks no Netty or internal type; pure layers stay pure. */
class LayeringTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.pgjet");
    }

    @Test
    void protocolLayerNeverTouchesSocketsOrPgjetCore() {
        noClasses().that().resideInAPackage("io.pgjet.protocol..")
                .should().dependOnClassesThat().resideInAnyPackage("io.netty.channel..", "io.netty.handler..",
                        "io.pgjet", "io.pgjet.internal..", "io.pgjet.types..")
                .check(classes);
    }

    @Test
    void typeCodecsNeverTouchChannels() {
        noClasses().that().resideInAnyPackage("io.pgjet.types..", "io.pgjet.internal.types..")
                .should().dependOnClassesThat().resideInAnyPackage("io.netty.channel..", "io.netty.handler..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void engineStateMachineIsIoFree() {
        noClasses().that().resideInAPackage("io.pgjet.internal.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("io.netty.channel..", "io.netty.handler..")
                .check(classes);
    }

    @Test
    void publicApiExposesNoNettyOrInternalType() {
        methods().that().arePublic().and().areDeclaredInClassesThat().arePublic()
                .and().areDeclaredInClassesThat().resideInAnyPackage("io.pgjet", "io.pgjet.types", "io.pgjet.errors")
                .should().notHaveRawReturnType(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "a Netty or internal type", (com.tngtech.archunit.core.domain.JavaClass type) ->
                                type.getPackageName().startsWith("io.netty")
                                        || type.getPackageName().startsWith("io.pgjet.internal")))
                .andShould(new com.tngtech.archunit.lang.ArchCondition<com.tngtech.archunit.core.domain.JavaMethod>(
                        "take no Netty or internal parameter types") {
                    @Override
                    public void check(com.tngtech.archunit.core.domain.JavaMethod method,
                            com.tngtech.archunit.lang.ConditionEvents events) {
                        for (com.tngtech.archunit.core.domain.JavaClass parameter : method.getRawParameterTypes()) {
                            String pkg = parameter.getPackageName();
                            if (pkg.startsWith("io.netty") || pkg.startsWith("io.pgjet.internal")) {
                                events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(method,
                                        method.getFullName() + " takes " + parameter.getName()));
                            }
                        }
                    }
                })
                .check(classes);
    }
}
