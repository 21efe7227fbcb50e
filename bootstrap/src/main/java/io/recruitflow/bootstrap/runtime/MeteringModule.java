package io.recruitflow.bootstrap.runtime;

import com.google.inject.AbstractModule;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.Provider;
import com.google.inject.multibindings.Multibinder;
import io.recruitflow.adapter.webhook.RecruitflowMetrics;
import io.recruitflow.application.applyghlevent.GhlEventListener;
import io.recruitflow.bootstrap.wiring.Decorations;
import io.recruitflow.domain.recruit.IntakeJournal;
import jakarta.inject.Singleton;
import java.util.Objects;
import java.util.Set;

/**
 * Metrics as a concern of its own. Installs the GHL module and the stores' module with their ports decorated,
 * so that neither adapter knows it is metered: every call of a domain port the GHL module binds is counted by
 * route and status ({@code recruitflow_ghl_calls_total}), every intake step by the state it reaches
 * ({@code recruitflow_intake_steps_total}), every delivery report GHL sends for a text by outcome
 * ({@code recruitflow_text_deliveries_total}). Needs {@link RecruitflowMetrics}.
 */
public final class MeteringModule extends AbstractModule {
    private final Module ghl;
    private final Module stores;

    /**
     * @param ghl    binds the GHL ports; each domain port it binds is metered
     * @param stores binds the {@link IntakeJournal}, whose steps are counted
     */
    public MeteringModule(Module ghl, Module stores) {
        this.ghl = Objects.requireNonNull(ghl, "ghl");
        this.stores = Objects.requireNonNull(stores, "stores");
    }

    @Override
    protected void configure() {
        Set<Key<?>> ports = Decorations.keys(ghl, MeteringModule::isCorePort);
        install(Decorations.moveAside(ghl, ports));
        ports.forEach(this::meterCalls);

        Key<IntakeJournal> journal = Key.get(IntakeJournal.class);
        install(Decorations.moveAside(stores, Set.of(journal)));
        Provider<IntakeJournal> steps = getProvider(Decorations.undecorated(journal));
        Provider<RecruitflowMetrics> metrics = getProvider(RecruitflowMetrics.class);
        bind(journal)
                .toProvider((Provider<IntakeJournal>) () -> Metering.journal(steps.get(), metrics.get()))
                .in(Singleton.class);
        Multibinder.newSetBinder(binder(), GhlEventListener.class)
                .addBinding()
                .toProvider((Provider<GhlEventListener>) () -> Metering.deliveries(metrics.get()))
                .in(Singleton.class);
    }

    private <T> void meterCalls(Key<T> port) {
        @SuppressWarnings("unchecked")
        Class<T> type = (Class<T>) port.getTypeLiteral().getRawType();
        Provider<T> calls = getProvider(Decorations.undecorated(port));
        Provider<RecruitflowMetrics> metrics = getProvider(RecruitflowMetrics.class);
        bind(port)
                .toProvider((Provider<T>) () -> Metering.ghlPort(type, calls.get(), metrics.get()))
                .in(Singleton.class);
    }

    /** A port of the core (an interface of the domain or the application), bound without a qualifier. */
    static boolean isCorePort(Key<?> key) {
        Class<?> type = key.getTypeLiteral().getRawType();
        return key.getAnnotationType() == null
                && type.isInterface()
                && (type.getPackageName().startsWith("io.recruitflow.domain.")
                        || type.getPackageName().startsWith("io.recruitflow.application."));
    }
}
