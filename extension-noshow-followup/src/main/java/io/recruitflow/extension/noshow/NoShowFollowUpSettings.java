package io.recruitflow.extension.noshow;

import io.recruitflow.domain.message.MessageTemplate;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Objects;

/**
 * How the no-show follow-up reads: where recruits rebook, and the text they get. The template takes
 * {@code {Link}} (the rebooking URL) besides the {@link MessageTemplate} placeholders ({@code {First}},
 * {@code {Last}}, {@code {FullName}}, {@code {State}}). Everything is checked when the settings are made, so a
 * mistake fails at start-up rather than when a recruit is texted.
 *
 * @param rebookingUrl an absolute http(s) URL, e.g. the presentation calendar's booking page
 * @param template     the text; must contain {@code {Link}}
 */
public record NoShowFollowUpSettings(String rebookingUrl, String template) {
    /** The placeholder for {@link #rebookingUrl}. */
    public static final String LINK = "{Link}";

    public static final String DEFAULT_TEMPLATE =
            "Hi {First}, sorry we missed you! Pick a new time for your iDecide presentation: {Link}";

    public NoShowFollowUpSettings {
        Objects.requireNonNull(rebookingUrl, "rebookingUrl is required");
        Objects.requireNonNull(template, "template is required");
        requireHttpUrl(rebookingUrl);
        if (!template.contains(LINK)) {
            throw new IllegalArgumentException(
                    "the no-show template must contain " + LINK + ", or the recruit gets no way to rebook");
        }
        // Refuses unknown placeholders now. The URL holds no braces (a valid URI cannot), so it cannot be
        // mistaken for a placeholder once substituted.
        filled(rebookingUrl, template);
    }

    /** The default text, linking to {@code rebookingUrl}. */
    public static NoShowFollowUpSettings withDefaultTemplate(String rebookingUrl) {
        return new NoShowFollowUpSettings(rebookingUrl, DEFAULT_TEMPLATE);
    }

    /** The text for one recruit. */
    String render(Map<String, String> values) {
        return filled(rebookingUrl, template).render(values);
    }

    private static MessageTemplate filled(String rebookingUrl, String template) {
        return new MessageTemplate(template.replace(LINK, rebookingUrl));
    }

    private static void requireHttpUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("rebookingUrl is not a URL: " + e.getMessage());
        }
        String scheme = uri.getScheme();
        if (!uri.isAbsolute()
                || uri.getHost() == null
                || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))) {
            throw new IllegalArgumentException("rebookingUrl must be an absolute http(s) URL, was " + url);
        }
    }
}
