package io.recruitflow.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's configuration table lists every setting with its key, default and secrecy. */
class ConfigTableTest {
    @Test
    void everySettingHasItsRowInTheReadme() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        for (Setting s : Setting.values()) {
            String row = "| `" + s.env() + "` | `" + s.yamlKey() + "` | "
                    + s.defaultValue().map(d -> "`" + d + "`").orElse("–") + " | " + (s.secret() ? "yes" : "") + " |";
            assertThat(readme).as("README row for %s", s.env()).contains(row);
        }
    }
}
