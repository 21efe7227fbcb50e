package io.recruitflow.domain.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message text with placeholders: {@code {First}}, {@code {Last}}, {@code {FullName}}, {@code {State}}.
 * Unknown placeholders are refused when the template is made, not when a recruit is texted.
 */
public record MessageTemplate(String text) {
    public static final Set<String> PLACEHOLDERS = Set.of("First", "Last", "FullName", "State");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    /**
     * The reference's intro text, with how to opt out: a first text should name its sender and say how to
     * stop further texts (CTIA messaging principles; TCPA consent revocation, 47 CFR 64.1200(a)(10)).
     */
    public static final MessageTemplate DEFAULT_INTRO_SMS = new MessageTemplate(
            "Hi {First}, this is Gary from OOC Unlimited. I noticed you're a licensed agent in {State}. "
                    + "I'd love to share an opportunity with you. When's a good time to chat? Reply STOP to opt out.");

    public static final MessageTemplate DEFAULT_INTRO_EMAIL_SUBJECT =
            new MessageTemplate("Exciting Opportunity for Licensed Agents");

    public static final MessageTemplate DEFAULT_INTRO_EMAIL_BODY = new MessageTemplate(
            "<html><body><p>Hi {First},</p><p>This is Gary from OOC Unlimited. I noticed you're a licensed agent "
                    + "in {State}. I'd love to share an opportunity with you. When's a good time to chat?</p>"
                    + "</body></html>");

    public MessageTemplate {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("template is blank");
        }
        Set<String> unknown = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group(1))) {
                unknown.add("{" + m.group(1) + "}");
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown placeholder(s) " + unknown + "; known: " + PLACEHOLDERS);
        }
    }

    private static final Pattern OPT_OUT_INSTRUCTION =
            Pattern.compile("(?i)\\b(reply|text|send)\\b[^.?!]{0,20}\\bstop\\b");
    private static final Pattern SENDER =
            Pattern.compile("(?i)\\b(this is|it's|it is|i'm|i am)\\s+\\S+|\\bfrom\\s+\\S+");

    /**
     * What a first text should say and this template may not: that it names its sender ("this is Gary from
     * OOC Unlimited") and how to opt out ("Reply STOP to opt out"). Empty when both are there. A heuristic for a
     * warning at start, not a refusal: a person decides.
     */
    public List<String> firstTextConcerns() {
        List<String> concerns = new ArrayList<>();
        if (!SENDER.matcher(text).find()) {
            concerns.add("does not seem to name its sender (e.g. \"this is Gary from OOC Unlimited\")");
        }
        if (!OPT_OUT_INSTRUCTION.matcher(text).find()) {
            concerns.add("does not say how to opt out (e.g. \"Reply STOP to opt out\")");
        }
        return concerns;
    }

    /** Fills the placeholders; a missing value renders as an empty string. */
    public String render(Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), "")));
        }
        m.appendTail(out);
        return out.toString().replaceAll(" {2,}", " ").strip();
    }
}
