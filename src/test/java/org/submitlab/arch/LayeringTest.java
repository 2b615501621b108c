package org.submitlab.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package rules of docs/architecture: the core never sees JavaFX, and dependencies point one way. */
class LayeringTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                // not Predefined.DO_NOT_INCLUDE_TESTS: it expects the build folder to be called target/
                .withImportOption(location -> !location.contains("/test-classes/"))
                .importPackages("org.submitlab");
    }

    @Test
    void coreImportsNoJavaFx() {
        noClasses()
            .that().resideInAnyPackage("org.submitlab.policy..", "org.submitlab.store..", "org.submitlab.server..",
                    "org.submitlab.events..", "org.submitlab.sim..", "org.submitlab.app..", "org.submitlab.cli..",
                    "org.submitlab.concurrent..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
                .check(classes);
    }

    @Test
    void policyUsesOnlyTheJdk() {
        noClasses()
            .that().resideInAPackage("org.submitlab.policy..")
            .should().dependOnClassesThat().resideInAnyPackage("org.submitlab.store..", "org.submitlab.server..",
                    "org.submitlab.events..", "org.submitlab.sim..", "org.submitlab.cli..", "org.submitlab.ui..",
                    "org.subethamail..", "jakarta..", "org.slf4j..", "com.fasterxml..")
                .check(classes);
    }

    @Test
    void storeDependsOnlyOnPolicy() {
        noClasses()
            .that().resideInAPackage("org.submitlab.store..")
            .should().dependOnClassesThat().resideInAnyPackage("org.submitlab.server..", "org.submitlab.events..",
                    "org.submitlab.sim..", "org.submitlab.cli..", "org.submitlab.ui..")
                .check(classes);
    }

    @Test
    void eventsDependOnlyOnPolicy() {
        noClasses()
            .that().resideInAPackage("org.submitlab.events..")
            .should().dependOnClassesThat().resideInAnyPackage("org.submitlab.store..", "org.submitlab.server..",
                    "org.submitlab.sim..", "org.submitlab.cli..", "org.submitlab.ui..")
                .check(classes);
    }

    @Test
    void serverDoesNotKnowTheSimulatorOrConsole() {
        noClasses()
            .that().resideInAPackage("org.submitlab.server..")
            .should().dependOnClassesThat().resideInAnyPackage("org.submitlab.sim..", "org.submitlab.cli..",
                    "org.submitlab.ui..")
                .check(classes);
    }

    @Test
    void simulatorTalksToTheServerOnlyOverSmtp() {
        noClasses()
            .that().resideInAPackage("org.submitlab.sim..")
            .should().dependOnClassesThat().resideInAnyPackage("org.submitlab.server..", "org.submitlab.store..",
                    "org.submitlab.app..", "org.submitlab.cli..", "org.submitlab.ui..")
                .check(classes);
    }

    @Test
    void theApplicationLayerServesBothFacesAndKnowsNeither() {
        noClasses()
            .that().resideInAPackage("org.submitlab.app..")
            .should().dependOnClassesThat().resideInAnyPackage("org.submitlab.cli..", "org.submitlab.ui..")
                .check(classes);
    }

    @Test
    void theCommandLineDoesNotUseTheConsole() {
        noClasses()
            .that().resideInAPackage("org.submitlab.cli..")
            .should().dependOnClassesThat().resideInAPackage("org.submitlab.ui..")
                .check(classes);
    }

    @Test
    void theConsoleDoesNotUseTheCommandLine() {
        noClasses()
            .that().resideInAPackage("org.submitlab.ui..")
            .should().dependOnClassesThat().resideInAPackage("org.submitlab.cli..")
                .check(classes);
    }

    @Test
    void threadsComeFromOneFactory() {
        noClasses()
            .that().resideInAPackage("org.submitlab..")
            .and().doNotHaveFullyQualifiedName("org.submitlab.concurrent.NamedThreads")
            .should().callConstructor(Thread.class, Runnable.class, String.class)
            .orShould().callConstructor(Thread.class, Runnable.class)
            .orShould().callMethod(java.util.concurrent.Executors.class, "defaultThreadFactory")
                .check(classes);
    }

    @Test
    void concurrencyHelpersDependOnNothingOfSubmitLab() {
        noClasses()
            .that().resideInAPackage("org.submitlab.concurrent..")
            .should().dependOnClassesThat().resideInAnyPackage("org.submitlab.policy..", "org.submitlab.store..",
                    "org.submitlab.server..", "org.submitlab.events..", "org.submitlab.sim..", "org.submitlab.app..",
                    "org.submitlab.cli..", "org.submitlab.ui..")
                .check(classes);
    }

    @Test
    void nothingReadsTheTimeDirectly() {
        noClasses()
            .that().resideInAnyPackage("org.submitlab..")
            .and().doNotHaveFullyQualifiedName("org.submitlab.policy.ScaledClock")
            .should().callMethod(java.time.Instant.class, "now")
            .orShould().callMethod(System.class, "currentTimeMillis")
                .check(classes);
    }
}
