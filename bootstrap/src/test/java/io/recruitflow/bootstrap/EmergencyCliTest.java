package io.recruitflow.bootstrap;

import static io.recruitflow.bootstrap.ComplianceCliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.bootstrap.ComplianceCliTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code recruitflow compliance emergency declare|list|end}, against the configured (embedded) database. */
class EmergencyCliTest {
    @TempDir
    Path dir;

    private String config() throws Exception {
        Path config = dir.resolve("recruitflow.yml");
        Files.writeString(config, "dataDir: " + dir.resolve("data") + "\n");
        return config.toString();
    }

    @Test
    void declareListAndEnd() throws Exception {
        String config = config();
        Run declared = run(
                "compliance",
                "emergency",
                "declare",
                "--state",
                "LA",
                "--until",
                "2099-12-10",
                "--reason",
                "Hurricane, Proclamation 95 JML",
                "--config",
                config);
        assertThat(declared.exit()).as(declared.err()).isZero();
        // Through December 10 everywhere in Louisiana (Central time): midnight after it is 06:00 UTC.
        assertThat(declared.out())
                .contains("no text into Louisiana until 2099-12-11T06:00:00Z")
                .contains("Hurricane, Proclamation 95 JML");

        Run list = run("compliance", "emergency", "list", "--config", config);
        assertThat(list.exit()).isZero();
        assertThat(list.out()).contains("LA ").contains("until 2099-12-11T06:00:00Z");

        Run ended = run("compliance", "emergency", "end", "--state", "Louisiana", "--config", config);
        assertThat(ended.exit()).isZero();
        assertThat(ended.out()).contains("ended: texts into Louisiana");
        assertThat(run("compliance", "emergency", "list", "--config", config).out())
                .contains("no emergency declared");
        Run again = run("compliance", "emergency", "end", "--state", "LA", "--config", config);
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("no emergency declared for LA");
    }

    @Test
    void badInputIsOneLineAndExitCodeTwo() throws Exception {
        String config = config();
        for (String[] args : new String[][] {
            {"compliance", "emergency", "declare", "--state", "XX", "--until", "2099-12-10", "--config", config},
            {"compliance", "emergency", "declare", "--state", "LA", "--until", "soon", "--config", config},
            {"compliance", "emergency", "declare", "--state", "LA", "--until", "2001-01-01", "--config", config},
            {"compliance", "emergency", "declare", "--state", "LA", "--config", config},
            {"compliance", "emergency", "end", "--state", "Atlantis", "--config", config}
        }) {
            Run r = run(args);
            assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err())
                    .as(String.join(" ", args))
                    .doesNotContain("Exception")
                    .doesNotContain("\tat ");
        }
    }
}
