package io.recruitflow.bootstrap.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Stage;
import java.util.ArrayList;
import java.util.List;

/** Creates Recruitflow's injectors: production stage, explicit bindings only, no circular proxies. */
public final class Injectors {
    private Injectors() {}

    public static Injector create(Module... modules) {
        List<Module> all = new ArrayList<>(List.of(modules));
        all.add(new AbstractModule() {
            @Override
            protected void configure() {
                binder().requireExplicitBindings();
                binder().disableCircularProxies();
                binder().requireAtInjectOnConstructors();
            }
        });
        return Guice.createInjector(Stage.PRODUCTION, all);
    }
}
