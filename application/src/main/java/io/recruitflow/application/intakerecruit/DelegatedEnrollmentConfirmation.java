package io.recruitflow.application.intakerecruit;

import io.recruitflow.application.applyghlevent.EventOutcome;
import io.recruitflow.application.applyghlevent.GhlEvent;
import io.recruitflow.application.applyghlevent.GhlEventListener;
import io.recruitflow.application.setup.RecruitingSettings;
import io.recruitflow.application.setup.WorkflowTrigger;
import io.recruitflow.domain.recruit.IntakeJournal;
import io.recruitflow.domain.recruit.IntakeStep;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.recruit.Recruits;
import io.recruitflow.domain.recruit.StepRecord;
import io.recruitflow.domain.recruit.StepState;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.ContactId;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;

/**
 * With the workflow trigger {@code tag:NAME}, confirms a delegated enrollment from GHL's events: GHL sends no
 * event for a workflow enrollment, but its ContactCreate, ContactUpdate and ContactTagUpdate carry the
 * contact's tags, and the tag being on the contact is what fires the workflow's "Contact Tag added" trigger.
 * The enrollment step's journal note then says so. Idempotent: an event applied again changes nothing.
 *
 * <p>An event may be applied while the step is being settled: the listener then finds the step not yet done,
 * and the step has read the recruit's tags before the event stored them. So the saga asks again once the step
 * is saved ({@link #afterStep}): either the listener sees the saved step, or the saga sees the stored tags.
 */
public final class DelegatedEnrollmentConfirmation implements GhlEventListener {
    private final Recruits recruits;
    private final IntakeJournal journal;
    private final WorkflowTrigger trigger;
    private final Clock clock;

    @Inject
    public DelegatedEnrollmentConfirmation(
            Recruits recruits, IntakeJournal journal, RecruitingSettings settings, Clock clock) {
        this.recruits = recruits;
        this.journal = journal;
        this.trigger = settings.workflowTrigger();
        this.clock = clock;
    }

    @Override
    public void applied(GhlEvent event, EventOutcome outcome) {
        if (!(trigger instanceof WorkflowTrigger.Tag tag)) {
            return;
        }
        Optional<ContactId> contact;
        Set<String> tags;
        String name;
        if (event instanceof GhlEvent.ContactChanged e) {
            contact = Optional.of(e.contactId());
            tags = e.tags();
            name = e.created() ? "ContactCreate" : "ContactUpdate";
        } else if (event instanceof GhlEvent.TagsChanged e) {
            contact = Optional.of(e.contactId());
            tags = e.tags();
            name = "ContactTagUpdate";
        } else {
            return;
        }
        if (tags.stream().noneMatch(tag::matches)) {
            return;
        }
        contact.flatMap(recruits::findByContact)
                .flatMap(recruit -> journal.find(recruit.id(), IntakeStep.ENROLL_WORKFLOW))
                .filter(record -> awaitsConfirmation(record, tag))
                .ifPresent(record -> journal.save(record.done(
                        record.ref(),
                        Optional.of(
                                EnrollWorkflowStep.confirmed(tag, "its " + name + " event of " + event.occurredAt())),
                        clock.now())));
    }

    /** After the enrollment step was saved: confirms it if GHL's events already reported the tag. */
    public void afterStep(RecruitId recruit) {
        if (!(trigger instanceof WorkflowTrigger.Tag tag)) {
            return;
        }
        recruits.find(recruit)
                .filter(r -> r.tags().stream().anyMatch(tag::matches))
                .flatMap(r -> journal.find(r.id(), IntakeStep.ENROLL_WORKFLOW))
                .filter(record -> awaitsConfirmation(record, tag))
                .ifPresent(record -> journal.save(record.done(
                        record.ref(),
                        Optional.of(EnrollWorkflowStep.confirmed(tag, "a contact event while the step settled")),
                        clock.now())));
    }

    /** A step done by delegating to this tag whose note does not yet say it was confirmed. */
    private static boolean awaitsConfirmation(StepRecord record, WorkflowTrigger.Tag tag) {
        return record.state() == StepState.DONE
                && record.ref().equals(Optional.of(EnrollWorkflowStep.DELEGATED_REF_PREFIX + tag.name()))
                && record.detail().equals(Optional.of(EnrollWorkflowStep.delegated(tag)));
    }
}
