package io.recruitflow.sandbox;

import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Injected failures per route ({@code "POST /contacts/"}) or for every route ({@code "*"}): 500, 503,
 * 429, added latency, a TCP reset without a response, and GHL's documented quirk of a create that
 * answers 422 although the contact was created (highlevel-api-docs issue #64), and GHL's 401 that is not about
 * the token: "This route is not yet supported by the IAM Service" (highlevel-api-docs issue #74), which no
 * token refresh fixes.
 */
final class Faults {
    enum Outcome {
        NONE,
        RESET,
        ERROR_500,
        ERROR_503,
        ERROR_429,
        CREATED_BUT_UNPROCESSABLE,
        IAM_UNSUPPORTED
    }

    record Rule(
            String route,
            double error500,
            double error503,
            double error429,
            long latencyMs,
            double reset,
            double createdButUnprocessable,
            double iamUnsupported) {
        Map<String, Object> toJson() {
            return Json.obj(
                    "route",
                    route,
                    "error500",
                    error500,
                    "error503",
                    error503,
                    "error429",
                    error429,
                    "latencyMs",
                    latencyMs,
                    "reset",
                    reset,
                    "createdButUnprocessable",
                    createdButUnprocessable,
                    "iamUnsupported",
                    iamUnsupported);
        }
    }

    /** What the request must suffer: a delay first, then an outcome. */
    record Decision(long latencyMs, Outcome outcome) {}

    private static final Decision NOTHING = new Decision(0, Outcome.NONE);

    private final ConcurrentHashMap<String, Rule> rules = new ConcurrentHashMap<>();
    private Random random = new Random();

    /** Parses the admin body and installs the rule; an optional {@code seed} makes rolls repeatable. */
    synchronized Rule configure(Map<String, Object> body) {
        String route = normalizeRoute(Json.string(body, "route") == null ? "*" : Json.string(body, "route"));
        Rule rule = new Rule(
                route,
                probability(body, "error500"),
                probability(body, "error503"),
                probability(body, "error429"),
                (long) number(body, "latencyMs"),
                probability(body, "reset"),
                probability(body, "createdButUnprocessable"),
                probability(body, "iamUnsupported"));
        double sum = rule.error500
                + rule.error503
                + rule.error429
                + rule.reset
                + rule.createdButUnprocessable
                + rule.iamUnsupported;
        if (sum > 1.0 + 1e-9) {
            throw ApiException.unprocessable("the probabilities of one route must add up to at most 1");
        }
        if (body.get("seed") != null) {
            random = new Random((long) number(body, "seed"));
        }
        rules.put(route, rule);
        return rule;
    }

    synchronized void clear() {
        rules.clear();
        random = new Random();
    }

    Map<String, Rule> rules() {
        return Map.copyOf(rules);
    }

    Decision roll(String routeKey) {
        if (rules.isEmpty()) {
            return NOTHING;
        }
        Rule rule = rules.get(routeKey);
        if (rule == null) {
            rule = rules.get("*");
        }
        if (rule == null) {
            return NOTHING;
        }
        double r;
        synchronized (this) {
            r = random.nextDouble();
        }
        Outcome outcome = Outcome.NONE;
        double edge = rule.reset;
        if (r < edge) {
            outcome = Outcome.RESET;
        } else if (r < (edge += rule.error500)) {
            outcome = Outcome.ERROR_500;
        } else if (r < (edge += rule.error503)) {
            outcome = Outcome.ERROR_503;
        } else if (r < (edge += rule.error429)) {
            outcome = Outcome.ERROR_429;
        } else if (r < (edge += rule.createdButUnprocessable)) {
            outcome = Outcome.CREATED_BUT_UNPROCESSABLE;
        } else if (r < edge + rule.iamUnsupported) {
            outcome = Outcome.IAM_UNSUPPORTED;
        }
        return new Decision(rule.latencyMs, outcome);
    }

    /** "post /contacts" and "POST /contacts/" name the same route. */
    static String normalizeRoute(String route) {
        String trimmed = route.trim();
        if (trimmed.equals("*")) {
            return trimmed;
        }
        int space = trimmed.indexOf(' ');
        if (space < 0) {
            throw ApiException.unprocessable("route must be \"*\" or \"METHOD /path\", e.g. \"POST /contacts/\"");
        }
        String method = trimmed.substring(0, space).toUpperCase(Locale.ROOT);
        String path = trimmed.substring(space + 1).trim();
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return method + " " + path;
    }

    private static double probability(Map<String, Object> body, String key) {
        double p = number(body, key);
        if (p < 0 || p > 1) {
            throw ApiException.unprocessable(key + " must be a probability between 0 and 1");
        }
        return p;
    }

    private static double number(Map<String, Object> body, String key) {
        Object value = body.get(key);
        if (value == null) {
            return 0;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw ApiException.unprocessable(key + " must be a number");
    }
}
