package io.recruitflow.application.intakerecruit;

import io.recruitflow.domain.recruit.RecruitId;

/** What became of a lead handed to intake. */
public sealed interface IntakeAcceptance {

    /** A new recruit; its intake saga is scheduled. */
    record Accepted(RecruitId recruit) implements IntakeAcceptance {}

    /** The location already has a recruit with this NPN, phone or email; nothing new is done for it. */
    record AlreadyKnown(RecruitId recruit) implements IntakeAcceptance {}

    /** The lead breaks a lead rule; {@code reason} says which. */
    record Rejected(String reason) implements IntakeAcceptance {}
}
