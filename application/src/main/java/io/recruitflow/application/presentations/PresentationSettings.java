package io.recruitflow.application.presentations;

import io.recruitflow.domain.message.MessageTemplate;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How Recruitflow follows a presentation through: reminders before it, a rebooking text after a no-show, how many
 * rebookings a recruit gets, and whether a recruit who misses beyond that is archived. Checked when made, so a
 * mistake stops the start rather than a recruit's text.
 *
 * <p>Templates take the intro's placeholders ({@code {First}}, {@code {Last}}, {@code {FullName}}, {@code {State}});
 * a reminder also {@code {When}} (the presentation's time in the recruit's zone as read when the reminder goes: "today
 * at 10:00 AM EST", "tomorrow at 10:00 AM EST", "Tue Feb 17 at 10:00 AM EST"), the
 * no-show text {@code {Link}} (the rebooking URL, which must be in it). The URL may hold {@code {CalendarId}}, the
 * presentation calendar's GHL id.
 *
 * @param reminderOffsets how long before the start each reminder goes (default 24 h and 1 h); empty: none
 * @param reminderTemplate the reminder text
 * @param noShowDelay how long after GHL reports the no-show the rebooking text goes (default 10 minutes)
 * @param rebookingUrl where a recruit books again (default GHL's booking widget of the calendar)
 * @param noShowTemplate the rebooking text
 * @param reschedules how many no-shows get a rebooking text (default 1: one reschedule allowed)
 * @param archive whether a recruit who misses once more is archived (opportunity {@code abandoned}); default true
 */
public record PresentationSettings(
        List<Duration> reminderOffsets,
        String reminderTemplate,
        Duration noShowDelay,
        String rebookingUrl,
        String noShowTemplate,
        int reschedules,
        boolean archive) {
    public static final String WHEN = "{When}";
    public static final String LINK = "{Link}";
    public static final String CALENDAR_ID = "{CalendarId}";
    public static final List<Duration> DEFAULT_OFFSETS = List.of(Duration.ofHours(24), Duration.ofHours(1));
    public static final String DEFAULT_REMINDER =
            "Hi {First}, a reminder from Gary at OOC Unlimited: your iDecide presentation is {When}. Reply STOP to"
                    + " opt out.";
    public static final String DEFAULT_NO_SHOW =
            "Hi {First}, sorry we missed you! Pick a new time for your iDecide presentation: {Link} Reply STOP to opt"
                    + " out.";
    /** GHL's booking widget of a calendar (the calendar's "booking link" in GHL's calendar settings). */
    public static final String DEFAULT_REBOOKING_URL = "https://api.leadconnectorhq.com/widget/booking/{CalendarId}";

    public static final Duration DEFAULT_NO_SHOW_DELAY = Duration.ofMinutes(10);
    /** A reminder more than a week ahead reminds of nothing. */
    public static final Duration MAX_OFFSET = Duration.ofDays(7);

    public PresentationSettings {
        Objects.requireNonNull(reminderOffsets, "reminderOffsets");
        List<Duration> offsets = new ArrayList<>(reminderOffsets);
        for (Duration d : offsets) {
            if (d == null || d.isNegative() || d.isZero() || d.compareTo(MAX_OFFSET) > 0) {
                throw new IllegalArgumentException(
                        "a reminder offset must be more than 0 and at most 7d before the start, not " + d);
            }
        }
        if (offsets.stream().distinct().count() != offsets.size()) {
            throw new IllegalArgumentException("reminder offsets repeat: " + offsets);
        }
        offsets.sort(Comparator.reverseOrder());
        reminderOffsets = List.copyOf(offsets);
        Objects.requireNonNull(noShowDelay, "noShowDelay");
        if (noShowDelay.isNegative() || noShowDelay.compareTo(Duration.ofHours(24)) > 0) {
            throw new IllegalArgumentException("the no-show delay must be 0 to 24h, not " + noShowDelay);
        }
        if (reschedules < 0 || reschedules > 5) {
            throw new IllegalArgumentException("reschedules must be 0 to 5, not " + reschedules);
        }
        Objects.requireNonNull(reminderTemplate, "reminderTemplate");
        Objects.requireNonNull(noShowTemplate, "noShowTemplate");
        Objects.requireNonNull(rebookingUrl, "rebookingUrl");
        requireHttpUrl(rebookingUrl.replace(CALENDAR_ID, "calendar"));
        if (!noShowTemplate.contains(LINK)) {
            throw new IllegalArgumentException(
                    "the no-show text must contain " + LINK + ", or the recruit gets no way to rebook");
        }
        // Unknown placeholders are refused now.
        new MessageTemplate(reminderTemplate.replace(WHEN, "when"));
        new MessageTemplate(noShowTemplate.replace(LINK, "link"));
    }

    public static PresentationSettings defaults() {
        return new PresentationSettings(
                DEFAULT_OFFSETS,
                DEFAULT_REMINDER,
                DEFAULT_NO_SHOW_DELAY,
                DEFAULT_REBOOKING_URL,
                DEFAULT_NO_SHOW,
                1,
                true);
    }

    public PresentationSettings withRebookingUrl(String url) {
        return new PresentationSettings(
                reminderOffsets, reminderTemplate, noShowDelay, url, noShowTemplate, reschedules, archive);
    }

    /** The reminder for one recruit, the presentation at {@code when}. */
    public String reminder(String when, Map<String, String> values) {
        return new MessageTemplate(reminderTemplate.replace(WHEN, when)).render(values);
    }

    /** The rebooking text for one recruit, on the calendar {@code calendarId}. */
    public String noShow(String calendarId, Map<String, String> values) {
        return new MessageTemplate(noShowTemplate.replace(LINK, rebookingUrl.replace(CALENDAR_ID, calendarId)))
                .render(values);
    }

    private static void requireHttpUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the rebooking URL is not a URL: " + e.getMessage());
        }
        String scheme = uri.getScheme();
        if (!uri.isAbsolute()
                || uri.getHost() == null
                || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))) {
            throw new IllegalArgumentException("the rebooking URL must be an absolute http(s) URL, was " + url);
        }
    }
}
