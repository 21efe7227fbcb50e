package io.recruitflow.domain.pipeline;

import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.UserId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A recruit's opportunity in the recruiting pipeline. Rules:
 * <ul>
 *   <li>Contracted means won;</li>
 *   <li>an opted-out recruit's opportunity is lost, and a lost or won opportunity stays where it is
 *       unless GHL says otherwise;</li>
 *   <li>it moves backward only when an event says so (a no-show, or a user in GHL).</li>
 * </ul>
 * {@code updatedAt} is GHL's own timestamp of the last change we know of: older news never overwrites
 * newer state. {@code furthestStage} is the furthest stage it ever reached (never before {@code stage}): a
 * recruit who missed a presentation and went back to Interested still reached Presentation Scheduled, and
 * the funnel counts them there.
 */
public record Opportunity(
        OpportunityId id,
        LocationId location,
        ContactId contact,
        String name,
        PipelineId pipeline,
        RecruitingStage stage,
        RecruitingStage furthestStage,
        OpportunityStatus status,
        BigDecimal monetaryValue,
        Optional<UserId> assignedTo,
        Instant updatedAt,
        long version) {
    public Opportunity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(stage, "stage");
        furthestStage = furthest(stage, furthestStage == null ? stage : furthestStage);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(updatedAt, "updatedAt");
        monetaryValue = monetaryValue == null ? BigDecimal.ZERO : monetaryValue;
        name = name == null ? "" : name;
        if (stage == RecruitingStage.CONTRACTED && status == OpportunityStatus.OPEN) {
            status = OpportunityStatus.WON;
        }
    }

    /** A new opportunity, which has reached no stage but its current one. */
    public Opportunity(
            OpportunityId id,
            LocationId location,
            ContactId contact,
            String name,
            PipelineId pipeline,
            RecruitingStage stage,
            OpportunityStatus status,
            BigDecimal monetaryValue,
            Optional<UserId> assignedTo,
            Instant updatedAt,
            long version) {
        this(
                id,
                location,
                contact,
                name,
                pipeline,
                stage,
                stage,
                status,
                monetaryValue,
                assignedTo,
                updatedAt,
                version);
    }

    /** The further of two stages. */
    public static RecruitingStage furthest(RecruitingStage a, RecruitingStage b) {
        return a.isBefore(b) ? b : a;
    }

    /** The opportunity's name in GHL: "{First} {Last} - Agent Recruit". */
    public static String nameFor(String fullName) {
        return fullName + " - Agent Recruit";
    }

    /** Applies a stage change under the pipeline rules. */
    public Transition apply(StageChange change, Instant at) {
        RecruitingStage target = change.target();
        OpportunityStatus targetStatus = target == RecruitingStage.CONTRACTED ? OpportunityStatus.WON : status;
        if (target == stage && targetStatus == status) {
            return new Transition.Unchanged(this);
        }
        if (target.isBefore(stage)
                && !change.cause().mayMoveBackward()
                && !change.cause().undoes(stage)) {
            return new Transition.Refused(
                    this,
                    "moving back from " + stage + " to " + target + " needs an event that says so (" + change.cause()
                            + " does not)");
        }
        if ((status == OpportunityStatus.LOST || status == OpportunityStatus.ABANDONED)
                && change.cause() != StageChange.Cause.GHL_EVENT) {
            return new Transition.Refused(this, "the opportunity is " + status + "; only GHL may reopen it");
        }
        if (status == OpportunityStatus.WON && change.cause() != StageChange.Cause.GHL_EVENT) {
            return new Transition.Refused(this, "the recruit is already contracted");
        }
        OpportunityStatus newStatus = target == RecruitingStage.CONTRACTED
                ? OpportunityStatus.WON
                : status == OpportunityStatus.WON ? OpportunityStatus.OPEN : status;
        return new Transition.Moved(this, withStage(target, newStatus, at));
    }

    /** The recruit opted out: the opportunity is lost (a contracted one stays won). */
    public Transition optedOut(Instant at) {
        if (status == OpportunityStatus.LOST || status == OpportunityStatus.WON) {
            return new Transition.Unchanged(this);
        }
        return new Transition.Moved(this, withStage(stage, OpportunityStatus.LOST, at));
    }

    /** GHL reported this state; applied only when it is newer than what we hold. */
    public Optional<Opportunity> reportedByGhl(RecruitingStage newStage, OpportunityStatus newStatus, Instant ghlTime) {
        if (ghlTime.isBefore(updatedAt)) {
            return Optional.empty();
        }
        return Optional.of(withStage(newStage, newStatus, ghlTime));
    }

    private Opportunity withStage(RecruitingStage newStage, OpportunityStatus newStatus, Instant at) {
        return new Opportunity(
                id,
                location,
                contact,
                name,
                pipeline,
                newStage,
                furthest(furthestStage, newStage),
                newStatus,
                monetaryValue,
                assignedTo,
                at,
                version);
    }

    /** The same opportunity, as GHL timestamped it. */
    public Opportunity withUpdatedAt(Instant ghlTime) {
        return new Opportunity(
                id,
                location,
                contact,
                name,
                pipeline,
                stage,
                furthestStage,
                status,
                monetaryValue,
                assignedTo,
                ghlTime,
                version);
    }

    /** The same opportunity, having reached at least {@code reached} (a store keeps the furthest it saw). */
    public Opportunity withFurthestStage(RecruitingStage reached) {
        return new Opportunity(
                id,
                location,
                contact,
                name,
                pipeline,
                stage,
                furthest(furthestStage, reached),
                status,
                monetaryValue,
                assignedTo,
                updatedAt,
                version);
    }
}
