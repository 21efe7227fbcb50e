package io.recruitflow.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.bootstrap.cli.RecruitflowCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    /** Runs the CLI with stdout captured; surefire's working directory is the bootstrap module. */
    static String run(int expectedExit, String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertThat(RecruitflowCli.run(args)).isEqualTo(expectedExit);
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theDemoRunsTheWholeFlowAndPrintsEveryStageOfTheFunnel() {
        String out = run(
                0,
                "demo",
                "--in-memory",
                "--leads",
                Path.of("..", "examples", "leads.csv").toString());
        assertThat(out)
                .contains(
                        "rejected: a lead needs a phone or an email",
                        "rejected: phone '12345' is not a valid phone number",
                        "rejected: license state 'ZZ' is not a US state or territory",
                        "deferred until",
                        "sent in",
                        "replied \"Please stop texting me\": opted out, opportunity lost, never texted again; "
                                + "1 confirmation text sent",
                        "replied \"Not interested\": unclear",
                        "held for review",
                        "did not show up",
                        "Lead ",
                        "Contacted ",
                        "Interested ",
                        "Presentation Scheduled ",
                        "Contracted ");
        assertThat(out).containsPattern("Contracted\\s+[1-9]");
        assertThat(out).contains("Speed to lead");
    }

    @Test
    void theFunnelNamesTheConfiguredStages(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("recruitflow.yml");
        Files.writeString(
                config, "dataDir: " + dir.resolve("data") + "\npipeline.stages: New,Texted,Warm,Booked,Signed\n");

        String out = run(0, "funnel", "--config", config.toString());

        assertThat(out)
                .containsSubsequence("New ", "Texted ", "Warm ", "Booked ", "Signed ")
                .contains("New → Texted", "Booked → Signed")
                .doesNotContain("Lead", "Presentation Scheduled");
    }

    @Test
    void everyCommandHasHelp() {
        assertThat(run(0, "--help")).contains("demo");
        assertThat(run(0, "demo", "--help")).contains("--leads");
    }

    @Test
    void aMissingLeadFileIsAClearErrorNotAStackTrace() {
        PrintStream originalErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            run(2, "demo", "--leads", "no/such/file.csv");
        } finally {
            System.setErr(originalErr);
        }
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("cannot read the lead file")
                .doesNotContain("Exception");
    }
}
