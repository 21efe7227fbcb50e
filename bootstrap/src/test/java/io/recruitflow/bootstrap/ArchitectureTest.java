package io.recruitflow.bootstrap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layer boundaries of the hexagon. Bootstrap sees every module, so the rules run here, over main
 * code only (tests may cross boundaries to wire fakes).
 */
@AnalyzeClasses(packages = "io.recruitflow", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Frameworks and infrastructure APIs that the core must not know. */
    static final String[] INFRASTRUCTURE = {
            "com.google.inject..", "retrofit2..", "okhttp3..", "okio..", "com.squareup.moshi..", "dev.failsafe..",
            "java.sql..", "javax.sql..", "java.net.http..", "io.javalin..", "org.eclipse.jetty..", "jakarta.servlet..",
            "ch.qos.logback..", "org.apache.logging.log4j..", "org.jdbi..", "org.postgresql..", "com.zaxxer..",
            "org.flywaydb..", "com.github.kagkarlsson..", "com.fasterxml.jackson..", "io.micrometer..", "picocli.."};

    @ArchTest
    static final ArchRule domainDependsOnTheJdkAlone = classes().that().resideInAPackage("io.recruitflow.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.recruitflow.domain..")
            .because("the domain is the pure model every adapter and embedder builds on; it must not drag a framework in");

    @ArchTest
    static final ArchRule domainUsesNoInfrastructureApi = noClasses().that().resideInAPackage("io.recruitflow.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(INFRASTRUCTURE)
            .because("JDBC, java.net.http and friends are part of the JDK but belong in adapters, behind ports");

    @ArchTest
    static final ArchRule applicationUsesNoFramework = noClasses().that().resideInAPackage("io.recruitflow.application..")
            .should().dependOnClassesThat().resideInAnyPackage(INFRASTRUCTURE)
            .because("use cases orchestrate ports; HTTP, SQL, JSON and DI containers live in adapters and bootstrap "
                    + "(jakarta.inject annotations are a standard, not a container, and are allowed)");

    @ArchTest
    static final ArchRule domainContextsFormNoCycles = slices().matching("io.recruitflow.domain.(*)..")
            .should().beFreeOfCycles()
            .because("bounded contexts refer to each other by id; a cycle would fuse them into one");

    @ArchTest
    static final ArchRule adaptersDoNotDependOnEachOther = slices().matching("io.recruitflow.adapter.(*)..")
            .should().notDependOnEachOther()
            .because("each adapter must be replaceable on its own: embedders swap one without touching the others");

    @ArchTest
    static final ArchRule adaptersDoNotDependOnBootstrapOrSandbox = noClasses()
            .that().resideInAPackage("io.recruitflow.adapter..")
            .should().dependOnClassesThat().resideInAnyPackage("io.recruitflow.bootstrap..", "io.recruitflow.sandbox..")
            .because("adapters are wired by bootstrap, not the other way round, and the sandbox is only a test double");

    @ArchTest
    static final ArchRule applicationDoesNotDependOnAdapters = noClasses()
            .that().resideInAPackage("io.recruitflow.application..")
            .should().dependOnClassesThat().resideInAnyPackage("io.recruitflow.adapter..", "io.recruitflow.bootstrap..",
                    "io.recruitflow.sandbox..")
            .because("dependencies point inward: use cases know ports, never their implementations");

    @ArchTest
    static final ArchRule sandboxKnowsNothingOfRecruitflow = noClasses().that().resideInAPackage("io.recruitflow.sandbox..")
            .should().dependOnClassesThat().resideInAnyPackage("io.recruitflow.domain..", "io.recruitflow.application..",
                    "io.recruitflow.adapter..", "io.recruitflow.bootstrap..")
            .because("the sandbox emulates GHL for any client; knowing our domain would make it agree with our bugs");
}
