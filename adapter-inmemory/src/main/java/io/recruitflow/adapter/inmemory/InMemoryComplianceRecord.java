package io.recruitflow.adapter.inmemory;

import io.recruitflow.domain.message.ComplianceEntry;
import io.recruitflow.domain.message.ComplianceRecord;
import io.recruitflow.domain.recruit.RecruitId;
import java.util.ArrayList;
import java.util.List;

/** {@link ComplianceRecord} in memory: appended, never changed. Thread-safe. */
public final class InMemoryComplianceRecord implements ComplianceRecord {
    private final List<ComplianceEntry> entries = new ArrayList<>();

    @Override
    public synchronized void append(ComplianceEntry entry) {
        entries.add(java.util.Objects.requireNonNull(entry, "entry"));
    }

    @Override
    public synchronized List<ComplianceEntry> forRecruit(RecruitId recruit, int limit) {
        List<ComplianceEntry> out = new ArrayList<>();
        for (int i = entries.size() - 1; i >= 0 && out.size() < limit; i--) {
            if (entries.get(i).recruit().equals(recruit)) {
                out.add(entries.get(i));
            }
        }
        return out;
    }

    /** Every entry, oldest first: for tests and the demo. */
    public synchronized List<ComplianceEntry> all() {
        return List.copyOf(entries);
    }
}
