package io.recruitflow.bootstrap;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameStartingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.recruitflow.domain.shared.ExternalFailure;
import java.util.ArrayDeque;
import java.util.Deque;
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
     * A public class in an adapter must be part of what the adapter offers: used from outside its own package
     * (by bootstrap, which composes the adapters' Guice modules; by another package of the same adapter, since
     * Java has no module-private visibility; by an embedder's entry point such as {@code GhlClient}), or
     * reachable through the public signatures of such a class (a parameter, return or exception type, a public
     * nested class such as a builder), transitively: the GHL client's public API reaches every endpoint.
     * Everything else stays package-private, so an adapter's internals can change without breaking anyone. The
     * in-memory adapters are exempt (they exist for embedders and tests), and so are jte's generated templates
     * (public because jte's engine loads them by name).
     */
    @ArchTest
    static void adapterInternalsAreNotPublic(JavaClasses classes) {
        Set<String> needed = new HashSet<>();
        Deque<JavaClass> offered = new ArrayDeque<>();
        for (JavaClass c : classes) {
            if (c.getPackageName().startsWith("io.recruitflow.adapter")
                    && c.getDirectDependenciesToSelf().stream()
                            .anyMatch(d -> !d.getOriginClass().getPackageName().equals(c.getPackageName()))) {
                offered.add(c);
            }
        }
        while (!offered.isEmpty()) {
            JavaClass c = offered.pop();
            if (!needed.add(c.getName())) {
                continue;
            }
            c.getEnclosingClass().ifPresent(offered::add);
            for (JavaClass nested : classes) {
                if (nested.getModifiers().contains(JavaModifier.PUBLIC)
                        && nested.getEnclosingClass().filter(c::equals).isPresent()) {
                    offered.add(nested);
                }
            }
            for (JavaCodeUnit unit : c.getCodeUnits()) {
                if (unit.getModifiers().contains(JavaModifier.PUBLIC)) {
                    // Every raw type involved, so that Optional<GhlOpportunity> or Stream<Contact> counts too.
                    unit.getParameterTypes().forEach(t -> offered.addAll(t.getAllInvolvedRawTypes()));
                    offered.addAll(unit.getReturnType().getAllInvolvedRawTypes());
                    unit.getThrowsClause().getTypes().forEach(offered::add);
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
                .and(DescribedPredicate.not(simpleNameStartingWith("Jte").and(simpleNameEndingWith("Generated")))
                        .as("are not jte templates (generated public: jte's engine loads them by name)"))
                .should(new ArchCondition<JavaClass>("be part of what the adapter offers") {
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
                .because("adapter implementation classes are not public, apart from what their module, their config "
                        + "and their embedders' entry points need")
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

    private static final String[] CORE = {"io.recruitflow.domain..", "io.recruitflow.application.."};

    @ArchTest
    static final ArchRule theCoreNamesNoOAuthTokenRateLimitOrHttpConcept = noClasses()
            .that()
            .resideInAnyPackage(CORE)
            .should()
            .haveSimpleNameContaining("OAuth")
            .orShould()
            .haveSimpleNameContaining("Token")
            .orShould()
            .haveSimpleNameContaining("RateBudget")
            .orShould()
            .haveSimpleNameContaining("RateLimit")
            .orShould()
            .haveSimpleNameContaining("Http")
            .because(
                    "how Recruitflow authenticates to GHL, how GHL throttles it and how it talks HTTP are the GHL "
                            + "side's business; the core speaks recruiting (neutral ports such as CredentialStore meet it there)");

    @ArchTest
    static final ArchRule theCoreHoldsNoHttpStatus = noFields()
            .that()
            .areDeclaredInClassesThat()
            .resideInAnyPackage(CORE)
            .and()
            .haveRawType(int.class)
            .should()
            .haveNameMatching("(?i)(status|statusCode|httpStatus)")
            .because("a failure crosses the ports as an ExternalFailure, whose subtype says what to do; an HTTP status "
                    + "would make every caller re-interpret GHL's answers");

    @ArchTest
    static final ArchRule theCoreHasNoGhlTypeBesideTheEventsItApplies = noClasses()
            .that()
            .resideInAnyPackage(CORE)
            .and()
            .resideOutsideOfPackage("io.recruitflow.application.applyghlevent..")
            .should()
            .haveSimpleNameStartingWith("Ghl")
            .because("GHL's records, errors and OAuth types live on the GHL side; the one GHL word in the core is the "
                    + "use case that applies GHL's events, in the core's own terms");

    @ArchTest
    static final ArchRule onlyTheGhlClassifierBuildsExternalFailures = noClasses()
            .that()
            .resideInAPackage("io.recruitflow.adapter.ghl..")
            .and()
            .doNotHaveSimpleName("GhlFailures")
            .should()
            .callConstructorWhere(JavaCall.Predicates.target(
                    HasOwner.Predicates.With.owner(JavaClass.Predicates.assignableTo(ExternalFailure.class))))
            .because("every GHL failure is classified in one place, so that every caller decides with the same "
                    + "rule (stripe-java's HttpClient.shouldRetry is the model)");
}
