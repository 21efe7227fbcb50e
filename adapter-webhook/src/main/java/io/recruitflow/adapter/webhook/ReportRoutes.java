package io.recruitflow.adapter.webhook;

import io.javalin.http.Context;
import io.recruitflow.adapter.webhook.ApiBodies.ErrorBody;
import io.recruitflow.application.recruitingreport.RecruitingReportUseCase;
import io.recruitflow.application.recruitingreport.Report;
import io.recruitflow.application.recruitingreport.ReportQuery;
import java.util.Optional;

/**
 * The recruiting report over HTTP: {@code GET /api/report} (JSON, {@link ReportBodies}), {@code GET
 * /api/report.csv} ({@link ReportCsv}), both behind the admin API's bearer token, and {@code GET /report}, the
 * dashboard's page of it with SVG charts (Basic or bearer, as {@code GET /}). Parameters: {@link ReportRequest};
 * a bad one is answered 400 with what is expected. Without a report wired every route answers 503.
 */
final class ReportRoutes {
    private final Optional<RecruitingReportUseCase> report;

    ReportRoutes(Optional<RecruitingReportUseCase> report) {
        this.report = report;
    }

    // GET /api/report?group=source|state|recruiter|week&from=2026-11-01&to=2026-11-30&zone=America/New_York&locationId=
    void json(Context ctx) {
        report(ctx)
                .ifPresent(
                        r -> ctx.status(200).contentType("application/json").result(ApiJson.write(ReportBodies.of(r))));
    }

    // GET /api/report.csv?... (the same parameters)
    void csv(Context ctx) {
        report(ctx)
                .ifPresent(r -> ctx.status(200)
                        .contentType("text/csv; charset=utf-8")
                        .header(
                                "Content-Disposition",
                                "attachment; filename=\"recruitflow-report-"
                                        + r.query().grouping().key() + ".csv\"")
                        .result(ReportCsv.text(r)));
    }

    // GET /report?... : the page
    void page(Context ctx, AdminAuth auth) {
        if (!Dashboard.signedIn(ctx, auth)) {
            return;
        }
        if (report.isEmpty()) {
            Dashboard.html(ctx, 503, HtmlPage.render("Report unavailable", "The report is not wired in this server."));
            return;
        }
        ReportQuery query;
        try {
            query = ReportRequest.parse(ctx::queryParam);
        } catch (ReportRequest.Invalid e) {
            Dashboard.html(ctx, 400, HtmlPage.render("Bad request", e.getMessage() + "."));
            return;
        }
        Dashboard.html(ctx, 200, HtmlPage.report(ReportView.of(report.get().report(query))));
    }

    private Optional<Report> report(Context ctx) {
        if (report.isEmpty()) {
            error(ctx, 503, new ErrorBody("unavailable", "the report is not wired"));
            return Optional.empty();
        }
        ReportQuery query;
        try {
            query = ReportRequest.parse(ctx::queryParam);
        } catch (ReportRequest.Invalid e) {
            error(ctx, 400, new ErrorBody("bad_request", e.getMessage()));
            return Optional.empty();
        }
        return Optional.of(report.get().report(query));
    }

    private static void error(Context ctx, int status, ErrorBody body) {
        ctx.status(status).contentType("application/json").result(ApiJson.write(body));
    }
}
