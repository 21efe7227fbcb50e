package io.recruitflow.contracts;

import io.recruitflow.application.port.CredentialOwner;
import io.recruitflow.application.port.IncomingEvent;
import io.recruitflow.application.port.JobPayload;
import io.recruitflow.application.port.StoredCredential;
import io.recruitflow.domain.appointment.Appointment;
import io.recruitflow.domain.appointment.AppointmentId;
import io.recruitflow.domain.appointment.AppointmentStatus;
import io.recruitflow.domain.appointment.CalendarId;
import io.recruitflow.domain.message.Channel;
import io.recruitflow.domain.message.MessageKey;
import io.recruitflow.domain.message.MessageRecord;
import io.recruitflow.domain.message.SendState;
import io.recruitflow.domain.pipeline.Opportunity;
import io.recruitflow.domain.pipeline.OpportunityId;
import io.recruitflow.domain.pipeline.OpportunityStatus;
import io.recruitflow.domain.pipeline.PipelineId;
import io.recruitflow.domain.pipeline.RecruitingStage;
import io.recruitflow.domain.recruit.Consent;
import io.recruitflow.domain.recruit.Lead;
import io.recruitflow.domain.recruit.License;
import io.recruitflow.domain.recruit.LicenseType;
import io.recruitflow.domain.recruit.Npn;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.EmailAddress;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.PersonName;
import io.recruitflow.domain.shared.PhoneNumber;
import io.recruitflow.domain.shared.UsState;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Test data for the contracts. Every instant is whole milliseconds after {@link #T0}, so stores with
 * microsecond precision round-trip it exactly.
 */
public final class Fixtures {
    /** The instant all contract data is relative to. */
    public static final Instant T0 = Instant.parse("2026-03-02T14:00:00Z");

    public static final LocationId LOCATION = new LocationId("loc_contract_a");
    public static final LocationId OTHER_LOCATION = new LocationId("loc_contract_b");

    private Fixtures() {}

    /** {@link #T0} plus some minutes. */
    public static Instant at(long minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    public static PhoneNumber phone(int n) {
        return new PhoneNumber("+1407" + String.format("%07d", 2_000_000 + n));
    }

    public static EmailAddress email(String local) {
        return new EmailAddress(local + "@example.com");
    }

    /** A fresh (unstored, version 0) recruit accepted at {@code acceptedAt}. */
    public static Recruit recruit(
            LocationId location, Optional<PhoneNumber> phone, Optional<EmailAddress> email, Instant acceptedAt) {
        return new Recruit(
                RecruitId.random(),
                location,
                new PersonName("Dana", "Whitfield"),
                email,
                phone,
                new License(UsState.FL, Optional.of("W123456"), Set.of(new LicenseType("Life"))),
                "PropHog",
                Set.of("New Lead", "Life-Licensed"),
                Map.of("cf_license_state", "FL"),
                Consent.GRANTED,
                Optional.of(ZoneId.of("America/New_York")),
                Optional.empty(),
                Optional.empty(),
                acceptedAt,
                Optional.empty(),
                0);
    }

    /**
     * A fresh recruit whose license carries an NPN and an expiration date, with the given phone and email.
     * Built through {@link Recruit#accept}, as intake builds it.
     */
    public static Recruit licensed(
            LocationId location,
            Optional<PhoneNumber> phone,
            Optional<EmailAddress> email,
            String npn,
            Instant acceptedAt) {
        License license = new License(
                UsState.TX,
                Optional.of("TX-2081736"),
                Set.of(new LicenseType("Life")),
                Optional.of(new Npn(npn)),
                Optional.of(LocalDate.of(2027, 3, 31)));
        Lead lead = new Lead(
                new PersonName("Cody", "Ramirez"),
                email,
                phone,
                license,
                "PropHog",
                Map.of("cf_agency", "Ramirez Ins"));
        return Recruit.accept(RecruitId.random(), location, lead, Set.of("Licensed"), acceptedAt);
    }

    /** A fresh recruit with a distinct phone and email derived from {@code n}. */
    public static Recruit recruit(LocationId location, int n, Instant acceptedAt) {
        return recruit(location, Optional.of(phone(n)), Optional.of(email("agent" + n)), acceptedAt);
    }

    public static Opportunity opportunity(
            String id, ContactId contact, LocationId location, RecruitingStage stage, Instant updatedAt) {
        return new Opportunity(
                new OpportunityId(id),
                location,
                contact,
                "Dana Whitfield - Agent Recruit",
                new PipelineId("pipe_recruiting"),
                stage,
                OpportunityStatus.OPEN,
                new BigDecimal("1500.00"),
                Optional.empty(),
                updatedAt,
                1);
    }

    public static Appointment appointment(String id, ContactId contact, AppointmentStatus status, Instant updatedAt) {
        Instant start = at(24 * 60);
        return new Appointment(
                new AppointmentId(id),
                new CalendarId("cal_presentations"),
                LOCATION,
                contact,
                "iDecide Presentation - Dana Whitfield",
                start,
                start.plus(Duration.ofMinutes(30)),
                status,
                updatedAt);
    }

    /** A planned SMS with key {@code key} to {@code contact}, created at {@code createdAt}. */
    public static MessageRecord plannedSms(
            String key, LocationId location, ContactId contact, Instant createdAt, Optional<Instant> notBefore) {
        return new MessageRecord(
                new MessageKey(key),
                location,
                contact,
                Channel.SMS,
                "Hi Dana, this is Gary.",
                Optional.empty(),
                SendState.PLANNED,
                notBefore,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                0,
                createdAt,
                createdAt);
    }

    public static StoredCredential credential(CredentialOwner owner, String secret, Instant expiresAt) {
        return new StoredCredential(
                owner,
                secret,
                Optional.of("renewal-" + secret),
                expiresAt,
                Set.of("contacts.write", "contacts.readonly"));
    }

    /**
     * A job payload whose key is {@code key}: a message delivery, for tests of queues where only the key
     * and the order matter.
     */
    public static JobPayload named(String key) {
        return new JobPayload.DeliverMessage(
                new MessageKey(key), new RecruitId(UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8))));
    }

    /** A webhook event of type {@code ContactUpdate} for {@code contact} (or none), received at {@code at}. */
    public static IncomingEvent event(String webhookId, Optional<String> contact, Instant at) {
        String body = "{\"type\":\"ContactUpdate\",\"webhookId\":\"" + webhookId + "\"}";
        return new IncomingEvent(
                webhookId,
                "ContactUpdate",
                Optional.of(LOCATION.value()),
                contact,
                at,
                body.getBytes(StandardCharsets.UTF_8),
                at);
    }
}
