package io.recruitflow.extension.noshow.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import io.recruitflow.application.applyghlevent.GhlEventListener;
import io.recruitflow.extension.noshow.NoShowFollowUpService;
import io.recruitflow.extension.noshow.NoShowFollowUpSettings;
import io.recruitflow.extension.noshow.NoShowFollowUpUseCase;
import io.recruitflow.extension.noshow.NoShowListener;
import java.util.Objects;

/**
 * Adds the no-show follow-up to an injector built from Recruitflow's modules: binds the use case and adds
 * its {@link NoShowListener} to the set of {@link GhlEventListener}s the core calls after each GHL event.
 * Needs what the application module and the adapters bind (the stores it reads, {@code ContactTags});
 * binds every class it adds explicitly, as Recruitflow's injector requires.
 */
public final class NoShowFollowUpModule extends AbstractModule {
    private final NoShowFollowUpSettings settings;

    /** With the tag {@value NoShowFollowUpSettings#DEFAULT_TAG}. */
    public NoShowFollowUpModule() {
        this(NoShowFollowUpSettings.defaults());
    }

    public NoShowFollowUpModule(NoShowFollowUpSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    protected void configure() {
        bind(NoShowFollowUpSettings.class).toInstance(settings);
        bind(NoShowFollowUpUseCase.class).to(NoShowFollowUpService.class);
        bind(NoShowFollowUpService.class);
        bind(NoShowListener.class);
        Multibinder.newSetBinder(binder(), GhlEventListener.class).addBinding().to(NoShowListener.class);
    }
}
