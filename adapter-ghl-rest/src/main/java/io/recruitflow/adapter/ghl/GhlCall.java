package io.recruitflow.adapter.ghl;

import java.util.Objects;

/**
 * One logical GHL call: its route for logs and failures, whose token and rate budget it uses, what repeating
 * it would do ({@link Effect}), and whether it takes a rate-limit permit (the OAuth token endpoint does not).
 */
record GhlCall(String route, TokenOwner owner, Effect effect, boolean limited) {

    /** What a call does to GHL, which decides what a failure of it means ({@link GhlFailures}). */
    enum Effect {
        /** A read, an update, an upsert or a delete: repeating it changes nothing more. */
        IDEMPOTENT,
        /** A create: repeating it may create twice (a second contact, a second text to the recruit). */
        CREATE,
        /** An OAuth grant (a code exchange, a refresh): spends a single-use secret, so it is never repeated. */
        GRANT
    }

    GhlCall {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(effect, "effect");
    }

    static GhlCall idempotent(String route, TokenOwner owner) {
        return new GhlCall(route, owner, Effect.IDEMPOTENT, true);
    }

    static GhlCall create(String route, TokenOwner owner) {
        return new GhlCall(route, owner, Effect.CREATE, true);
    }

    /** A call of GHL's token endpoint, outside the rate budget of the account. */
    static GhlCall grant(String route, TokenOwner owner) {
        return new GhlCall(route, owner, Effect.GRANT, false);
    }

    boolean idempotent() {
        return effect == Effect.IDEMPOTENT;
    }
}
