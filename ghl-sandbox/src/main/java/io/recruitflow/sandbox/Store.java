package io.recruitflow.sandbox;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sandbox's state: the seed (the reference's own ids and names, the same in every location so a
 * client is configured once) and what clients created since. Thread-safe: objects live in concurrent
 * maps as immutable {@link Doc}s; changes that must be atomic within a location (duplicate detection,
 * slot booking) run under that location's lock.
 */
final class Store {
    static final String COMPANY_ID = "comp_abc";
    static final String PRIMARY_LOCATION = "loc_abc123";
    static final String SECOND_LOCATION = "loc_def456";
    static final String USER_ID = "user_gary123";
    static final String CALENDAR_ID = "cal_presentation";

    record Location(
            String id,
            String name,
            ZoneId zone,
            String email,
            String phone,
            String address,
            String city,
            String state,
            String postalCode,
            String website) {}

    record Stage(String id, String name, int position) {}

    record Pipeline(String id, String name, List<Stage> stages) {
        Stage stage(String stageId) {
            return stages.stream()
                    .filter(s -> s.id().equals(stageId))
                    .findFirst()
                    .orElse(null);
        }
    }

    record Workflow(String id, String name) {}

    /** A contact custom field; {@code options} are the picklist of an option field (GHL's picklistOptions). */
    record CustomField(String id, String key, String name, String dataType, List<String> options) {
        CustomField(String id, String key, String name, String dataType) {
            this(id, key, name, dataType, List.of());
        }

        /** Multi-select and checkbox fields take an array of options; every other field a string. */
        boolean takesArray() {
            return dataType.equals("MULTIPLE_OPTIONS") || dataType.equals("CHECKBOX");
        }
    }

    /** A presentation calendar: weekday slots between {@code open} and {@code close} in the location's zone. */
    record Calendar(String id, String name, int slotMinutes, LocalTime open, LocalTime close) {}

    record User(String id, String firstName, String lastName, String email, String phone, String role) {
        String name() {
            return firstName + " " + lastName;
        }
    }

    /** The two locations seeded by default. */
    static final List<Location> DEFAULT_LOCATIONS = List.of(
            new Location(
                    PRIMARY_LOCATION,
                    "OOC Unlimited",
                    ZoneId.of("America/New_York"),
                    "gary@oocunlimited.com",
                    "+14075550100",
                    "100 Main St",
                    "Orlando",
                    "FL",
                    "32801",
                    "https://oocunlimited.com"),
            new Location(
                    SECOND_LOCATION,
                    "OOC Unlimited West",
                    ZoneId.of("America/Los_Angeles"),
                    "west@oocunlimited.com",
                    "+12135550100",
                    "200 Ocean Ave",
                    "Los Angeles",
                    "CA",
                    "90001",
                    "https://oocunlimited.com/west"));
    /** The seeded locations, in order; the first is where an OAuth install without a location lands. */
    final List<Location> locations;

    private final Map<String, Location> locationsById = new HashMap<>();
    /** The workflows each tag triggers ("Contact Tag added"), the same in every location. */
    private final Map<String, List<String>> workflowsByTriggerTag = new ConcurrentHashMap<>();

    final List<Pipeline> pipelines = List.of(new Pipeline(
            "pipe_recruiting",
            "Agent Recruiting",
            List.of(
                    new Stage("stage_lead", "Lead", 0),
                    new Stage("stage_contacted", "Contacted", 1),
                    new Stage("stage_interested", "Interested", 2),
                    new Stage("stage_presentation", "Presentation Scheduled", 3),
                    new Stage("stage_contracted", "Contracted", 4))));
    final List<Workflow> workflows =
            List.of(new Workflow("wf_speed_to_lead", "Speed to Lead"), new Workflow("wf_onboarding", "Onboarding"));
    final List<CustomField> customFields = List.of(
            new CustomField("cf_license_state", "contact.license_state", "License State", "TEXT"),
            new CustomField("cf_license_number", "contact.license_number", "License Number", "TEXT"),
            new CustomField("cf_license_type", "contact.license_type", "License Type", "TEXT"),
            new CustomField("cf_contract_date", "contact.contract_date", "Contract Date", "DATE"),
            new CustomField(
                    "cf_lines_of_authority",
                    "contact.lines_of_authority",
                    "Lines of Authority",
                    "MULTIPLE_OPTIONS",
                    List.of("Life", "Health", "Property", "Casualty", "Variable Annuities")),
            new CustomField(
                    "cf_appointed_carriers",
                    "contact.appointed_carriers",
                    "Appointed Carriers",
                    "CHECKBOX",
                    List.of("Mutual of Omaha", "Americo", "Aetna")));
    final Calendar calendar = new Calendar(CALENDAR_ID, "Presentation", 30, LocalTime.of(9, 0), LocalTime.of(17, 0));
    /**
     * The seeded users, in every location: the reference's admin and three recruiters (fictional; {@code 555-01xx}
     * numbers), so that routing has several users to share recruits among.
     */
    final List<User> users = List.of(
            new User(USER_ID, "Gary", "Owens", "gary@oocunlimited.com", "+14075550101", "admin"),
            new User("user_ana456", "Ana", "Reyes", "ana@oocunlimited.com", "+14075550102", "user"),
            new User("user_ben789", "Ben", "Carter", "ben@oocunlimited.com", "+14075550103", "user"),
            new User("user_cara012", "Cara", "Lind", "cara@oocunlimited.com", "+14075550104", "user"));

    final ConcurrentHashMap<String, Doc> contacts = new ConcurrentHashMap<>();
    final ConcurrentHashMap<String, Doc> opportunities = new ConcurrentHashMap<>();
    final ConcurrentHashMap<String, Doc> conversations = new ConcurrentHashMap<>();
    final ConcurrentHashMap<String, String> conversationByContact = new ConcurrentHashMap<>();
    /** Messages of each conversation, oldest first; each list is guarded by itself. */
    final ConcurrentHashMap<String, List<Doc>> messages = new ConcurrentHashMap<>();

    final ConcurrentHashMap<String, Doc> appointments = new ConcurrentHashMap<>();
    final ConcurrentHashMap<String, Doc> notes = new ConcurrentHashMap<>();
    final ConcurrentHashMap<String, Doc> tasks = new ConcurrentHashMap<>();
    /** "contactId/workflowId" of every active enrollment. */
    final Set<String> enrollments = ConcurrentHashMap.newKeySet();

    private final Map<String, LocationIndex> indexes = new HashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    /** Duplicate detection of one location: the first contact with each email and each phone. */
    static final class LocationIndex {
        final Map<String, String> contactByEmail = new HashMap<>();
        final Map<String, String> contactByPhone = new HashMap<>();
        /**
         * Opportunity ids by their contact (an opportunity's contact never changes), so creating one checks the
         * contact's few for a duplicate instead of scanning every opportunity of every location.
         */
        final Map<String, Set<String>> opportunitiesByContact = new HashMap<>();
    }

    Store() {
        this(0, Map.of());
    }

    /**
     * @param locationCount 0 for the two default locations, else {@code loc_0001} ... {@code loc_N}
     * @param workflowTriggerTags tags of each workflow's "Contact Tag added" triggers, by workflow id
     */
    Store(int locationCount, Map<String, List<String>> workflowTriggerTags) {
        this.locations = locationCount == 0 ? DEFAULT_LOCATIONS : generatedLocations(locationCount);
        for (Location location : locations) {
            indexes.put(location.id(), new LocationIndex());
            locationsById.put(location.id(), location);
        }
        workflowTriggerTags.forEach((workflowId, tags) -> tags.forEach(tag -> addTrigger(workflowId, tag)));
    }

    /** {@code loc_0001} ... : the same shape as the default location, in the company {@link #COMPANY_ID}. */
    static List<Location> generatedLocations(int count) {
        List<Location> generated = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            String n = String.format(java.util.Locale.ROOT, "%04d", i);
            generated.add(new Location(
                    locationId(i),
                    "Sandbox Agency " + n,
                    ZoneId.of("America/New_York"),
                    "loc" + n + "@sandbox.example",
                    "+1407555" + String.format(java.util.Locale.ROOT, "%04d", i % 10_000),
                    i + " Main St",
                    "Orlando",
                    "FL",
                    "32801",
                    "https://sandbox.example/loc" + n));
        }
        return List.copyOf(generated);
    }

    /** The id of the i-th generated location (from 1): {@code loc_0001}. */
    static String locationId(int i) {
        return String.format(java.util.Locale.ROOT, "loc_%04d", i);
    }

    /** Adds the trigger "Contact Tag added" {@code tag} to the workflow (in every location). */
    void addTrigger(String workflowId, String tag) {
        if (workflow(workflowId) == null) {
            throw new IllegalArgumentException("no such workflow: " + workflowId);
        }
        workflowsByTriggerTag.compute(tag.toLowerCase(java.util.Locale.ROOT), (t, ids) -> {
            List<String> next = new ArrayList<>(ids == null ? List.of() : ids);
            if (!next.contains(workflowId)) {
                next.add(workflowId);
            }
            return List.copyOf(next);
        });
    }

    /** The workflows that the tag triggers when a contact gains it (tags compare ignoring case, as in GHL). */
    List<String> workflowsTriggeredBy(String tag) {
        return workflowsByTriggerTag.isEmpty()
                ? List.of()
                : workflowsByTriggerTag.getOrDefault(tag.toLowerCase(java.util.Locale.ROOT), List.of());
    }

    /** The trigger tags of each workflow that has any, by workflow id. */
    Map<String, List<String>> triggerTagsByWorkflow() {
        Map<String, List<String>> byWorkflow = new java.util.TreeMap<>();
        workflowsByTriggerTag.forEach((tag, ids) -> ids.forEach(
                id -> byWorkflow.computeIfAbsent(id, k -> new ArrayList<>()).add(tag)));
        byWorkflow.values().forEach(Collections::sort);
        return byWorkflow;
    }

    long nextSeq() {
        return sequence.incrementAndGet();
    }

    Location location(String id) {
        return id == null ? null : locationsById.get(id);
    }

    Pipeline pipeline(String id) {
        return pipelines.stream().filter(p -> p.id().equals(id)).findFirst().orElse(null);
    }

    Workflow workflow(String id) {
        return workflows.stream().filter(w -> w.id().equals(id)).findFirst().orElse(null);
    }

    User user(String id) {
        return users.stream().filter(u -> u.id().equals(id)).findFirst().orElse(null);
    }

    /** The custom field named by id or by key ({@code contact.license_state}). */
    CustomField customField(String idOrKey) {
        for (CustomField field : customFields) {
            if (field.id().equals(idOrKey) || field.key().equals(idOrKey)) {
                return field;
            }
        }
        return null;
    }

    /** The location's lock and duplicate index; hold the lock (synchronized on the index) to use it. */
    LocationIndex index(String locationId) {
        return indexes.get(locationId);
    }

    List<Doc> messagesOf(String conversationId) {
        return messages.computeIfAbsent(conversationId, id -> Collections.synchronizedList(new ArrayList<>()));
    }

    /** Objects of one location in creation order. */
    static List<Doc> inLocation(Map<String, Doc> docs, String locationId) {
        List<Doc> result = new ArrayList<>();
        for (Doc doc : docs.values()) {
            if (doc.locationId().equals(locationId)) {
                result.add(doc);
            }
        }
        result.sort((a, b) -> Long.compare(a.seq(), b.seq()));
        return result;
    }

    /** Back to the seed: every created object is gone. */
    void reset() {
        for (LocationIndex index : indexes.values()) {
            synchronized (index) {
                index.contactByEmail.clear();
                index.contactByPhone.clear();
                index.opportunitiesByContact.clear();
            }
        }
        contacts.clear();
        opportunities.clear();
        conversations.clear();
        conversationByContact.clear();
        messages.clear();
        appointments.clear();
        notes.clear();
        tasks.clear();
        enrollments.clear();
    }

    static Map<String, Object> copy(Map<String, Object> map) {
        return new LinkedHashMap<>(map);
    }
}
