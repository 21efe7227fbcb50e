package io.recruitflow.bootstrap.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Injector;
import io.recruitflow.adapter.persistence.PersistenceModule;
import io.recruitflow.adapter.webhook.ReportCsv;
import io.recruitflow.application.recruitingreport.RecruitingReportService;
import io.recruitflow.application.recruitingreport.RecruitingReportUseCase;
import io.recruitflow.application.recruitingreport.Report;
import io.recruitflow.application.recruitingreport.ReportGrouping;
import io.recruitflow.application.recruitingreport.ReportQuery;
import io.recruitflow.bootstrap.config.RecruitflowConfig;
import io.recruitflow.bootstrap.wiring.ClockModule;
import io.recruitflow.bootstrap.wiring.Injectors;
import io.recruitflow.bootstrap.wiring.Lifecycle;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.LocationId;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code recruitflow report}: the recruiting manager's report from the database, as tables (or CSV with {@code
 * --csv}). No GHL call.
 */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = "Prints the recruiting report from Recruitflow's database: per lead source, license state, "
                + "recruiter or cohort week, the recruits accepted, contacted, booked, showed and contracted with their "
                + "ratios, speed-to-lead texted at once and after quiet hours (p50/p95 each), and time in stage. "
                + "Makes no GHL call.")
final class ReportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--by",
            paramLabel = "GROUP",
            description = "source, state, recruiter or week (the ISO week of acceptance). Default: source.")
    String by = "source";

    @Option(names = "--from", paramLabel = "DATE", description = "First day of acceptance counted (2026-11-01).")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last day of acceptance counted, inclusive.")
    String to;

    @Option(
            names = "--zone",
            paramLabel = "ZONE",
            description = "IANA time zone of the days and weeks (America/New_York). Default: UTC.")
    String zone;

    @Option(names = "--location", paramLabel = "ID", description = "Only this location. Default: all.")
    String location;

    @Option(
            names = "--csv",
            description = "Writes CSV (a header row, one row per group; formula cells neutralised) instead of tables.")
    boolean csv;

    @CommandLine.Mixin
    ConfigOptions options = new ConfigOptions();

    @Override
    public Integer call() {
        ReportQuery query = query();
        Injector injector = Injectors.create(
                new ClockModule(Clock.system()),
                new PersistenceModule(RecruitflowConfig.database(options.load())),
                new AbstractModule() {
                    @Override
                    protected void configure() {
                        bind(RecruitingReportUseCase.class).to(RecruitingReportService.class);
                        bind(RecruitingReportService.class);
                    }
                });
        try {
            Report report = injector.getInstance(RecruitingReportUseCase.class).report(query);
            if (csv) {
                PrintWriter w = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
                ReportCsv.write(report, w);
                w.flush();
            } else {
                new ReportPrinter(System.out).print(report);
            }
        } finally {
            injector.getInstance(Lifecycle.class).stop();
        }
        return 0;
    }

    private ReportQuery query() {
        ReportGrouping grouping = ReportGrouping.parse(by)
                .orElseThrow(() -> bad("--by '" + by + "' is not one of " + ReportGrouping.choices()));
        try {
            return new ReportQuery(
                    grouping,
                    date("--from", from),
                    date("--to", to),
                    Optional.ofNullable(zone).map(ReportCommand::zoneOf).orElse(ReportQuery.DEFAULT_ZONE),
                    Optional.ofNullable(location).map(LocationId::new));
        } catch (DateTimeException e) {
            throw bad("--zone '" + zone + "' is not an IANA time zone (America/New_York)");
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
    }

    private static ZoneId zoneOf(String raw) {
        return ZoneId.of(raw);
    }

    private Optional<LocalDate> date(String option, String raw) {
        try {
            return Optional.ofNullable(raw).map(LocalDate::parse);
        } catch (DateTimeParseException e) {
            throw bad(option + " '" + raw + "' is not an ISO-8601 date (2026-11-30)");
        }
    }

    private CommandLine.ParameterException bad(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
