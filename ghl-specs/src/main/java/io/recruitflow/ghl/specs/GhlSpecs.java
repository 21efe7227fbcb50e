package io.recruitflow.ghl.specs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * GHL's official documents, vendored in this module (see its README): the OpenAPI 3.0 spec of each service
 * and the page of each webhook event. Read from the classpath, so it works from {@code target/classes} and
 * from the jar alike; {@code index.txt} names every file, as a jar cannot be listed.
 */
public final class GhlSpecs {
    private static final String ROOT = "/io/recruitflow/ghl/specs/";
    private static final List<String> INDEX = read("index.txt").lines().toList();

    private GhlSpecs() {}

    /** The services with an OpenAPI spec, e.g. {@code contacts}; {@code common-schemas} holds shared schemas. */
    public static List<String> openApiServices() {
        return names("openapi/", ".json");
    }

    /** The OpenAPI spec of a service ({@code contacts}, {@code common-schemas}, ...), as JSON text. */
    public static String openApi(String service) {
        return read("openapi/" + Objects.requireNonNull(service, "service") + ".json");
    }

    /** The webhook event pages (schema and examples, markdown) by event name, e.g. {@code ContactCreate}. */
    public static SortedMap<String, String> webhookEvents() {
        SortedMap<String, String> events = new TreeMap<>();
        for (String name : names("webhook-events/", ".md")) {
            events.put(name, webhookEvent(name));
        }
        return Collections.unmodifiableSortedMap(events);
    }

    /** The page of one webhook event, e.g. {@code ContactCreate}. */
    public static String webhookEvent(String name) {
        return read("webhook-events/" + Objects.requireNonNull(name, "name") + ".md");
    }

    /** The names listed in the index under a folder, without the folder and the suffix. */
    static List<String> names(String folder, String suffix) {
        return INDEX.stream()
                .filter(f -> f.startsWith(folder) && f.endsWith(suffix))
                .map(f -> f.substring(folder.length(), f.length() - suffix.length()))
                .toList();
    }

    static List<String> index() {
        return INDEX;
    }

    private static String read(String file) {
        try (InputStream in = GhlSpecs.class.getResourceAsStream(ROOT + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no such GHL document: " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
