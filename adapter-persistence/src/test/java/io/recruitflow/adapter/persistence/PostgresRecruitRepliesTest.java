package io.recruitflow.adapter.persistence;

import io.recruitflow.contracts.RecruitRepliesContract;
import io.recruitflow.domain.message.RecruitReplies;

/** The RecruitReplies contract against PostgreSQL (embedded), on emptied tables. */
class PostgresRecruitRepliesTest extends RecruitRepliesContract {
    @Override
    protected RecruitReplies newRecruitReplies() {
        TestDatabase.truncateAll();
        return new PostgresRecruitReplies(TestDatabase.jdbi());
    }
}
