package io.recruitflow.application.nurture;

import io.recruitflow.domain.nurture.Cadence;
import io.recruitflow.domain.pipeline.RecruitingStage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Whether Recruitflow runs its own cadences, and which: at most one per stage, names unique. Off, nothing is
 * planned (the CRM's workflow follows up, as before); steps already planned still run, and news still cancels
 * them.
 */
public record NurtureSettings(boolean enabled, List<Cadence> cadences) {
    public NurtureSettings {
        cadences = List.copyOf(Objects.requireNonNull(cadences, "cadences"));
        List<String> problems = problems(cadences);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /** Off, with the playbook's cadence ready ({@link Cadence#contactedNoReply()}). */
    public static NurtureSettings defaults() {
        return new NurtureSettings(false, List.of(Cadence.contactedNoReply()));
    }

    /** On, with the playbook's cadence. */
    public static NurtureSettings playbook() {
        return new NurtureSettings(true, List.of(Cadence.contactedNoReply()));
    }

    public NurtureSettings enabled(boolean on) {
        return new NurtureSettings(on, cadences);
    }

    /** The cadence attached to the stage. */
    public Optional<Cadence> cadenceFor(RecruitingStage stage) {
        return cadences.stream().filter(c -> c.stage() == stage).findFirst();
    }

    public Optional<Cadence> cadence(String name) {
        return cadences.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    private static List<String> problems(List<Cadence> cadences) {
        List<String> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<RecruitingStage> stages = new HashSet<>();
        for (Cadence c : cadences) {
            if (!names.add(c.name())) {
                problems.add("cadence " + c.name() + " is defined twice");
            }
            if (!stages.add(c.stage())) {
                problems.add("stage " + c.stage().defaultName() + " has more than one cadence (" + c.name() + ")");
            }
        }
        return problems;
    }
}
