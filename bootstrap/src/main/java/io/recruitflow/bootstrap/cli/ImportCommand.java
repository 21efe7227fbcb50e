package io.recruitflow.bootstrap.cli;

import com.google.inject.Injector;
import io.recruitflow.adapter.leadfile.LeadFileModule;
import io.recruitflow.application.importleads.ColumnMapping;
import io.recruitflow.application.importleads.ImportLeadsCommand;
import io.recruitflow.application.importleads.ImportLeadsUseCase;
import io.recruitflow.application.importleads.ImportListener;
import io.recruitflow.application.importleads.ImportPreview;
import io.recruitflow.application.importleads.ImportReport;
import io.recruitflow.application.importleads.LeadFileReader;
import io.recruitflow.application.importleads.PreviewImportService;
import io.recruitflow.application.intakerecruit.IntakePreview;
import io.recruitflow.application.intakerecruit.IntakeProgress;
import io.recruitflow.application.intakerecruit.IntakeRecruitUseCase;
import io.recruitflow.application.setup.RecruitingSettings;
import io.recruitflow.bootstrap.config.RecruitflowConfig;
import io.recruitflow.bootstrap.config.Setting;
import io.recruitflow.bootstrap.config.Settings;
import io.recruitflow.bootstrap.runtime.RecruitflowRuntime;
import io.recruitflow.bootstrap.wiring.Injectors;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.recruit.StepState;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.PhoneNumbers;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code recruitflow import FILE.csv}: accept a lead file durably and, with {@code --wait}, work it off; with
 * {@code --dry-run}, only show what the import would do.
 */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = "Imports a lead file (CSV, in UTF-8, UTF-16 with a byte-order mark or Windows-1252, as Excel "
                + "saves it). Every valid lead is accepted durably before anything else; rejected rows are listed "
                + "with their row number and reason. With --wait, works until every accepted lead's intake is "
                + "complete. Running it again after a crash resumes: known leads cost no GHL call. With --dry-run, "
                + "shows the encoding, the columns, the first leads as they will be sent and every rejected row, "
                + "and stores nothing and calls no GHL API.")
final class ImportCommand implements Callable<Integer> {
    private static final Duration TICK = Duration.ofMillis(500);
    private static final int BAR = 30;

    @Parameters(index = "0", paramLabel = "FILE.csv", description = "The lead file.")
    Path file;

    @Option(
            names = "--location",
            paramLabel = "ID",
            description = "The GHL location to import into. Default: RECRUITFLOW_GHL_LOCATION_ID.")
    String location;

    @Option(names = "--wait", description = "Work until every accepted lead is complete, with a progress bar.")
    boolean waitForCompletion;

    @Option(
            names = "--map",
            paramLabel = "FIELD=COLUMN",
            description = "The file's column of a field whose header is not recognised, e.g. "
                    + "--map 'First Name=Agent First Name'. Repeatable; overrides RECRUITFLOW_LEAD_COLUMN_MAP per "
                    + "field. Fields: First Name, Last Name, Name, Email, Phone, License State, License Number, "
                    + "License Types, NPN, License Expiration, Source.")
    List<String> map = new ArrayList<>();

    @Option(
            names = "--dry-run",
            description = "Show how the file is read and what would be sent, without storing anything or calling GHL.")
    boolean dryRun;

    @Option(
            names = "--sample",
            paramLabel = "N",
            defaultValue = "5",
            description = "With --dry-run: how many leads to show as they will be sent. Default: ${DEFAULT-VALUE}")
    int sample;

    @CommandLine.Mixin
    ConfigOptions options = new ConfigOptions();

    @Override
    public Integer call() throws Exception {
        ColumnMapping mapping;
        try {
            mapping = ColumnMapping.parse(map);
        } catch (IllegalArgumentException e) {
            System.err.println("recruitflow import: --map: " + e.getMessage());
            return 2;
        }
        if (sample < 0) {
            System.err.println("recruitflow import: --sample must not be negative");
            return 2;
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            System.err.println("recruitflow import: cannot read " + file);
            return 2;
        }
        Settings settings = options.load();
        long maxBytes = RecruitflowConfig.importMaxBytes(settings);
        if (Files.size(file) > maxBytes) {
            System.err.println(
                    "recruitflow import: " + file + " is " + Files.size(file) + " bytes, more than the " + maxBytes
                            + " an import takes (" + Setting.IMPORT_MAX_BYTES.env() + "); split it or raise the limit");
            return 2;
        }
        if (dryRun) {
            return dryRun(settings, mapping);
        }
        RecruitflowConfig config = RecruitflowConfig.from(settings);
        LocationId target = location != null
                ? new LocationId(location)
                : config.defaultLocation()
                        .orElseThrow(() -> new Settings.ConfigException(
                                "no location: pass --location ID or set RECRUITFLOW_GHL_LOCATION_ID"));
        PrintStream out = System.out;
        try (RecruitflowRuntime runtime = RecruitflowRuntime.open(config, Clock.system())) {
            Runtime.getRuntime().addShutdownHook(new Thread(runtime::close, "recruitflow-shutdown"));
            if (waitForCompletion) {
                runtime.startJobs();
            }
            ImportReport report;
            AcceptanceProgress progress = new AcceptanceProgress(waitForCompletion);
            try (InputStream in = Files.newInputStream(file)) {
                report = runtime.injector()
                        .getInstance(ImportLeadsUseCase.class)
                        .importLeads(new ImportLeadsCommand(target, in, mapping, progress));
            } catch (LeadFileReader.BadLeadFileException | IOException e) {
                System.err.println("recruitflow import: " + file + ": " + e.getMessage());
                return 2;
            } catch (ImportLeadsUseCase.LocationNotReachable e) {
                System.err.println("recruitflow import: location " + target.value() + ": " + e.getMessage()
                        + " (with a private integration token set RECRUITFLOW_GHL_LOCATION_ID to its location; with"
                        + " an agency install set RECRUITFLOW_GHL_COMPANY_ID)");
                return 2;
            }
            out.printf(
                    "%s: %d rows → %d new leads accepted, %d already known, %d rejected%n",
                    file.getFileName(),
                    report.rows(),
                    report.acceptedCount(),
                    report.knownCount(),
                    report.rejectedCount());
            report.layout().ifPresent(layout -> out.println("  " + LeadFilePrinter.summary(layout)));
            if (!waitForCompletion) {
                printRejected(out, report);
                out.println(
                        "Accepted durably. The intakes run while `recruitflow serve` or `recruitflow import --wait` runs.");
                return 0;
            }
            Map<StepState, Long> steps = waitUntilComplete(
                    runtime, progress.recruits(), config.ghl().rateLimit().perSecond());
            out.printf(
                    "%nDone: %d steps done, %d deferred by quiet hours, %d skipped, %d failed%n",
                    steps.get(StepState.DONE),
                    steps.get(StepState.DEFERRED),
                    steps.get(StepState.SKIPPED),
                    steps.get(StepState.FAILED));
            printRejected(out, report);
            return steps.get(StepState.FAILED) > 0 ? 1 : 0;
        }
    }

    /** Reads the file through the lead rules and prints what the import would do; needs no database, no GHL. */
    private int dryRun(Settings settings, ColumnMapping mapping) {
        RecruitingSettings recruiting = RecruitflowConfig.recruiting(settings);
        Injector leadFiles = Injectors.create(new LeadFileModule(RecruitflowConfig.leadFile(settings)));
        PreviewImportService preview = new PreviewImportService(
                leadFiles.getInstance(LeadFileReader.class),
                new IntakePreview(leadFiles.getInstance(PhoneNumbers.class), recruiting, Clock.system()));
        LocationId target = new LocationId(Optional.ofNullable(location)
                .or(() -> settings.get(Setting.GHL_LOCATION_ID))
                .orElse("dry-run"));
        ImportPreview result;
        try (InputStream in = Files.newInputStream(file)) {
            result = preview.preview(new ImportLeadsCommand(target, in, mapping), sample);
        } catch (LeadFileReader.BadLeadFileException | IOException e) {
            System.err.println("recruitflow import: " + file + ": " + e.getMessage());
            return 2;
        }
        new LeadFilePrinter(System.out)
                .dryRun(file, result, recruiting.customFieldIds().values());
        return 0;
    }

    private static void printRejected(PrintStream out, ImportReport report) {
        if (!report.rejected().isEmpty()) {
            out.println("Rejected rows:");
            report.rejected().forEach(r -> out.printf("  row %d: %s%n", r.row(), r.reason()));
            if (report.rejectedCount() > report.rejected().size()) {
                out.printf(
                        "  … and %d more rejected rows (the first %d are listed)%n",
                        report.rejectedCount() - report.rejected().size(),
                        report.rejected().size());
            }
        }
    }

    /**
     * Prints how acceptance goes while the file is read (after each batch: on a console one line redrawn, else a
     * line every 5 s), and with {@code --wait} keeps every recruit of the file, to wait for them all.
     */
    private static final class AcceptanceProgress implements ImportListener {
        private final boolean keepRecruits;
        private final Set<RecruitId> recruits = new LinkedHashSet<>();
        private final boolean console = System.console() != null;
        private Instant lastLine = Instant.now();
        private boolean drawn;

        AcceptanceProgress(boolean keepRecruits) {
            this.keepRecruits = keepRecruits;
        }

        @Override
        public void accepted(ImportReport.Row row) {
            if (keepRecruits) {
                recruits.add(row.recruit());
            }
        }

        @Override
        public void known(ImportReport.Row row) {
            if (keepRecruits) {
                recruits.add(row.recruit());
            }
        }

        @Override
        public void progress(Progress p) {
            String line = String.format(
                    "accepting: %d rows read · %d new · %d known · %d rejected",
                    p.rows(), p.accepted(), p.known(), p.rejected());
            if (console) {
                System.err.print("\r" + line);
                drawn = true;
            } else if (Instant.now().isAfter(lastLine.plusSeconds(5))) {
                System.err.println(line);
                lastLine = Instant.now();
            }
        }

        List<RecruitId> recruits() {
            if (drawn) {
                System.err.println();
                drawn = false;
            }
            return new ArrayList<>(recruits);
        }
    }

    /** Polls the intake of the file's recruits until every one is complete; draws a progress bar. */
    private static Map<StepState, Long> waitUntilComplete(
            RecruitflowRuntime runtime, List<RecruitId> all, double callsPerSecond) throws InterruptedException {
        IntakeRecruitUseCase intake = runtime.injector().getInstance(IntakeRecruitUseCase.class);
        Set<RecruitId> open = new LinkedHashSet<>(all);
        Map<RecruitId, IntakeProgress> finished = new java.util.HashMap<>();
        boolean console = System.console() != null;
        Instant lastLine = Instant.EPOCH;
        while (true) {
            long stepsDone = 0;
            long stepsLeft = 0;
            for (RecruitId id : new ArrayList<>(open)) {
                IntakeProgress progress = intake.progress(id);
                if (progress.complete()) {
                    open.remove(id);
                    finished.put(id, progress);
                } else {
                    stepsLeft += progress.left();
                    stepsDone += progress.settled();
                }
            }
            stepsDone +=
                    finished.values().stream().mapToLong(p -> p.steps().size()).sum();
            Duration eta = Duration.ofSeconds((long) Math.ceil(stepsLeft / Math.max(0.1, callsPerSecond)));
            String line = String.format(
                    "[%s] %d/%d leads complete · %d steps done · ETA %s",
                    bar(all.size() - open.size(), all.size()),
                    all.size() - open.size(),
                    all.size(),
                    stepsDone,
                    format(eta));
            if (console) {
                System.err.print("\r" + line);
            } else if (open.isEmpty() || Instant.now().isAfter(lastLine.plusSeconds(5))) {
                System.err.println(line);
                lastLine = Instant.now();
            }
            if (open.isEmpty()) {
                if (console) {
                    System.err.println();
                }
                break;
            }
            Thread.sleep(TICK.toMillis());
        }
        Map<StepState, Long> counts = new EnumMap<>(StepState.class);
        for (StepState s : StepState.values()) {
            counts.put(s, 0L);
        }
        finished.values().forEach(p -> p.steps().forEach(s -> counts.merge(s.state(), 1L, Long::sum)));
        return counts;
    }

    private static String bar(int done, int total) {
        int filled = total == 0 ? BAR : (int) ((long) BAR * done / total);
        return "#".repeat(filled) + ".".repeat(BAR - filled);
    }

    private static String format(Duration d) {
        return d.toMinutes() > 0 ? d.toMinutes() + "m" + d.toSecondsPart() + "s" : d.toSeconds() + "s";
    }
}
