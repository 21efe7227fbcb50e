package io.recruitflow.application.outbound;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configured receivers of outbound events (settings {@code RECRUITFLOW_EVENTS_SUBSCRIPTIONS} and
 * {@code RECRUITFLOW_EVENTS_SECRETS}), and whether {@code http} to loopback is allowed (development).
 */
public final class Subscriptions {
    private final Map<String, Subscription> byName = new LinkedHashMap<>();
    private final boolean allowLoopbackHttp;

    public Subscriptions(Collection<Subscription> subscriptions, boolean allowLoopbackHttp) {
        this.allowLoopbackHttp = allowLoopbackHttp;
        for (Subscription s : subscriptions) {
            if (byName.putIfAbsent(s.name(), s) != null) {
                throw new IllegalArgumentException("two subscriptions are named " + s.name());
            }
            Subscription.check(s.url(), allowLoopbackHttp).ifPresent(problem -> {
                throw new IllegalArgumentException("subscription " + s.name() + ": " + problem);
            });
        }
    }

    /** No subscriber: events are not stored. */
    public static Subscriptions none() {
        return new Subscriptions(List.of(), false);
    }

    public List<Subscription> all() {
        return List.copyOf(byName.values());
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    public Optional<Subscription> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public boolean allowLoopbackHttp() {
        return allowLoopbackHttp;
    }

    public boolean isEmpty() {
        return byName.isEmpty();
    }
}
