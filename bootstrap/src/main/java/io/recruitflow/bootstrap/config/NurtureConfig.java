package io.recruitflow.bootstrap.config;

import io.recruitflow.application.nurture.NurtureSettings;
import io.recruitflow.domain.message.MessageTemplate;
import io.recruitflow.domain.nurture.Cadence;
import io.recruitflow.domain.nurture.CadenceStep;
import io.recruitflow.domain.nurture.StepTiming;
import io.recruitflow.domain.pipeline.OpportunityStatus;
import io.recruitflow.domain.pipeline.RecruitingStage;
import io.recruitflow.domain.pipeline.StageNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads {@code nurture.enabled} and {@code nurture.cadences} (YAML: a mapping of cadence names to their stage,
 * steps and rest) into {@link NurtureSettings}; every problem is reported at once, naming the cadence and the step.
 *
 * <pre>
 * nurture:
 *   enabled: on
 *   cadences:
 *     contacted-no-reply:
 *       stage: Contacted
 *       steps:
 *         - after: 4h
 *           text: "Hi {First}, ... Reply STOP to opt out."
 *         - at: next-morning
 *           text: "..."
 *           emailSubject: "..."      # optional: the email to a recruit with no phone
 *           email: "&lt;p&gt;...&lt;/p&gt;"
 *       rest:
 *         after: 3d
 *         status: abandoned          # abandoned, lost or open
 * </pre>
 */
final class NurtureConfig {
    private static final Set<String> CADENCE_KEYS = Set.of("stage", "steps", "rest");
    private static final Set<String> STEP_KEYS = Set.of("after", "at", "text", "emailSubject", "email");
    private static final Set<String> REST_KEYS = Set.of("after", "status");

    private NurtureConfig() {}

    static NurtureSettings from(Settings s, StageNames stageNames) {
        String on = s.require(Setting.NURTURE).strip().toLowerCase(Locale.ROOT);
        boolean enabled = on.equals("on") || on.equals("true");
        List<Cadence> cadences = s.get(Setting.NURTURE_CADENCES)
                .map(text -> cadences(text, stageNames))
                .orElseGet(() -> List.of(Cadence.contactedNoReply()));
        try {
            return new NurtureSettings(enabled, cadences);
        } catch (IllegalArgumentException e) {
            throw problem(e.getMessage());
        }
    }

    private static Settings.ConfigException problem(String what) {
        return new Settings.ConfigException(
                Setting.NURTURE_CADENCES.env() + " (" + Setting.NURTURE_CADENCES.yamlKey() + "): " + what);
    }

    static List<Cadence> cadences(String text, StageNames stageNames) {
        Object document;
        try {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (YAMLException e) {
            throw problem(
                    "not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (document == null) {
            return List.of();
        }
        if (!(document instanceof Map<?, ?> map)) {
            throw problem("must be a mapping of cadence names to {stage, steps, rest}");
        }
        List<String> problems = new ArrayList<>();
        List<Cadence> cadences = new ArrayList<>();
        map.forEach((name, value) -> {
            String where = "cadence " + name;
            try {
                cadences.add(cadence(String.valueOf(name), value, stageNames, where, problems));
            } catch (IllegalArgumentException e) {
                problems.add(where + ": " + e.getMessage());
            }
        });
        if (!problems.isEmpty()) {
            throw problem(String.join("; ", problems));
        }
        return cadences;
    }

    private static Cadence cadence(
            String name, Object value, StageNames stageNames, String where, List<String> problems) {
        Map<?, ?> c = mapping(value, where, CADENCE_KEYS);
        RecruitingStage stage = stage(required(c, "stage", where), stageNames, where);
        Object stepsValue = c.get("steps");
        if (!(stepsValue instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalArgumentException("steps must be a list of at least one step");
        }
        List<CadenceStep> steps = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String stepWhere = where + ", step " + (i + 1);
            try {
                steps.add(step(list.get(i), stepWhere));
            } catch (IllegalArgumentException e) {
                problems.add(stepWhere + ": " + e.getMessage());
            }
        }
        Cadence.Rest rest = rest(c.get("rest"), where);
        if (steps.size() != list.size()) {
            // The step problems are listed; a placeholder keeps the other checks going.
            throw new IllegalArgumentException("has steps that cannot be read (above)");
        }
        return new Cadence(name, stage, steps, rest);
    }

    private static CadenceStep step(Object value, String where) {
        Map<?, ?> m = mapping(value, where, STEP_KEYS);
        boolean after = m.containsKey("after");
        boolean at = m.containsKey("at");
        if (after == at) {
            throw new IllegalArgumentException("needs exactly one of after (4h, 1d) or at (next-morning, +3d 09:30)");
        }
        StepTiming timing =
                after ? StepTiming.after(String.valueOf(m.get("after"))) : StepTiming.at(String.valueOf(m.get("at")));
        MessageTemplate text = template(required(m, "text", where), "text");
        MessageTemplate subject = m.containsKey("emailSubject")
                ? template(String.valueOf(m.get("emailSubject")), "emailSubject")
                : CadenceStep.DEFAULT_EMAIL_SUBJECT;
        MessageTemplate email =
                m.containsKey("email") ? template(String.valueOf(m.get("email")), "email") : CadenceStep.asEmail(text);
        return new CadenceStep(timing, text, subject, email);
    }

    private static Cadence.Rest rest(Object value, String where) {
        if (value == null) {
            return Cadence.contactedNoReply().rest();
        }
        Map<?, ?> m = mapping(value, where + ", rest", REST_KEYS);
        Duration after = m.containsKey("after")
                ? StepTiming.Durations.parse(String.valueOf(m.get("after")))
                : Cadence.contactedNoReply().rest().after();
        String status = m.containsKey("status")
                ? String.valueOf(m.get("status")).strip().toLowerCase(Locale.ROOT)
                : "abandoned";
        Optional<OpportunityStatus> rested = switch (status) {
            case "abandoned" -> Optional.of(OpportunityStatus.ABANDONED);
            case "lost" -> Optional.of(OpportunityStatus.LOST);
            case "open" -> Optional.empty();
            default ->
                throw new IllegalArgumentException("rest.status must be abandoned, lost or open, not '" + status + "'");
        };
        return new Cadence.Rest(after, rested);
    }

    private static MessageTemplate template(String text, String key) {
        try {
            return new MessageTemplate(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage());
        }
    }

    /** A stage by its default name, its enum name or its configured GHL name, ignoring case. */
    private static RecruitingStage stage(String text, StageNames stageNames, String where) {
        String t = text.strip();
        for (RecruitingStage s : RecruitingStage.values()) {
            if (s.defaultName().equalsIgnoreCase(t)
                    || s.name().equalsIgnoreCase(t.replace(' ', '_'))
                    || stageNames.nameOf(s).equalsIgnoreCase(t)) {
                return s;
            }
        }
        throw new IllegalArgumentException("stage '" + t + "' is not a recruiting stage; use one of Lead, Contacted,"
                + " Interested, Presentation Scheduled");
    }

    private static String required(Map<?, ?> m, String key, String where) {
        Object v = m.get(key);
        if (v == null || String.valueOf(v).isBlank()) {
            throw new IllegalArgumentException(key + " is required");
        }
        return String.valueOf(v);
    }

    private static Map<?, ?> mapping(Object value, String where, Set<String> known) {
        if (!(value instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("must be a mapping with keys " + new TreeSet<>(known));
        }
        Set<String> unknown = new TreeSet<>();
        m.keySet().forEach(k -> {
            if (!known.contains(String.valueOf(k))) {
                unknown.add(String.valueOf(k));
            }
        });
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown key(s) " + unknown + "; known: " + new TreeSet<>(known));
        }
        return m;
    }
}
