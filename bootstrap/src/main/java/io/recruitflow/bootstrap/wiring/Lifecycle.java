package io.recruitflow.bootstrap.wiring;

import com.google.inject.Binding;
import com.google.inject.Module;
import com.google.inject.Scopes;
import com.google.inject.matcher.Matchers;
import com.google.inject.spi.ProvisionListener;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one lifecycle of a Recruitflow process: whatever needs starting — the database, the job workers, the
 * HTTP server — starts when the injector creates it, and {@link #stop()} stops all of it (the GHL client's
 * connection pool too) in reverse order. The shape is airlift's {@code LifeCycleManager}.
 *
 * <p><b>How a class takes part.</b> It marks its start method {@link PostConstruct} and its stop method
 * {@link PreDestroy} (JSR-250, {@code jakarta.annotation-api}; no arguments). That is all an adapter needs to
 * know: it depends on a standard annotation, not on bootstrap and not on a Recruitflow lifecycle type that
 * every adapter would have to see (and no adapter may depend on another), and an embedder who wires by hand
 * calls the same two methods itself. The alternative, an explicit {@code Service} that each provider
 * registers, needs that shared type, and a provider that forgets to register leaks a thread pool silently.
 *
 * <p><b>Order.</b> A managed object starts right after Guice has provisioned it and before anything receives
 * it (what JSR-250 asks of {@code @PostConstruct}). Guice provisions an object's dependencies first, so an
 * object starts after everything it depends on and stops before it: the database before the stores and the
 * job queue on it, the job workers after the queue and the handler they run. The order is the dependency
 * graph's, computed by the injector; nobody writes it down. Unlike airlift, which starts its instances once
 * the injector is complete, starting at provision lets a provider use what it is given (a {@code Jdbi} over
 * a started pool). In {@code Stage.PRODUCTION} every singleton is created, hence started, while the injector
 * is built, so a failure to start is a failure to create the injector ({@link Injectors} then stops what had
 * started and rethrows the cause).
 *
 * <p><b>Later subsystems.</b> A child injector inherits the listener: a part started later (the job workers,
 * the HTTP server, see {@link Injectors#child}) joins this lifecycle and is stopped before whatever was
 * started before it.
 *
 * <p><b>Rules.</b> A managed object must be a singleton (one provisioned twice would start twice): anything
 * else fails the injector. Objects bound with {@code toInstance} are never provisioned, so Guice does not
 * report them: bind what starts through a {@code @Provides} method or a constructor binding. {@link #stop()}
 * calls every {@code @PreDestroy} even when one throws (logged), and a stopped lifecycle starts nothing more.
 */
public final class Lifecycle implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Lifecycle.class);

    private static final ClassValue<Methods> METHODS = new ClassValue<>() {
        @Override
        protected Methods computeValue(Class<?> type) {
            return Methods.of(type);
        }
    };

    private final Deque<Object> started = new ArrayDeque<>();
    private final Set<Object> managed = Collections.newSetFromMap(new IdentityHashMap<>());
    private boolean stopped;

    /** Binds this lifecycle and lets it see every object the injector (and its children) provision. */
    Module module() {
        return binder -> {
            binder.bind(Lifecycle.class).toInstance(this);
            binder.bindListener(Matchers.any(), new ProvisionListener() {
                @Override
                public <T> void onProvision(ProvisionInvocation<T> provision) {
                    T instance = provision.provision();
                    if (instance != null) {
                        manage(instance, provision.getBinding());
                    }
                }
            });
        };
    }

    private void manage(Object instance, Binding<?> binding) {
        Methods methods = METHODS.get(instance.getClass());
        if (methods.isEmpty()) {
            return;
        }
        synchronized (this) {
            if (managed.contains(instance)) {
                return; // the same object under a second key: started once
            }
            if (!Scopes.isSingleton(binding)) {
                throw new IllegalStateException(instance.getClass().getName()
                        + " has @PostConstruct/@PreDestroy methods, so it must be bound as a singleton ("
                        + binding.getSource() + ")");
            }
            if (stopped) {
                throw new IllegalStateException("the lifecycle is stopped; not starting "
                        + instance.getClass().getName());
            }
            managed.add(instance);
        }
        for (Method start : methods.start()) {
            invoke(start, instance);
        }
        synchronized (this) {
            started.push(instance);
        }
        LOG.debug("started {}", instance.getClass().getName());
    }

    /** How many managed objects have started and not stopped. */
    synchronized int size() {
        return started.size();
    }

    /** Stops every managed object, the last started first. Idempotent. */
    public void stop() {
        stopDownTo(0);
        synchronized (this) {
            stopped = true;
        }
    }

    /** Stops the objects started after the first {@code size}, the last started first. */
    void stopDownTo(int size) {
        while (true) {
            Object instance;
            synchronized (this) {
                if (started.size() <= size) {
                    return;
                }
                instance = started.pop();
            }
            for (Method stop : METHODS.get(instance.getClass()).stop()) {
                try {
                    invoke(stop, instance);
                } catch (RuntimeException e) {
                    LOG.warn("while stopping {}: {}", instance.getClass().getSimpleName(), e.toString());
                }
            }
            LOG.debug("stopped {}", instance.getClass().getName());
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static void invoke(Method method, Object instance) {
        try {
            method.invoke(instance);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(
                    instance.getClass().getSimpleName() + "." + method.getName() + " failed: " + cause, cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + method, e);
        }
    }

    /** A class's {@code @PostConstruct} methods (superclass first) and {@code @PreDestroy} methods (subclass first). */
    private record Methods(List<Method> start, List<Method> stop) {
        static Methods of(Class<?> type) {
            List<Method> start = new ArrayList<>();
            List<Method> stop = new ArrayList<>();
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Method m : c.getDeclaredMethods()) {
                    boolean starts = m.isAnnotationPresent(PostConstruct.class);
                    boolean stops = m.isAnnotationPresent(PreDestroy.class);
                    if (!starts && !stops) {
                        continue;
                    }
                    if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers())) {
                        throw new IllegalStateException(
                                "@PostConstruct and @PreDestroy need an instance method without parameters: " + m);
                    }
                    m.setAccessible(true);
                    if (starts) {
                        start.add(0, m);
                    }
                    if (stops) {
                        stop.add(m);
                    }
                }
            }
            return new Methods(List.copyOf(start), List.copyOf(stop));
        }

        boolean isEmpty() {
            return start.isEmpty() && stop.isEmpty();
        }
    }
}
