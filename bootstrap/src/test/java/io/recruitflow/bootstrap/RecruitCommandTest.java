package io.recruitflow.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code recruitflow recruit ID}: its help, an id that is not one, a recruit the database does not hold. */
class RecruitCommandTest {
    @Test
    void itIsListedAndHasHelp() {
        assertThat(CliTest.run(0, "--help")).contains("recruit");
        assertThat(CliTest.run(0, "recruit", "--help")).contains("--json").contains("follow-up");
    }

    @Test
    void anIdThatIsNotOneIsExitTwoAndAnUnknownRecruitExitOne(@TempDir Path dir) throws Exception {
        assertThat(CliTest.run(2, "recruit", "not-a-uuid")).isEmpty();
        Path config = dir.resolve("recruitflow.yml");
        Files.writeString(config, "dataDir: " + dir.resolve("data") + "\n");
        assertThat(CliTest.run(1, "recruit", UUID.randomUUID().toString(), "--config", config.toString()))
                .isEmpty();
    }
}
