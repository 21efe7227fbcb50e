package io.recruitflow.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.application.importleads.ImportLeadsCommand;
import io.recruitflow.application.importleads.ImportLeadsUseCase;
import io.recruitflow.application.importleads.ImportReport;
import io.recruitflow.application.intakerecruit.IntakeRecruitUseCase;
import io.recruitflow.bootstrap.config.RecruitflowConfig;
import io.recruitflow.bootstrap.config.Setting;
import io.recruitflow.bootstrap.config.Settings;
import io.recruitflow.bootstrap.runtime.RecruitflowRuntime;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.recruit.Recruits;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.UserId;
import io.recruitflow.sandbox.GhlSandbox;
import io.recruitflow.sandbox.SandboxConfig;
import io.recruitflow.sandbox.SandboxStats;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17's acceptance for routing, on the real adapters (embedded PostgreSQL, the GHL REST client) against the
 * sandbox: the demo's lead file imported once without routing (location {@code loc_abc123}) and once with
 * round-robin over three users (location {@code loc_def456}, same seed): the 31 recruits are shared 11/10/10 on the
 * opportunities and the contacts GHL holds and in {@code recruits.assigned_user}, and the GHL calls are the same
 * per lead — the one call more is the location's {@code GET /users/}, made once per location.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class RoundRobinRoutingE2eTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String PLAIN = "loc_abc123";
    private static final String ROUTED = "loc_def456";
    private static final List<String> USERS = List.of("user_ana456", "user_ben789", "user_cara012");

    @TempDir
    static Path dir;

    private static GhlSandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = GhlSandbox.start(SandboxConfig.defaults().withPort(0).withRateLimit("100/1s"));
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void roundRobinOverThreeUsersShares31Recruits11_10_10AtNoExtraCallPerLead() throws Exception {
        List<Recruit> plain = importDemoFile(PLAIN, Map.of());
        SandboxStats.LocationStats without = sandbox.stats().location(PLAIN);

        List<Recruit> routed = importDemoFile(
                ROUTED,
                Map.of(
                        Setting.ROUTING_STRATEGY, "round-robin",
                        Setting.ROUTING_USERS, String.join(",", USERS),
                        Setting.TIER_RULES, "A:state=FL",
                        Setting.TIER_DEFAULT, "B"));
        SandboxStats.LocationStats with = sandbox.stats().location(ROUTED);

        assertThat(plain).hasSize(E2e.EXAMPLE_ACCEPTED);
        assertThat(routed).hasSize(E2e.EXAMPLE_ACCEPTED);
        assertThat(plain).allSatisfy(r -> assertThat(r.assignedUser()).isEmpty());
        Map<String, Long> byRecruiter = routed.stream()
                .collect(Collectors.groupingBy(
                        r -> r.assignedUser().map(UserId::value).orElse(""), TreeMap::new, Collectors.counting()));
        assertThat(byRecruiter.keySet()).containsExactlyInAnyOrderElementsOf(USERS);
        assertThat(byRecruiter.values()).containsExactlyInAnyOrder(11L, 10L, 10L);
        assertThat(with.opportunitiesByAssignee())
                .as("what GHL holds on the opportunities")
                .isEqualTo(byRecruiter);
        assertThat(with.contactsByAssignee()).as("and as the contacts' owners").isEqualTo(byRecruiter);
        assertThat(without.opportunitiesByAssignee()).isEqualTo(Map.of("", (long) E2e.EXAMPLE_ACCEPTED));

        long extra = with.requests() - without.requests();
        System.out.printf(
                "routing: %d GHL calls without routing, %d with (%d recruits): %.2f and %.2f per lead; by recruiter %s%n",
                without.requests(),
                with.requests(),
                routed.size(),
                (double) without.requests() / plain.size(),
                (double) (with.requests() - 1) / routed.size(),
                byRecruiter);
        assertThat(extra)
                .as("the location's GET /users/, once; nothing per lead")
                .isEqualTo(1);
        assertThat(with.rateLimited()).isZero();
        assertThat(with.duplicateContacts()).isZero();
        assertThat(with.opportunities()).isEqualTo(without.opportunities());
        assertThat(with.messagesByType()).isEqualTo(without.messagesByType());

        // Read back through the sandbox's admin API, as docs/sandbox.md says.
        HttpResponse<String> listing = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create(sandbox.baseUrl() + "/_sandbox/opportunities?location=" + ROUTED))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(listing.statusCode()).isEqualTo(200);
        for (String user : USERS) {
            long listed = java.util.regex.Pattern.compile("\"assignedTo\"\\s*:\\s*\"" + user + "\"")
                    .matcher(listing.body())
                    .results()
                    .count();
            assertThat(listed).as("opportunities listed for %s", user).isEqualTo(byRecruiter.get(user));
        }
        assertThat(routed)
                .filteredOn(r -> r.license().state().code().equals("FL"))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.tags()).contains("Tier-A"));
        assertThat(routed)
                .filteredOn(r -> !r.license().state().code().equals("FL"))
                .allSatisfy(r -> assertThat(r.tags()).contains("Tier-B"));
    }

    /** A fresh instance working in {@code location} imports the demo's file and waits for every intake. */
    private static List<Recruit> importDemoFile(String location, Map<Setting, String> extra) throws Exception {
        Map<Setting, String> all = new LinkedHashMap<>(E2e.settings(sandbox, dir.resolve("data-" + location)));
        all.put(Setting.GHL_TOKEN, sandbox.credentials().location(location).privateIntegrationToken());
        all.put(Setting.GHL_LOCATION_ID, location);
        all.putAll(extra);
        Settings settings = Settings.load(Optional.empty(), Map.of());
        for (var e : all.entrySet()) {
            settings = settings.with(e.getKey(), e.getValue());
        }
        try (RecruitflowRuntime runtime = RecruitflowRuntime.open(RecruitflowConfig.from(settings), Clock.system())) {
            runtime.startJobs();
            ImportReport report;
            try (InputStream in = Files.newInputStream(E2e.EXAMPLE_LEADS)) {
                report = runtime.injector()
                        .getInstance(ImportLeadsUseCase.class)
                        .importLeads(new ImportLeadsCommand(new LocationId(location), in));
            }
            List<RecruitId> ids =
                    report.accepted().stream().map(r -> r.recruit()).toList();
            IntakeRecruitUseCase intake = runtime.injector().getInstance(IntakeRecruitUseCase.class);
            E2e.await(
                    WAIT,
                    Duration.ofMillis(100),
                    () -> ids.stream().allMatch(intake::isComplete),
                    () -> "intakes open: "
                            + ids.stream().filter(id -> !intake.isComplete(id)).count());
            Recruits recruits = runtime.injector().getInstance(Recruits.class);
            return ids.stream().map(id -> recruits.find(id).orElseThrow()).toList();
        }
    }
}
