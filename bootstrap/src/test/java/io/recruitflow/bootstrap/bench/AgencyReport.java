package io.recruitflow.bootstrap.bench;

import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The agency benchmark's figures as files: {@code agency-scale.json} (every run and the medians),
 * {@code agency-scale.md} (the tables of {@code docs/benchmarks.md}) and {@code agency-scale.svg} (calls/s per
 * location and CPU per lead against N), all computed from the runs, none written by hand.
 */
final class AgencyReport {
    /** GHL's budget per location: 100 requests per 10 s. */
    static final double BUDGET_PER_SECOND = 10.0;

    private final List<List<AgencyBench.Result>> byN; // the repeats of each N, in N order
    private final List<AgencyBench.Result> tag;
    private final List<AgencyBench.Trickle> trickles;
    private final Map<String, List<AgencyBench.Result>> scaleOut;
    private final List<AgencyBench.Result> webhooks;

    AgencyReport(
            List<List<AgencyBench.Result>> byN,
            List<AgencyBench.Result> tag,
            List<AgencyBench.Trickle> trickles,
            Map<String, List<AgencyBench.Result>> scaleOut,
            List<AgencyBench.Result> webhooks) {
        this.byN = byN;
        this.tag = tag;
        this.trickles = trickles;
        this.scaleOut = scaleOut;
        this.webhooks = webhooks;
    }

    void write(Path dir, String baseName) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(baseName + ".json"), json(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(baseName + ".md"), markdown(), StandardCharsets.UTF_8);
        if (!byN.isEmpty()) {
            Files.writeString(dir.resolve(baseName + ".svg"), svg(), StandardCharsets.UTF_8);
        }
    }

    static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    static <T> double median(List<T> items, ToDoubleFunction<T> f) {
        return median(items.stream().mapToDouble(f).toArray());
    }

    /** The lowest location's share of its budget. */
    static double minShare(AgencyBench.Result r) {
        return r.budgetShares(BUDGET_PER_SECOND)[0];
    }

    static double medianShare(AgencyBench.Result r) {
        return median(r.budgetShares(BUDGET_PER_SECOND));
    }

    static double maxShare(AgencyBench.Result r) {
        double[] s = r.budgetShares(BUDGET_PER_SECOND);
        return s[s.length - 1];
    }

    static long locationsAtLeast95(AgencyBench.Result r) {
        return java.util.Arrays.stream(r.budgetShares(BUDGET_PER_SECOND))
                .filter(s -> s >= 0.95)
                .count();
    }

    /** The ceiling GHL's budget sets: N × 10 calls/s over the calls a lead needs (4, or 3 with the tag). */
    static double ceiling(AgencyBench.Result r) {
        return r.options().locations() * BUDGET_PER_SECOND / (r.options().tagTrigger() ? 3.0 : 4.0);
    }

    private String json() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("measuredAt", Instant.now().toString());
        root.put("cores", Runtime.getRuntime().availableProcessors());
        root.put("budgetPerLocation", "100/10s");
        List<Object> ns = new ArrayList<>();
        for (List<AgencyBench.Result> runs : byN) {
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("locations", runs.get(0).options().locations());
            n.put("median", figures(runs));
            List<Object> each = new ArrayList<>();
            for (AgencyBench.Result r : runs) {
                each.add(figures(List.of(r)));
            }
            n.put("runs", each);
            ns.add(n);
        }
        root.put("byLocations", ns);
        if (!tag.isEmpty()) {
            root.put(
                    "tagTrigger",
                    Map.of(
                            "median",
                            figures(tag),
                            "runs",
                            tag.stream().map(r -> figures(List.of(r))).toList()));
        }
        if (!webhooks.isEmpty()) {
            AgencyBench.Result w = webhooks.get(webhooks.size() - 1);
            root.put(
                    "webhooksOn",
                    Map.of(
                            "median",
                            figures(webhooks),
                            "runs",
                            webhooks.stream().map(r -> figures(List.of(r))).toList(),
                            "tableSizes",
                            tables(w)));
        }
        List<Object> t = new ArrayList<>();
        for (AgencyBench.Trickle tr : trickles) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("backlog", tr.backlog());
            m.put("jobThreads", tr.jobThreads());
            m.put("trickleLeads", tr.speedToLead().size());
            m.put("speedToLeadP50Ms", tr.percentile(50).toMillis());
            m.put("speedToLeadP95Ms", tr.percentile(95).toMillis());
            m.put("speedToLeadMaxMs", tr.percentile(100).toMillis());
            m.put("busyLocationCallsPerSecond", round(tr.busyCallsPerSecond()));
            m.put("rateLimited", tr.rateLimited());
            m.put("loadAverage", List.of(round(tr.loadBefore()), round(tr.loadAfter())));
            t.add(m);
        }
        root.put("trickle", t);
        Map<String, Object> s = new LinkedHashMap<>();
        scaleOut.forEach((label, runs) -> s.put(
                label,
                Map.of(
                        "median",
                        figures(runs),
                        "runs",
                        runs.stream().map(r -> figures(List.of(r))).toList())));
        root.put("scaleOut", s);
        if (!byN.isEmpty()) {
            List<AgencyBench.Result> last = byN.get(byN.size() - 1);
            AgencyBench.Result r = last.get(last.size() - 1);
            root.put("tableSizesAfterLargestRun", Map.of("leads", r.leads(), "tables", tables(r)));
        }
        return new Moshi.Builder().build().adapter(Object.class).indent("  ").toJson(root) + "\n";
    }

    private static List<Object> tables(AgencyBench.Result r) {
        List<Object> tables = new ArrayList<>();
        for (AgencyBench.TableSize ts : r.tables()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("table", ts.table());
            m.put("bytes", ts.bytes());
            m.put("rows", ts.rows());
            m.put("bytesPerLead", round(ts.bytes() / (double) r.leads()));
            m.put("bytesPerRow", ts.rows() == 0 ? 0 : round(ts.bytes() / (double) ts.rows()));
            tables.add(m);
        }
        return tables;
    }

    private static Map<String, Object> figures(List<AgencyBench.Result> runs) {
        AgencyBench.Result any = runs.get(0);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label", any.options().label());
        m.put("leads", any.leads());
        m.put("jobThreadsPerInstance", any.options().jobThreads());
        m.put("instances", any.options().instances());
        m.put("minLocationBudgetShare", round(median(runs, AgencyReport::minShare)));
        m.put("medianLocationBudgetShare", round(median(runs, AgencyReport::medianShare)));
        m.put("maxLocationBudgetShare", round(median(runs, AgencyReport::maxShare)));
        m.put("locationsAtLeast95Percent", median(runs, AgencyReport::locationsAtLeast95));
        m.put("leadsPerSecond", round(median(runs, AgencyBench.Result::leadsPerSecond)));
        m.put("ceilingLeadsPerSecond", round(ceiling(any)));
        m.put("leadsPerSecondOverCeiling", round(median(runs, r -> r.leadsPerSecond() / ceiling(r))));
        m.put("callsPerLead", round(median(runs, AgencyBench.Result::callsPerLead)));
        m.put("rateLimited", median(runs, AgencyBench.Result::rateLimited));
        m.put("transactionsPerLead", round(median(runs, AgencyBench.Result::commitsPerLead)));
        m.put("walSyncsPerLead", round(median(runs, AgencyBench.Result::walSyncsPerLead)));
        m.put("statementsPerLead", round(median(runs, AgencyBench.Result::statementsPerLead)));
        m.put("cpuMsPerLead", round(median(runs, AgencyBench.Result::cpuMillisPerLead)));
        m.put("jvmCpuMsPerLead", round(median(runs, AgencyBench.Result::jvmCpuMillisPerLead)));
        m.put("postgresCpuMsPerLead", round(median(runs, AgencyBench.Result::postgresCpuMillisPerLead)));
        m.put("seconds", round(median(runs, AgencyBench.Result::seconds)));
        m.put("duplicateContacts", median(runs, AgencyBench.Result::duplicateContacts));
        m.put("duplicateMessages", median(runs, AgencyBench.Result::duplicateMessages));
        m.put("failedSteps", median(runs, AgencyBench.Result::failedSteps));
        if (runs.size() == 1) {
            m.put("contacts", any.contacts());
            m.put("texts", any.texts());
            m.put("enrollments", any.enrollments());
            m.put("recruitsStored", any.recruitsStored());
            m.put("loadAverage", List.of(round(any.loadBefore()), round(any.loadAfter())));
            Map<String, Object> shares = new LinkedHashMap<>();
            for (AgencyBench.LocationFigure l : any.perLocation()) {
                shares.put(l.location(), round(l.callsPerSecond() / BUDGET_PER_SECOND));
            }
            m.put("budgetShareByLocation", shares);
        }
        return m;
    }

    private String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("<!-- generated by AgencyScaleBenchmarkTest (-Pbench); medians of the repeats -->\n\n");
        if (!byN.isEmpty()) {
            md.append("| N | repeats | leads | job threads | per-location calls/s over 10/s: min / median / max"
                    + " | locations ≥ 95 % | leads/s | over the ceiling (N × 2.5) | calls / lead | 429s"
                    + " | transactions / lead | WAL syncs / lead | CPU ms / lead (JVM + PostgreSQL) | load |\n");
            md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
            for (List<AgencyBench.Result> runs : byN) {
                row(md, runs, Integer.toString(runs.get(0).options().locations()));
            }
            if (!tag.isEmpty()) {
                row(md, tag, tag.get(0).options().locations() + ", tag trigger (ceiling N × 3.33)");
            }
            if (!webhooks.isEmpty()) {
                row(md, webhooks, webhooks.get(0).options().locations() + ", webhooks on");
            }
        }
        if (!trickles.isEmpty()) {
            md.append(
                    "\n| trickle run | job threads | backlog in loc_0001 | trickle leads in loc_0002 | speed-to-lead p50"
                            + " | p95 | max | busy location's calls/s (of 10) | 429s | load |\n"
                            + "|---|---|---|---|---|---|---|---|---|---|\n");
            int i = 1;
            for (AgencyBench.Trickle t : trickles) {
                md.append(String.format(
                        Locale.ROOT,
                        "| %d | %d | %,d | %d | %d ms | **%d ms** | %d ms | %.1f | %d | %.1f→%.1f |%n",
                        i++,
                        t.jobThreads(),
                        t.backlog(),
                        t.speedToLead().size(),
                        t.percentile(50).toMillis(),
                        t.percentile(95).toMillis(),
                        t.percentile(100).toMillis(),
                        t.busyCallsPerSecond(),
                        t.rateLimited(),
                        t.loadBefore(),
                        t.loadAfter()));
            }
            md.append(String.format(
                    Locale.ROOT,
                    "| **median** | | | | %.0f ms | **%.0f ms** | %.0f ms | %.1f | | |%n",
                    median(trickles, t -> t.percentile(50).toMillis()),
                    median(trickles, t -> t.percentile(95).toMillis()),
                    median(trickles, t -> t.percentile(100).toMillis()),
                    median(trickles, AgencyBench.Trickle::busyCallsPerSecond)));
        }
        if (!scaleOut.isEmpty()) {
            md.append(
                    "\n| scale-out (budget not the limit) | repeats | leads | leads/s (median; each run) | calls / lead"
                            + " | transactions / lead | CPU ms / lead | contacts / texts of leads | duplicate contacts / texts"
                            + " | 429s |\n|---|---|---|---|---|---|---|---|---|---|\n");
            scaleOut.forEach((label, runs) -> {
                AgencyBench.Result any = runs.get(0);
                StringBuilder each = new StringBuilder();
                for (AgencyBench.Result r : runs) {
                    each.append(each.length() == 0 ? "" : ", ")
                            .append(String.format(Locale.ROOT, "%.1f", r.leadsPerSecond()));
                }
                md.append(String.format(
                        Locale.ROOT,
                        "| %s | %d | %,d | **%.1f** (%s) | %.3f | %.1f | %.1f | %s | %s | %s |%n",
                        label,
                        runs.size(),
                        any.leads(),
                        median(runs, AgencyBench.Result::leadsPerSecond),
                        each,
                        median(runs, AgencyBench.Result::callsPerLead),
                        median(runs, AgencyBench.Result::commitsPerLead),
                        median(runs, AgencyBench.Result::cpuMillisPerLead),
                        String.join(
                                ", ",
                                runs.stream()
                                        .map(r -> r.contacts() + "/" + r.texts() + " of " + r.leads())
                                        .toList()),
                        String.join(
                                ", ",
                                runs.stream()
                                        .map(r -> r.duplicateContacts() + "/" + r.duplicateMessages())
                                        .toList()),
                        String.join(
                                ", ",
                                runs.stream()
                                        .map(r -> Long.toString(r.rateLimited()))
                                        .toList())));
            });
        }
        if (!byN.isEmpty()) {
            List<AgencyBench.Result> last = byN.get(byN.size() - 1);
            sizes(md, last.get(last.size() - 1));
        }
        if (!webhooks.isEmpty()) {
            sizes(md, webhooks.get(webhooks.size() - 1));
        }
        return md.toString();
    }

    private static void sizes(StringBuilder md, AgencyBench.Result r) {
        md.append(String.format(
                Locale.ROOT,
                "%n| table (after %s: %,d leads, %,d webhooks delivered) | rows | size with indexes | bytes per lead"
                        + " | bytes per row |%n|---|---|---|---|---|%n",
                r.options().label(),
                r.leads(),
                r.webhooksDelivered()));
        for (AgencyBench.TableSize ts : r.tables()) {
            if (ts.rows() > 0) {
                md.append(String.format(
                        Locale.ROOT,
                        "| %s | %,d | %,d kB | %,.0f | %,.0f |%n",
                        ts.table(),
                        ts.rows(),
                        ts.bytes() / 1024,
                        ts.bytes() / (double) r.leads(),
                        ts.bytes() / (double) ts.rows()));
            }
        }
    }

    private static void row(StringBuilder md, List<AgencyBench.Result> runs, String n) {
        AgencyBench.Result any = runs.get(0);
        md.append(String.format(
                Locale.ROOT,
                "| %s | %d | %,d | %d | %.1f %% / %.1f %% / %.1f %% | %.0f of %d | %.1f | %.2f× | %.3f | %.0f | %.1f | %.1f"
                        + " | %.1f (%.1f + %.1f) | %.1f–%.1f |%n",
                n,
                runs.size(),
                any.leads(),
                any.options().jobThreads(),
                100 * median(runs, AgencyReport::minShare),
                100 * median(runs, AgencyReport::medianShare),
                100 * median(runs, AgencyReport::maxShare),
                median(runs, AgencyReport::locationsAtLeast95),
                any.options().locations(),
                median(runs, AgencyBench.Result::leadsPerSecond),
                median(runs, r -> r.leadsPerSecond() / ceiling(r)),
                median(runs, AgencyBench.Result::callsPerLead),
                median(runs, AgencyBench.Result::rateLimited),
                median(runs, AgencyBench.Result::commitsPerLead),
                median(runs, AgencyBench.Result::walSyncsPerLead),
                median(runs, AgencyBench.Result::cpuMillisPerLead),
                median(runs, AgencyBench.Result::jvmCpuMillisPerLead),
                median(runs, AgencyBench.Result::postgresCpuMillisPerLead),
                runs.stream().mapToDouble(AgencyBench.Result::loadBefore).min().orElse(0),
                runs.stream().mapToDouble(AgencyBench.Result::loadAfter).max().orElse(0)));
    }

    private String svg() {
        double[] x =
                byN.stream().mapToDouble(r -> r.get(0).options().locations()).toArray();
        double[] minShare = byN.stream()
                .mapToDouble(r -> 100 * median(r, AgencyReport::minShare))
                .toArray();
        double[] medShare = byN.stream()
                .mapToDouble(r -> 100 * median(r, AgencyReport::medianShare))
                .toArray();
        double[] aggregate = byN.stream()
                .mapToDouble(r -> 100 * median(r, q -> q.leadsPerSecond() / ceiling(q)))
                .toArray();
        double[] cpu = byN.stream()
                .mapToDouble(r -> median(r, AgencyBench.Result::cpuMillisPerLead))
                .toArray();
        double[] jvm = byN.stream()
                .mapToDouble(r -> median(r, AgencyBench.Result::jvmCpuMillisPerLead))
                .toArray();
        double[] pg = byN.stream()
                .mapToDouble(r -> median(r, AgencyBench.Result::postgresCpuMillisPerLead))
                .toArray();
        SvgPlot.Panel calls = new SvgPlot.Panel(
                "GHL calls/s per location, % of its 100/10 s",
                "locations on one instance (N)",
                "% of budget",
                x,
                List.of(
                        new SvgPlot.Series("median location", "#1f77b4", medShare),
                        new SvgPlot.Series("lowest location", "#ff7f0e", minShare),
                        new SvgPlot.Series("leads/s, % of N × 2.5", "#2ca02c", aggregate)),
                0,
                95.0,
                "target 95 %");
        SvgPlot.Panel perLead = new SvgPlot.Panel(
                "CPU per lead (import + intake)",
                "locations on one instance (N)",
                "CPU ms per lead",
                x,
                List.of(
                        new SvgPlot.Series("total", "#d62728", cpu),
                        new SvgPlot.Series("JVM (Recruitflow + sandbox)", "#9467bd", jvm),
                        new SvgPlot.Series("PostgreSQL", "#8c564b", pg)),
                0,
                null,
                null);
        return SvgPlot.render(
                "Generated by AgencyScaleBenchmarkTest (-Pbench) on "
                        + Instant.now().toString().substring(0, 16) + " UTC, 2 shared cores; medians of "
                        + byN.get(0).size() + " repeat(s)",
                List.of(calls, perLead));
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
