package io.recruitflow.adapter.ghl;

import java.util.Objects;

/**
 * One logical GHL call: its name for logs and errors, whose token and rate budget it uses, whether it is
 * safe to repeat, and whether it takes a rate-limit permit (the OAuth token endpoint does not).
 */
record GhlCall(String name, TokenOwner owner, boolean idempotent, boolean limited) {
    GhlCall {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(owner, "owner");
    }

    /** A read, an update or an upsert: repeating it changes nothing. */
    static GhlCall idempotent(String name, TokenOwner owner) {
        return new GhlCall(name, owner, true, true);
    }

    /** A create: repeating it may create twice. */
    static GhlCall create(String name, TokenOwner owner) {
        return new GhlCall(name, owner, false, true);
    }
}
