package io.recruitflow.bootstrap.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import com.google.inject.Stage;
import com.google.inject.spi.Message;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Creates Recruitflow's injectors: production stage, explicit bindings only, no circular proxies, each with
 * its {@link Lifecycle}. Creating the injector starts what its modules bind (the database, the job workers,
 * the HTTP server, whatever has a {@code @PostConstruct}); {@code injector.getInstance(Lifecycle.class).stop()}
 * stops it in reverse order.
 */
public final class Injectors {
    private Injectors() {}

    /**
     * The injector of {@code modules}, everything in it started. If something fails to start, what had started
     * is stopped and the cause is thrown as it was (e.g. the database's own exception), not wrapped by Guice.
     */
    public static Injector create(Module... modules) {
        Lifecycle lifecycle = new Lifecycle();
        List<Module> all = new ArrayList<>(List.of(modules));
        all.add(lifecycle.module());
        all.add(options());
        try {
            return Guice.createInjector(Stage.PRODUCTION, all);
        } catch (RuntimeException e) {
            lifecycle.stop();
            throw unwrap(e);
        }
    }

    /**
     * A child injector for a part started later (the job workers, the HTTP server): it sees the parent's
     * bindings and joins its lifecycle, so it is stopped before whatever was started before it. If it fails
     * to start, what it had started is stopped.
     */
    public static Injector child(Injector parent, Module... modules) {
        Lifecycle lifecycle = parent.getInstance(Lifecycle.class);
        int before = lifecycle.size();
        List<Module> all = new ArrayList<>(List.of(modules));
        all.add(options());
        try {
            return parent.createChildInjector(all);
        } catch (RuntimeException e) {
            lifecycle.stopDownTo(before);
            throw unwrap(e);
        }
    }

    private static Module options() {
        return new AbstractModule() {
            @Override
            protected void configure() {
                binder().requireExplicitBindings();
                binder().disableCircularProxies();
                binder().requireAtInjectOnConstructors();
            }
        };
    }

    /** Guice's wrapper of one failure our code threw (a provider, a start) gives way to that failure. */
    static RuntimeException unwrap(RuntimeException e) {
        Collection<Message> messages = e instanceof CreationException c
                ? c.getErrorMessages()
                : e instanceof ProvisionException p ? p.getErrorMessages() : List.of();
        if (messages.size() == 1 && messages.iterator().next().getCause() instanceof RuntimeException cause) {
            return cause instanceof CreationException || cause instanceof ProvisionException ? unwrap(cause) : cause;
        }
        return e;
    }
}
