package io.recruitflow.sandbox;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the sandbox standalone:
 * {@code GhlSandboxMain --port 8089 [--rate-limit 100/10s] [--webhook-url URL]... [--token-lifetime 86400s]
 * [--webhook-retries 6/10m+100s] [--host 127.0.0.1] [--fail-texts-to +15551234567=unregistered[*N]]...
 * [--text-failure-rate 0.05] [--text-failure-reason temporary] [--locations N] [--workflow-trigger WORKFLOW_ID=TAG]...}.
 */
public final class GhlSandboxMain {
    private GhlSandboxMain() {}

    public static void main(String[] args) throws InterruptedException {
        SandboxConfig config;
        DeliveryFailures failures = new DeliveryFailures();
        try {
            config = parse(args, failures);
        } catch (IllegalArgumentException e) {
            System.err.println("ghl-sandbox: " + e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        if (config == null) {
            System.out.println(usage());
            return;
        }
        GhlSandbox sandbox = GhlSandbox.start(config);
        sandbox.deliveryFailures().copyFrom(failures);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            sandbox.close();
                            stopped.countDown();
                        },
                        "ghl-sandbox-shutdown"));
        System.out.println("GHL sandbox listening on " + sandbox.baseUrl() + " (rate limit " + config.burstLimit() + "/"
                + config.burstWindow().toMillis() + "ms)");
        System.out.println("Locations: " + sandbox.credentials().locations().size() + " ("
                + sandbox.credentials().locations().get(0).id() + " first), company "
                + sandbox.credentials().companyId());
        System.out.println("Credentials: GET " + sandbox.baseUrl() + "/_sandbox/credentials");
        stopped.await();
    }

    /** The config for these arguments; null when help was asked for. */
    static SandboxConfig parse(String[] args) {
        return parse(args, new DeliveryFailures());
    }

    /** The config for these arguments, the delivery failures they ask for put in {@code failures}. */
    static SandboxConfig parse(String[] args, DeliveryFailures failures) {
        SandboxConfig config = SandboxConfig.defaults();
        double failureRate = 0;
        DeliveryFailures.Reason failureReason = DeliveryFailures.Reason.TEMPORARY;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (name.equals("--help") || name.equals("-h")) {
                return null;
            }
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                value = args[++i];
            }
            switch (name) {
                case "--port" -> config = config.withPort(Integer.parseInt(value));
                case "--host" -> config = config.withHost(value);
                case "--rate-limit" -> config = config.withRateLimit(value);
                case "--webhook-url" -> config = config.withWebhookUrl(URI.create(value));
                case "--token-lifetime" -> config = config.withAccessTokenLifetime(duration(value));
                case "--webhook-retries" -> config = webhookRetries(config, value);
                case "--fail-texts-to" -> failures.failTextsTo(value);
                case "--text-failure-rate" -> failureRate = rate(value);
                case "--text-failure-reason" -> failureReason = DeliveryFailures.Reason.of(value);
                case "--locations" -> config = config.withLocations(count(value));
                case "--workflow-trigger" -> config = workflowTrigger(config, value);
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        if (failureRate > 0) {
            failures.failAtRate(failureRate, failureReason, 1L);
        }
        return config;
    }

    private static double rate(String value) {
        try {
            double rate = Double.parseDouble(value.strip());
            if (rate >= 0 && rate <= 1) {
                return rate;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException("--text-failure-rate must be between 0 and 1, e.g. 0.05, was: " + value);
    }

    /**
     * {@code N/INTERVAL[+JITTER]}: {@code 6/10m+100s} is GHL's schedule (the default), {@code 0/10m} never
     * retries, {@code 3/1s+0s} retries fast.
     */
    static SandboxConfig webhookRetries(SandboxConfig config, String value) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)\\s*/\\s*([^+\\s]+)\\s*(?:\\+\\s*(\\S+))?")
                .matcher(value.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("--webhook-retries must look like 6/10m+100s, was: " + value);
        }
        Duration interval = duration(m.group(2));
        return m.group(3) == null
                ? config.withWebhookRetries(Integer.parseInt(m.group(1)), interval)
                : config.withWebhookRetries(Integer.parseInt(m.group(1)), interval, duration(m.group(3)));
    }

    private static int count(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--locations must be a number, was: " + value);
        }
    }

    /** {@code WORKFLOW_ID=TAG}: the workflow's trigger "Contact Tag added" TAG ({@code tag:TAG} is accepted too). */
    static SandboxConfig workflowTrigger(SandboxConfig config, String value) {
        int eq = value.indexOf('=');
        if (eq <= 0 || eq == value.length() - 1) {
            throw new IllegalArgumentException(
                    "--workflow-trigger must look like wf_speed_to_lead=new-lead, was: " + value);
        }
        String tag = value.substring(eq + 1).strip();
        if (tag.startsWith("tag:")) {
            tag = tag.substring(4);
        }
        return config.withWorkflowTrigger(value.substring(0, eq).strip(), tag);
    }

    /** {@code 86400s}, {@code 30m}, {@code 1h}, {@code 1d} or plain seconds. */
    static Duration duration(String value) {
        String v = value.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            }
            long amount =
                    Long.parseLong(Character.isDigit(v.charAt(v.length() - 1)) ? v : v.substring(0, v.length() - 1));
            return switch (v.charAt(v.length() - 1)) {
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                case 'd' -> Duration.ofDays(amount);
                default -> Duration.ofSeconds(amount);
            };
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("not a duration: " + value);
        }
    }

    private static String usage() {
        return "usage: ghl-sandbox --port 8089 [--rate-limit 100/10s] [--webhook-url URL]... "
                + "[--token-lifetime 86400s] [--webhook-retries 6/10m+100s] [--host 127.0.0.1] "
                + "[--fail-texts-to +15551234567=REASON[*N]]... [--text-failure-rate 0.05] [--text-failure-reason REASON] "
                + "[--locations N] [--workflow-trigger WORKFLOW_ID=TAG]... "
                + "(REASON: " + String.join(", ", DeliveryFailures.Reason.ids()) + ")";
    }
}
