package io.recruitflow.adapter.webhook;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The server's HTML pages, from the jte templates in {@code src/main/jte}: compiled with the module at build
 * time (jte-maven-plugin), so nothing is compiled at run time. The content type is HTML, so jte escapes
 * every value for where it stands (element text or attribute value); the templates never write raw text.
 */
final class HtmlPage {
    private HtmlPage() {}

    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(
            null, ContentType.Html, HtmlPage.class.getClassLoader(), HtmlPage.class.getPackageName());

    /** A page with a title and one sentence, for the OAuth routes and the dashboard's refusals. */
    static String render(String title, String message) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("title", title == null ? "" : title);
        params.put("message", message == null ? "" : message);
        StringOutput out = new StringOutput();
        TEMPLATES.render("message.jte", params, out);
        return out.toString();
    }

    /** One recruit and the compliance decisions on its texts. */
    static String recruit(RecruitPageView view) {
        StringOutput out = new StringOutput(8 * 1024);
        TEMPLATES.render("recruit.jte", view, out);
        return out.toString();
    }

    /** The recruiting report, with its charts. */
    static String report(ReportView view) {
        StringOutput out = new StringOutput(16 * 1024);
        TEMPLATES.render("report.jte", view, out);
        return out.toString();
    }

    /** The funnel dashboard. */
    static String dashboard(DashboardView view) {
        StringOutput out = new StringOutput(16 * 1024);
        TEMPLATES.render("dashboard.jte", view, out);
        return out.toString();
    }
}
