package io.recruitflow.bootstrap.config;

import java.util.Locale;
import java.util.Optional;

/**
 * Every setting of Recruitflow, in one place: its environment variable, its key in
 * {@code recruitflow.yml}, its default and whether it is a secret. Environment variables win over the
 * file, the file over the defaults. The README's configuration table is generated from this list
 * (see {@code ConfigTableTest}).
 */
public enum Setting {
    GHL_BASE_URL(
            "ghl.baseUrl",
            "https://services.leadconnectorhq.com",
            false,
            "GHL API v2 base URL (the sandbox's URL for zero-credential runs)."),
    GHL_TOKEN("ghl.token", null, true, "A Private Integration Token (or v1 API key): static auth, no refresh."),
    GHL_CLIENT_ID("ghl.clientId", null, false, "OAuth client id of your GHL marketplace app."),
    GHL_CLIENT_SECRET("ghl.clientSecret", null, true, "OAuth client secret of your GHL marketplace app."),
    GHL_REDIRECT_URI(
            "ghl.redirectUri",
            "http://localhost:8080/oauth/callback",
            false,
            "OAuth redirect URI registered with the app (must end in /oauth/callback)."),
    GHL_MARKETPLACE_URL(
            "ghl.marketplaceUrl",
            null,
            false,
            "Where the OAuth consent page (/v2/oauth/chooselocation) lives. Default: https://marketplace.gohighlevel.com,"
                    + " or RECRUITFLOW_GHL_BASE_URL when that is not GHL's (the sandbox serves the page itself)."),
    GHL_SCOPES("ghl.scopes", null, false, "OAuth scopes, space-separated. Default: the smallest set Recruitflow uses."),
    GHL_LOCATION_ID("ghl.locationId", null, false, "The default GHL location (sub-account) id."),
    GHL_COMPANY_ID(
            "ghl.companyId",
            null,
            false,
            "With OAuth, the agency (company) installed as Company whose token mints a location's token on demand,"
                    + " e.g. to import into any of its locations."),
    GHL_RATE_LIMIT(
            "ghl.rateLimit",
            "100/10s",
            false,
            "Client-side burst limit per location: N/<duration>, e.g. 100/10s (GHL's), 100/60s, 100/1s."),
    GHL_DAILY_RESERVE(
            "ghl.dailyReserve",
            "5%",
            false,
            "The part of each location's daily GHL quota kept for intros (5% of the daily limit, or a number of calls):"
                    + " once the day's remaining is down to it, follow-ups (workflow enrollment, later texts) wait for"
                    + " the daily reset."),
    GHL_REFRESH_SKEW(
            "ghl.refreshSkew",
            "10m",
            false,
            "OAuth tokens are refreshed this long before they expire (at least 1m); the token serves meanwhile."),
    DB_URL(
            "db.url",
            null,
            false,
            "JDBC URL of an external PostgreSQL. Unset: an embedded PostgreSQL in the data directory."),
    DB_USER("db.user", null, false, "User of the external PostgreSQL."),
    DB_PASSWORD("db.password", null, true, "Password of the external PostgreSQL."),
    DATA_DIR("dataDir", "./data", false, "Where the embedded PostgreSQL and its generated key live."),
    SECRET_KEY(
            "secretKey",
            null,
            true,
            "Base64 of 32 random bytes: encrypts OAuth tokens at rest. Embedded mode generates one."),
    SECRET_KEY_PREVIOUS(
            "secretKeyPrevious",
            null,
            true,
            "The key before a rotation of RECRUITFLOW_SECRET_KEY: still decrypts, and each start re-encrypts what it decrypts with the new key."),
    HTTP_PORT("http.port", "8080", false, "Port of the service (webhooks, OAuth, admin API, dashboard)."),
    ADMIN_TOKEN("http.adminToken", null, true, "Bearer token of the admin API and dashboard (required by serve)."),
    WEBHOOK_PUBLIC_KEYS(
            "webhook.publicKeys",
            null,
            false,
            "PEM file with the GHL webhook public keys. Default: GHL's two published keys."),
    WEBHOOK_ALLOW_UNSIGNED(
            "webhook.allowUnsigned",
            "false",
            false,
            "Development only: accept unsigned webhooks (logged loudly at every start); refused against GHL's production API."),
    WEBHOOK_MAX_AGE(
            "webhook.maxAge",
            "2h",
            false,
            "How old a webhook's timestamp may be (2h, 90m, PT2H): GHL retries a 429 with the original one for ~70 min."),
    WEBHOOK_MAX_SKEW(
            "webhook.maxSkew",
            "5m",
            false,
            "How far ahead of our clock a webhook's timestamp may be (clock skew); later ones are refused."),
    METRICS_AUTH(
            "metrics.auth",
            "none",
            false,
            "none (default: open, as Prometheus scrapes) or token: GET /metrics takes the admin token as a bearer token."),
    METRICS_LOCATION_LABELS(
            "metrics.locationLabels",
            "false",
            false,
            "true: metrics may carry GHL location ids as labels; false (default) drops those labels."),
    IMPORT_MAX_BYTES(
            "import.maxBytes",
            "50MiB",
            false,
            "The largest lead file an import takes (bytes, or 50MiB, 512KiB, 1GB); the admin API answers 413 beyond it."),
    IMPORT_MAX_RECORD_LENGTH(
            "import.maxRecordLength",
            "65536",
            false,
            "The most characters one lead-file row may have; a longer one (an unterminated quote) is a row error and ends the file."),
    COMPLIANCE_QUIET_HOURS(
            "compliance.quietHours",
            "enforce",
            false,
            "enforce (default) or off. off is for sandbox runs; the service warns at start."),
    COMPLIANCE_MARGIN(
            "compliance.margin",
            "2m",
            false,
            "No text starts closer than this to the end of an allowed window (0 to 1h: 2m, 90s, PT5M); the service logs a margin other than 2m at start."),
    COMPLIANCE_DISABLED_RULES(
            "compliance.disabledRules",
            null,
            false,
            "Rules a compliance officer switched off, by id, comma-separated (MS.holidays,IL.hours; TX-hours is read as TX.hours); the federal rule cannot be switched off, an unknown id stops the start, and each one is logged (WARN) at every start."),
    INTAKE_TAGS(
            "intake.tags",
            "Licensed,PropHog-Lead",
            false,
            "Tags every new contact gets (comma-separated); each license type adds <Type>-Licensed."),
    INTAKE_CUSTOM_FIELDS(
            "intake.customFields",
            "licenseState=cf_license_state,licenseNumber=cf_license_number,licenseType=cf_license_type,npn=cf_npn",
            false,
            "GHL custom field ids of the license fields: licenseState, licenseNumber, licenseType, npn, "
                    + "licenseExpiration, and the tier (e.g. licenseState=ID,npn=ID,tier=ID); a field without an id is"
                    + " not written."),
    LEAD_EXTRA_COLUMNS(
            "intake.extraColumns",
            null,
            false,
            "Extra CSV columns copied into GHL custom fields: Header=fieldId,Other Header=fieldId."),
    LEAD_COLUMN_MAP(
            "intake.columnMap",
            null,
            false,
            "Lead-file columns of fields whose headers are not recognised: Field=Header,... e.g. "
                    + "First Name=Agent First Name,Phone=Cell 2 (import --map overrides it per field)."),
    INTRO_SMS(
            "intro.sms",
            null,
            false,
            "The intro text template ({First}, {Last}, {FullName}, {State}). Default: the reference's text with \"Reply STOP to opt out.\"; a template that names no sender or no way to opt out is warned about at start."),
    INTRO_EMAIL_SUBJECT(
            "intro.emailSubject",
            "Exciting Opportunity for Licensed Agents",
            false,
            "Subject of the intro email sent to leads without a phone."),
    INTRO_EMAIL_BODY(
            "intro.emailBody",
            null,
            false,
            "HTML body template of the intro email. Default: the reference's text as HTML."),
    EMAIL_FROM("intro.emailFrom", null, false, "The sender address of emails (GHL's emailFrom)."),
    OPTOUT_CONFIRMATION(
            "replies.optOutConfirmation",
            "true",
            false,
            "true or false: text one confirmation per opt-out within five minutes, nothing else in it (47 CFR 64.1200(a)(12)); never after five minutes, nor under GHL's do-not-disturb."),
    OPTOUT_CONFIRMATION_TEXT(
            "replies.optOutConfirmationText",
            null,
            false,
            "The opt-out confirmation, plain text (at most 306 characters). Default: \"You're unsubscribed from OOC Unlimited texts. No more messages will be sent.\""),
    HELP_TEXT(
            "replies.helpText",
            null,
            false,
            "The answer to HELP, plain text (at most 306 characters). Default: names the sender and says \"Reply STOP to opt out.\"; one without STOP is warned about at start."),
    PIPELINE_NAME("pipeline.name", "Agent Recruiting", false, "The GHL pipeline recruits are tracked in."),
    PIPELINE_STAGES(
            "pipeline.stages",
            "Lead,Contacted,Interested,Presentation Scheduled,Contracted",
            false,
            "The GHL names of the five recruiting stages, in order, comma-separated."),
    WORKFLOW_NAME("workflow.speedToLead", "Speed to Lead", false, "The GHL workflow new recruits are enrolled in."),
    WORKFLOW_TRIGGER(
            "workflow.trigger",
            "api",
            false,
            "How recruits enter that workflow: api (an enrollment call each), tag:NAME (the upsert adds the tag"
                    + " and the workflow's trigger \"Contact Tag added\" NAME enrolls: 3 GHL calls per lead, not 4) or"
                    + " none (no enrollment: Recruitflow's own cadences follow up; the default when RECRUITFLOW_NURTURE"
                    + " is on)."),
    NURTURE(
            "nurture.enabled",
            "off",
            false,
            "on or off: Recruitflow's own follow-ups (cadences) through its compliance engine, cancelled the moment"
                    + " a recruit answers, books, opts out, moves or signs. On, recruits are not enrolled in GHL's"
                    + " workflow unless RECRUITFLOW_WORKFLOW_TRIGGER says otherwise (then a warning: they would get"
                    + " both)."),
    NURTURE_CADENCES(
            "nurture.cadences",
            null,
            false,
            "The cadences, as YAML (in recruitflow.yml a mapping under nurture.cadences; see the README's Nurture"
                    + " section). Default: contacted-no-reply, on Contacted: +4h, +1d, +3d, +7d, rest 3d later"
                    + " (opportunity abandoned)."),
    CALENDAR_NAME(
            "calendar.presentations",
            null,
            false,
            "The GHL calendar presentations are booked on. Default: the location's first calendar."),
    ROUTING_STRATEGY(
            "routing.strategy",
            "none",
            false,
            "How new recruits are assigned to GHL users: none, or the rules tried in order, comma-separated, from"
                    + " round-robin (RECRUITFLOW_ROUTING_USERS in turn), territory (by license state) and source (by"
                    + " lead source), e.g. territory,round-robin; a recruit no rule assigns goes to"
                    + " RECRUITFLOW_ROUTING_FALLBACK."),
    ROUTING_USERS(
            "routing.users",
            null,
            false,
            "The GHL user ids round-robin shares recruits among, comma-separated (each location keeps its own turn,"
                    + " in PostgreSQL, across instances and restarts)."),
    ROUTING_TERRITORIES(
            "routing.territories",
            null,
            false,
            "The GHL user id of each license state: STATE=userId,... e.g. FL=user_ana,GA=user_ben."),
    ROUTING_SOURCES(
            "routing.sources",
            null,
            false,
            "The GHL user id of each lead source: source=userId,... e.g. PropHog=user_ana,Referral=user_ben (case"
                    + " aside)."),
    ROUTING_FALLBACK(
            "routing.fallback",
            null,
            false,
            "The GHL user id of a recruit no routing rule assigns (alone: every recruit goes to that user)."),
    TIER_RULES(
            "tiers.rules",
            null,
            false,
            "Tier rules, tried in order, comma-separated: TIER:CONDITION&CONDITION, a tier being a letter (A is worked"
                    + " first), e.g. A:cf_licensed_on<30d,B:state=FL|GA. Conditions: state=, type=, source=,"
                    + " expires<Nd or >Nd, COLUMN<Nd or >Nd (a date column within or more than N days ago), COLUMN=value"
                    + " (COLUMN: an extra column's header or custom field id)."),
    TIER_DEFAULT("tiers.default", null, false, "The tier of a lead no tier rule matches (a letter); none: untiered."),
    EVENTS_SUBSCRIPTIONS(
            "events.subscriptions",
            null,
            true,
            "Receivers of Recruitflow's outbound events (Standard Webhooks): name=https://URL, comma-separated (a YAML"
                    + " list works); each name needs its secret in RECRUITFLOW_EVENTS_SECRETS. https only (http to"
                    + " loopback with RECRUITFLOW_EVENTS_ALLOW_LOOPBACK_HTTP). Secret: a receiver's URL may hold its"
                    + " token."),
    EVENTS_SECRETS(
            "events.secrets",
            null,
            true,
            "The signing secret of each subscription: name=whsec_<base64 of 24 to 64 random bytes>, comma-separated"
                    + " (echo whsec_$(openssl rand -base64 32))."),
    EVENTS_ALLOW_LOOPBACK_HTTP(
            "events.allowLoopbackHttp",
            "false",
            false,
            "Development only: true lets a subscription use http to localhost/127.0.0.1/::1; every other URL must be"
                    + " https either way."),
    PRESENTATION_REMINDERS(
            "presentations.reminders",
            "24h,1h",
            false,
            "How long before a presentation each reminder text goes, comma-separated (24h,1h; at most 7d; none: no"
                    + " reminders). A reminder that would fall in the recipient's quiet hours, or after the start, is"
                    + " skipped with the reason recorded."),
    PRESENTATION_REMINDER_TEXT(
            "presentations.reminderText",
            null,
            false,
            "The reminder text ({First}, {Last}, {FullName}, {State}, {When}: the presentation's time in the"
                    + " recruit's zone). Default: \"Hi {First}, a reminder from Gary at OOC Unlimited: your iDecide"
                    + " presentation is {When}. Reply STOP to opt out.\""),
    PRESENTATION_NOSHOW_DELAY(
            "presentations.noShowDelay",
            "10m",
            false,
            "How long after GHL reports a no-show the rebooking text goes (0 to 24h)."),
    PRESENTATION_REBOOKING_URL(
            "presentations.rebookingUrl",
            "https://api.leadconnectorhq.com/widget/booking/{CalendarId}",
            false,
            "Where a recruit who missed the presentation books again ({CalendarId}: the presentation calendar's"
                    + " id; default GHL's booking widget of it)."),
    PRESENTATION_NOSHOW_TEXT(
            "presentations.noShowText",
            null,
            false,
            "The rebooking text after a no-show; must contain {Link}. Default: \"Hi {First}, sorry we missed you!"
                    + " Pick a new time for your iDecide presentation: {Link} Reply STOP to opt out.\""),
    PRESENTATION_RESCHEDULES(
            "presentations.reschedules",
            "1",
            false,
            "How many no-shows get a rebooking text (0 to 5): one reschedule allowed by default."),
    PRESENTATION_ARCHIVE(
            "presentations.archive",
            "true",
            false,
            "true or false: a recruit who misses a presentation after their last allowed reschedule is archived"
                    + " (the opportunity's status becomes abandoned; every planned text is cancelled)."),
    STALL_LIMITS(
            "stalls.limits",
            "Lead=1d,Contacted=8d,Interested=3d,Presentation Scheduled=2d",
            false,
            "How long a recruit may stay in a stage before being listed as stalled and announced (Stage=duration,"
                    + " comma-separated; a stage left out never stalls). Presentation Scheduled counts from the"
                    + " presentation's end."),
    STALL_EVERY("stalls.every", "15m", false, "How often Recruitflow looks for stalled recruits (1s to 1d)."),
    JOB_THREADS(
            "jobs.threads",
            "4",
            false,
            "Worker threads of the durable job queue (at most 96); the database pool gets two connections per thread"
                    + " and 8 more."),
    LOG_FORMAT("log.format", "text", false, "text or json."),
    LOG_LEVEL("log.level", "INFO", false, "Level of Recruitflow's own loggers.");

    private final String yamlKey;
    private final String defaultValue;
    private final boolean secret;
    private final String description;

    Setting(String yamlKey, String defaultValue, boolean secret, String description) {
        this.yamlKey = yamlKey;
        this.defaultValue = defaultValue;
        this.secret = secret;
        this.description = description;
    }

    /** The environment variable: {@code RECRUITFLOW_} + the name. */
    public String env() {
        return "RECRUITFLOW_" + name().toUpperCase(Locale.ROOT);
    }

    public String yamlKey() {
        return yamlKey;
    }

    public Optional<String> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    public boolean secret() {
        return secret;
    }

    public String description() {
        return description;
    }

    /** The only values the setting takes (lower case), or empty when it is free-form. */
    public java.util.Set<String> allowedValues() {
        return switch (this) {
            case WEBHOOK_ALLOW_UNSIGNED, METRICS_LOCATION_LABELS -> java.util.Set.of("true", "false");
            case METRICS_AUTH -> java.util.Set.of("none", "token");
            case COMPLIANCE_QUIET_HOURS -> java.util.Set.of("enforce", "off");
            // YAML 1.1 reads an unquoted on/off as true/false.
            case NURTURE -> java.util.Set.of("on", "off", "true", "false");
            case LOG_FORMAT -> java.util.Set.of("text", "json");
            case LOG_LEVEL -> java.util.Set.of("trace", "debug", "info", "warn", "error");
            default -> java.util.Set.of();
        };
    }
}
