package io.recruitflow.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recruitflow.application.nurture.NurtureSettings;
import io.recruitflow.application.setup.WorkflowTrigger;
import io.recruitflow.domain.nurture.Cadence;
import io.recruitflow.domain.nurture.StepTiming;
import io.recruitflow.domain.pipeline.OpportunityStatus;
import io.recruitflow.domain.pipeline.RecruitingStage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nurture.enabled} and {@code nurture.cadences}: defaults, recruitflow.yml, the environment, validation. */
class NurtureSettingsTest {
    @TempDir
    Path dir;

    Settings file(String yaml) throws IOException {
        Path f = dir.resolve("recruitflow.yml");
        Files.writeString(f, yaml);
        return Settings.load(Optional.of(f), Map.of());
    }

    @Test
    void offByDefaultWithThePlaybooksCadenceAndTheWorkflowAsBefore() {
        Settings s = Settings.load(Optional.empty(), Map.of());
        NurtureSettings n = RecruitflowConfig.nurture(s);
        assertThat(n.enabled()).isFalse();
        assertThat(n.cadences()).containsExactly(Cadence.contactedNoReply());
        assertThat(Cadence.contactedNoReply().steps())
                .extracting(step -> step.timing().describe())
                .containsExactly("after 4h", "after 1d", "after 3d", "after 7d");
        assertThat(RecruitflowConfig.recruiting(s).workflowTrigger()).isEqualTo(new WorkflowTrigger.Api());
    }

    @Test
    void onMeansNoEnrollmentInGhlsWorkflowUnlessAskedAndThenAWarning() {
        Settings on = Settings.load(Optional.empty(), Map.of("RECRUITFLOW_NURTURE", "on"));
        assertThat(RecruitflowConfig.nurture(on).enabled()).isTrue();
        assertThat(RecruitflowConfig.recruiting(on).workflowTrigger()).isEqualTo(new WorkflowTrigger.None());

        Settings both = Settings.load(
                Optional.empty(), Map.of("RECRUITFLOW_NURTURE", "on", "RECRUITFLOW_WORKFLOW_TRIGGER", "api"));
        assertThat(RecruitflowConfig.recruiting(both).workflowTrigger()).isEqualTo(new WorkflowTrigger.Api());
        assertThat(RecruitflowConfig.from(
                                both.with(Setting.GHL_TOKEN, "pit-test").with(Setting.GHL_LOCATION_ID, "loc_a"))
                        .nurtureNotices())
                .anySatisfy(line ->
                        assertThat(line).contains("may get both").contains("RECRUITFLOW_WORKFLOW_TRIGGER=none"));
    }

    @Test
    void recruitflowYmlReplacesTheCadences() throws IOException {
        Settings s = file("""
                nurture:
                  enabled: on
                  cadences:
                    interested-follow-up:
                      stage: Interested
                      steps:
                        - at: next-morning
                          text: "Hi {First}, shall we book your presentation? Reply STOP to opt out."
                        - at: +3d 10:30
                          text: "{First}, still keen? Reply STOP to opt out."
                          emailSubject: "Your presentation"
                          email: "<p>Hi {First}</p>"
                      rest:
                        after: 2d
                        status: open
                """);
        NurtureSettings n = RecruitflowConfig.nurture(s);
        assertThat(n.enabled()).isTrue();
        Cadence c = n.cadences().get(0);
        assertThat(c.name()).isEqualTo("interested-follow-up");
        assertThat(c.stage()).isEqualTo(RecruitingStage.INTERESTED);
        assertThat(c.steps().get(0).timing()).isEqualTo(new StepTiming.At(1, LocalTime.of(9, 0)));
        assertThat(c.steps().get(1).timing()).isEqualTo(new StepTiming.At(3, LocalTime.of(10, 30)));
        assertThat(c.steps().get(1).emailSubject().text()).isEqualTo("Your presentation");
        assertThat(c.rest()).isEqualTo(new Cadence.Rest(Duration.ofDays(2), Optional.empty()));
    }

    @Test
    void theEnvironmentTakesTheSameYamlInOneLine() {
        Settings s = Settings.load(
                Optional.empty(),
                Map.of(
                        "RECRUITFLOW_NURTURE_CADENCES",
                        "{quick: {stage: Contacted, steps: [{after: 90m, text: 'Hi {First}! Reply STOP to opt out.'}],"
                                + " rest: {after: 1d, status: lost}}}"));
        Cadence c = RecruitflowConfig.nurture(s).cadences().get(0);
        assertThat(c.steps().get(0).timing()).isEqualTo(new StepTiming.After(Duration.ofMinutes(90)));
        assertThat(c.rest().status()).contains(OpportunityStatus.LOST);
    }

    @Test
    void everyProblemIsReportedAtOnceNamingTheCadenceAndTheStep() throws IOException {
        Settings s = file("""
                nurture:
                  cadences:
                    first:
                      stage: Somewhere
                      steps:
                        - after: 4h
                          text: hi
                    second:
                      stage: Contacted
                      steps:
                        - after: sometime
                          text: "Hi {First}"
                        - after: 1d
                          at: next-morning
                          text: "Hi {First}"
                        - after: 2d
                          text: "Hi {Nickname}"
                        - after: 3d
                          txt: "typo"
                """);
        assertThatThrownBy(() -> RecruitflowConfig.nurture(s))
                .isInstanceOf(Settings.ConfigException.class)
                .hasMessageContaining("RECRUITFLOW_NURTURE_CADENCES (nurture.cadences)")
                .hasMessageContaining("cadence first: stage 'Somewhere' is not a recruiting stage")
                .hasMessageContaining("cadence second, step 1: 'sometime' is not a duration")
                .hasMessageContaining("cadence second, step 2: needs exactly one of after")
                .hasMessageContaining("cadence second, step 3: text: unknown placeholder(s) [{Nickname}]")
                .hasMessageContaining("cadence second, step 4: unknown key(s) [txt]");
    }

    @Test
    void theExampleConfigurationsCadenceUncommentedIsTheDefault() throws IOException {
        String example = Files.readString(Path.of("..", "distribution", "src", "dist", "conf", "recruitflow.yml"));
        int start = example.indexOf("# nurture:");
        int end = example.indexOf("\n\n", start);
        String block = example.substring(start, end)
                .lines()
                .map(line -> line.startsWith("# ") ? line.substring(2) : line.replaceFirst("^#", ""))
                .collect(java.util.stream.Collectors.joining("\n"));
        NurtureSettings n = RecruitflowConfig.nurture(file(block));
        assertThat(n.cadences()).containsExactly(Cadence.contactedNoReply());
        assertThat(n.enabled()).isFalse();
    }

    @Test
    void twoCadencesOnOneStageAreRefused() {
        Settings s = Settings.load(
                Optional.empty(),
                Map.of(
                        "RECRUITFLOW_NURTURE_CADENCES",
                        "{a: {stage: Contacted, steps: [{after: 1h, text: x}]}, b: {stage: contacted, steps: [{after:"
                                + " 2h, text: y}]}}"));
        assertThatThrownBy(() -> RecruitflowConfig.nurture(s))
                .isInstanceOf(Settings.ConfigException.class)
                .hasMessageContaining("stage Contacted has more than one cadence (b)");
    }
}
