package io.recruitflow.adapter.ghl.webhook;

import java.nio.charset.StandardCharsets;

/** Webhook bodies as the inbox stores them: bytes. */
final class Bodies {
    private Bodies() {}

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
