package io.recruitflow.bootstrap.bench;

import io.recruitflow.application.importleads.ImportLeadsCommand;
import io.recruitflow.application.importleads.ImportLeadsUseCase;
import io.recruitflow.application.importleads.ImportReport;
import io.recruitflow.bootstrap.config.RecruitflowConfig;
import io.recruitflow.bootstrap.config.Setting;
import io.recruitflow.bootstrap.config.Settings;
import io.recruitflow.bootstrap.runtime.RecruitflowRuntime;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.LocationId;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One measured import of a large lead file, in a JVM of its own (started by {@link BigImportBenchmarkTest} with
 * {@code -Xmx256m}): a fresh runtime on the embedded PostgreSQL in {@code dataDir}, job workers not started (so
 * no GHL call is made: acceptance only), the file imported through {@link ImportLeadsUseCase}. Prints one line
 * {@code RESULT k=v ...} with the rows, the seconds, PostgreSQL's commits and WAL syncs during the import, and
 * the peak used heap (sampled every 10 ms, and the heap pools' own peaks).
 *
 * <p>Arguments: {@code FILE DATA_DIR}.
 */
public final class BigImportRun {
    static final String LOCATION = "loc_abc123";

    private BigImportRun() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Path dir = Path.of(args[1]);
        Settings settings = Settings.load(Optional.empty(), Map.of())
                .with(Setting.GHL_BASE_URL, "http://127.0.0.1:9")
                .with(Setting.GHL_TOKEN, "pit-bench-no-calls")
                .with(Setting.GHL_LOCATION_ID, LOCATION)
                .with(Setting.COMPLIANCE_QUIET_HOURS, "off")
                .with(Setting.DATA_DIR, dir.toString());
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(
                () -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                        try {
                            Thread.sleep(10);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "heap-sampler");
        sampler.setDaemon(true);
        try (RecruitflowRuntime runtime = RecruitflowRuntime.open(RecruitflowConfig.from(settings), Clock.system())) {
            ImportLeadsUseCase importLeads = runtime.injector().getInstance(ImportLeadsUseCase.class);
            PgCommits pg = new PgCommits(dir);
            System.gc();
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                pool.resetPeakUsage();
            }
            sampler.start();
            PgCommits.Counts before = pg.counts();
            long start = System.nanoTime();
            ImportReport report;
            try (InputStream in = Files.newInputStream(file)) {
                report = importLeads.importLeads(new ImportLeadsCommand(new LocationId(LOCATION), in));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            sampler.interrupt();
            long poolPeaks = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP)
                    .mapToLong(p -> p.getPeakUsage().getUsed())
                    .sum();
            PgCommits.Counts db = pg.counts().minus(before);
            System.out.printf(
                    "RESULT rows=%d accepted=%d known=%d rejected=%d seconds=%.3f commits=%d walSyncs=%d"
                            + " peakHeapSampled=%d peakHeapPools=%d maxHeap=%d%n",
                    report.rows(),
                    report.acceptedCount(),
                    report.knownCount(),
                    report.rejectedCount(),
                    seconds,
                    db.commits(),
                    db.walSyncs(),
                    peak.get(),
                    poolPeaks,
                    memory.getHeapMemoryUsage().getMax());
        }
        System.exit(0);
    }
}
