package io.recruitflow.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.bootstrap.config.Setting;
import io.recruitflow.bootstrap.config.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code conf/recruitflow.yml} of the archive shows every setting, and is a configuration the service reads. */
class ExampleConfigurationTest {
    static final Path EXAMPLE = Path.of("src/dist/conf/recruitflow.yml");

    @Test
    void every_setting_is_in_the_example_with_its_variable_and_default() throws IOException {
        String example = Files.readString(EXAMPLE);
        for (Setting s : Setting.values()) {
            String key = s.yamlKey();
            String leaf = key.substring(key.lastIndexOf('.') + 1);
            assertThat(example).as("the example's line for %s", s.env()).contains("[" + s.env() + "]");
            assertThat(example).as("the example's key for %s", s.env()).containsPattern("(?m)^#? *" + leaf + ":");
            s.defaultValue()
                    .filter(d -> s != Setting.DATA_DIR)
                    .ifPresent(d ->
                            assertThat(example).as("the default of %s", s.env()).contains(d));
            if (s.secret()) {
                assertThat(example).contains("SECRET: set " + s.env() + " in the environment instead");
            }
        }
    }

    @Test
    void the_example_loads_as_it_is() {
        Settings settings = Settings.load(Optional.of(EXAMPLE), Map.of());
        assertThat(settings.get(Setting.DATA_DIR)).contains("/var/lib/recruitflow");
        assertThat(settings.source(Setting.DATA_DIR)).contains(Settings.Source.FILE);
    }
}
