package io.recruitflow.bootstrap.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.application.importleads.ImportLeadsCommand;
import io.recruitflow.application.importleads.ImportLeadsUseCase;
import io.recruitflow.application.importleads.ImportReport;
import io.recruitflow.application.intakerecruit.IntakeRecruitUseCase;
import io.recruitflow.bootstrap.config.RecruitflowConfig;
import io.recruitflow.bootstrap.config.Setting;
import io.recruitflow.bootstrap.config.Settings;
import io.recruitflow.bootstrap.runtime.RecruitflowRuntime;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.sandbox.GhlSandbox;
import io.recruitflow.sandbox.SandboxConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The real service as {@code serve} starts it — embedded PostgreSQL, the GHL REST client against the in-process
 * sandbox, the durable job queue and the HTTP server — on a clock that starts on a Thursday at 10:00 in New York,
 * with a lead file imported and every intake complete.
 */
final class ServiceWithLeads implements AutoCloseable {
    static final String LOCATION = "loc_abc123"; // seeded by the sandbox
    static final Instant START = Instant.parse("2026-03-05T15:00:00Z"); // a Thursday, 10:00 in New York

    private final long t0 = System.nanoTime();
    final Clock clock = () -> START.plusNanos(System.nanoTime() - t0);
    private final Path dir;
    private final GhlSandbox sandbox;
    final RecruitflowRuntime runtime;
    final int port;

    private ServiceWithLeads(String token) throws IOException {
        dir = Files.createTempDirectory("recruitflow-service-e2e");
        sandbox = GhlSandbox.start(SandboxConfig.defaults().withPort(0));
        Settings settings = Settings.load(Optional.empty(), Map.of())
                .with(Setting.GHL_BASE_URL, sandbox.baseUrl())
                .with(
                        Setting.GHL_TOKEN,
                        sandbox.credentials().location(LOCATION).privateIntegrationToken())
                .with(Setting.GHL_LOCATION_ID, LOCATION)
                .with(Setting.DATA_DIR, dir.resolve("data").toString())
                .with(Setting.HTTP_PORT, "0")
                .with(Setting.ADMIN_TOKEN, token);
        runtime = RecruitflowRuntime.open(RecruitflowConfig.from(settings), clock);
        port = runtime.startHttp();
        runtime.startJobs();
    }

    /** Starts the service, imports {@code csv} into {@link #LOCATION} and waits (60 s at most) for every intake. */
    static ServiceWithLeads start(String adminToken, String csv, int accepted) throws Exception {
        ServiceWithLeads service = new ServiceWithLeads(adminToken);
        ImportReport report = service.runtime
                .injector()
                .getInstance(ImportLeadsUseCase.class)
                .importLeads(new ImportLeadsCommand(
                        new LocationId(LOCATION), new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))));
        assertThat(report.accepted()).hasSize(accepted);
        IntakeRecruitUseCase intake = service.runtime.injector().getInstance(IntakeRecruitUseCase.class);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!report.accepted().stream().allMatch(r -> intake.isComplete(r.recruit()))) {
            assertThat(System.nanoTime()).as("intakes complete within 60 s").isLessThan(deadline);
            Thread.sleep(100);
        }
        return service;
    }

    @Override
    public void close() throws IOException {
        runtime.close();
        sandbox.close();
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
