package io.recruitflow.bootstrap.config;

import io.recruitflow.adapter.ghl.GhlClientConfig;
import io.recruitflow.adapter.leadfile.LeadFileConfig;
import io.recruitflow.adapter.persistence.DatabaseConfig;
import io.recruitflow.adapter.webhook.WebhookConfig;
import io.recruitflow.application.importleads.ColumnMapping;
import io.recruitflow.application.jobs.DailyReserve;
import io.recruitflow.application.nurture.NurtureSettings;
import io.recruitflow.application.outbound.Subscription;
import io.recruitflow.application.outbound.Subscriptions;
import io.recruitflow.application.presentations.PresentationSettings;
import io.recruitflow.application.replies.ReplySettings;
import io.recruitflow.application.routing.RoutingSettings;
import io.recruitflow.application.routing.TierRules;
import io.recruitflow.application.setup.RecruitingSettings;
import io.recruitflow.application.setup.WorkflowTrigger;
import io.recruitflow.application.stalls.StallSettings;
import io.recruitflow.bootstrap.cli.Version;
import io.recruitflow.domain.message.CompliancePolicy;
import io.recruitflow.domain.message.ComplianceSettings;
import io.recruitflow.domain.message.DeclaredEmergencies;
import io.recruitflow.domain.message.MessageTemplate;
import io.recruitflow.domain.message.SolicitationEngine;
import io.recruitflow.domain.message.SolicitationRule;
import io.recruitflow.domain.message.SolicitationRules;
import io.recruitflow.domain.pipeline.RecruitingStage;
import io.recruitflow.domain.pipeline.StageNames;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.UsState;
import io.recruitflow.domain.shared.UserId;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The validated configuration of each adapter, built from {@link Settings}. Every problem is reported at
 * once, each naming the variable to fix.
 */
public record RecruitflowConfig(
        GhlClientConfig ghl,
        DatabaseConfig database,
        WebhookConfig webhook,
        RecruitingSettings recruiting,
        LeadFileConfig leadFile,
        Optional<LocationId> defaultLocation,
        int jobThreads,
        boolean quietHoursOff,
        ReplySettings replies,
        DailyReserve dailyReserve,
        RoutingSettings routing,
        Subscriptions subscriptions,
        PresentationSettings presentations,
        StallSettings stalls,
        NurtureSettings nurture) {

    public static RecruitflowConfig from(Settings s) {
        List<String> problems = new ArrayList<>();
        GhlClientConfig ghl = attempt(problems, () -> ghl(s));
        DatabaseConfig database = attempt(problems, () -> database(s));
        WebhookConfig webhook = attempt(problems, () -> webhook(s));
        String quiet = s.get(Setting.COMPLIANCE_QUIET_HOURS).orElse("enforce").toLowerCase(Locale.ROOT);
        if (!quiet.equals("enforce") && !quiet.equals("off")) {
            problems.add(Setting.COMPLIANCE_QUIET_HOURS.env() + " must be 'enforce' or 'off', not '" + quiet + "'");
        }
        Integer threads = attempt(problems, () -> positive(s, Setting.JOB_THREADS));
        boolean quietOff = quiet.equals("off");
        RecruitingSettings recruiting = attempt(problems, () -> recruiting(s, quietOff));
        LeadFileConfig leadFile = attempt(problems, () -> leadFile(s));
        ReplySettings replies = attempt(problems, () -> replies(s));
        DailyReserve dailyReserve = attempt(problems, () -> dailyReserve(s));
        RoutingSettings routing = attempt(problems, () -> routing(s));
        Subscriptions subscriptions = attempt(problems, () -> subscriptions(s));
        PresentationSettings presentations = attempt(problems, () -> presentations(s));
        StallSettings stalls = attempt(problems, () -> stalls(s));
        NurtureSettings nurture = attempt(problems, () -> nurture(s));
        Optional<LocationId> location = s.get(Setting.GHL_LOCATION_ID).map(LocationId::new);
        if (webhook != null && webhook.allowUnsigned() && ghl != null && isGhlProduction(ghl.effectiveBaseUrl())) {
            // Unsigned webhooks are for the sandbox and tests: against GHL itself, anyone could post events.
            problems.add(Setting.WEBHOOK_ALLOW_UNSIGNED.env() + "=true is refused against GHL's production API ("
                    + ghl.effectiveBaseUrl().getHost() + "): unsigned webhooks are for the sandbox and tests only");
        }
        if (threads != null && threads > MAX_JOB_THREADS) {
            problems.add(Setting.JOB_THREADS.env() + " must be at most " + MAX_JOB_THREADS + ", not " + threads);
        }
        if (!problems.isEmpty()) {
            throw new Settings.ConfigException(String.join("\n  ", problems));
        }
        return new RecruitflowConfig(
                ghl,
                database.withMaximumPoolSize(Math.max(database.maximumPoolSize(), poolSizeFor(threads))),
                webhook,
                recruiting,
                leadFile,
                location,
                threads,
                quietOff,
                replies,
                dailyReserve,
                routing,
                subscriptions,
                presentations,
                stalls,
                nurture);
    }

    /**
     * Who new recruits are assigned to, and their tiers: every problem of the routing and tier settings at once,
     * each naming its variable. That the users exist in a location is checked against GHL's users of the location
     * before its first recruit is sent (the location's intake waits, saying which user is unknown).
     */
    public static RoutingSettings routing(Settings s) {
        List<String> problems = new ArrayList<>();
        List<RoutingSettings.Strategy> strategies = new ArrayList<>();
        for (String item : items(s, Setting.ROUTING_STRATEGY)) {
            if (item.equalsIgnoreCase("none")) {
                continue;
            }
            try {
                strategies.add(RoutingSettings.Strategy.parse(item));
            } catch (IllegalArgumentException e) {
                problems.add(Setting.ROUTING_STRATEGY.env() + ": " + e.getMessage());
            }
        }
        List<UserId> pool = new ArrayList<>();
        for (String item : items(s, Setting.ROUTING_USERS)) {
            userId(item, Setting.ROUTING_USERS, problems).ifPresent(pool::add);
        }
        Map<UsState, UserId> territories = new LinkedHashMap<>();
        Map<String, UserId> sources = new LinkedHashMap<>();
        try {
            pairs(s, Setting.ROUTING_TERRITORIES).forEach((state, user) -> {
                Optional<UsState> parsed = UsState.parse(state);
                if (parsed.isEmpty()) {
                    problems.add(Setting.ROUTING_TERRITORIES.env() + ": '" + state + "' is not a US state");
                } else if (territories.containsKey(parsed.get())) {
                    problems.add(Setting.ROUTING_TERRITORIES.env() + ": "
                            + parsed.get().code() + " is listed twice");
                } else {
                    userId(user, Setting.ROUTING_TERRITORIES, problems)
                            .ifPresent(u -> territories.put(parsed.get(), u));
                }
            });
        } catch (Settings.ConfigException e) {
            problems.add(e.getMessage());
        }
        try {
            pairs(s, Setting.ROUTING_SOURCES)
                    .forEach((source, user) ->
                            userId(user, Setting.ROUTING_SOURCES, problems).ifPresent(u -> sources.put(source, u)));
        } catch (Settings.ConfigException e) {
            problems.add(e.getMessage());
        }
        Optional<UserId> fallback = s.get(Setting.ROUTING_FALLBACK)
                .filter(f -> !f.isBlank())
                .flatMap(f -> userId(f, Setting.ROUTING_FALLBACK, problems));
        TierRules tiers = TierRules.none();
        try {
            Map<String, String> columns = new LinkedHashMap<>();
            try {
                columns.putAll(pairs(s, Setting.LEAD_EXTRA_COLUMNS));
            } catch (Settings.ConfigException reportedElsewhere) {
                // the lead file's settings say it
            }
            tiers = TierRules.parse(items(s, Setting.TIER_RULES), s.get(Setting.TIER_DEFAULT), columns);
        } catch (IllegalArgumentException e) {
            problems.add(Setting.TIER_RULES.env() + ": " + e.getMessage());
        }
        RoutingSettings routing = null;
        if (problems.isEmpty()) {
            try {
                routing = new RoutingSettings(strategies, pool, territories, sources, fallback, tiers);
            } catch (IllegalArgumentException e) {
                problems.add(Setting.ROUTING_STRATEGY.env() + ": " + e.getMessage() + " (set "
                        + (e.getMessage().startsWith("round-robin")
                                        || e.getMessage().contains("twice")
                                ? Setting.ROUTING_USERS.env()
                                : e.getMessage().startsWith("territory")
                                        ? Setting.ROUTING_TERRITORIES.env()
                                        : Setting.ROUTING_SOURCES.env())
                        + ")");
            }
        }
        if (!problems.isEmpty()) {
            throw new Settings.ConfigException(String.join("\n  ", problems));
        }
        return routing;
    }

    private static List<String> items(Settings s, Setting setting) {
        return s.get(setting).stream()
                .flatMap(v -> java.util.Arrays.stream(v.split(",")))
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .toList();
    }

    private static Optional<UserId> userId(String raw, Setting setting, List<String> problems) {
        String id = raw.strip();
        if (id.isEmpty() || id.length() > 100 || !id.matches("[A-Za-z0-9_-]+")) {
            problems.add(setting.env() + ": '" + id + "' is not a GHL user id (letters, digits, _ and -)");
            return Optional.empty();
        }
        return Optional.of(new UserId(id));
    }

    /**
     * The receivers of outbound events: each {@code name=URL} of {@link Setting#EVENTS_SUBSCRIPTIONS} with its
     * {@code name=whsec_...} of {@link Setting#EVENTS_SECRETS}, checked (https, or http to loopback when allowed).
     * Neither a URL nor a secret is quoted in a problem: either may be a credential.
     */
    static Subscriptions subscriptions(Settings s) {
        String loopback = s.require(Setting.EVENTS_ALLOW_LOOPBACK_HTTP).strip().toLowerCase(Locale.ROOT);
        if (!loopback.equals("true") && !loopback.equals("false")) {
            throw new Settings.ConfigException(
                    Setting.EVENTS_ALLOW_LOOPBACK_HTTP.env() + " must be true or false, not '" + loopback + "'");
        }
        boolean allowLoopback = loopback.equals("true");
        Map<String, String> urls = secretPairs(s, Setting.EVENTS_SUBSCRIPTIONS);
        Map<String, String> secrets = secretPairs(s, Setting.EVENTS_SECRETS);
        List<String> problems = new ArrayList<>();
        List<Subscription> subscriptions = new ArrayList<>();
        urls.forEach((name, url) -> {
            String secret = secrets.get(name);
            if (secret == null) {
                problems.add(Setting.EVENTS_SECRETS.env() + " has no secret for subscription '" + name + "'");
                return;
            }
            try {
                subscriptions.add(Subscription.of(name, url, secret, allowLoopback));
            } catch (IllegalArgumentException e) {
                problems.add(Setting.EVENTS_SUBSCRIPTIONS.env() + ": " + e.getMessage());
            }
        });
        secrets.keySet().stream()
                .filter(name -> !urls.containsKey(name))
                .forEach(name -> problems.add(
                        Setting.EVENTS_SECRETS.env() + " names '" + name + "', which is not a subscription"));
        if (!problems.isEmpty()) {
            throw new Settings.ConfigException(String.join("\n  ", problems));
        }
        return new Subscriptions(subscriptions, allowLoopback);
    }

    /** {@code name=value,...} whose values are secrets: a malformed pair is reported without its value. */
    private static Map<String, String> secretPairs(Settings s, Setting setting) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String pair : s.get(setting).orElse("").split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw new Settings.ConfigException(setting.env() + ": an item is not name=value");
            }
            String name = pair.substring(0, eq).strip();
            if (map.put(name, pair.substring(eq + 1).strip()) != null) {
                throw new Settings.ConfigException(setting.env() + ": '" + name + "' is given twice");
            }
        }
        return map;
    }

    /** How presentations are followed through: reminders, the rebooking text, reschedules, archiving. */
    static PresentationSettings presentations(Settings s) {
        PresentationSettings d = PresentationSettings.defaults();
        List<Duration> offsets = new ArrayList<>();
        String raw = s.require(Setting.PRESENTATION_REMINDERS).strip();
        if (!raw.equalsIgnoreCase("none") && !raw.isEmpty()) {
            for (String item : raw.split("\\s*,\\s*")) {
                try {
                    offsets.add(WebhookConfig.parseDuration(item));
                } catch (IllegalArgumentException e) {
                    throw new Settings.ConfigException(Setting.PRESENTATION_REMINDERS.env() + ": " + e.getMessage());
                }
            }
        }
        Duration delay;
        try {
            String rawDelay = s.require(Setting.PRESENTATION_NOSHOW_DELAY).strip();
            delay = rawDelay.equals("0") ? Duration.ZERO : WebhookConfig.parseDuration(rawDelay);
        } catch (IllegalArgumentException e) {
            throw new Settings.ConfigException(Setting.PRESENTATION_NOSHOW_DELAY.env() + ": " + e.getMessage());
        }
        int reschedules;
        try {
            reschedules =
                    Integer.parseInt(s.require(Setting.PRESENTATION_RESCHEDULES).strip());
        } catch (NumberFormatException e) {
            throw new Settings.ConfigException(Setting.PRESENTATION_RESCHEDULES.env()
                    + " must be a number 0 to 5, not '" + s.require(Setting.PRESENTATION_RESCHEDULES) + "'");
        }
        String archive = s.require(Setting.PRESENTATION_ARCHIVE).strip().toLowerCase(Locale.ROOT);
        if (!archive.equals("true") && !archive.equals("false")) {
            throw new Settings.ConfigException(
                    Setting.PRESENTATION_ARCHIVE.env() + " must be true or false, not '" + archive + "'");
        }
        String reminder = s.get(Setting.PRESENTATION_REMINDER_TEXT).orElse(d.reminderTemplate());
        String noShow = s.get(Setting.PRESENTATION_NOSHOW_TEXT).orElse(d.noShowTemplate());
        String url = s.require(Setting.PRESENTATION_REBOOKING_URL).strip();
        List<String> problems = new ArrayList<>();
        check(
                problems,
                Setting.PRESENTATION_REMINDERS,
                () -> new PresentationSettings(
                        offsets, d.reminderTemplate(), d.noShowDelay(), d.rebookingUrl(), d.noShowTemplate(), 1, true));
        check(
                problems,
                Setting.PRESENTATION_NOSHOW_DELAY,
                () -> new PresentationSettings(
                        d.reminderOffsets(),
                        d.reminderTemplate(),
                        delay,
                        d.rebookingUrl(),
                        d.noShowTemplate(),
                        1,
                        true));
        check(
                problems,
                Setting.PRESENTATION_RESCHEDULES,
                () -> new PresentationSettings(
                        d.reminderOffsets(),
                        d.reminderTemplate(),
                        d.noShowDelay(),
                        d.rebookingUrl(),
                        d.noShowTemplate(),
                        reschedules,
                        true));
        check(
                problems,
                Setting.PRESENTATION_REMINDER_TEXT,
                () -> new PresentationSettings(
                        d.reminderOffsets(), reminder, d.noShowDelay(), d.rebookingUrl(), d.noShowTemplate(), 1, true));
        check(problems, Setting.PRESENTATION_REBOOKING_URL, () -> d.withRebookingUrl(url));
        check(
                problems,
                Setting.PRESENTATION_NOSHOW_TEXT,
                () -> new PresentationSettings(
                        d.reminderOffsets(), d.reminderTemplate(), d.noShowDelay(), d.rebookingUrl(), noShow, 1, true));
        if (!problems.isEmpty()) {
            throw new Settings.ConfigException(String.join("\n  ", problems));
        }
        return new PresentationSettings(offsets, reminder, delay, url, noShow, reschedules, archive.equals("true"));
    }

    private static void check(List<String> problems, Setting setting, Supplier<?> build) {
        try {
            build.get();
        } catch (IllegalArgumentException e) {
            problems.add(setting.env() + ": " + e.getMessage());
        }
    }

    /** How long a recruit may stay in each stage, and how often stalls are looked for. */
    static StallSettings stalls(Settings s) {
        Map<RecruitingStage, Duration> limits = new java.util.EnumMap<>(RecruitingStage.class);
        String raw = s.require(Setting.STALL_LIMITS).strip();
        if (!raw.equalsIgnoreCase("none") && !raw.isEmpty()) {
            for (String pair : raw.split("\\s*,\\s*")) {
                int eq = pair.indexOf('=');
                if (eq < 0) {
                    throw new Settings.ConfigException(
                            Setting.STALL_LIMITS.env() + ": '" + pair + "' is not Stage=duration (e.g. Interested=3d)");
                }
                try {
                    RecruitingStage stage = StallSettings.stageNamed(pair.substring(0, eq));
                    if (limits.put(stage, WebhookConfig.parseDuration(pair.substring(eq + 1))) != null) {
                        throw new IllegalArgumentException(stage.defaultName() + " is given twice");
                    }
                } catch (IllegalArgumentException e) {
                    throw new Settings.ConfigException(Setting.STALL_LIMITS.env() + ": " + e.getMessage());
                }
            }
        }
        Duration every;
        try {
            every = WebhookConfig.parseDuration(s.require(Setting.STALL_EVERY));
        } catch (IllegalArgumentException e) {
            throw new Settings.ConfigException(Setting.STALL_EVERY.env() + ": " + e.getMessage());
        }
        try {
            new StallSettings(limits, StallSettings.DEFAULT_EVERY);
        } catch (IllegalArgumentException e) {
            throw new Settings.ConfigException(Setting.STALL_LIMITS.env() + ": " + e.getMessage());
        }
        try {
            return new StallSettings(limits, every);
        } catch (IllegalArgumentException e) {
            throw new Settings.ConfigException(Setting.STALL_EVERY.env() + ": " + e.getMessage());
        }
    }

    /** Recruitflow's own cadences: on or off, and which ({@link NurtureConfig}). */
    public static NurtureSettings nurture(Settings s) {
        return NurtureConfig.from(s, recruiting(s).stageNames());
    }

    /**
     * What the service says at start about the nurture (each line a WARN): recruits who would get both Recruitflow's
     * cadence and GHL's workflow, and cadence texts that do not say how to opt out.
     */
    public List<String> nurtureNotices() {
        if (!nurture.enabled()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        if (!(recruiting.workflowTrigger() instanceof WorkflowTrigger.None)) {
            lines.add(Setting.NURTURE.env() + " is on and " + Setting.WORKFLOW_TRIGGER.env() + " is "
                    + recruiting.workflowTrigger() + ": recruits are enrolled in GHL's workflow too and may get both"
                    + " its texts and Recruitflow's; set " + Setting.WORKFLOW_TRIGGER.env() + "=none, or switch the"
                    + " workflow's texts off in GHL");
        }
        for (var cadence : nurture.cadences()) {
            for (int i = 0; i < cadence.steps().size(); i++) {
                if (cadence.steps().get(i).text().firstTextConcerns().stream().anyMatch(c -> c.contains("opt out"))) {
                    lines.add("cadence " + cadence.name() + ", step " + (i + 1) + ": the text does not say how to opt"
                            + " out (e.g. \"Reply STOP to opt out\")");
                }
            }
        }
        return lines;
    }

    /** How much of each location's daily GHL quota is kept for intros. */
    static DailyReserve dailyReserve(Settings s) {
        String raw = s.require(Setting.GHL_DAILY_RESERVE);
        try {
            return DailyReserve.parse(raw);
        } catch (IllegalArgumentException e) {
            throw new Settings.ConfigException(Setting.GHL_DAILY_RESERVE.env() + ": " + e.getMessage());
        }
    }

    /** What Recruitflow texts in answer to an opt-out and to HELP. */
    static ReplySettings replies(Settings s) {
        String on = s.require(Setting.OPTOUT_CONFIRMATION).strip().toLowerCase(Locale.ROOT);
        if (!on.equals("true") && !on.equals("false")) {
            throw new Settings.ConfigException(
                    Setting.OPTOUT_CONFIRMATION.env() + " must be true or false, not '" + on + "'");
        }
        ReplySettings d = ReplySettings.defaults();
        String confirmation = s.get(Setting.OPTOUT_CONFIRMATION_TEXT).orElse(d.confirmationText());
        String help = s.get(Setting.HELP_TEXT).orElse(d.helpText());
        try {
            new ReplySettings(true, confirmation, d.helpText());
        } catch (IllegalArgumentException e) {
            throw new Settings.ConfigException(Setting.OPTOUT_CONFIRMATION_TEXT.env() + ": " + e.getMessage());
        }
        try {
            return new ReplySettings(on.equals("true"), confirmation, help);
        } catch (IllegalArgumentException e) {
            throw new Settings.ConfigException(Setting.HELP_TEXT.env() + ": " + e.getMessage());
        }
    }

    /** Whether the URL is GHL's own API (v2 or v1), as opposed to the sandbox or another test double. */
    static boolean isGhlProduction(URI url) {
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        return host.equals(GhlClientConfig.DEFAULT_BASE_URL.getHost())
                || host.equals(GhlClientConfig.DEFAULT_V1_BASE_URL.getHost())
                || host.endsWith(".leadconnectorhq.com")
                || host.endsWith(".gohighlevel.com");
    }

    /** The most job threads the connection pool ({@link #poolSizeFor}) can serve. */
    static final int MAX_JOB_THREADS = 96;

    /**
     * Connections for {@code jobThreads} workers: a worker holds its unit of work's connection across a GHL call
     * while the call's own stores (the credential lease, a refreshed token, the external rate limiter's permit) take
     * a second one, so fewer than two per worker can leave every worker waiting for its second until the pool's
     * timeout; 8 more serve the webhook writers, the inbox dispatcher, db-scheduler's poll and the admin API.
     */
    static int poolSizeFor(int jobThreads) {
        return 2 * jobThreads + 8;
    }

    /** The same configuration with another webhook receiver configuration (tests, embedders). */
    public RecruitflowConfig withWebhook(WebhookConfig newWebhook) {
        return new RecruitflowConfig(
                ghl,
                database,
                newWebhook,
                recruiting,
                leadFile,
                defaultLocation,
                jobThreads,
                quietHoursOff,
                replies,
                dailyReserve,
                routing,
                subscriptions,
                presentations,
                stalls,
                nurture);
    }

    /**
     * What the service says at start about compliance (each line a WARN): one line per rule a compliance officer
     * switched off, naming the rule and its source, and the margin when it is not the default.
     */
    public List<String> complianceNotices() {
        if (quietHoursOff) {
            return List.of();
        }
        ComplianceSettings compliance = recruiting.compliance().engine().settings();
        List<String> lines = new ArrayList<>();
        for (String id : new java.util.TreeSet<>(compliance.switchedOff())) {
            SolicitationRule rule = SolicitationRules.byId(id).orElseThrow();
            lines.add("compliance rule " + id + " is switched off (" + Setting.COMPLIANCE_DISABLED_RULES.env() + "): "
                    + rule.describe() + " — source: " + rule.source());
        }
        if (!compliance.margin().equals(ComplianceSettings.DEFAULT_MARGIN)) {
            lines.add("compliance margin is " + compliance.margin().toSeconds() + " s before the end of a window ("
                    + Setting.COMPLIANCE_MARGIN.env() + "; default "
                    + ComplianceSettings.DEFAULT_MARGIN.toSeconds() + " s)");
        }
        return lines;
    }

    /** The recruiting part alone, for commands that need nothing else (e.g. {@code funnel}'s stage names). */
    public static RecruitingSettings recruiting(Settings s) {
        return recruiting(
                s, s.get(Setting.COMPLIANCE_QUIET_HOURS).orElse("enforce").equalsIgnoreCase("off"));
    }

    /** How Recruitflow recruits: tags, custom fields, templates and the GHL names it resolves at start. */
    private static RecruitingSettings recruiting(Settings s, boolean quietHoursOff) {
        RecruitingSettings d = RecruitingSettings.defaults();
        List<String> tags = List.of(s.require(Setting.INTAKE_TAGS).split("\\s*,\\s*")).stream()
                .filter(t -> !t.isBlank())
                .toList();
        Map<String, String> fields = pairs(s, Setting.INTAKE_CUSTOM_FIELDS);
        Set<String> unknown = new java.util.TreeSet<>(fields.keySet());
        unknown.removeAll(Set.of("licenseState", "licenseNumber", "licenseType", "npn", "licenseExpiration", "tier"));
        if (!unknown.isEmpty()) {
            throw new Settings.ConfigException(Setting.INTAKE_CUSTOM_FIELDS.env() + ": unknown field(s) " + unknown
                    + "; known: licenseState, licenseNumber, licenseType, npn, licenseExpiration, tier");
        }
        List<String> stages = List.of(s.require(Setting.PIPELINE_STAGES).split("\\s*,\\s*"));
        if (stages.size() != RecruitingStage.values().length) {
            throw new Settings.ConfigException(Setting.PIPELINE_STAGES.env() + " needs the names of the "
                    + RecruitingStage.values().length + " stages (Lead, Contacted, Interested, Presentation Scheduled, "
                    + "Contracted), comma-separated; got " + stages.size());
        }
        Map<RecruitingStage, String> names = new EnumMap<>(RecruitingStage.class);
        for (RecruitingStage stage : RecruitingStage.values()) {
            names.put(stage, stages.get(stage.ordinal()));
        }
        MessageTemplate sms = template(s, Setting.INTRO_SMS, d.introSms());
        MessageTemplate subject = template(s, Setting.INTRO_EMAIL_SUBJECT, d.introEmailSubject());
        MessageTemplate body = template(s, Setting.INTRO_EMAIL_BODY, d.introEmailBody());
        return new RecruitingSettings(
                tags,
                fields,
                sms,
                subject,
                body,
                s.get(Setting.EMAIL_FROM),
                new StageNames(s.require(Setting.PIPELINE_NAME), names),
                s.require(Setting.WORKFLOW_NAME),
                s.get(Setting.CALENDAR_NAME),
                d.presentationTitle(),
                d.opportunityValue(),
                d.assignTo(),
                quietHoursOff
                        ? CompliancePolicy.withoutQuietHours()
                        : CompliancePolicy.enforcing(new SolicitationEngine(
                                SolicitationRules.ALL, DeclaredEmergencies.none(), compliance(s))),
                d.fallbackZone(),
                workflowTrigger(s));
    }

    private static WorkflowTrigger workflowTrigger(Settings s) {
        String on = s.get(Setting.NURTURE).orElse("off").strip().toLowerCase(Locale.ROOT);
        if ((on.equals("on") || on.equals("true"))
                && s.source(Setting.WORKFLOW_TRIGGER)
                        .filter(src -> src != Settings.Source.DEFAULT)
                        .isEmpty()) {
            // Recruitflow's own cadences follow up: no one is enrolled in GHL's workflow as well, unless asked.
            return new WorkflowTrigger.None();
        }
        try {
            return WorkflowTrigger.parse(s.require(Setting.WORKFLOW_TRIGGER));
        } catch (IllegalArgumentException e) {
            throw new Settings.ConfigException(Setting.WORKFLOW_TRIGGER.env() + " " + e.getMessage());
        }
    }

    /**
     * What the compliance officer configured: the margin before the end of a window and the rules switched off,
     * by id ({@code TX-hours} is read as {@code TX.hours}). An unknown id or a margin out of range stops the
     * start with a message naming the variable.
     */
    public static ComplianceSettings compliance(Settings s) {
        String rawMargin = s.require(Setting.COMPLIANCE_MARGIN).strip();
        Duration margin;
        try {
            margin = rawMargin.equals("0") ? Duration.ZERO : WebhookConfig.parseDuration(rawMargin);
        } catch (IllegalArgumentException e) {
            throw new Settings.ConfigException(Setting.COMPLIANCE_MARGIN.env() + ": " + e.getMessage());
        }
        List<String> off = s.get(Setting.COMPLIANCE_DISABLED_RULES)
                .map(text -> List.of(text.split(",")).stream()
                        .map(String::strip)
                        .filter(id -> !id.isEmpty())
                        .map(RecruitflowConfig::ruleId)
                        .toList())
                .orElse(List.of());
        ComplianceSettings defaults = ComplianceSettings.defaults();
        try {
            defaults = defaults.withMargin(margin);
        } catch (IllegalArgumentException e) {
            throw new Settings.ConfigException(Setting.COMPLIANCE_MARGIN.env() + ": " + e.getMessage());
        }
        try {
            return defaults.switchingOff(off.toArray(String[]::new));
        } catch (IllegalArgumentException e) {
            throw new Settings.ConfigException(Setting.COMPLIANCE_DISABLED_RULES.env() + ": " + e.getMessage());
        }
    }

    /** {@code TX-hours}, {@code tx.hours} → {@code TX.hours}: the state part upper case, a dash read as the dot. */
    private static String ruleId(String raw) {
        int sep = raw.indexOf('.') >= 0 ? raw.indexOf('.') : raw.indexOf('-');
        if (sep <= 0) {
            return raw;
        }
        return raw.substring(0, sep).toUpperCase(Locale.ROOT) + "."
                + raw.substring(sep + 1).toLowerCase(Locale.ROOT);
    }

    /**
     * How lead files are read: which extra CSV columns go to which GHL custom fields, and the configured column
     * mapping. Alone, for commands that read lead files and need nothing else (e.g. {@code import --dry-run}).
     */
    public static LeadFileConfig leadFile(Settings s) {
        Map<String, String> columns = pairs(s, Setting.LEAD_EXTRA_COLUMNS);
        ColumnMapping mapping;
        try {
            mapping = ColumnMapping.parse(s.get(Setting.LEAD_COLUMN_MAP)
                    .map(text -> List.of(text.split(",")).stream()
                            .filter(pair -> !pair.isBlank())
                            .toList())
                    .orElse(List.of()));
        } catch (IllegalArgumentException e) {
            throw new Settings.ConfigException(Setting.LEAD_COLUMN_MAP.env() + ": " + e.getMessage());
        }
        int maxRecordLength = positive(s, Setting.IMPORT_MAX_RECORD_LENGTH);
        try {
            return new LeadFileConfig(columns, mapping, maxRecordLength);
        } catch (IllegalArgumentException e) {
            throw new Settings.ConfigException(Setting.LEAD_EXTRA_COLUMNS.env() + ": " + e.getMessage());
        }
    }

    /**
     * The largest lead file an import takes ({@code RECRUITFLOW_IMPORT_MAX_BYTES}), for the admin API and the
     * {@code import} command alike.
     */
    public static long importMaxBytes(Settings s) {
        String text = s.require(Setting.IMPORT_MAX_BYTES);
        long bytes;
        try {
            bytes = WebhookConfig.parseByteSize(text);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new Settings.ConfigException(Setting.IMPORT_MAX_BYTES.env() + ": '" + text
                    + "' is not a size (expected bytes, or e.g. 50MiB, 512KiB, 1GB)");
        }
        if (bytes < 1024) {
            throw new Settings.ConfigException(
                    Setting.IMPORT_MAX_BYTES.env() + " must be at least 1KiB, not '" + text + "'");
        }
        return bytes;
    }

    private static MessageTemplate template(Settings s, Setting setting, MessageTemplate fallback) {
        try {
            return s.get(setting).map(MessageTemplate::new).orElse(fallback);
        } catch (IllegalArgumentException e) {
            throw new Settings.ConfigException(setting.env() + ": " + e.getMessage());
        }
    }

    /** {@code key=value,key=value} into an ordered map. */
    private static Map<String, String> pairs(Settings s, Setting setting) {
        Map<String, String> map = new LinkedHashMap<>();
        Optional<String> text = s.get(setting);
        if (text.isEmpty()) {
            return map;
        }
        for (String pair : text.get().split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw new Settings.ConfigException(
                        setting.env() + ": '" + pair.strip() + "' is not name=value (expected e.g. "
                                + setting.defaultValue().orElse("Agency=cf_agency") + ")");
            }
            map.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
        return map;
    }

    private static <T> T attempt(List<String> problems, Supplier<T> build) {
        try {
            return build.get();
        } catch (Settings.ConfigException | IllegalArgumentException e) {
            problems.add(e.getMessage());
            return null;
        }
    }

    private static int positive(Settings s, Setting setting) {
        String text = s.require(setting);
        try {
            int n = Integer.parseInt(text);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new Settings.ConfigException(setting.env() + " must be a positive whole number, not '" + text + "'");
    }

    /** GHL's marketplace for GHL's API; for any other base URL (the sandbox) the base URL, which serves the page. */
    private static String marketplaceOf(Settings s) {
        String base = s.require(Setting.GHL_BASE_URL).replaceAll("/+$", "");
        return base.equals(Setting.GHL_BASE_URL.defaultValue().orElseThrow())
                ? GhlClientConfig.DEFAULT_MARKETPLACE_URL.toString()
                : base;
    }

    private static GhlClientConfig ghl(Settings s) {
        GhlClientConfig.Builder b = GhlClientConfig.builder()
                .baseUrl(s.require(Setting.GHL_BASE_URL))
                .userAgentVersion(Version.current());
        Optional<String> token = s.get(Setting.GHL_TOKEN);
        Optional<String> clientId = s.get(Setting.GHL_CLIENT_ID);
        Optional<String> secret = s.get(Setting.GHL_CLIENT_SECRET);
        if (token.isPresent() && clientId.isPresent()) {
            throw new Settings.ConfigException("set either " + Setting.GHL_TOKEN.env() + " or "
                    + Setting.GHL_CLIENT_ID.env() + "/" + Setting.GHL_CLIENT_SECRET.env() + ", not both");
        }
        if (token.isPresent()) {
            b.privateIntegrationToken(token.get());
        } else if (clientId.isPresent() || secret.isPresent()) {
            if (clientId.isEmpty() || secret.isEmpty()) {
                throw new Settings.ConfigException(
                        "OAuth needs both " + Setting.GHL_CLIENT_ID.env() + " and " + Setting.GHL_CLIENT_SECRET.env());
            }
            b.oauth(clientId.get(), secret.get(), s.require(Setting.GHL_REDIRECT_URI));
            b.marketplaceUrl(s.get(Setting.GHL_MARKETPLACE_URL).orElseGet(() -> marketplaceOf(s)));
            s.get(Setting.GHL_SCOPES)
                    .ifPresent(scopes ->
                            b.scopes(new LinkedHashSet<>(List.of(scopes.trim().split("[\\s,]+")))));
        } else {
            throw new Settings.ConfigException("GHL credentials are missing: set " + Setting.GHL_TOKEN.env()
                    + " (a Private Integration Token) or " + Setting.GHL_CLIENT_ID.env() + " and "
                    + Setting.GHL_CLIENT_SECRET.env() + " (OAuth)");
        }
        s.get(Setting.GHL_LOCATION_ID).ifPresent(b::defaultLocation);
        s.get(Setting.GHL_COMPANY_ID).ifPresent(b::defaultCompany);
        try {
            b.rateLimit(s.require(Setting.GHL_RATE_LIMIT));
        } catch (IllegalArgumentException e) {
            throw new Settings.ConfigException(
                    Setting.GHL_RATE_LIMIT.env() + ": " + e.getMessage() + " (expected N/<duration>, e.g. 100/10s)");
        }
        String skew = s.require(Setting.GHL_REFRESH_SKEW);
        try {
            Duration d = WebhookConfig.parseDuration(skew);
            if (d.compareTo(Duration.ofMinutes(1)) < 0) {
                throw new IllegalArgumentException("at least 1m, not '" + skew + "'");
            }
            b.refreshSkew(d);
        } catch (IllegalArgumentException e) {
            throw new Settings.ConfigException(Setting.GHL_REFRESH_SKEW.env() + ": " + e.getMessage());
        }
        return b.build();
    }

    /** The database part alone, for commands that need nothing else (e.g. {@code funnel}). */
    public static DatabaseConfig database(Settings s) {
        Optional<String> url = s.get(Setting.DB_URL);
        DatabaseConfig config = url.isPresent()
                ? DatabaseConfig.external(
                        url.get(),
                        s.get(Setting.DB_USER).orElse(null),
                        s.get(Setting.DB_PASSWORD).orElse(null))
                : DatabaseConfig.embedded(Path.of(s.require(Setting.DATA_DIR)));
        config = s.get(Setting.SECRET_KEY).map(config::withSecretKey).orElse(config);
        return s.get(Setting.SECRET_KEY_PREVIOUS)
                .map(config::withPreviousSecretKey)
                .orElse(config);
    }

    private static WebhookConfig webhook(Settings s) {
        WebhookConfig config = WebhookConfig.defaults().withPort(port(s));
        if (s.get(Setting.ADMIN_TOKEN).isPresent()) {
            config = config.withAdminToken(s.get(Setting.ADMIN_TOKEN).get());
        }
        Optional<String> keys = s.get(Setting.WEBHOOK_PUBLIC_KEYS);
        if (keys.isPresent()) {
            Path pem = Path.of(keys.get());
            if (!Files.isReadable(pem)) {
                throw new Settings.ConfigException(Setting.WEBHOOK_PUBLIC_KEYS.env() + ": cannot read " + pem);
            }
            config = config.withPublicKeys(pem);
        }
        String unsigned = s.require(Setting.WEBHOOK_ALLOW_UNSIGNED);
        if (!Set.of("true", "false").contains(unsigned)) {
            throw new Settings.ConfigException(Setting.WEBHOOK_ALLOW_UNSIGNED.env() + " must be true or false");
        }
        config = config.withAllowUnsigned(Boolean.parseBoolean(unsigned));
        config = config.withImportMaxBytes(importMaxBytes(s));
        WebhookConfig.MetricsAuth metricsAuth = WebhookConfig.MetricsAuth.parse(s.require(Setting.METRICS_AUTH));
        if (metricsAuth == WebhookConfig.MetricsAuth.TOKEN
                && s.get(Setting.ADMIN_TOKEN).isEmpty()) {
            throw new Settings.ConfigException(Setting.METRICS_AUTH.env() + "=token needs " + Setting.ADMIN_TOKEN.env()
                    + " (the token /metrics then takes)");
        }
        config = config.withMetrics(metricsAuth, Boolean.parseBoolean(s.require(Setting.METRICS_LOCATION_LABELS)));
        List<String> problems = new ArrayList<>();
        Duration maxAge =
                attempt(problems, () -> window(s, Setting.WEBHOOK_MAX_AGE, WebhookConfig.MAX_MAX_AGE, "at most 7d"));
        Duration maxSkew = attempt(
                problems,
                () -> window(
                        s,
                        Setting.WEBHOOK_MAX_SKEW,
                        WebhookConfig.MAX_MAX_SKEW,
                        "at most 1h (it only absorbs clock skew)"));
        if (!problems.isEmpty()) {
            throw new Settings.ConfigException(String.join("\n  ", problems));
        }
        return config.withReplayWindow(maxAge, maxSkew);
    }

    /** One side of the webhook replay window: a duration above zero and up to {@code max}. */
    private static Duration window(Settings s, Setting setting, Duration max, String bound) {
        String text = s.require(setting);
        Duration d;
        try {
            d = WebhookConfig.parseDuration(text);
        } catch (IllegalArgumentException e) {
            throw new Settings.ConfigException(setting.env() + ": " + e.getMessage());
        }
        if (d.isNegative() || d.isZero() || d.compareTo(max) > 0) {
            throw new Settings.ConfigException(
                    setting.env() + " must be more than 0 and " + bound + ", not '" + text + "'");
        }
        return d;
    }

    private static int port(Settings s) {
        String text = s.require(Setting.HTTP_PORT);
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65535) {
                return port; // 0: any free port (tests, the demo)
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new Settings.ConfigException(
                Setting.HTTP_PORT.env() + " must be a port number (0-65535), not '" + text + "'");
    }
}
