package io.recruitflow.bootstrap;

import static io.recruitflow.bootstrap.ComplianceCliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Injector;
import io.recruitflow.adapter.persistence.DatabaseConfig;
import io.recruitflow.adapter.persistence.PersistenceModule;
import io.recruitflow.bootstrap.ComplianceCliTest.Run;
import io.recruitflow.bootstrap.wiring.ClockModule;
import io.recruitflow.bootstrap.wiring.Injectors;
import io.recruitflow.bootstrap.wiring.Lifecycle;
import io.recruitflow.domain.recruit.Lead;
import io.recruitflow.domain.recruit.License;
import io.recruitflow.domain.recruit.LicenseType;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.recruit.Recruits;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.PersonName;
import io.recruitflow.domain.shared.PhoneNumber;
import io.recruitflow.domain.shared.UsState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code recruitflow report}, against the configured (embedded) database. */
class ReportCliTest {
    @TempDir
    Path dir;

    private String config() throws Exception {
        Path config = dir.resolve("recruitflow.yml");
        Files.writeString(config, "dataDir: " + dir.resolve("data") + "\n");
        return config.toString();
    }

    /** Three recruits in the database: two from PropHog (TX, FL), one whose source is a formula and an escape. */
    private void seed() {
        Injector injector = Injectors.create(
                new ClockModule(Clock.system()), new PersistenceModule(DatabaseConfig.embedded(dir.resolve("data"))));
        try {
            Recruits recruits = injector.getInstance(Recruits.class);
            String[] sources = {"PropHog", "PropHog", "=1+1\u001b[31m"};
            UsState[] states = {UsState.TX, UsState.FL, UsState.FL};
            for (int i = 0; i < 3; i++) {
                Lead lead = new Lead(
                        new PersonName("Agent", "Number" + i),
                        Optional.empty(),
                        Optional.of(new PhoneNumber("+1512555010" + i)),
                        new License(states[i], Optional.empty(), Set.of(new LicenseType("Life"))),
                        sources[i],
                        Map.of());
                recruits.add(Recruit.accept(
                        RecruitId.random(),
                        new LocationId("loc_cli"),
                        lead,
                        Set.of(),
                        Instant.parse("2026-11-2" + (3 + i) + "T15:00:00Z")));
            }
        } finally {
            injector.getInstance(Lifecycle.class).stop();
        }
    }

    @Test
    void tablesByEveryGroupingAndCsv() throws Exception {
        String config = config();
        Run empty = run("report", "--by", "recruiter", "--config", config);
        assertThat(empty.exit()).as(empty.err()).isZero();
        assertThat(empty.out()).contains("by recruiter", "no recruit was accepted in this period");

        seed();
        Run bySource = run("report", "--config", config);
        assertThat(bySource.exit()).as(bySource.err()).isZero();
        assertThat(bySource.out())
                .contains("Source", "Leads", "Contacted", "Show%", "texted at once", "waited for quiet hours")
                .containsPattern("PropHog\\s+2\\s+0\\s+0")
                .contains("=1+1?[31m")
                .doesNotContain("\u001b");

        Run byState = run("report", "--by", "state", "--from", "2026-11-24", "--to", "2026-11-25", "--config", config);
        assertThat(byState.out()).containsPattern("FL\\s+2\\s").doesNotContain("TX ");

        Run byRecruiter = run("report", "--by", "recruiter", "--config", config);
        assertThat(byRecruiter.out()).containsPattern("unassigned\\s+3\\s");

        Run byWeek = run("report", "--by", "week", "--zone", "America/New_York", "--config", config);
        assertThat(byWeek.out()).containsPattern("2026-W48\\s+3\\s");

        Run csv = run("report", "--by", "source", "--csv", "--config", config);
        assertThat(csv.exit()).isZero();
        assertThat(csv.out())
                .startsWith("group,leads_in,contacted,booked,showed,no_shows,contracted,")
                .contains("\r\nPropHog,2,0,0,0,0,0,")
                .contains("\r\n'=1+1");
    }

    @Test
    void aBadGroupingDateOrZoneIsOneLineAndExitCodeTwo() throws Exception {
        String config = config();
        for (String[] args : new String[][] {
            {"--by", "manager"},
            {"--from", "11/01/2026"},
            {"--zone", "Mars/Olympus"},
            {"--from", "2026-11-30", "--to", "2026-11-01"}
        }) {
            String[] full = new String[args.length + 3];
            full[0] = "report";
            System.arraycopy(args, 0, full, 1, args.length);
            full[args.length + 1] = "--config";
            full[args.length + 2] = config;
            Run r = run(full);
            assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err()).doesNotContain("Exception");
        }
        assertThat(run("report", "--by", "manager").err())
                .contains("--by 'manager' is not one of source|state|recruiter|week");
        assertThat(run("report", "--help").out()).contains("--by", "--from", "--to", "--zone", "--csv");
    }
}
