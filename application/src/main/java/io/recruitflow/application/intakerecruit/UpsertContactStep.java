package io.recruitflow.application.intakerecruit;

import io.recruitflow.application.setup.RecruitUpdater;
import io.recruitflow.application.setup.RecruitingSettings;
import io.recruitflow.domain.recruit.Contact;
import io.recruitflow.domain.recruit.ContactDirectory;
import io.recruitflow.domain.recruit.ContactDraft;
import io.recruitflow.domain.recruit.CustomFieldValue;
import io.recruitflow.domain.recruit.IntakeStep;
import io.recruitflow.domain.recruit.LicenseType;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.Recruits;
import io.recruitflow.domain.recruit.StepRecord;
import io.recruitflow.domain.shared.ContactId;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Upserts the recruit's contact (tags, license custom fields, source) and links the recruit to it. The
 * contact's do-not-disturb in GHL becomes the recruit's before the intro: a lead bought again who told GHL
 * not to text them is not texted. DND read here only ever turns on; turning it off is left to GHL's explicit
 * DND events.
 */
public final class UpsertContactStep implements IntakeStepAction {
    private final ContactDirectory contacts;
    private final Recruits recruits;
    private final RecruitingSettings settings;

    @Inject
    public UpsertContactStep(ContactDirectory contacts, Recruits recruits, RecruitingSettings settings) {
        this.contacts = contacts;
        this.recruits = recruits;
        this.settings = settings;
    }

    @Override
    public IntakeStep step() {
        return IntakeStep.UPSERT_CONTACT;
    }

    @Override
    public StepResult perform(Recruit recruit, StepRecord previous) {
        // Upsert is idempotent: repeating it after a crash finds the same contact.
        ContactDirectory.Upserted upserted = contacts.upsert(draftOf(recruit));
        Contact found = upserted.contact();
        ContactId contact = found.id();
        RecruitUpdater.update(recruits, recruit.id(), r -> {
            Recruit linked = r.linkedTo(contact);
            if (linked.blockedBy(found.dnd())) {
                Instant at = found.dateUpdated().or(found::dateAdded).orElse(linked.acceptedAt());
                linked = linked.withConsent(linked.consent().dndReported(true, false, at));
            }
            return found.timeZone().map(linked::withTimeZone).orElse(linked);
        });
        return new StepResult.Done(Optional.of(contact.value()));
    }

    private ContactDraft draftOf(Recruit recruit) {
        List<CustomFieldValue> fields = new ArrayList<>();
        Map<String, String> ids = settings.customFieldIds();
        field(ids, "licenseState", recruit.license().state().code(), fields);
        recruit.license().number().ifPresent(n -> field(ids, "licenseNumber", n, fields));
        if (!recruit.license().types().isEmpty()) {
            String types = recruit.license().types().stream()
                    .map(LicenseType::name)
                    .sorted()
                    .collect(Collectors.joining(", "));
            field(ids, "licenseType", types, fields);
        }
        recruit.customFields().forEach((id, value) -> fields.add(new CustomFieldValue(id, value)));
        return new ContactDraft(
                recruit.location(),
                recruit.name().first(),
                recruit.name().last(),
                recruit.email(),
                recruit.phone(),
                recruit.tags(),
                fields,
                Optional.of(recruit.source()));
    }

    private static void field(Map<String, String> ids, String name, String value, List<CustomFieldValue> into) {
        String id = ids.get(name);
        if (id != null && !id.isBlank()) {
            into.add(new CustomFieldValue(id, value));
        }
    }
}
