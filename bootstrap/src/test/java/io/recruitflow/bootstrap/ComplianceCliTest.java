package io.recruitflow.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import io.recruitflow.bootstrap.cli.RecruitflowCli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code recruitflow compliance check|reply}: pure and offline. */
class ComplianceCliTest {
    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            int exit = RecruitflowCli.run(args);
            return new Run(exit, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(String text) throws IOException {
        assertThat(text.strip().lines()).hasSize(1);
        return (Map<String, Object>) new Moshi.Builder()
                .build()
                .adapter(Types.newParameterizedType(Map.class, String.class, Object.class))
                .fromJson(text);
    }

    @Test
    void aFloridaNumberWithAGeorgiaLicenseWaitsForFloridasMorning() throws IOException {
        // 20:30 Eastern: past Florida's 8 p.m., although Georgia (federal rule only) would allow it.
        Run run = run(
                "compliance",
                "check",
                "--phone",
                "+13055550100",
                "--license-state",
                "GA",
                "--at",
                "2026-02-13T01:30:00Z",
                "--json");
        assertThat(run.exit()).isZero();
        Map<String, Object> json = json(run.out());
        assertThat(json).containsOnlyKeys("decision", "at", "reasons", "jurisdictions", "zones");
        assertThat(json.get("decision")).isEqualTo("defer");
        assertThat(json.get("at")).isEqualTo("2026-02-13T13:00:00Z");
        assertThat(json.get("jurisdictions")).isEqualTo(List.of("FL", "GA"));
        assertThat(json.get("zones")).isEqualTo(List.of("America/New_York"));
        assertThat((List<?>) json.get("reasons"))
                .anySatisfy(r -> assertThat(r.toString()).contains("FL", "20:00"));
    }

    @Test
    void aTextThatMayGoNowHasNoDeferralInstant() throws IOException {
        Run run = run("compliance", "check", "--phone", "+12125550100", "--at", "2026-02-12T18:00:00Z", "--json");
        Map<String, Object> json = json(run.out());
        assertThat(json.get("decision")).isEqualTo("send");
        assertThat(json).containsEntry("at", null);
        assertThat(json.get("jurisdictions")).isEqualTo(List.of("NY"));
    }

    @Test
    void everySentTextCountsTowardTheCap() throws IOException {
        Run run = run(
                "compliance",
                "check",
                "--phone",
                "+13055550100",
                "--at",
                "2026-02-12T17:00:00Z",
                "--sent",
                "2026-02-12T14:00:00Z",
                "--sent",
                "2026-02-12T15:00:00Z",
                "--sent",
                "2026-02-12T16:00:00Z",
                "--json");
        Map<String, Object> json = json(run.out());
        assertThat(json.get("decision")).isEqualTo("defer");
        assertThat(json.get("at")).isEqualTo("2026-02-13T14:00:00Z");
        assertThat((List<?>) json.get("reasons"))
                .anySatisfy(r -> assertThat(r.toString()).contains("at most 3"));
    }

    @Test
    void zonesThatShareNoHourAreRefused() throws IOException {
        Run run = run(
                "compliance",
                "check",
                "--phone",
                "+17875550100",
                "--license-state",
                "FL",
                "--time-zone",
                "Asia/Shanghai",
                "--at",
                "2026-02-12T14:00:00Z",
                "--json");
        Map<String, Object> json = json(run.out());
        assertThat(json.get("decision")).isEqualTo("refuse");
        assertThat(json).containsEntry("at", null);
        assertThat(json.get("zones")).isEqualTo(List.of("America/Puerto_Rico", "Asia/Shanghai"));
    }

    @Test
    void inWordsItSaysWhyWithSourcesAndNeverTheWholeNumber() {
        Run run = run(
                "compliance",
                "check",
                "--phone",
                "+12055550100",
                "--contact-state",
                "TX",
                "--at",
                "2026-02-15T18:00:00Z");
        assertThat(run.exit()).isZero();
        assertThat(run.out())
                .contains("defer:", "because:", "AL: no texts on Sunday", "source: Ala. Admin. Code")
                .contains("jurisdictions: AL (area code 205), TX (contact address)")
                .contains("time zones: America/Chicago (area code 205)")
                .doesNotContain("+12055550100");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "yes|Please stop texting me",
                "yes|STOP 🛑",
                "yes|No más",
                "review|stop by tomorrow?",
                "review|Not interested",
                "no|Sounds good, call me Tuesday",
                "no|HELP"
            })
    void aReplyIsReadForRevocation(String optOut, String reply) throws IOException {
        Run run = run("compliance", "reply", "--json", reply);
        assertThat(run.exit()).isZero();
        Map<String, Object> json = json(run.out());
        assertThat(json).containsOnlyKeys("optOut", "why");
        assertThat(json.get("optOut")).isEqualTo(optOut);
        assertThat(json.get("why").toString()).isNotBlank();
    }

    @Test
    void aReplyInWords() {
        assertThat(run("compliance", "reply", "START").out()).contains("opt-out: no", "grants consent");
        assertThat(run("compliance", "reply", "Stop please").out()).contains("opt-out: yes", "STOP");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "--phone|3055550100|--phone must be an E.164 number",
                "--license-state|ZZ|--license-state 'ZZ' is not a US state",
                "--contact-state|Atlantis|--contact-state 'Atlantis' is not a US state",
                "--time-zone|Mars/Olympus|--time-zone 'Mars/Olympus' is not a time zone",
                "--at|tomorrow|--at 'tomorrow' is not an ISO-8601 instant",
                "--sent|2026-02-30T10:00:00Z|--sent '2026-02-30T10:00:00Z' is not an ISO-8601 instant"
            })
    void badInputIsAClearMessageAndExitCode2(String option, String value, String message) {
        String[] args = option.equals("--phone")
                ? new String[] {"compliance", "check", "--phone", value}
                : new String[] {"compliance", "check", "--phone", "+13055550100", option, value};
        Run run = run(args);
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains(message).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aMissingPhoneIsAUsageError() {
        Run run = run("compliance", "check", "--json");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--phone").doesNotContain("Exception");
    }

    @Test
    void theCommandsHaveHelp() {
        assertThat(run("compliance", "--help").out()).contains("check", "reply");
        assertThat(run("compliance", "check", "--help").out()).contains("--phone", "--sent", "--json");
    }
}
