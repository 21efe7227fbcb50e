package io.recruitflow.bootstrap.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Provides;
import io.recruitflow.adapter.inmemory.InMemoryIntakeJournal;
import io.recruitflow.adapter.webhook.MetricsModule;
import io.recruitflow.adapter.webhook.RecruitflowMetrics;
import io.recruitflow.bootstrap.wiring.Decorations;
import io.recruitflow.bootstrap.wiring.Injectors;
import io.recruitflow.domain.recruit.IntakeJournal;
import io.recruitflow.domain.recruit.IntakeStep;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.recruit.StepRecord;
import io.recruitflow.domain.shared.Clock;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Metering decorates what the adapters' modules bind, and the modules know nothing of it. */
class MeteringModuleTest {
    final InMemoryIntakeJournal journal = new InMemoryIntakeJournal(id -> java.util.Optional.empty());

    /** Stands in for the GHL module: any port of the core it binds is metered (here the clock, the simplest). */
    static final class SomeGhlModule extends AbstractModule {
        @Provides
        @Singleton
        Clock clock() {
            return Clock.system();
        }
    }

    /** Stands in for the stores' module. */
    final class SomeStoresModule extends AbstractModule {
        @Provides
        @Singleton
        IntakeJournal journal() {
            return journal;
        }
    }

    @Test
    void everyCallOfTheGhlModulesPortsAndEveryIntakeStepIsCounted() {
        Injector injector =
                Injectors.create(new MetricsModule(), new MeteringModule(new SomeGhlModule(), new SomeStoresModule()));

        injector.getInstance(Clock.class).now();
        injector.getInstance(Clock.class).now();
        Instant at = Instant.parse("2026-02-12T15:00:00Z");
        RecruitId recruit = RecruitId.random();
        injector.getInstance(IntakeJournal.class)
                .save(StepRecord.pending(recruit, IntakeStep.values()[0], at)
                        .started(at)
                        .done(Optional.empty(), at));

        String scrape = injector.getInstance(RecruitflowMetrics.class).scrape();
        assertThat(scrape)
                .contains("recruitflow_ghl_calls_total{route=\"Clock.now\",status=\"200\"} 2.0")
                .containsPattern("recruitflow_intake_steps_total\\{outcome=\"done\",step=\"[a-z_]+\"} 1.0");
        assertThat(journal.steps(recruit))
                .as("saved in the adapter's own store")
                .hasSize(1);
    }

    @Test
    void theAdaptersOwnBindingsStayReachableUndecorated() {
        Injector injector =
                Injectors.create(new MetricsModule(), new MeteringModule(new SomeGhlModule(), new SomeStoresModule()));

        assertThat(injector.getInstance(Decorations.undecorated(Key.get(IntakeJournal.class))))
                .isSameAs(journal);
        assertThat(injector.getInstance(IntakeJournal.class)).isNotSameAs(journal);
    }
}
