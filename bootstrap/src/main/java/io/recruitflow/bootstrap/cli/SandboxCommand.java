package io.recruitflow.bootstrap.cli;

import io.recruitflow.sandbox.GhlSandboxMain;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code recruitflow sandbox}: the GHL emulator, standalone. */
@Command(
        name = "sandbox",
        mixinStandardHelpOptions = true,
        description = "Runs the GHL sandbox: a stateful emulator of the GHL API v2 with GHL's rate limits, "
                + "OAuth and signed webhooks. Credentials: GET <base URL>/_sandbox/credentials.")
final class SandboxCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "8089", description = "Port to listen on. Default: ${DEFAULT-VALUE}")
    int port;

    @Option(
            names = "--rate-limit",
            paramLabel = "N/Ws",
            defaultValue = "100/10s",
            description = "Burst limit per location or company: 100/10s is GHL's, 100/60s the reference's, "
                    + "100/1s a fast one for tests. Default: ${DEFAULT-VALUE}")
    String rateLimit;

    @Option(names = "--webhook-url", paramLabel = "URL", description = "Subscribe a webhook receiver (repeatable).")
    List<String> webhookUrls = new ArrayList<>();

    @Option(
            names = "--token-lifetime",
            paramLabel = "DURATION",
            defaultValue = "86400s",
            description = "OAuth access-token lifetime (86400s, 30m, 1h). Default: ${DEFAULT-VALUE}")
    String tokenLifetime;

    @Option(
            names = "--webhook-retries",
            paramLabel = "N/INTERVAL+JITTER",
            defaultValue = "6/10m+100s",
            description = "Retries of a webhook answered 429, on the sandbox's clock (POST /_sandbox/clock moves it). "
                    + "Default: ${DEFAULT-VALUE}, GHL's schedule")
    String webhookRetries;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind. Default: ${DEFAULT-VALUE}")
    String host;

    @Option(
            names = "--fail-texts-to",
            paramLabel = "PHONE=REASON[*N]",
            description = "Texts to this E.164 number are accepted, then reported failed or undelivered with GHL's "
                    + "error (only the next N with *N). REASON: unregistered, carrier-blocked, invalid-number, "
                    + "landline, dnd, temporary, unknown, or an error code (30034). Repeatable.")
    List<String> failTextsTo = new ArrayList<>();

    @Option(
            names = "--text-failure-rate",
            paramLabel = "SHARE",
            description = "A share of all texts (0.05: one in twenty) reported undelivered. Default: none")
    Double textFailureRate;

    @Option(
            names = "--text-failure-reason",
            paramLabel = "REASON",
            defaultValue = "temporary",
            description = "The reason of the texts failed by --text-failure-rate. Default: ${DEFAULT-VALUE}")
    String textFailureReason;

    @Option(
            names = "--locations",
            paramLabel = "N",
            defaultValue = "0",
            description = "Seed N locations loc_0001..loc_N (same pipeline, workflows, calendar and custom fields in "
                    + "each, a private integration token and a rate-limit window each, one agency) instead of "
                    + "loc_abc123 and loc_def456. Default: the two.")
    int locations;

    @Option(
            names = "--workflow-trigger",
            paramLabel = "WORKFLOW_ID=TAG",
            description = "Give a workflow the trigger \"Contact Tag added\" TAG, e.g. wf_speed_to_lead=new-lead: "
                    + "a contact gaining the tag is enrolled (repeatable).")
    List<String> workflowTriggers = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        List<String> args = new ArrayList<>(List.of(
                "--port",
                String.valueOf(port),
                "--rate-limit",
                rateLimit,
                "--token-lifetime",
                tokenLifetime,
                "--webhook-retries",
                webhookRetries,
                "--host",
                host));
        webhookUrls.forEach(url -> args.addAll(List.of("--webhook-url", url)));
        failTextsTo.forEach(spec -> args.addAll(List.of("--fail-texts-to", spec)));
        if (textFailureRate != null) {
            args.addAll(List.of("--text-failure-rate", String.valueOf(textFailureRate)));
        }
        args.addAll(List.of("--text-failure-reason", textFailureReason));
        if (locations > 0) {
            args.addAll(List.of("--locations", String.valueOf(locations)));
        }
        workflowTriggers.forEach(trigger -> args.addAll(List.of("--workflow-trigger", trigger)));
        GhlSandboxMain.main(args.toArray(String[]::new));
        return 0;
    }
}
