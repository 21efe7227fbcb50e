package io.recruitflow.adapter.webhook;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The OpenAPI 3.1 description of the admin API ({@code openapi.json} beside this class), served at
 * {@code GET /api/openapi.json} behind the admin token like every {@code /api} route. Written by hand: a test
 * parses it and checks it against the routes the server registers, both ways.
 */
final class OpenApiDocument {
    static final String RESOURCE = "openapi.json";
    private static final byte[] DOCUMENT = load();

    private OpenApiDocument() {}

    /** The document's bytes (UTF-8 JSON). */
    static byte[] bytes() {
        return DOCUMENT.clone();
    }

    static void serve(Context ctx) {
        ctx.status(200).contentType("application/json").result(DOCUMENT);
    }

    private static byte[] load() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
