package io.recruitflow.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.bootstrap.cli.RecruitflowCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code recruitflow demo} as a user runs it — not {@code --in-memory}: an embedded PostgreSQL, the GHL REST
 * client against the in-process sandbox, durable jobs, and the sandbox's replies, bookings and no-show coming
 * back as signed webhooks through the HTTP server. Proves the whole recruiting flow works on the real
 * adapters: quiet hours defer texts to the morning, "Please stop texting me" opts a recruit out and gets one
 * confirmation, an unclear reply is held for review, presentations are booked, a
 * no-show is reported, recruits are contracted, and GHL ends up with no duplicate contact or message.
 */
class SandboxDemoE2eTest {

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void theDemoRunsTheWholeFlowOnTheRealAdapters() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int exit;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            exit = RecruitflowCli.run("demo", "--leads", E2e.EXAMPLE_LEADS.toString());
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        original.println(out);

        assertThat(exit).as("exit code; output:%n%s", out).isZero();
        assertThat(out).contains("Running on the real adapters: embedded PostgreSQL, GHL sandbox at");
        assertThat(out).contains("36 rows → 31 new recruits, 2 already known, 3 rejected");
        assertThat(out)
                .as("quiet hours defer the East Coast's texts")
                .contains("deferred until")
                .containsPattern("→ \\d+ intros sent now, [1-9]\\d* deferred by quiet hours");
        assertThat(out)
                .as("the deferred texts go out in the morning; the sandbox fails the texts of one number")
                .contains("deferred texts go out; 30 of 31 intros now sent, 1 GHL could not deliver");
        assertThat(out)
                .as("the intro to the unregistered-sender number shows as failed with GHL's reason")
                .containsPattern("Andre Lefebvre, Jr\\.\\s+CO text failed: unregistered sender \\(A2P 10DLC\\) "
                        + "\\(GHL: \"Message from an Unregistered Number[^\"]*\", error 30034\\) — not sent again");
        // The sandbox fails every text to that number: the intro, and the follow-ups of the cadence after it.
        assertThat(out)
                .as("the CLI funnel counts it apart from the delivered ones and names it")
                .containsPattern("not delivered \\([1-9]\\d* failed, 0 undelivered\\)")
                .containsPattern(
                        "intro/[0-9a-f-]{36} sms failed: unregistered sender \\(A2P 10DLC\\).*error 30034.* — not retried");
        assertThat(out)
                .as("so does the dashboard")
                .containsPattern("6. The dashboard \\(GET /\\) shows [1-9]\\d* text\\(s\\) GHL could not deliver:")
                .containsPattern(
                        "   intro/[0-9a-f-]{36} failed: unregistered sender \\(A2P 10DLC\\) \\(GHL: \"Message");
        assertThat(out)
                .as("a revocation in the recruit's own words is honoured and confirmed once (64.1200(a)(12))")
                .contains("replied \"Please stop texting me\": opted out, opportunity lost, never texted again; "
                        + "1 confirmation text sent (\"You're unsubscribed from OOC Unlimited texts.");
        assertThat(out)
                .as("an unclear reply holds the recruit's texts for a person")
                .contains("replied \"Not interested\": unclear (")
                .contains("held for review");
        assertThat(out).containsPattern("[1-9]\\d* booked an iDecide presentation → Presentation Scheduled");
        assertThat(out).contains("1 did not show up → back to Interested");
        assertThat(out)
                .as("the simulated week on the real adapters, the sandbox doing the recruits' part on its clock")
                .containsPattern("replied on day 2 \\(Sat 11:00 EST, [^)]*\\): [1-9]\\d* follow-ups? before, 0 after")
                .containsPattern("(\\d+) of \\1 presentations had a reminder before they began")
                .containsPattern("1 rebooking text \\(Tue [^)]*\\), rebooked for Thu 15:30 EST and showed up");
        assertThat(out).containsPattern("[1-9]\\d* showed up and signed → Contracted");
        assertThat(out).containsPattern("Contracted\\s+[1-9]");
        assertThat(out).doesNotContain("could not book");
        assertThat(out)
                .containsPattern("GHL sandbox: [1-9]\\d* API calls, \\d+ rate-limited, 0 duplicate contacts, "
                        + "0 duplicate messages, [1-9]\\d* webhooks delivered");
    }
}
