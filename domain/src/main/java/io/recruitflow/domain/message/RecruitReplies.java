package io.recruitflow.domain.message;

import io.recruitflow.domain.recruit.RecruitId;
import java.util.List;
import java.util.Optional;

/**
 * The durable record of replies that touched consent ({@link RecruitReply}), and the holds of replies under
 * review. Recording is idempotent by the reply's id; a decision is compare-and-set, so two people (or a person
 * and the recruit's own later reply) never both decide.
 */
public interface RecruitReplies {

    /** Records the reply unless its id is known; returns the stored record either way. */
    RecruitReply record(RecruitReply reply);

    Optional<RecruitReply> find(String id);

    /** The oldest open review of the recruit's replies: while there is one, no text goes to them. */
    Optional<RecruitReply> holding(RecruitId recruit);

    /** Every open review of the recruit's replies, oldest first. */
    List<RecruitReply> openFor(RecruitId recruit);

    /** Open reviews across every recruit, oldest first. */
    List<RecruitReply> open(int limit);

    /** Decides an open review; returns whether it did (false when unknown or decided already). */
    boolean decide(String id, RecruitReply.Decision decision);

    /** Records what became of the answer to the reply (confirmation or help text). */
    void answered(String id, String answer);
}
