package io.recruitflow.application.replies;

import io.recruitflow.domain.message.RecruitReply;
import java.util.List;
import java.util.Optional;

/** Replies that might revoke consent, waiting for a person: list them and decide. */
public interface ReviewRepliesUseCase {

    /** Open reviews, oldest first. */
    List<RecruitReply> open(int limit);

    Optional<RecruitReply> find(String id);

    /**
     * Decides the review {@code id}: {@code optOut} withdraws consent as an opt-out does (with its confirmation,
     * when still within its five minutes), otherwise the hold is released and the recruit's texts go on.
     */
    Resolution resolve(String id, boolean optOut, String decidedBy);

    sealed interface Resolution {
        record Decided(RecruitReply reply) implements Resolution {}

        record AlreadyDecided(RecruitReply reply) implements Resolution {}

        record NotFound() implements Resolution {}
    }
}
