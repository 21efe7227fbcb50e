package io.recruitflow.sandbox;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** The parts every route uses: state, tokens, limits, faults, webhooks, counters and the clock. */
final class Engine {
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    final SandboxConfig config;
    final SandboxClock clock;
    final Store store;
    final Tokens tokens;
    final RateLimiter rateLimiter;
    final Faults faults = new Faults();
    /** Texts reported as not delivered; configuration like the subscriptions: a reset keeps it. */
    final DeliveryFailures deliveryFailures = new DeliveryFailures();

    final WebhookSigner signer;
    final WebhookDispatcher webhooks;
    final LongAdder requests = new LongAdder();
    final LongAdder rateLimited = new LongAdder();
    final LongAdder inboundMessages = new LongAdder();
    /** Requests and 429s per seeded location (the location's own tokens). */
    private final Map<String, LocationCounters> locationCounters = new java.util.HashMap<>();

    final Map<String, String> privateIntegrationTokens;
    final String oauthClientId;
    final String oauthClientSecret;
    /** The marketplace app's id: 24 hex digits, as GHL's; its client id is {@code <appId>-<suffix>}, as GHL's. */
    final String appId;

    private final java.util.List<Runnable> onReset = new java.util.concurrent.CopyOnWriteArrayList<>();

    Engine(SandboxConfig config) {
        this.config = config;
        this.clock = new SandboxClock(config.clock());
        this.store = new Store(config.locationCount(), config.workflowTriggerTags());
        this.tokens = new Tokens(clock, config.accessTokenLifetime());
        this.rateLimiter =
                new RateLimiter(config.burstLimit(), config.burstWindow().toMillis(), config.dailyLimit());
        this.signer = config.ed25519PrivateKeyPem() != null
                ? WebhookSigner.fromPem(config.ed25519PrivateKeyPem(), config.rsaPrivateKeyPem())
                : WebhookSigner.generated();
        this.webhooks = new WebhookDispatcher(
                signer, clock, config.webhookMaxRetries(), config.webhookRetryInterval(), config.webhookRetryJitter());
        config.webhookUrls().forEach(webhooks::subscribe);
        Map<String, String> pits = new java.util.LinkedHashMap<>();
        for (Store.Location location : store.locations) {
            locationCounters.put(location.id(), new LocationCounters());
            pits.put(location.id(), tokens.issuePrivateIntegrationToken(Store.COMPANY_ID, location.id()));
        }
        this.privateIntegrationTokens = java.util.Collections.unmodifiableMap(pits);
        this.appId = GhlIds.hex(24);
        this.oauthClientId = appId + "-" + GhlIds.secret("", 8).toLowerCase(java.util.Locale.ROOT);
        this.oauthClientSecret = GhlIds.secret("", 36);
    }

    /** GHL's timestamp format: ISO-8601 UTC with milliseconds. */
    String now() {
        return ISO_MILLIS.format(clock.instant());
    }

    static String iso(Instant instant) {
        return ISO_MILLIS.format(instant);
    }

    void emit(Map<String, Object> event) {
        webhooks.emit(event);
    }

    /** Requests and 429s of one location's tokens. */
    static final class LocationCounters {
        final LongAdder requests = new LongAdder();
        final LongAdder rateLimited = new LongAdder();
        /** Location tokens minted for the location ({@code POST /oauth/locationToken}, with the agency's token). */
        final LongAdder locationTokens = new LongAdder();
        /** Sandbox-clock millis of the location's first and last request; MAX_VALUE and -1 before the first. */
        final java.util.concurrent.atomic.AtomicLong firstRequestMillis =
                new java.util.concurrent.atomic.AtomicLong(Long.MAX_VALUE);

        final java.util.concurrent.atomic.AtomicLong lastRequestMillis = new java.util.concurrent.atomic.AtomicLong(-1);

        /** Counts a request of the location's tokens made at {@code millis}. */
        void request(long millis) {
            requests.increment();
            firstRequestMillis.accumulateAndGet(millis, Math::min);
            lastRequestMillis.accumulateAndGet(millis, Math::max);
        }

        void reset() {
            requests.reset();
            rateLimited.reset();
            locationTokens.reset();
            firstRequestMillis.set(Long.MAX_VALUE);
            lastRequestMillis.set(-1);
        }
    }

    /** The counters of a seeded location; null for an unknown id or an agency (company) token. */
    LocationCounters countersOf(String locationId) {
        return locationId == null ? null : locationCounters.get(locationId);
    }

    /** Mutable per-location tallies while {@link #stats()} walks the state. */
    private static final class Tally {
        long contacts;
        long opportunities;
        long sms;
        long email;
        long enrollments;
        long duplicateContacts;
        long duplicateMessages;
        final Map<String, Long> opportunitiesByAssignee = new java.util.TreeMap<>();
        final Map<String, Long> contactsByAssignee = new java.util.TreeMap<>();
    }

    /** A contact's or opportunity's {@code assignedTo}, {@code ""} for none. */
    private static String assignee(Doc doc) {
        String user = doc.str("assignedTo");
        return user == null ? "" : user;
    }

    /** The request and webhook counters alone, with no walk of the state. */
    SandboxCounters counters() {
        Map<String, SandboxCounters.LocationCounters> byLocation = new java.util.TreeMap<>();
        locationCounters.forEach((id, c) -> byLocation.put(
                id,
                new SandboxCounters.LocationCounters(
                        c.requests.sum(),
                        c.rateLimited.sum(),
                        instant(c.firstRequestMillis.get()),
                        instant(c.lastRequestMillis.get()))));
        return new SandboxCounters(
                requests.sum(),
                rateLimited.sum(),
                webhooks.delivered(),
                webhooks.failed(),
                java.util.Collections.unmodifiableMap(byLocation));
    }

    private static java.util.Optional<Instant> instant(long millis) {
        return millis < 0 || millis == Long.MAX_VALUE
                ? java.util.Optional.empty()
                : java.util.Optional.of(Instant.ofEpochMilli(millis));
    }

    /** Counts over the current state plus the request and webhook counters, in total and per location. */
    SandboxStats stats() {
        Map<String, Tally> tallies = new java.util.HashMap<>();
        for (Store.Location location : store.locations) {
            tallies.put(location.id(), new Tally());
        }
        java.util.function.Function<String, Tally> tally = id -> tallies.computeIfAbsent(id, k -> new Tally());
        Map<String, Long> byType = new java.util.TreeMap<>(Map.of("SMS", 0L, "Email", 0L));
        Map<String, Long> bodiesPerContact = new java.util.HashMap<>();
        long duplicateMessages = 0;
        for (java.util.List<Doc> conversation : store.messages.values()) {
            java.util.List<Doc> copy;
            synchronized (conversation) {
                copy = new java.util.ArrayList<>(conversation);
            }
            for (Doc message : copy) {
                if (!"outbound".equals(message.str("direction"))) {
                    continue;
                }
                Tally t = tally.apply(message.locationId());
                boolean email = "TYPE_EMAIL".equals(message.str("messageType"));
                byType.merge(email ? "Email" : "SMS", 1L, Long::sum);
                if (email) {
                    t.email++;
                } else {
                    t.sms++;
                }
                String key = message.str("contactId") + '\u0000' + message.str("body");
                if (bodiesPerContact.merge(key, 1L, Long::sum) > 1) {
                    duplicateMessages++;
                    t.duplicateMessages++;
                }
            }
        }
        for (Doc contact : store.contacts.values()) {
            Tally t = tally.apply(contact.locationId());
            t.contacts++;
            t.contactsByAssignee.merge(assignee(contact), 1L, Long::sum);
        }
        for (Doc opportunity : store.opportunities.values()) {
            Tally t = tally.apply(opportunity.locationId());
            t.opportunities++;
            t.opportunitiesByAssignee.merge(assignee(opportunity), 1L, Long::sum);
        }
        for (String enrollment : store.enrollments) {
            Doc contact = store.contacts.get(enrollment.substring(0, enrollment.indexOf('/')));
            if (contact != null) {
                tally.apply(contact.locationId()).enrollments++;
            }
        }
        long duplicateContacts = duplicateContacts(tally);
        long appointments = store.appointments.values().stream()
                .filter(a -> !"cancelled".equals(a.str("appointmentStatus")))
                .count();
        Map<String, SandboxStats.LocationStats> byLocation = new java.util.TreeMap<>();
        tallies.forEach((id, t) -> {
            LocationCounters counters = locationCounters.get(id);
            byLocation.put(
                    id,
                    new SandboxStats.LocationStats(
                            counters == null ? 0 : counters.requests.sum(),
                            counters == null ? 0 : counters.rateLimited.sum(),
                            t.contacts,
                            t.opportunities,
                            Map.of("Email", t.email, "SMS", t.sms),
                            t.enrollments,
                            t.duplicateContacts,
                            t.duplicateMessages,
                            counters == null ? 0 : counters.locationTokens.sum(),
                            java.util.Collections.unmodifiableMap(t.opportunitiesByAssignee),
                            java.util.Collections.unmodifiableMap(t.contactsByAssignee)));
        });
        return new SandboxStats(
                store.contacts.size(),
                store.opportunities.size(),
                store.conversations.size(),
                java.util.Collections.unmodifiableMap(byType),
                inboundMessages.sum(),
                store.enrollments.size(),
                appointments,
                duplicateContacts,
                duplicateMessages,
                requests.sum(),
                rateLimited.sum(),
                webhooks.delivered(),
                webhooks.failed(),
                java.util.Collections.unmodifiableMap(byLocation));
    }

    /**
     * Contacts minus distinct people, where contacts of one location sharing an email or phone are one person;
     * each redundant contact is also counted in its location's tally.
     */
    private long duplicateContacts(java.util.function.Function<String, Tally> tally) {
        Map<String, String> parent = new java.util.HashMap<>();
        Map<String, String> firstWithValue = new java.util.HashMap<>();
        Map<String, Doc> snapshot = new java.util.HashMap<>(store.contacts);
        for (Doc contact : snapshot.values()) {
            parent.put(contact.id(), contact.id());
        }
        for (Doc contact : snapshot.values()) {
            for (String field : new String[] {"emailLowerCase", "phone"}) {
                String value = contact.str(field);
                if (value != null) {
                    String first = firstWithValue.putIfAbsent(
                            contact.locationId() + '\u0000' + field + '\u0000' + value, contact.id());
                    if (first != null) {
                        parent.put(root(parent, contact.id()), root(parent, first));
                    }
                }
            }
        }
        long redundant = 0;
        for (Doc contact : snapshot.values()) {
            if (!root(parent, contact.id()).equals(contact.id())) {
                redundant++;
                tally.apply(contact.locationId()).duplicateContacts++;
            }
        }
        return redundant;
    }

    /** Union-find: the representative of a contact's group. */
    private static String root(Map<String, String> parent, String id) {
        String root = id;
        while (!parent.get(root).equals(root)) {
            root = parent.get(root);
        }
        parent.put(id, root);
        return root;
    }

    /** State back to the seed, counters to zero, faults cleared; tokens and webhook subscriptions stay. */
    void reset() {
        store.reset();
        rateLimiter.reset();
        faults.clear();
        requests.reset();
        rateLimited.reset();
        inboundMessages.reset();
        locationCounters.values().forEach(LocationCounters::reset);
        webhooks.resetCounters();
        onReset.forEach(Runnable::run);
    }

    /** What else goes back to the seed on {@link #reset()} (the scheduled simulations). */
    void onReset(Runnable action) {
        onReset.add(action);
    }
}
