package io.recruitflow.domain.appointment;

/** The title template of a presentation booking; {@code {First}} and {@code {Last}} are the recruit's names. */
public record PresentationTitle(String template) {
    public static final PresentationTitle DEFAULT = new PresentationTitle("iDecide Presentation - {First} {Last}");

    public PresentationTitle {
        if (template == null || template.isBlank()) {
            throw new IllegalArgumentException("title template is blank");
        }
    }

    public String render(String first, String last) {
        return template.replace("{First}", first).replace("{Last}", last).strip();
    }
}
