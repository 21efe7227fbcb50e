package io.recruitflow.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 16's acceptance, read off the demo's own output: the demo runs a simulated week in which silent recruits
 * get the cadence within their state's rules, a recruit who replies on day 2 gets nothing more, reminders precede
 * every presentation, the no-show gets one rebooking text and rebooks, and the funnel and the recruits' timelines
 * show it.
 */
class DemoWeekTest {
    static String out;

    @BeforeAll
    static void runTheDemo() {
        out = CliTest.run(
                0,
                "demo",
                "--in-memory",
                "--leads",
                Path.of("..", "examples", "leads.csv").toString());
        System.out.println(out);
    }

    private static int number(String regex) {
        Matcher m = Pattern.compile(regex).matcher(out);
        assertThat(m.find()).as("the output has %s", regex).isTrue();
        return Integer.parseInt(m.group(1));
    }

    @Test
    void silentRecruitsGetTheCadenceWithinTheirStatesRules() {
        int silent = number("(\\d+) silent recruits? got Recruitflow's follow-up cadence");
        int texts = number("follow-up cadence \\(\\+4 h, \\+1 d, \\+3 d, \\+7 d\\): (\\d+) texts");
        assertThat(silent).isPositive();
        assertThat(texts).as("four steps in a week for each").isEqualTo(4 * silent);
        assertThat(number("\\((\\d+) deferred to an allowed window, each with its rule\\)"))
                .as("the evening's and the night's steps wait for the recipient's window")
                .isPositive();
        assertThat(out).containsPattern("cadence 1 +sent +text");
    }

    @Test
    void aRecruitWhoRepliesOnDayTwoGetsNothingMore() {
        assertThat(out)
                .containsPattern("replied on day 2 \\(Sat 11:00 EST, \"Sorry, just saw this. Yes, tell me more!\"\\):"
                        + " [1-9]\\d* follow-ups? before, 0 after — the cadence stopped");
        assertThat(out).containsPattern("cadence \\d +cancelled +text — cancelled: the recruit replied");
    }

    @Test
    void remindersPrecedeEveryPresentation() {
        Matcher m = Pattern.compile(
                        "(\\d+) of (\\d+) presentations had a reminder before they began \\((\\d+) reminders")
                .matcher(out);
        assertThat(m.find()).isTrue();
        assertThat(m.group(1)).isEqualTo(m.group(2));
        assertThat(Integer.parseInt(m.group(2))).isPositive();
        assertThat(Integer.parseInt(m.group(3)))
                .as("24 h and 1 h before each")
                .isEqualTo(2 * Integer.parseInt(m.group(2)));
    }

    @Test
    void theNoShowGetsOneRebookingTextAndRebooks() {
        assertThat(out)
                .contains("1 did not show up → back to Interested")
                .containsPattern(
                        "↳ .+: 1 rebooking text \\(Tue \\d\\d:\\d\\d EST\\), rebooked for Thu 15:30 EST and showed up");
        assertThat(out).containsPattern("noshow 1 +sent +text");
        assertThat(out).containsPattern("[1-9]\\d* showed up and signed → Contracted");
    }

    @Test
    void theFunnelAndTheTimelinesShowIt() {
        assertThat(out).contains("Timelines (./recruitflow recruit ID, GET /api/recruits/{id}):");
        assertThat(out).containsPattern("reminder 1 +sent +text");
        assertThat(out).containsPattern("reminder 3 +done +presentation-started");
        assertThat(out).containsPattern("Contracted\\s+[1-9]");
        assertThat(out).contains("5. The recruiting funnel");
    }
}
