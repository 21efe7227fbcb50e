package io.recruitflow.domain.message;

/**
 * Whether a reply opts the recruit out of texts: {@link ReplyClassifier} says so clearly. A reply that only
 * might be a revocation ({@link ReplyMeaning.OptOut#REVIEW}) is not one here; the sending path holds such a
 * recruit's texts for a person to decide (see {@link ReplyClassifier#classify}).
 */
public final class OptOutKeywords {
    private OptOutKeywords() {}

    public static boolean isOptOut(String body) {
        return ReplyClassifier.classify(body).optOut() == ReplyMeaning.OptOut.YES;
    }
}
