package io.recruitflow.bootstrap.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.OptionalBinder;
import io.recruitflow.application.routing.RoutingSettings;
import java.util.Objects;

/**
 * Sets the {@link RoutingSettings} (who new recruits are assigned to, and their tiers) over
 * {@link ApplicationModule}'s default, which routes nobody.
 */
public final class RoutingModule extends AbstractModule {
    private final RoutingSettings settings;

    public RoutingModule(RoutingSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    protected void configure() {
        OptionalBinder.newOptionalBinder(binder(), RoutingSettings.class)
                .setBinding()
                .toInstance(settings);
    }
}
