package io.recruitflow.adapter.persistence;

import static io.recruitflow.adapter.persistence.Rows.array;
import static io.recruitflow.adapter.persistence.Rows.instant;
import static io.recruitflow.adapter.persistence.Rows.optionalInstant;
import static io.recruitflow.adapter.persistence.Rows.optionalString;
import static io.recruitflow.adapter.persistence.Rows.strings;
import static io.recruitflow.adapter.persistence.Rows.ts;

import io.recruitflow.domain.recruit.Consent;
import io.recruitflow.domain.recruit.License;
import io.recruitflow.domain.recruit.LicenseType;
import io.recruitflow.domain.recruit.Npn;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.recruit.Recruits;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.EmailAddress;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.Page;
import io.recruitflow.domain.shared.PersonName;
import io.recruitflow.domain.shared.PhoneNumber;
import io.recruitflow.domain.shared.UsState;
import io.recruitflow.domain.shared.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * {@link Recruits} on PostgreSQL. The one-recruit-per-phone, per-email and per-NPN rule is three partial unique
 * indexes;
 * {@link #add} inserts with {@code ON CONFLICT DO NOTHING}, so two concurrent imports of one lead store it
 * once. Updates are compare-and-set on {@code version}. Custom fields are a {@code jsonb} object built and
 * read by PostgreSQL's own JSON functions.
 */
final class PostgresRecruits implements Recruits {
    private static final String COLUMNS = """
            r.id, r.seq, r.location_id, r.first_name, r.last_name, r.email, r.phone, r.license_state,
            r.license_number, r.license_types, r.source, r.tags, r.dnd, r.dnd_changed_at, r.opted_out_at, r.time_zone,
            r.address_state, r.contact_id,
            r.accepted_at, r.intro_sent_at, r.version,
            r.npn, r.license_expires, r.assigned_user,
            ARRAY(SELECT key FROM jsonb_each_text(r.custom_fields) ORDER BY key) AS cf_keys,
            ARRAY(SELECT value FROM jsonb_each_text(r.custom_fields) ORDER BY key) AS cf_values
            """;

    private final Jdbi jdbi;

    PostgresRecruits(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    private static final String INSERT = """
            INSERT INTO recruits (id, location_id, first_name, last_name, email, phone, license_state,
                license_number, license_types, source, tags, custom_fields, dnd, dnd_changed_at, opted_out_at,
                time_zone, address_state, contact_id, accepted_at, intro_sent_at, version, npn, license_expires,
                assigned_user)
            VALUES (:id, :location, :first, :last, :email, :phone, :licenseState, :licenseNumber,
                CAST(:licenseTypes AS text[]), :source, CAST(:tags AS text[]),
                jsonb_object(CAST(:cfKeys AS text[]), CAST(:cfValues AS text[])), :dnd, :dndChangedAt,
                :optedOutAt, :timeZone, :addressState, :contact, :acceptedAt, :introSentAt, :version, :npn, :licenseExpires,
                :assignedUser)
            ON CONFLICT DO NOTHING
            """;

    @Override
    public AddOutcome add(Recruit recruit) {
        return jdbi.inTransaction(h -> {
            Recruit stored = recruit.withVersion(1);
            int inserted = bindAll(h.createUpdate(INSERT), stored).execute();
            return inserted == 1 ? new AddOutcome.Added(stored) : known(h, recruit);
        });
    }

    private static final com.squareup.moshi.JsonAdapter<List<String>> STRINGS = new com.squareup.moshi.Moshi.Builder()
            .build()
            .adapter(com.squareup.moshi.Types.newParameterizedType(List.class, String.class));
    private static final com.squareup.moshi.JsonAdapter<Map<String, String>> FIELDS =
            new com.squareup.moshi.Moshi.Builder()
                    .build()
                    .adapter(com.squareup.moshi.Types.newParameterizedType(Map.class, String.class, String.class));

    /**
     * {@link #add} for many new recruits on the caller's handle (its transaction), in one statement: the rows come
     * from arrays in the batch's order, and {@code ON CONFLICT DO NOTHING} skips a row that conflicts with a stored
     * recruit or with one inserted before it by the same statement, so the answer per recruit is exactly
     * {@link #add}'s (the first of two rows with one NPN, phone or email is stored, the second is known as it).
     * Arrays of arrays (tags, license types, custom fields) travel as JSON text, one value per row.
     */
    static List<AddOutcome> addAll(Handle h, List<Recruit> recruits) {
        if (recruits.isEmpty()) {
            return List.of();
        }
        int n = recruits.size();
        java.util.UUID[] ids = new java.util.UUID[n];
        String[][] text = new String[17][n];
        Boolean[] dnd = new Boolean[n];
        for (int i = 0; i < n; i++) {
            Recruit r = recruits.get(i);
            ids[i] = r.id().value();
            text[0][i] = r.location().value();
            text[1][i] = r.name().first();
            text[2][i] = r.name().last();
            text[3][i] = r.email().map(EmailAddress::value).orElse(null);
            text[4][i] = r.phone().map(PhoneNumber::e164).orElse(null);
            text[5][i] = r.license().state().code();
            text[6][i] = r.license().number().orElse(null);
            text[7][i] = STRINGS.toJson(
                    r.license().types().stream().map(LicenseType::name).sorted().toList());
            text[8][i] = r.source();
            text[9][i] = STRINGS.toJson(r.tags().stream().sorted().toList());
            text[10][i] = FIELDS.toJson(new TreeMap<>(r.customFields()));
            text[11][i] = r.consent().dndChangedAt().map(Instant::toString).orElse(null);
            text[12][i] = r.consent().optedOutAt().map(Instant::toString).orElse(null);
            text[13][i] = r.timeZone().map(ZoneId::getId).orElse(null);
            text[14][i] = r.addressState().map(UsState::name).orElse(null);
            text[15][i] = r.acceptedAt().toString();
            text[16][i] = r.license().npn().map(Npn::value).orElse(null);
            dnd[i] = r.consent().dnd();
        }
        String[] contact = recruits.stream()
                .map(r -> r.contactId().map(ContactId::value).orElse(null))
                .toArray(String[]::new);
        String[] introSent = recruits.stream()
                .map(r -> r.introSentAt().map(Instant::toString).orElse(null))
                .toArray(String[]::new);
        String[] expires = recruits.stream()
                .map(r -> r.license().expires().map(LocalDate::toString).orElse(null))
                .toArray(String[]::new);
        java.util.Set<java.util.UUID> inserted = new java.util.HashSet<>(h.createQuery("""
                        INSERT INTO recruits (id, location_id, first_name, last_name, email, phone, license_state,
                            license_number, license_types, source, tags, custom_fields, dnd, dnd_changed_at, opted_out_at,
                            time_zone, address_state, contact_id, accepted_at, intro_sent_at, version, npn, license_expires,
                            assigned_user)
                        SELECT r.id, r.location_id, r.first_name, r.last_name, r.email, r.phone, r.license_state,
                            r.license_number, ARRAY(SELECT jsonb_array_elements_text(CAST(r.license_types AS jsonb))),
                            r.source, ARRAY(SELECT jsonb_array_elements_text(CAST(r.tags AS jsonb))),
                            CAST(r.custom_fields AS jsonb), r.dnd, CAST(r.dnd_changed_at AS timestamptz),
                            CAST(r.opted_out_at AS timestamptz), r.time_zone, r.address_state, r.contact_id,
                            CAST(r.accepted_at AS timestamptz), CAST(r.intro_sent_at AS timestamptz), 1, r.npn,
                            CAST(r.license_expires AS date), r.assigned_user
                          FROM unnest(CAST(:ids AS uuid[]), CAST(:locations AS text[]), CAST(:firsts AS text[]),
                                CAST(:lasts AS text[]), CAST(:emails AS text[]), CAST(:phones AS text[]),
                                CAST(:states AS text[]), CAST(:numbers AS text[]), CAST(:types AS text[]),
                                CAST(:sources AS text[]), CAST(:tags AS text[]), CAST(:fields AS text[]),
                                CAST(:dnds AS boolean[]), CAST(:dndChanged AS text[]), CAST(:optedOut AS text[]),
                                CAST(:zones AS text[]), CAST(:addressStates AS text[]), CAST(:contacts AS text[]),
                                CAST(:accepted AS text[]), CAST(:introSent AS text[]), CAST(:npns AS text[]),
                                CAST(:expires AS text[]), CAST(:assigned AS text[]))
                               WITH ORDINALITY AS r(id, location_id, first_name, last_name, email, phone, license_state,
                                license_number, license_types, source, tags, custom_fields, dnd, dnd_changed_at,
                                opted_out_at, time_zone, address_state, contact_id, accepted_at, intro_sent_at, npn,
                                license_expires, assigned_user, ord)
                         ORDER BY r.ord
                        ON CONFLICT DO NOTHING
                        RETURNING id
                        """)
                .bind("ids", ids)
                .bind("locations", text[0])
                .bind("firsts", text[1])
                .bind("lasts", text[2])
                .bind("emails", text[3])
                .bind("phones", text[4])
                .bind("states", text[5])
                .bind("numbers", text[6])
                .bind("types", text[7])
                .bind("sources", text[8])
                .bind("tags", text[9])
                .bind("fields", text[10])
                .bind("dnds", dnd)
                .bind("dndChanged", text[11])
                .bind("optedOut", text[12])
                .bind("zones", text[13])
                .bind("addressStates", text[14])
                .bind("contacts", contact)
                .bind("accepted", text[15])
                .bind("introSent", introSent)
                .bind("npns", text[16])
                .bind("expires", expires)
                .bind(
                        "assigned",
                        recruits.stream()
                                .map(r -> r.assignedUser().map(UserId::value).orElse(null))
                                .toArray(String[]::new))
                .map((rs, ctx) -> rs.getObject(1, java.util.UUID.class))
                .list());
        List<AddOutcome> outcomes = new ArrayList<>(n);
        for (Recruit recruit : recruits) {
            outcomes.add(
                    inserted.contains(recruit.id().value())
                            ? new AddOutcome.Added(recruit.withVersion(1))
                            : known(h, recruit));
        }
        return outcomes;
    }

    /** A conflict on NPN, phone, email (or, for a retried add, the id): the existing recruit wins. */
    private static AddOutcome known(Handle h, Recruit recruit) {
        Optional<Recruit> existing = recruit.license()
                .npn()
                .flatMap(npn -> findByNpn(h, recruit.location(), npn))
                .or(() -> findByPhoneOrEmail(h, recruit.location(), recruit.phone(), recruit.email()))
                .or(() -> find(h, recruit.id()));
        return new AddOutcome.AlreadyKnown(existing.orElseThrow(
                () -> new IllegalStateException("recruit " + recruit.id() + " conflicted with a row that is gone")));
    }

    @Override
    public Recruit update(Recruit recruit) {
        return jdbi.inTransaction(h -> {
            Recruit next = recruit.withVersion(recruit.version() + 1);
            int updated = bindAll(h.createUpdate("""
                    UPDATE recruits SET location_id = :location, first_name = :first, last_name = :last,
                        email = :email, phone = :phone, license_state = :licenseState, license_number = :licenseNumber,
                        license_types = CAST(:licenseTypes AS text[]), source = :source, tags = CAST(:tags AS text[]),
                        custom_fields = jsonb_object(CAST(:cfKeys AS text[]), CAST(:cfValues AS text[])), dnd = :dnd,
                        dnd_changed_at = :dndChangedAt, opted_out_at = :optedOutAt, time_zone = :timeZone,
                        address_state = :addressState, contact_id = :contact, accepted_at = :acceptedAt, intro_sent_at = :introSentAt,
                        version = :version, npn = :npn, license_expires = :licenseExpires,
                        assigned_user = :assignedUser
                    WHERE id = :id AND version = :expected
                    """), next)
                    .bind("expected", recruit.version())
                    .execute();
            if (updated != 1) {
                throw new ConcurrentUpdateException(recruit.id());
            }
            return next;
        });
    }

    @Override
    public Optional<Recruit> find(RecruitId id) {
        return jdbi.withHandle(h -> find(h, id));
    }

    @Override
    public Map<RecruitId, Recruit> findAll(Collection<RecruitId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        java.util.UUID[] values = ids.stream().map(RecruitId::value).distinct().toArray(java.util.UUID[]::new);
        return jdbi
                .withHandle(h -> h.createQuery(
                                "SELECT " + COLUMNS + " FROM recruits r WHERE r.id = ANY(CAST(:ids AS uuid[]))")
                        .bind("ids", values)
                        .map((rs, ctx) -> map(rs))
                        .list())
                .stream()
                .collect(Collectors.toMap(Recruit::id, r -> r));
    }

    @Override
    public Optional<Recruit> findByContact(ContactId contact) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM recruits r WHERE r.contact_id = :contact ORDER BY r.seq LIMIT 1")
                .bind("contact", contact.value())
                .map((rs, ctx) -> map(rs))
                .findOne());
    }

    @Override
    public Optional<Recruit> findByPhoneOrEmail(
            LocationId location, Optional<PhoneNumber> phone, Optional<EmailAddress> email) {
        return jdbi.withHandle(h -> findByPhoneOrEmail(h, location, phone, email));
    }

    @Override
    public Page<Recruit> list(Optional<LocationId> location, Optional<String> cursor, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        Optional<Long> after = cursor.map(PostgresRecruits::parseCursor);
        return jdbi.withHandle(h -> {
            // Keyset pagination on (accepted_at, seq): stable while recruits are added meanwhile.
            List<Sequenced> rows = h.createQuery("SELECT " + COLUMNS + """
                     FROM recruits r
                    WHERE (CAST(:location AS text) IS NULL OR r.location_id = :location)
                      AND (CAST(:after AS bigint) IS NULL
                           OR (r.accepted_at, r.seq) > (SELECT c.accepted_at, c.seq FROM recruits c WHERE c.seq = :after))
                    ORDER BY r.accepted_at, r.seq
                    LIMIT :limit
                    """)
                    .bind("location", location.map(LocationId::value).orElse(null))
                    .bind("after", after.orElse(null))
                    .bind("limit", limit + 1)
                    .map((rs, ctx) -> new Sequenced(rs.getLong("seq"), map(rs)))
                    .list();
            List<Sequenced> items = rows.subList(0, Math.min(limit, rows.size()));
            Optional<String> next = rows.size() > limit
                    ? Optional.of(Long.toString(items.get(items.size() - 1).seq()))
                    : Optional.empty();
            return new Page<>(items.stream().map(Sequenced::recruit).toList(), next);
        });
    }

    @Override
    public List<Recruit> all(Optional<LocationId> location) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + """
                         FROM recruits r WHERE (CAST(:location AS text) IS NULL OR r.location_id = :location)
                        ORDER BY r.accepted_at, r.seq
                        """)
                .bind("location", location.map(LocationId::value).orElse(null))
                .map((rs, ctx) -> map(rs))
                .list());
    }

    private static Optional<Recruit> find(Handle h, RecruitId id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM recruits r WHERE r.id = :id")
                .bind("id", id.value())
                .map((rs, ctx) -> map(rs))
                .findOne();
    }

    private static Optional<Recruit> findByPhoneOrEmail(
            Handle h, LocationId location, Optional<PhoneNumber> phone, Optional<EmailAddress> email) {
        if (phone.isEmpty() && email.isEmpty()) {
            return Optional.empty();
        }
        // A phone match wins over an email match.
        return h.createQuery("SELECT " + COLUMNS + """
                         FROM recruits r
                        WHERE r.location_id = :location AND (r.phone = :phone OR r.email = :email)
                        ORDER BY (r.phone IS NOT DISTINCT FROM :phone) DESC, r.seq
                        LIMIT 1
                        """)
                .bind("location", location.value())
                .bind("phone", phone.map(PhoneNumber::e164).orElse(null))
                .bind("email", email.map(EmailAddress::value).orElse(null))
                .map((rs, ctx) -> map(rs))
                .findOne();
    }

    private static Optional<Recruit> findByNpn(Handle h, LocationId location, Npn npn) {
        return h.createQuery("SELECT " + COLUMNS + " FROM recruits r WHERE r.location_id = :location AND r.npn = :npn")
                .bind("location", location.value())
                .bind("npn", npn.value())
                .map((rs, ctx) -> map(rs))
                .findOne();
    }

    private static <S extends SqlStatement<S>> S bindAll(S statement, Recruit r) {
        Map<String, String> fields = new TreeMap<>(r.customFields());
        return statement
                .bind("id", r.id().value())
                .bind("location", r.location().value())
                .bind("first", r.name().first())
                .bind("last", r.name().last())
                .bind("email", r.email().map(EmailAddress::value).orElse(null))
                .bind("phone", r.phone().map(PhoneNumber::e164).orElse(null))
                .bind("licenseState", r.license().state().code())
                .bind("licenseNumber", r.license().number().orElse(null))
                .bind(
                        "licenseTypes",
                        array(r.license().types().stream()
                                .map(LicenseType::name)
                                .sorted()
                                .toList()))
                .bind("source", r.source())
                .bind("tags", array(r.tags().stream().sorted().toList()))
                .bind("cfKeys", array(fields.keySet()))
                .bind("cfValues", array(fields.values()))
                .bind("dnd", r.consent().dnd())
                .bind("dndChangedAt", ts(r.consent().dndChangedAt()))
                .bind("optedOutAt", ts(r.consent().optedOutAt()))
                .bind("timeZone", r.timeZone().map(ZoneId::getId).orElse(null))
                .bind("addressState", r.addressState().map(UsState::name).orElse(null))
                .bind("contact", r.contactId().map(ContactId::value).orElse(null))
                .bind("acceptedAt", ts(r.acceptedAt()))
                .bind("introSentAt", ts(r.introSentAt()))
                .bind("version", r.version())
                .bind("npn", r.license().npn().map(Npn::value).orElse(null))
                .bind("licenseExpires", r.license().expires().orElse(null))
                .bind("assignedUser", r.assignedUser().map(UserId::value).orElse(null));
    }

    /**
     * Stores the assignees of recruits just stored by {@link #addAll} on the same handle (their routing, decided once
     * the batch's duplicates are known): one statement for the batch. The version is not raised: the rows are
     * still being created. Recruits assigned to nobody are left alone.
     */
    static void assignAll(Handle h, List<Recruit> recruits) {
        List<Recruit> assigned =
                recruits.stream().filter(r -> r.assignedUser().isPresent()).toList();
        if (assigned.isEmpty()) {
            return;
        }
        h.createUpdate("""
                        UPDATE recruits SET assigned_user = a.assigned_user
                          FROM unnest(CAST(:ids AS uuid[]), CAST(:users AS text[])) AS a(id, assigned_user)
                         WHERE recruits.id = a.id
                        """)
                .bind("ids", assigned.stream().map(r -> r.id().value()).toArray(java.util.UUID[]::new))
                .bind(
                        "users",
                        assigned.stream()
                                .map(r -> r.assignedUser().orElseThrow().value())
                                .toArray(String[]::new))
                .execute();
    }

    static Recruit map(ResultSet rs) throws SQLException {
        List<String> keys = strings(rs, "cf_keys");
        List<String> values = strings(rs, "cf_values");
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            fields.put(keys.get(i), values.get(i));
        }
        License license = new License(
                UsState.valueOf(rs.getString("license_state")),
                optionalString(rs, "license_number"),
                strings(rs, "license_types").stream().map(LicenseType::new).collect(Collectors.toSet()),
                optionalString(rs, "npn").map(Npn::new),
                Optional.ofNullable(rs.getObject("license_expires", LocalDate.class)));
        return new Recruit(
                new RecruitId(rs.getObject("id", java.util.UUID.class)),
                new LocationId(rs.getString("location_id")),
                new PersonName(rs.getString("first_name"), rs.getString("last_name")),
                optionalString(rs, "email").map(EmailAddress::new),
                optionalString(rs, "phone").map(PhoneNumber::new),
                license,
                rs.getString("source"),
                Rows.stringSet(rs, "tags"),
                fields,
                new Consent(
                        rs.getBoolean("dnd"),
                        optionalInstant(rs, "opted_out_at"),
                        optionalInstant(rs, "dnd_changed_at")),
                optionalString(rs, "time_zone").map(ZoneId::of),
                optionalString(rs, "address_state").map(UsState::valueOf),
                optionalString(rs, "contact_id").map(ContactId::new),
                instant(rs, "accepted_at"),
                optionalInstant(rs, "intro_sent_at"),
                rs.getLong("version"),
                optionalString(rs, "assigned_user").map(UserId::new));
    }

    private static long parseCursor(String cursor) {
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a cursor of this listing: " + cursor);
        }
    }

    private record Sequenced(long seq, Recruit recruit) {}
}
