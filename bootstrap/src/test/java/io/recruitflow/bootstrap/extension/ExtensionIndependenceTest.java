package io.recruitflow.bootstrap.extension;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The guard of "extending never touches the GHL adapter": extensions see the application and the domain, never
 * an adapter — in their bytecode (ArchUnit) and in their module graph (their pom). With both green, an
 * extension cannot have needed a change in {@code adapter-ghl-rest}.
 */
@AnalyzeClasses(packages = "io.recruitflow.extension", importOptions = ImportOption.DoNotIncludeTests.class)
class ExtensionIndependenceTest {
    static final Path EXTENSION_POM = Path.of("..", "extension-noshow-followup", "pom.xml");

    @ArchTest
    static final ArchRule extensionsDoNotDependOnAnyAdapter = noClasses()
            .that()
            .resideInAPackage("io.recruitflow.extension..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.recruitflow.adapter..")
            .because("a new use case is built on the application's use cases and ports; needing an adapter class "
                    + "would tie it to one implementation and make extending mean changing adapters");

    @ArchTest
    static final ArchRule extensionsDoNotDependOnTheGhlAdapter = noClasses()
            .that()
            .resideInAPackage("io.recruitflow.extension..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.recruitflow.adapter.ghl..")
            .because("teams extend Recruitflow without touching the GHL adapter: GHL is reached through the "
                    + "domain's ports (Conversations, Opportunities, ...) only");

    @ArchTest
    static final ArchRule extensionsSeeOnlyTheCore = classes()
            .that()
            .resideInAPackage("io.recruitflow.extension..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    "java..",
                    "jakarta.inject..",
                    "io.recruitflow.domain..",
                    "io.recruitflow.application..",
                    "io.recruitflow.extension..",
                    "com.google.inject..")
            .because("an extension depends on the core (and Guice for its wiring), nothing else: not bootstrap, "
                    + "not the sandbox, not an adapter's libraries");

    @ArchTest
    static final ArchRule theUseCaseItselfIsFrameworkFree = noClasses()
            .that()
            .resideInAPackage("io.recruitflow.extension.noshow")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "com.google.inject..",
                    "io.javalin..",
                    "retrofit2..",
                    "okhttp3..",
                    "com.squareup.moshi..",
                    "java.sql..",
                    "org.jdbi..")
            .because("like the application's own use cases, the extension's use case is plain Java; only its "
                    + "wiring sub-package knows Guice, so an embedder may wire it by hand");

    @Test
    void theExtensionModuleDependsOnNoAdapterArtifact() throws Exception {
        List<Element> dependencies = dependenciesOf(EXTENSION_POM);
        assertThat(dependencies).as("dependencies of %s", EXTENSION_POM).isNotEmpty();

        // Its tests may wire the in-memory fakes by hand; what it ships with must not reach an adapter.
        List<String> shipped = dependencies.stream()
                .filter(d -> !"test".equals(text(d, "scope")))
                .map(d -> text(d, "artifactId"))
                .toList();
        assertThat(shipped).containsExactlyInAnyOrder("application", "jakarta.inject-api", "guice");
        assertThat(shipped).noneMatch(a -> a.startsWith("adapter-"));
        assertThat(dependencies).extracting(d -> text(d, "artifactId")).doesNotContain("adapter-ghl-rest");
    }

    /** The project's own {@code <dependencies>}, not its dependency management. */
    private static List<Element> dependenciesOf(Path pom)
            throws IOException, ParserConfigurationException, SAXException {
        assertThat(pom).as("run from the bootstrap module directory").isRegularFile();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        Document document;
        try (var in = Files.newInputStream(pom)) {
            document = factory.newDocumentBuilder().parse(in);
        }
        List<Element> found = new ArrayList<>();
        for (Node section = document.getDocumentElement().getFirstChild();
                section != null;
                section = section.getNextSibling()) {
            if (section instanceof Element e && e.getTagName().equals("dependencies")) {
                for (Node d = e.getFirstChild(); d != null; d = d.getNextSibling()) {
                    if (d instanceof Element dependency
                            && dependency.getTagName().equals("dependency")) {
                        found.add(dependency);
                    }
                }
            }
        }
        return found;
    }

    private static String text(Element dependency, String child) {
        for (Node n = dependency.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(child)) {
                return e.getTextContent().strip();
            }
        }
        return "";
    }
}
