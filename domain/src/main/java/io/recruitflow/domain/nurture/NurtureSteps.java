package io.recruitflow.domain.nurture;

import io.recruitflow.domain.recruit.RecruitId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The durable record of every nurture step. Every change is atomic per step (compare-and-set, or a row lock),
 * so that news stored and a step let out are ordered: either the step was {@linkplain #claim claimed} first (that
 * attempt goes) or the cancellation was stored first (nothing leaves).
 */
public interface NurtureSteps {

    /**
     * Records a planned step unless its key is known; returns the stored step either way. News of the recruit
     * stored since the step's {@linkplain NurtureStep#origin() origin} that cancels it is applied at once (the step
     * is stored cancelled): a step planned just after a reply was stored never goes. Atomic with {@link #cancel}
     * for the recruit.
     */
    NurtureStep plan(NurtureStep step);

    Optional<NurtureStep> find(String key);

    /** Every step of the recruit, in the order they were planned (then by key). */
    List<NurtureStep> ofRecruit(RecruitId recruit);

    /**
     * Stores the news (stored at {@code at}) and applies it to every open step of the recruit that it cancels
     * ({@link NurtureStep#cancelledBy}, {@link NurtureStep#cancelled}); returns the steps it changed, as stored.
     */
    List<NurtureStep> cancel(RecruitId recruit, NurtureEvent event, Instant at);

    /** The news stored of the recruit, oldest first, with when each was stored. */
    List<StoredNews> news(RecruitId recruit);

    /** News as stored: the event and when the store took it. */
    record StoredNews(NurtureEvent event, Instant storedAt) {}

    /**
     * At the moment of sending (after any rate-limit wait): lets the step's message out if it is open and no
     * cancellation is stored ({@link NurtureStep#claimed}); returns whether it did. Asked again by a retry of the
     * same send, it answers the same while nothing was stored meanwhile.
     */
    boolean claim(String key, Instant at);

    /** Records what an attempt came to ({@link NurtureStep#settled}); the stored step, or empty for no such key. */
    Optional<NurtureStep> settle(String key, NurtureStep.Settlement result, String why, Instant at);
}
