package io.recruitflow.bootstrap.cli;

import io.recruitflow.adapter.persistence.Database;
import io.recruitflow.adapter.persistence.PostgresMessageLog;
import io.recruitflow.adapter.persistence.PostgresOpportunityMirror;
import io.recruitflow.adapter.persistence.PostgresRecruits;
import io.recruitflow.application.recruitingfunnel.FunnelQuery;
import io.recruitflow.application.recruitingfunnel.RecruitingFunnelService;
import io.recruitflow.application.setup.RecruitingSettings;
import io.recruitflow.bootstrap.config.RecruitflowConfig;
import io.recruitflow.bootstrap.config.Settings;
import io.recruitflow.domain.shared.LocationId;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code recruitflow funnel}: the funnel from the database, as a table and a bar chart. No GHL call. */
@Command(
        name = "funnel",
        mixinStandardHelpOptions = true,
        description = "Prints the recruiting funnel (recruits per stage, conversions, speed-to-lead) from "
                + "Recruitflow's database, as a table and a terminal bar chart. Makes no GHL call.")
final class FunnelCommand implements Callable<Integer> {
    @Option(names = "--location", paramLabel = "ID", description = "Only this location. Default: all.")
    String location;

    @CommandLine.Mixin
    ConfigOptions options = new ConfigOptions();

    @Override
    public Integer call() {
        Settings settings = options.load();
        // The stage names are the configured ones (RECRUITFLOW_PIPELINE_STAGES), as in every other command.
        RecruitingSettings recruiting = RecruitflowConfig.recruiting(settings);
        try (Database database = Database.start(RecruitflowConfig.database(settings))) {
            RecruitingFunnelService funnel = new RecruitingFunnelService(
                    new PostgresRecruits(database.jdbi()),
                    new PostgresOpportunityMirror(database.jdbi()),
                    new PostgresMessageLog(database.jdbi()),
                    recruiting);
            new FunnelPrinter(System.out)
                    .print(funnel.funnel(
                            new FunnelQuery(Optional.ofNullable(location).map(LocationId::new))));
        }
        return 0;
    }
}
