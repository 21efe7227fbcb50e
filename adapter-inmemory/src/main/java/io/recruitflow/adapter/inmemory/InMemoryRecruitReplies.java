package io.recruitflow.adapter.inmemory;

import io.recruitflow.domain.message.RecruitReplies;
import io.recruitflow.domain.message.RecruitReply;
import io.recruitflow.domain.recruit.RecruitId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link RecruitReplies} in memory, for tests, the demo and embedders. */
public final class InMemoryRecruitReplies implements RecruitReplies {
    private static final Comparator<RecruitReply> OLDEST_FIRST =
            Comparator.comparing(RecruitReply::receivedAt).thenComparing(RecruitReply::id);

    private final Map<String, RecruitReply> replies = new LinkedHashMap<>();

    @Override
    public synchronized RecruitReply record(RecruitReply reply) {
        return replies.computeIfAbsent(reply.id(), id -> reply);
    }

    @Override
    public synchronized Optional<RecruitReply> find(String id) {
        return Optional.ofNullable(replies.get(id));
    }

    @Override
    public synchronized Optional<RecruitReply> holding(RecruitId recruit) {
        return openFor(recruit).stream().findFirst();
    }

    @Override
    public synchronized List<RecruitReply> openFor(RecruitId recruit) {
        return replies.values().stream()
                .filter(r -> r.open() && r.recruit().equals(recruit))
                .sorted(OLDEST_FIRST)
                .toList();
    }

    @Override
    public synchronized List<RecruitReply> open(int limit) {
        return replies.values().stream()
                .filter(RecruitReply::open)
                .sorted(OLDEST_FIRST)
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized boolean decide(String id, RecruitReply.Decision decision) {
        RecruitReply reply = replies.get(id);
        if (reply == null || !reply.open()) {
            return false;
        }
        replies.put(id, reply.decided(decision));
        return true;
    }

    @Override
    public synchronized void answered(String id, String answer) {
        RecruitReply reply = replies.get(id);
        if (reply != null) {
            replies.put(id, reply.answered(answer));
        }
    }

    /** Every reply recorded, oldest first (tests). */
    public synchronized List<RecruitReply> all() {
        List<RecruitReply> all = new ArrayList<>(replies.values());
        all.sort(OLDEST_FIRST);
        return all;
    }
}
