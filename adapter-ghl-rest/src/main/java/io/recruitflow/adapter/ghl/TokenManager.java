package io.recruitflow.adapter.ghl;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import io.recruitflow.adapter.ghl.GhlHttpError.Reason;
import io.recruitflow.adapter.ghl.OAuthDtos.GetAccessCodeSuccessfulResponseDto;
import io.recruitflow.adapter.ghl.OAuthDtos.GetLocationAccessTokenSuccessfulResponseDto;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.CompanyId;
import io.recruitflow.domain.shared.ExternalFailure;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.SuspendedLocations;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OAuth 2.0 tokens per owner (location or company): the code exchange, agency-to-location tokens, and
 * refreshing.
 *
 * <p>Refresh rules. GHL refresh tokens are single-use, so two refreshes of one owner must never race, and a
 * pair GHL issued must never be lost (the refresh token it replaced is spent):
 * <ul>
 *   <li>a token expiring within {@code refreshSkew} (at least 60 s, 10 min by default) is refreshed before use,
 *       and a 401 about the token refreshes once;</li>
 *   <li>in-process single-flight: concurrent callers of one owner share one refresh (one future per owner), so
 *       50 threads that find the token expired cause one {@code POST /oauth/token};</li>
 *   <li>across instances, the store's renewal lease ({@link TokenStore#lease}, a row committed at once)
 *       serialises refreshes per owner; no database transaction is open during the GHL call. The holder reads
 *       the stored pair again after taking the lease: when another instance refreshed meanwhile it uses that
 *       pair and calls nobody. An instance that finds the lease taken waits for the holder's pair; when it
 *       does not come in time the current token serves while it is valid (the skew leaves the margin);</li>
 *   <li>the new pair serves calls at once, from memory, and is stored; when storing fails (the database is
 *       away) it stays in memory, keeps serving, and storing is retried in the background with a bounded
 *       backoff (Failsafe) while the lease is kept: the pair is never dropped, and the spent refresh token is
 *       never used again;</li>
 *   <li>{@code invalid_grant} from the token endpoint (the refresh token spent or revoked) suspends the
 *       location with the reason {@link SuspendedLocations#REINSTALL_REQUIRED} and logs one WARN line {@code
 *       location suspended: reinstall required}; the owner's calls then fail at once ({@code AccessDenied})
 *       without another token call, until the app is installed again ({@link #exchangeCode} lifts it);</li>
 *   <li>a location token minted from an agency token has no refresh token: it is minted again from the
 *       agency's token (the agency is remembered from {@link #locationToken}, else the configured default).</li>
 *   <li>a call on a location whose token is not held yet, once an agency is installed, mints it from the agency's
 *       token on the way ({@link #mintOnDemand}): once per location across threads (one future) and instances
 *       (the location's lease), stored, then used.</li>
 *   <li>a 401 naming a scope, a 403, or a refused refresh is final ({@link GhlFailures} decides); no refresh
 *       is tried for them.</li>
 * </ul>
 *
 * <p>A call on a location uses the location's token; a call on an agency the company's.
 */
final class TokenManager implements Credentials, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TokenManager.class);
    /** The policy key of calls that have no owner yet (the code exchange). */
    static final TokenOwner APP = new TokenOwner(TokenOwner.Type.COMPANY, "_oauth_app");

    private static final String TOKEN_ROUTE = "POST /oauth/token";
    /** The background store's backoff: from this ... */
    static final Duration STORE_RETRY_FIRST = Duration.ofMillis(200);
    /** ... doubling up to this, for as long as it takes. */
    static final Duration STORE_RETRY_MAX = Duration.ofSeconds(30);

    private final GhlClientConfig config;
    private final TokenStore store;
    private final Clock clock;
    private final HttpPipeline pipeline;
    private final OAuthApi api;
    private final Optional<SuspendedLocations> suspended;
    private final GhlCalls asCompany;
    /** Who holds a renewal lease: this client, unique per process. */
    private final String holder = "ghl-client-" + UUID.randomUUID();
    /** How long a renewal lease lasts without extension: longer than a token call and its store. */
    private final Duration leaseTime;
    /** How long a caller waits for the pair of another instance that holds the lease. */
    private final Duration leaseWait;

    private final ConcurrentMap<TokenOwner, OAuthTokens> cache = new ConcurrentHashMap<>();
    private final ConcurrentMap<TokenOwner, CompletableFuture<OAuthTokens>> inflight = new ConcurrentHashMap<>();
    private final ConcurrentMap<LocationId, CompanyId> companyOf = new ConcurrentHashMap<>();
    /** Pairs GHL issued that are not stored yet: the newest of their owner, serving calls meanwhile. */
    private final ConcurrentMap<TokenOwner, OAuthTokens> unstored = new ConcurrentHashMap<>();
    /** Owners whose grant GHL refused: no token call until another pair is stored (a reinstall, anywhere). */
    private final ConcurrentMap<TokenOwner, Refusal> refused = new ConcurrentHashMap<>();
    /** Agencies whose install was completed since start (the agency's own code exchange). */
    private final java.util.Set<CompanyId> agencies = ConcurrentHashMap.newKeySet();
    /**
     * Locations whose tokens were given up here ({@link #revoke}: the app was uninstalled there): not minted again on
     * demand, only by an explicit {@link #locationToken} (an INSTALL) or an install of the location.
     */
    private final java.util.Set<LocationId> withdrawn = ConcurrentHashMap.newKeySet();
    /** Locations no agency could mint a token for, until when that answer is kept (no agency call meanwhile). */
    private final ConcurrentMap<LocationId, MintRefused> unmintable = new ConcurrentHashMap<>();
    /** How long a refusal to mint is kept: a job retrying on a foreign location does not call the agency each time. */
    static final Duration UNMINTABLE_FOR = Duration.ofMinutes(1);

    private final ConcurrentMap<TokenOwner, Object> storeLocks = new ConcurrentHashMap<>();
    /** The access token that serves past its refresh time, per owner (to say so once, not on every call). */
    private final ConcurrentMap<TokenOwner, String> bridging = new ConcurrentHashMap<>();

    private final ScheduledExecutorService storer;
    private final FailsafeExecutor<Void> storeRetries;

    /** GHL's refusal of the pair whose access token was {@code accessToken}. */
    private record Refusal(String accessToken, ExternalFailure failure) {}

    /** Every agency's refusal to mint a location's token, kept until {@code until}. */
    private record MintRefused(Instant until, ExternalFailure failure) {}

    TokenManager(
            GhlClientConfig config,
            TokenStore store,
            Clock clock,
            HttpPipeline pipeline,
            OAuthApi api,
            Optional<SuspendedLocations> suspended) {
        this.config = config;
        this.store = store;
        this.clock = clock;
        this.pipeline = pipeline;
        this.api = api;
        this.suspended = suspended;
        this.asCompany = new GhlCalls(pipeline, this);
        Duration call = config.connectTimeout().plus(config.attemptTimeout());
        this.leaseTime = max(Duration.ofMinutes(2), call.multipliedBy(3));
        this.leaseWait = config.attemptTimeout().multipliedBy(2);
        this.storer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ghl-token-store");
            t.setDaemon(true);
            return t;
        });
        RetryPolicy<Void> retry = RetryPolicy.<Void>builder()
                .handle(RuntimeException.class)
                .withBackoff(STORE_RETRY_FIRST, STORE_RETRY_MAX)
                .withMaxRetries(-1)
                .build();
        this.storeRetries = Failsafe.with(retry).with(storer);
    }

    @Override
    public TokenOwner ownerOf(LocationId location) {
        return TokenOwner.location(location);
    }

    @Override
    public TokenOwner ownerOf(CompanyId company) {
        return TokenOwner.company(company);
    }

    @Override
    public Credential current(GhlCall call) {
        TokenOwner owner = call.owner();
        Refusal refusal = refused.get(owner);
        if (refusal != null) {
            // Installed again elsewhere? Then the store holds another pair.
            if (store.find(owner)
                    .filter(t -> !t.accessToken().equals(refusal.accessToken()))
                    .isEmpty()) {
                throw refusal.failure();
            }
            refused.remove(owner, refusal);
            cache.remove(owner);
        }
        OAuthTokens tokens = cache.get(owner);
        if (tokens == null) {
            Optional<OAuthTokens> stored = store.find(owner);
            if (stored.isEmpty()
                    && owner.type() == TokenOwner.Type.LOCATION
                    && !withdrawn.contains(new LocationId(owner.id()))) {
                tokens = mintOnDemand(call, new LocationId(owner.id())); // an agency's location, first call
            } else {
                tokens = stored.orElseThrow(() -> noCredential(
                        call,
                        "no OAuth tokens stored for " + owner
                                + ": install the app there (or mint a location token) first"));
            }
            cache.put(owner, tokens);
        }
        Instant now = clock.now();
        if (tokens.expiresWithin(config.refreshSkew(), now)) {
            OAuthTokens fresh;
            try {
                fresh = refresh(call, tokens.accessToken(), false);
            } catch (RuntimeException e) {
                if (refused.containsKey(owner) || !tokens.expiresAt().isAfter(now)) {
                    throw e;
                }
                // Refreshed early on purpose: the token still serves while the refresh cannot be done.
                if (!tokens.accessToken().equals(bridging.put(owner, tokens.accessToken()))) {
                    log.warn(
                            "could not refresh the OAuth tokens of {} before expiry ({}); the current token serves"
                                    + " until {}",
                            owner,
                            e.getClass().getSimpleName(),
                            tokens.expiresAt());
                }
                return new Credential(tokens.accessToken(), false);
            }
            return new Credential(fresh.accessToken(), !fresh.accessToken().equals(tokens.accessToken()));
        }
        return new Credential(tokens.accessToken(), false);
    }

    @Override
    public Optional<Credential> afterUnauthorized(GhlCall call, Credential used) {
        return Optional.of(new Credential(refresh(call, used.accessToken, true).accessToken(), true));
    }

    /**
     * Replaces the tokens of the call's owner whose access token is {@code stale} (refused by GHL when {@code
     * rejected}, else only close to its expiry). Concurrent callers share one refresh; a caller that finds the
     * stale token already replaced takes the new one without calling GHL.
     */
    OAuthTokens refresh(GhlCall call, String stale, boolean rejected) {
        TokenOwner owner = call.owner();
        OAuthTokens cached = cache.get(owner);
        if (cached != null && replaces(cached, stale)) {
            return cached;
        }
        CompletableFuture<OAuthTokens> mine = new CompletableFuture<>();
        CompletableFuture<OAuthTokens> running = inflight.putIfAbsent(owner, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        try {
            OAuthTokens fresh = renew(call, stale, rejected);
            cache.put(owner, fresh);
            mine.complete(fresh);
            return fresh;
        } catch (RuntimeException e) {
            if (!unstored.containsKey(owner)) {
                cache.remove(owner); // read the store again next time: another instance may have refreshed
            }
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inflight.remove(owner, mine);
        }
    }

    /** Whether {@code tokens} replace the {@code stale} access token and are not due for a refresh themselves. */
    private boolean replaces(OAuthTokens tokens, String stale) {
        return !tokens.accessToken().equals(stale) && !tokens.expiresWithin(config.refreshSkew(), clock.now());
    }

    /** Takes the owner's renewal lease (or waits for the pair of the instance that holds it) and refreshes. */
    private OAuthTokens renew(GhlCall call, String stale, boolean rejected) {
        TokenOwner owner = call.owner();
        long giveUpAt = System.nanoTime() + leaseWait.toNanos();
        long pauseMs = 20;
        while (true) {
            Instant now = clock.now();
            // An unstored pair keeps the lease held (the background store extends it).
            if (unstored.containsKey(owner) || store.lease(owner, holder, now, now.plus(leaseTime))) {
                return renewHoldingLease(call, stale);
            }
            Optional<OAuthTokens> stored = store.find(owner);
            if (stored.filter(t -> replaces(t, stale)).isPresent()) {
                return stored.get(); // the holder's new pair
            }
            if (System.nanoTime() - giveUpAt > 0) {
                if (!rejected
                        && stored.filter(t -> t.accessToken().equals(stale)
                                        && t.expiresAt().isAfter(now))
                                .isPresent()) {
                    return stored.get(); // still valid: serves until the holder's pair is stored
                }
                throw GhlFailures.failure(AttemptFailure.notSent(
                        call,
                        Reason.RENEWAL_BUSY,
                        "another instance holds the lease to refresh the tokens of " + owner,
                        now.plus(leaseTime),
                        null));
            }
            try {
                Thread.sleep(pauseMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw GhlFailures.failure(
                        AttemptFailure.notSent(call, Reason.INTERRUPTED, "interrupted waiting for a refresh", null, e));
            }
            pauseMs = Math.min(pauseMs * 2, 500);
        }
    }

    private OAuthTokens renewHoldingLease(GhlCall call, String stale) {
        TokenOwner owner = call.owner();
        boolean keepLease = false;
        try {
            // Read again under the lease: the newest pair is ours if unstored, else the stored one.
            Optional<OAuthTokens> current =
                    Optional.ofNullable(unstored.get(owner)).or(() -> store.find(owner));
            if (current.filter(t -> replaces(t, stale)).isPresent()) {
                return current.get(); // another caller (or instance) refreshed meanwhile
            }
            OAuthTokens next;
            try {
                next = requestRefresh(
                        call, current.orElseThrow(() -> noCredential(call, "no OAuth tokens stored for " + owner)));
            } catch (ExternalFailure e) {
                if (GhlFailures.grantRefused(e)) {
                    grantRefused(owner, current.get().accessToken(), e);
                }
                throw e;
            }
            unstored.put(owner, next);
            cache.put(owner, next);
            keepLease = !storeNow(owner);
            return next;
        } finally {
            if (!keepLease) {
                releaseLease(owner);
            }
        }
    }

    /**
     * Stores the owner's newest unstored pair now; when that fails, keeps it (it serves calls from memory) and
     * stores it in the background, retrying until it is stored. Whether it is stored now.
     */
    private boolean storeNow(TokenOwner owner) {
        try {
            storeLatest(owner);
            return true;
        } catch (RuntimeException e) {
            log.warn(
                    "the new OAuth tokens of {} are not stored yet ({}); they serve from memory and storing is retried",
                    owner,
                    e.getClass().getSimpleName());
            storeRetries
                    .runAsync(() -> {
                        Instant now = clock.now();
                        try {
                            store.lease(owner, holder, now, now.plus(leaseTime)); // keep it while we hold the pair
                        } catch (RuntimeException leaseFailed) {
                            // the store will fail too, and be retried
                        }
                        storeLatest(owner);
                    })
                    .whenComplete((ok, failure) -> {
                        if (failure == null) {
                            log.info("the new OAuth tokens of {} are stored", owner);
                            releaseLease(owner);
                            // Stored late: another instance may have found the lease lapsed meanwhile, spent
                            // the old token and taken GHL's refusal for a revoked install. This pair is live.
                            liftReinstallRequired(owner);
                        }
                    });
            return false;
        }
    }

    /** Stores the newest unstored pair of the owner, if any; one store at a time per owner, in issue order. */
    private void storeLatest(TokenOwner owner) {
        synchronized (storeLocks.computeIfAbsent(owner, o -> new Object())) {
            OAuthTokens latest;
            while ((latest = unstored.get(owner)) != null) {
                store.save(latest);
                unstored.remove(owner, latest);
            }
        }
    }

    private void releaseLease(TokenOwner owner) {
        if (unstored.containsKey(owner)) {
            return; // a newer pair still waits to be stored
        }
        try {
            store.release(owner, holder);
        } catch (RuntimeException e) {
            log.debug("could not give back the renewal lease of {}; it lapses by itself", owner, e);
        }
    }

    /** GHL refused the owner's grant: no more token calls for it, and the location waits for a reinstall. */
    private void grantRefused(TokenOwner owner, String accessToken, ExternalFailure failure) {
        refused.put(owner, new Refusal(accessToken, failure));
        cache.remove(owner);
        if (owner.type() != TokenOwner.Type.LOCATION) {
            log.warn("company {} refused: reinstall required ({})", owner.id(), failure.getMessage());
            return;
        }
        LocationId location = new LocationId(owner.id());
        boolean already = suspended
                .flatMap(s -> s.reason(location))
                .filter(SuspendedLocations.REINSTALL_REQUIRED::equals)
                .isPresent();
        suspended.ifPresent(s -> s.suspend(location, SuspendedLocations.REINSTALL_REQUIRED));
        if (!already) {
            log.warn(
                    "location suspended: reinstall required; location={} (GHL refused its refresh token: {})",
                    location.value(),
                    failure.getMessage());
        }
    }

    /** A new pair was stored for the owner (an install, a minted token): it is usable again. */
    private void accepted(OAuthTokens tokens) {
        TokenOwner owner = tokens.owner();
        synchronized (storeLocks.computeIfAbsent(owner, o -> new Object())) {
            unstored.remove(owner);
        }
        cache.put(owner, tokens);
        refused.remove(owner);
        liftReinstallRequired(owner);
    }

    /** The owner has a live pair again: a location suspended as "reinstall required" is active again. */
    private void liftReinstallRequired(TokenOwner owner) {
        if (owner.type() != TokenOwner.Type.LOCATION) {
            return;
        }
        LocationId location = new LocationId(owner.id());
        suspended.ifPresent(s -> {
            if (s.reason(location)
                    .filter(SuspendedLocations.REINSTALL_REQUIRED::equals)
                    .isPresent()) {
                s.resume(location);
                log.info("location {} has working OAuth tokens again: suspension lifted", location.value());
            }
        });
    }

    private OAuthTokens requestRefresh(GhlCall call, OAuthTokens current) {
        TokenOwner owner = call.owner();
        if (current.refreshToken() == null || current.refreshToken().isBlank()) {
            Optional<CompanyId> company = owner.type() == TokenOwner.Type.LOCATION
                    ? Optional.ofNullable(companyOf.get(new LocationId(owner.id())))
                            .or(config::defaultCompany)
                    : Optional.empty();
            if (company.isEmpty()) {
                throw noCredential(
                        call,
                        "the tokens of " + owner + " have no refresh token and no agency is known to mint new ones");
            }
            log.debug("minting a new location token for {} from agency {}", owner, company.get());
            return mintLocationToken(company.get(), new LocationId(owner.id()));
        }
        log.debug("refreshing the OAuth tokens of {}", owner);
        GetAccessCodeSuccessfulResponseDto dto = tokenEndpoint(
                GhlCall.grant(TOKEN_ROUTE, owner),
                () -> api.token(
                        config.clientId().orElseThrow(),
                        config.clientSecret().orElseThrow(),
                        "refresh_token",
                        null,
                        current.refreshToken(),
                        userType(owner.type()),
                        null));
        return new OAuthTokens(
                owner,
                dto.accessToken(),
                dto.refreshToken() != null ? dto.refreshToken() : current.refreshToken(),
                expiresAt(dto.expiresIn()),
                dto.scope() != null ? scopes(dto.scope()) : current.scopes());
    }

    /** Exchanges an authorization code and stores the tokens of whoever installed the app. */
    OAuthTokens exchangeCode(String code, TokenOwner.Type userType) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("authorization code is blank");
        }
        GhlCall exchange = GhlCall.grant(TOKEN_ROUTE, APP);
        GetAccessCodeSuccessfulResponseDto dto = tokenEndpoint(
                exchange,
                () -> api.token(
                        config.clientId().orElseThrow(),
                        config.clientSecret().orElseThrow(),
                        "authorization_code",
                        code,
                        null,
                        userType(userType),
                        config.redirectUri().map(Object::toString).orElse(null)));
        String ownerId = userType == TokenOwner.Type.COMPANY ? dto.companyId() : dto.locationId();
        if (ownerId == null || ownerId.isBlank()) {
            throw GhlFailures.unusableAnswer(
                    exchange,
                    "the answer names no " + (userType == TokenOwner.Type.COMPANY ? "companyId" : "locationId"),
                    null);
        }
        OAuthTokens tokens = new OAuthTokens(
                new TokenOwner(userType, ownerId),
                dto.accessToken(),
                dto.refreshToken(),
                expiresAt(dto.expiresIn()),
                scopes(dto.scope()));
        store.save(tokens);
        accepted(tokens);
        if (userType == TokenOwner.Type.LOCATION) {
            withdrawn.remove(new LocationId(ownerId));
        }
        if (userType == TokenOwner.Type.COMPANY) {
            unmintable.clear(); // a new agency may mint what the others could not
            agencies.add(new CompanyId(ownerId));
        }
        return tokens;
    }

    /**
     * Whether calls on the location can have a token: stored (or cached) tokens, or an agency holding tokens —
     * the location's (from an INSTALL), one installed since start, the configured one, or any stored — that GHL
     * lets mint one now ({@link #mintOnDemand}, stored). False when no agency may.
     */
    boolean reaches(LocationId location) {
        TokenOwner owner = TokenOwner.location(location);
        if (cache.containsKey(owner) || store.find(owner).isPresent()) {
            return true;
        }
        if (withdrawn.contains(location)) {
            return false; // uninstalled there: an INSTALL (or an install of the location) comes first
        }
        try {
            cache.put(owner, mintOnDemand(GhlCall.idempotent("POST /oauth/locationToken", owner), location));
            return true;
        } catch (ExternalFailure.AccessDenied | ExternalFailure.Rejected refused) {
            log.info("no agency can mint a token for location {}: {}", location, refused.getMessage());
            return false;
        }
    }

    /**
     * The location's token for its first call, minted from the agency's ({@code POST /oauth/locationToken}) and
     * stored: once per location, however many threads and instances ask at once. Threads of this process share one
     * mint (one future per owner, as refreshes do); across instances the location's credential lease ({@link
     * TokenStore#lease}) lets one mint while the others wait for its stored token and reuse it. The holder reads the
     * store again under the lease, so a token stored meanwhile (by any instance) is taken instead of minting. The
     * agencies tried, in order: the location's own (learnt from an INSTALL), those installed since start, the
     * configured one, then every agency whose token is stored (installed by another instance, or before a restart);
     * the first that GHL lets mint wins.
     *
     * @throws ExternalFailure.AccessDenied when no agency's token is held (or none may mint for the location)
     */
    private OAuthTokens mintOnDemand(GhlCall call, LocationId location) {
        TokenOwner owner = TokenOwner.location(location);
        CompletableFuture<OAuthTokens> mine = new CompletableFuture<>();
        CompletableFuture<OAuthTokens> running = inflight.putIfAbsent(owner, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        try {
            OAuthTokens tokens = mintUnderLease(call, location);
            mine.complete(tokens);
            return tokens;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inflight.remove(owner, mine);
        }
    }

    private OAuthTokens mintUnderLease(GhlCall call, LocationId location) {
        TokenOwner owner = TokenOwner.location(location);
        MintRefused refused = unmintable.get(location);
        if (refused != null) {
            if (clock.now().isBefore(refused.until())) {
                throw refused.failure();
            }
            unmintable.remove(location, refused);
        }
        List<CompanyId> candidates = agenciesFor(location);
        if (candidates.isEmpty()) {
            throw noCredential(
                    call,
                    "no OAuth tokens stored for " + owner
                            + " and no agency installed to mint them: install the app (user_type=Company) first");
        }
        long giveUpAt = System.nanoTime() + leaseWait.toNanos();
        long pauseMs = 20;
        while (true) {
            Instant now = clock.now();
            if (store.lease(owner, holder, now, now.plus(leaseTime))) {
                try {
                    Optional<OAuthTokens> stored = store.find(owner);
                    if (stored.isPresent()) {
                        return stored.get(); // minted meanwhile, by another thread or instance
                    }
                    return mintFromFirstAgency(location, candidates);
                } finally {
                    releaseLease(owner);
                }
            }
            Optional<OAuthTokens> stored = store.find(owner);
            if (stored.isPresent()) {
                return stored.get(); // the lease holder's token
            }
            if (System.nanoTime() - giveUpAt > 0) {
                throw GhlFailures.failure(AttemptFailure.notSent(
                        call,
                        Reason.RENEWAL_BUSY,
                        "another instance holds the lease to mint the token of " + owner,
                        now.plus(leaseTime),
                        null));
            }
            try {
                Thread.sleep(pauseMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw GhlFailures.failure(
                        AttemptFailure.notSent(call, Reason.INTERRUPTED, "interrupted waiting for a mint", null, e));
            }
            pauseMs = Math.min(pauseMs * 2, 500);
        }
    }

    /**
     * Mints from the first candidate GHL lets (stored); the last refusal when none does, kept {@link
     * #UNMINTABLE_FOR}.
     */
    private OAuthTokens mintFromFirstAgency(LocationId location, List<CompanyId> candidates) {
        ExternalFailure last = null;
        for (CompanyId agency : candidates) {
            try {
                return locationToken(agency, location);
            } catch (ExternalFailure.AccessDenied | ExternalFailure.Rejected refused) {
                log.info("agency {} cannot mint a token for location {}: {}", agency, location, refused.getMessage());
                last = refused;
            }
        }
        unmintable.put(location, new MintRefused(clock.now().plus(UNMINTABLE_FOR), last));
        throw last;
    }

    /** The agencies whose token is held, the likeliest to own the location first. */
    private List<CompanyId> agenciesFor(LocationId location) {
        java.util.LinkedHashSet<CompanyId> candidates = new java.util.LinkedHashSet<>();
        Optional.ofNullable(companyOf.get(location)).ifPresent(candidates::add);
        candidates.addAll(agencies);
        config.defaultCompany().ifPresent(candidates::add);
        store.ownerIds(TokenOwner.Type.COMPANY).forEach(id -> candidates.add(new CompanyId(id)));
        return candidates.stream()
                .filter(agency -> holds(TokenOwner.company(agency)))
                .toList();
    }

    /** Mints (and stores) a location token from the agency's token. */
    OAuthTokens locationToken(CompanyId company, LocationId location) {
        companyOf.put(location, company);
        withdrawn.remove(location);
        unmintable.remove(location);
        OAuthTokens tokens = mintLocationToken(company, location);
        store.save(tokens); // minting spends nothing: no lease needed
        accepted(tokens);
        return tokens;
    }

    private OAuthTokens mintLocationToken(CompanyId company, LocationId location) {
        // Minting issues a new token and changes nothing else: safe to retry.
        GhlCall mint = GhlCall.idempotent("POST /oauth/locationToken", TokenOwner.company(company));
        GetLocationAccessTokenSuccessfulResponseDto dto =
                asCompany.call(mint, auth -> api.locationToken(auth, company.value(), location.value()));
        if (dto == null || dto.accessToken() == null) {
            throw GhlFailures.unusableAnswer(mint, "the answer has no access token", null);
        }
        return new OAuthTokens(
                TokenOwner.location(location),
                dto.accessToken(),
                dto.refreshToken(),
                expiresAt(dto.expiresIn()),
                scopes(dto.scope()));
    }

    /**
     * Calls {@code POST /oauth/token}. Codes and refresh tokens are single-use, so the call is never repeated
     * once it may have reached GHL; a refused token or code is final ({@link GhlCall.Effect#GRANT}).
     */
    private GetAccessCodeSuccessfulResponseDto tokenEndpoint(
            GhlCall call, Supplier<retrofit2.Call<GetAccessCodeSuccessfulResponseDto>> request) {
        GetAccessCodeSuccessfulResponseDto dto;
        try {
            dto = pipeline.execute(call, request);
        } catch (UnauthorizedAnswer e) {
            throw GhlFailures.failure(e.attempt);
        }
        if (dto == null || dto.accessToken() == null || dto.accessToken().isBlank()) {
            throw GhlFailures.unusableAnswer(call, "the answer has no access token", null);
        }
        return dto;
    }

    /** Whether tokens of the owner are held (here or in the store), whatever their expiry. */
    boolean holds(TokenOwner owner) {
        return cache.containsKey(owner) || store.find(owner).isPresent();
    }

    /** Forgets the owner's tokens, here and in the store. Returns whether there were any. */
    boolean revoke(TokenOwner owner) {
        synchronized (storeLocks.computeIfAbsent(owner, o -> new Object())) {
            unstored.remove(owner);
        }
        cache.remove(owner);
        refused.remove(owner);
        if (owner.type() == TokenOwner.Type.LOCATION) {
            companyOf.remove(new LocationId(owner.id()));
            withdrawn.add(new LocationId(owner.id()));
        }
        return store.revoke(owner);
    }

    private static ExternalFailure noCredential(GhlCall call, String why) {
        return GhlFailures.failure(AttemptFailure.notSent(call, Reason.NO_CREDENTIAL, why, null, null));
    }

    private Instant expiresAt(Long expiresIn) {
        // GHL access tokens live about a day; an answer without expires_in is treated as short-lived.
        return clock.now().plusSeconds(expiresIn == null ? 3600 : expiresIn);
    }

    private static Set<String> scopes(String scope) {
        return scope == null
                ? Set.of()
                : Arrays.stream(scope.split("\\s+")).filter(s -> !s.isBlank()).collect(Collectors.toUnmodifiableSet());
    }

    private static String userType(TokenOwner.Type type) {
        return type == TokenOwner.Type.COMPANY ? "Company" : "Location";
    }

    /** Stores what is still unstored one last time (the database closes after the client), then stops. */
    @Override
    public void close() {
        storer.shutdownNow();
        for (TokenOwner owner : unstored.keySet()) {
            try {
                storeLatest(owner);
                releaseLease(owner);
            } catch (RuntimeException e) {
                log.error("the new OAuth tokens of {} could not be stored before shutdown: reinstall required", owner);
            }
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
