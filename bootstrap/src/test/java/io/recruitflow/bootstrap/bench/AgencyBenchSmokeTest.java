package io.recruitflow.bootstrap.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agency benchmark's harness in every build, small and without timing assertions: two locations of one
 * agency, 5 leads each, on two instances sharing one PostgreSQL (the scale-out shape; the benchmark's N runs use
 * the same code on one instance with an embedded database). The counts it relies on must add up, and the report
 * files must be written.
 */
class AgencyBenchSmokeTest {
    @TempDir
    Path out;

    @Test
    void theHarnessCountsTwoLocationsAndTwoInstancesAndWritesItsReport() throws Exception {
        AgencyBench.Result two = AgencyBench.run(
                new AgencyBench.Options(2, 5, "100/10s", 2, 2, true, false, false, Duration.ofSeconds(60)));

        for (AgencyBench.Result r : List.of(two)) {
            AgencyScaleBenchmarkTest.print(0, r);
            assertThat(r.contacts()).isEqualTo(10);
            assertThat(r.texts()).isEqualTo(10);
            assertThat(r.enrollments()).isEqualTo(10);
            assertThat(r.recruitsStored()).isEqualTo(10);
            assertThat(r.duplicateContacts() + r.duplicateMessages()).isZero();
            assertThat(r.failedSteps()).isZero();
            assertThat(r.perLocation())
                    .hasSize(2)
                    .allSatisfy(l -> assertThat(l.total())
                            .as("4 calls a lead, and up to 3 set-up lookups per location and instance")
                            .isBetween(20L, 20L + 2 * 3));
            assertThat(r.calls())
                    .as("and one location token minted per location, with the agency's token")
                    .isBetween(40L, 40L + 2 * 2 * 3 + 2);
            assertThat(r.commits()).isPositive();
            assertThat(r.walSyncs()).isPositive();
            assertThat(r.statementsPerLead())
                    .as("every instance's store statements are counted: a lead's intake takes dozens")
                    .isGreaterThan(10);
            assertThat(r.cpu().jvmNanos()).isPositive();
            assertThat(r.cpu().postgresNanos()).isPositive();
            assertThat(r.tables()).anySatisfy(t -> assertThat(t.table()).isEqualTo("recruits"));
        }

        new AgencyReport(List.of(List.of(two)), List.of(), List.of(), Map.of("two instances", List.of(two)), List.of())
                .write(out, "agency-scale");
        assertThat(Files.readString(out.resolve("agency-scale.svg")))
                .startsWith("<svg")
                .contains("polyline");
        assertThat(Files.readString(out.resolve("agency-scale.md"))).contains("| 2 | 1 | 10 | 2 |");
        assertThat(Files.readString(out.resolve("agency-scale.json"))).contains("\"scaleOut\"");
    }
}
