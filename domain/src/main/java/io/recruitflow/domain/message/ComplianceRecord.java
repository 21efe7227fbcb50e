package io.recruitflow.domain.message;

import io.recruitflow.domain.recruit.RecruitId;
import java.util.List;

/**
 * The record of every compliance decision (send, defer, refuse) with the rules that decided it and their
 * inputs, kept: entries are appended, never changed or deleted. {@link MessageLog#transition(MessageKey,
 * SendState, MessageRecord, ComplianceEntry)} appends the decision that moves a message, in the same
 * transaction as the move.
 */
public interface ComplianceRecord {

    /** Appends a decision that moved no message (or whose store has no transaction to share). */
    void append(ComplianceEntry entry);

    /** The recruit's latest {@code limit} decisions, newest first (ties in the order they were appended, last first). */
    List<ComplianceEntry> forRecruit(RecruitId recruit, int limit);
}
