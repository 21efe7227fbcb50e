package io.recruitflow.bootstrap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.HashSet;
import java.util.Set;

/**
 * The layer boundaries of the hexagon. Bootstrap sees every module, so the rules run here, over main
 * code only (tests may cross boundaries to wire fakes).
 */
@AnalyzeClasses(
        packages = "io.recruitflow",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.DoNotIncludeTestJars.class})
class ArchitectureTest {

    /** Leaves out other modules' test jars (e.g. adapter-webhook's shared test helpers): main code only. */
    static final class DoNotIncludeTestJars implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("-tests.jar");
        }
    }

    /** Frameworks and infrastructure APIs that the core must not know. */
    static final String[] INFRASTRUCTURE = {
        "com.google.inject..",
        "retrofit2..",
        "okhttp3..",
        "okio..",
        "com.squareup.moshi..",
        "dev.failsafe..",
        "java.sql..",
        "javax.sql..",
        "java.net.http..",
        "io.javalin..",
        "org.eclipse.jetty..",
        "jakarta.servlet..",
        "ch.qos.logback..",
        "org.apache.logging.log4j..",
        "org.jdbi..",
        "org.postgresql..",
        "com.zaxxer..",
        "org.flywaydb..",
        "com.github.kagkarlsson..",
        "com.fasterxml.jackson..",
        "io.micrometer..",
        "picocli.."
    };

    @ArchTest
    static final ArchRule domainDependsOnTheJdkAlone = classes()
            .that()
            .resideInAPackage("io.recruitflow.domain..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "io.recruitflow.domain..")
            .because(
                    "the domain is the pure model every adapter and embedder builds on; it must not drag a framework in");

    @ArchTest
    static final ArchRule domainUsesNoInfrastructureApi = noClasses()
            .that()
            .resideInAPackage("io.recruitflow.domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(INFRASTRUCTURE)
            .because("JDBC, java.net.http and friends are part of the JDK but belong in adapters, behind ports");

    @ArchTest
    static final ArchRule applicationUsesNoFramework = noClasses()
            .that()
            .resideInAPackage("io.recruitflow.application..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(INFRASTRUCTURE)
            .because("use cases orchestrate ports; HTTP, SQL, JSON and DI containers live in adapters and bootstrap "
                    + "(jakarta.inject annotations are a standard, not a container, and are allowed)");

    @ArchTest
    static final ArchRule domainContextsFormNoCycles = slices().matching("io.recruitflow.domain.(*)..")
            .should()
            .beFreeOfCycles()
            .because("bounded contexts refer to each other by id; a cycle would fuse them into one");

    @ArchTest
    static final ArchRule adaptersDoNotDependOnEachOther = slices().matching("io.recruitflow.adapter.(*)..")
            .should()
            .notDependOnEachOther()
            .because("each adapter must be replaceable on its own: embedders swap one without touching the others");

    @ArchTest
    static final ArchRule adaptersDoNotDependOnBootstrapOrSandbox = noClasses()
            .that()
            .resideInAPackage("io.recruitflow.adapter..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.recruitflow.bootstrap..", "io.recruitflow.sandbox..")
            .because("adapters are wired by bootstrap, not the other way round, and the sandbox is only a test double");

    @ArchTest
    static final ArchRule applicationDoesNotDependOnAdapters = noClasses()
            .that()
            .resideInAPackage("io.recruitflow.application..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.recruitflow.adapter..", "io.recruitflow.bootstrap..", "io.recruitflow.sandbox..")
            .because("dependencies point inward: use cases know ports, never their implementations");

    /**
     * A public class in an adapter must be something its wiring needs: used from outside its own package —
     * by bootstrap, which composes the adapters' Guice modules, or by the adapter's module from a
     * sub-package — or it appears in the public signature of such a class or of its public nested classes (a
     * parameter, return or exception type, such as a module's config or a builder's argument). Everything else
     * stays package-private, so an adapter's
     * internals can change without breaking anyone. The in-memory adapters are exempt: they exist for
     * embedders and tests to use.
     */
    @ArchTest
    static void adapterInternalsAreNotPublic(JavaClasses classes) {
        Set<JavaClass> usedByWiring = new HashSet<>();
        for (JavaClass c : classes) {
            if (c.getPackageName().startsWith("io.recruitflow.adapter")) {
                boolean used = c.getDirectDependenciesToSelf().stream()
                        .anyMatch(d -> !d.getOriginClass().getPackageName().equals(c.getPackageName()));
                if (used) {
                    usedByWiring.add(c);
                }
            }
        }
        // A used class's public nested classes (a builder) are part of what it offers.
        for (JavaClass c : classes) {
            if (c.getModifiers().contains(JavaModifier.PUBLIC)
                    && c.getEnclosingClass().filter(usedByWiring::contains).isPresent()) {
                usedByWiring.add(c);
            }
        }
        Set<String> needed = new HashSet<>();
        for (JavaClass c : usedByWiring) {
            needed.add(c.getName());
            c.getEnclosingClass().ifPresent(e -> needed.add(e.getName()));
            for (JavaCodeUnit unit : c.getCodeUnits()) {
                if (unit.getModifiers().contains(JavaModifier.PUBLIC)) {
                    unit.getParameterTypes()
                            .forEach(t -> needed.add(t.toErasure().getName()));
                    needed.add(unit.getReturnType().toErasure().getName());
                    unit.getThrowsClause().getTypes().forEach(t -> needed.add(t.getName()));
                }
            }
        }
        classes()
                .that()
                .resideInAPackage("io.recruitflow.adapter..")
                .and()
                .resideOutsideOfPackage("io.recruitflow.adapter.inmemory..")
                .and()
                .arePublic()
                .and()
                .areTopLevelClasses()
                .should(new ArchCondition<JavaClass>("be needed outside their package") {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        if (!needed.contains(item.getName())) {
                            events.add(
                                    SimpleConditionEvent.violated(
                                            item,
                                            item.getName()
                                                    + " is public but nothing outside its package needs it: make it package-private"));
                        }
                    }
                })
                .because("adapter implementation classes are not public, apart from their Guice module, its config"
                        + " and what the wiring uses")
                .check(classes);
    }

    @ArchTest
    static final ArchRule sandboxKnowsNothingOfRecruitflow = noClasses()
            .that()
            .resideInAPackage("io.recruitflow.sandbox..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.recruitflow.domain..",
                    "io.recruitflow.application..",
                    "io.recruitflow.adapter..",
                    "io.recruitflow.bootstrap..")
            .because("the sandbox emulates GHL for any client; knowing our domain would make it agree with our bugs");
}
