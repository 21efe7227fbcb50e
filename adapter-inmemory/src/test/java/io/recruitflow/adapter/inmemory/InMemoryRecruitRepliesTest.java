package io.recruitflow.adapter.inmemory;

import io.recruitflow.contracts.RecruitRepliesContract;
import io.recruitflow.domain.message.RecruitReplies;

class InMemoryRecruitRepliesTest extends RecruitRepliesContract {
    @Override
    protected RecruitReplies newRecruitReplies() {
        return new InMemoryRecruitReplies();
    }
}
