package io.recruitflow.application.intakerecruit;

import io.recruitflow.application.routing.TeamDirectory;
import io.recruitflow.application.routing.Tier;
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
import io.recruitflow.domain.shared.EmailAddress;
import io.recruitflow.domain.shared.ExternalFailure;
import io.recruitflow.domain.shared.PhoneNumber;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Upserts the recruit's contact (tags, license custom fields — state, number, types, NPN, expiration — the tier,
 * source, and the recruiter it is routed to as the contact's owner) and links the recruit to it — only to a
 * contact that carries the lead's phone and email: when GHL's upsert matched the email to one contact and
 * dropped a phone that another holds (highlevel-api-docs #37), the lead gets a contact of its own, or the
 * matched one takes the missing identifier, as the location's duplicate setting says, and the journal says
 * which; if neither can be done the step fails and nobody is texted. The
 * contact's do-not-disturb in GHL becomes the recruit's before the intro: a lead bought again who told GHL
 * not to text them is not texted. DND read here only ever turns on; turning it off is left to GHL's explicit
 * DND events.
 */
public final class UpsertContactStep implements IntakeStepAction {
    private final ContactDirectory contacts;
    private final Recruits recruits;
    private final RecruitingSettings settings;
    private final Optional<TeamDirectory> team;

    /** Without checking the recruit's assignee against the CRM's users (no routing). */
    public UpsertContactStep(ContactDirectory contacts, Recruits recruits, RecruitingSettings settings) {
        this(contacts, recruits, settings, Optional.empty());
    }

    @Inject
    public UpsertContactStep(
            ContactDirectory contacts, Recruits recruits, RecruitingSettings settings, TeamDirectory team) {
        this(contacts, recruits, settings, Optional.of(team));
    }

    private UpsertContactStep(
            ContactDirectory contacts, Recruits recruits, RecruitingSettings settings, Optional<TeamDirectory> team) {
        this.contacts = contacts;
        this.recruits = recruits;
        this.settings = settings;
        this.team = team;
    }

    @Override
    public boolean repeatable() {
        return true;
    }

    @Override
    public IntakeStep step() {
        return IntakeStep.UPSERT_CONTACT;
    }

    @Override
    public StepResult perform(Recruit recruit, StepRecord previous) {
        // The recruit's assignee (routing) must be one of the location's users before GHL hears of it.
        recruit.assignedUser().ifPresent(user -> team.ifPresent(t -> t.require(recruit.location(), user)));
        // Upsert is idempotent: repeating it after a crash finds the same contact.
        ContactDraft draft = draftOf(recruit, settings);
        ContactDirectory.Upserted upserted = contacts.upsert(draft);
        Contact found = upserted.contact();
        Optional<String> detail = Optional.empty();
        if (!found.carries(recruit.phone(), recruit.email())) {
            // GHL matched one identifier and dropped the other (highlevel-api-docs #37): that contact may be
            // someone else's; never text it.
            String mismatch = "GHL matched contact " + found.id() + ", which lacks the lead's "
                    + missing(found, recruit) + " (another contact may hold it)";
            Identity resolved = resolve(found, draft, mismatch);
            if (resolved.contact().isEmpty()) {
                return new StepResult.Failed(resolved.detail());
            }
            found = resolved.contact().get();
            detail = Optional.of(resolved.detail());
        }
        Contact contact = found;
        RecruitUpdater.update(recruits, recruit, r -> {
            Recruit linked = r.linkedTo(contact.id());
            if (linked.blockedBy(contact.dnd())) {
                Instant at = contact.dateUpdated().or(contact::dateAdded).orElse(linked.acceptedAt());
                linked = linked.withConsent(linked.consent().dndReported(true, false, at));
            }
            // The address state joins the recruit's jurisdictions (compliance); none from GHL changes nothing.
            linked = linked.withAddressState(contact.state().or(linked::addressState));
            return contact.timeZone().map(linked::withTimeZone).orElse(linked);
        });
        return new StepResult.Done(Optional.of(contact.id().value()), detail);
    }

    /** A contact that carries the lead's identifiers, or none; and what happened, for the journal. */
    private record Identity(Optional<Contact> contact, String detail) {}

    /**
     * As the location's duplicate setting says: a contact of the lead's own where duplicates are allowed,
     * else the matched contact given the missing identifier — unless GHL refuses it.
     */
    private Identity resolve(Contact matched, ContactDraft draft, String mismatch) {
        if (contacts.allowsDuplicates(draft.location())) {
            Contact own = contacts.createSeparate(draft);
            return carrying(
                    own,
                    draft,
                    mismatch + "; the location allows duplicates: created a separate contact " + own.id()
                            + " for the lead");
        }
        try {
            Contact updated = contacts.addIdentifiers(matched.id(), draft);
            return carrying(
                    updated,
                    draft,
                    mismatch + "; the location allows no duplicates: updated contact " + matched.id()
                            + " with the lead's " + missing(matched, draft));
        } catch (ExternalFailure.Rejected refused) {
            return new Identity(
                    Optional.empty(),
                    mismatch + "; the location allows no duplicates and GHL refused to"
                            + " add it: not linked, not texted. Merge the contacts in GHL, then import the lead again");
        }
    }

    private static Identity carrying(Contact c, ContactDraft draft, String detail) {
        return c.carries(draft.phone(), draft.email())
                ? new Identity(Optional.of(c), detail)
                : new Identity(
                        Optional.empty(),
                        detail + ", but GHL still answers it without the lead's " + missing(c, draft)
                                + ": not linked, not texted");
    }

    /** Which of the lead's identifiers the contact lacks: names, never values (no PII in the journal). */
    private static String missing(Contact c, Recruit r) {
        return missing(c, r.phone(), r.email());
    }

    private static String missing(Contact c, ContactDraft d) {
        return missing(c, d.phone(), d.email());
    }

    private static String missing(Contact c, Optional<PhoneNumber> phone, Optional<EmailAddress> email) {
        boolean noPhone = phone.isPresent() && !c.phone().equals(phone);
        boolean noEmail = email.isPresent() && !c.email().equals(email);
        return noPhone && noEmail ? "phone and email" : noPhone ? "phone" : "email";
    }

    /** The contact GHL is asked for: also what an import's dry run shows ({@link IntakePreview}). */
    static ContactDraft draftOf(Recruit recruit, RecruitingSettings settings) {
        List<CustomFieldValue> fields = new ArrayList<>();
        Map<String, String> ids = settings.customFieldIds();
        field(ids, "licenseState", recruit.license().state().code(), fields);
        recruit.license().number().ifPresent(n -> field(ids, "licenseNumber", n, fields));
        recruit.license().npn().ifPresent(n -> field(ids, "npn", n.value(), fields));
        recruit.license().expires().ifPresent(d -> field(ids, "licenseExpiration", d.toString(), fields));
        if (!recruit.license().types().isEmpty()) {
            String types = recruit.license().types().stream()
                    .map(LicenseType::name)
                    .sorted()
                    .collect(Collectors.joining(", "));
            field(ids, "licenseType", types, fields);
        }
        Tier.of(recruit.tags()).ifPresent(tier -> field(ids, "tier", String.valueOf(tier), fields));
        recruit.customFields().forEach((id, value) -> fields.add(new CustomFieldValue(id, value)));
        // With the workflow trigger tag:NAME the upsert adds the tag, and GHL's workflow enrolls the contact.
        Set<String> tags = new LinkedHashSet<>(recruit.tags());
        settings.workflowTrigger().tag().ifPresent(tags::add);
        return new ContactDraft(
                recruit.location(),
                recruit.name().first(),
                recruit.name().last(),
                recruit.email(),
                recruit.phone(),
                tags,
                fields,
                Optional.of(recruit.source()),
                recruit.assignedUser());
    }

    private static void field(Map<String, String> ids, String name, String value, List<CustomFieldValue> into) {
        String id = ids.get(name);
        if (id != null && !id.isBlank()) {
            into.add(new CustomFieldValue(id, value));
        }
    }
}
