package io.recruitflow.adapter.webhook;

/** Minimal HTML pages for the browser-facing OAuth routes; every dynamic value is escaped. */
final class HtmlPage {
    private HtmlPage() {}

    static String render(String title, String message) {
        return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(title) + "</title></head>"
                + "<body style=\"font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto;\">"
                + "<h1>" + escape(title) + "</h1><p>" + escape(message) + "</p></body></html>\n";
    }

    /** Escapes text for HTML element content and quoted attribute values. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
