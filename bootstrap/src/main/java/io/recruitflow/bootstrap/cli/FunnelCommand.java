package io.recruitflow.bootstrap.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Injector;
import io.recruitflow.adapter.persistence.PersistenceModule;
import io.recruitflow.application.recruitingfunnel.FunnelQuery;
import io.recruitflow.application.recruitingfunnel.RecruitingFunnelService;
import io.recruitflow.application.recruitingfunnel.RecruitingFunnelUseCase;
import io.recruitflow.application.setup.RecruitingSettings;
import io.recruitflow.bootstrap.config.RecruitflowConfig;
import io.recruitflow.bootstrap.config.Settings;
import io.recruitflow.bootstrap.wiring.ClockModule;
import io.recruitflow.bootstrap.wiring.Injectors;
import io.recruitflow.bootstrap.wiring.Lifecycle;
import io.recruitflow.domain.shared.Clock;
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
        // The database alone: no GHL configuration needed, no job runs. The stage names are the configured
        // ones (RECRUITFLOW_PIPELINE_STAGES), as in every other command.
        Injector injector = Injectors.create(
                new ClockModule(Clock.system()),
                new PersistenceModule(RecruitflowConfig.database(settings)),
                new FunnelModule(RecruitflowConfig.recruiting(settings)));
        try {
            new FunnelPrinter(System.out)
                    .print(injector.getInstance(RecruitingFunnelUseCase.class)
                            .funnel(new FunnelQuery(
                                    Optional.ofNullable(location).map(LocationId::new))));
        } finally {
            injector.getInstance(Lifecycle.class).stop();
        }
        return 0;
    }

    /** The funnel use case alone, on the stores of whichever module binds them. */
    private static final class FunnelModule extends AbstractModule {
        private final RecruitingSettings settings;

        FunnelModule(RecruitingSettings settings) {
            this.settings = settings;
        }

        @Override
        protected void configure() {
            bind(RecruitingSettings.class).toInstance(settings);
            bind(RecruitingFunnelUseCase.class).to(RecruitingFunnelService.class);
            bind(RecruitingFunnelService.class);
        }
    }
}
