package io.recruitflow.ghl.specs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class GhlSpecsTest {

    @Test
    void theIndexNamesEveryVendoredDocumentAndNothingElse() throws Exception {
        Path root = Path.of(resource("index.txt")).getParent();
        List<String> onDisk;
        try (Stream<Path> files =
                Stream.concat(Files.list(root.resolve("openapi")), Files.list(root.resolve("webhook-events")))) {
            onDisk = files.map(f -> root.relativize(f).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
        assertThat(GhlSpecs.index()).isSorted().containsExactlyElementsOf(onDisk);
        assertThat(Files.exists(root.resolve("LICENSE-highlevel-api-docs"))).isTrue();
    }

    @Test
    void readsTheSpecsAndTheEventPages() {
        assertThat(GhlSpecs.openApiServices())
                .contains("contacts", "opportunities", "calendars", "conversations", "common-schemas");
        assertThat(GhlSpecs.openApi("contacts")).contains("\"openapi\"", "/contacts/upsert");
        assertThat(GhlSpecs.webhookEvents()).hasSize(22).containsKey("ContactCreate");
        assertThat(GhlSpecs.webhookEvent("ContactCreate")).contains("```json");
        assertThatThrownBy(() -> GhlSpecs.openApi("nope"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope");
    }

    private static java.net.URI resource(String name) throws URISyntaxException {
        return GhlSpecs.class.getResource("/io/recruitflow/ghl/specs/" + name).toURI();
    }
}
