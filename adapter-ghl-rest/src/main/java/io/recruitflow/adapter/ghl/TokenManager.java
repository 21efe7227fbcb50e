package io.recruitflow.adapter.ghl;

import io.recruitflow.adapter.ghl.GhlHttpError.Reason;
import io.recruitflow.adapter.ghl.OAuthDtos.GetAccessCodeSuccessfulResponseDto;
import io.recruitflow.adapter.ghl.OAuthDtos.GetLocationAccessTokenSuccessfulResponseDto;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.CompanyId;
import io.recruitflow.domain.shared.ExternalFailure;
import io.recruitflow.domain.shared.LocationId;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OAuth 2.0 tokens per owner (location or company): the code exchange, agency-to-location tokens, and
 * refreshing.
 *
 * <p>Refresh rules. GHL refresh tokens are single-use, so two refreshes of one owner must never race:
 * <ul>
 *   <li>a token expiring within {@code refreshSkew} (at least 60 s) is refreshed before use, and a 401 refreshes
 *       once;</li>
 *   <li>in-process single-flight: concurrent callers of one owner share one refresh (one future per owner), so
 *       50 threads that find the token expired cause one {@code POST /oauth/token};</li>
 *   <li>across instances, {@link TokenStore#refresh} serialises per owner and stores the new pair before any
 *       caller uses it; a refresher that finds the stored token already replaced uses it and calls nobody;</li>
 *   <li>a location token minted from an agency token has no refresh token: it is minted again from the
 *       agency's token (the agency is remembered from {@link #locationToken}, else the configured default).</li>
 *   <li>a 401 naming a scope, a 403, or a refused refresh is final ({@link GhlFailures} decides); no refresh
 *       is tried for them.</li>
 * </ul>
 *
 * <p>A call on a location uses the location's token; a call on an agency the company's.
 */
final class TokenManager implements Credentials {
    private static final Logger log = LoggerFactory.getLogger(TokenManager.class);
    /** The policy key of calls that have no owner yet (the code exchange). */
    static final TokenOwner APP = new TokenOwner(TokenOwner.Type.COMPANY, "_oauth_app");

    private static final String TOKEN_ROUTE = "POST /oauth/token";

    private final GhlClientConfig config;
    private final TokenStore store;
    private final Clock clock;
    private final HttpPipeline pipeline;
    private final OAuthApi api;
    private final GhlCalls asCompany;
    private final ConcurrentMap<TokenOwner, OAuthTokens> cache = new ConcurrentHashMap<>();
    private final ConcurrentMap<TokenOwner, CompletableFuture<OAuthTokens>> inflight = new ConcurrentHashMap<>();
    private final ConcurrentMap<LocationId, CompanyId> companyOf = new ConcurrentHashMap<>();
    /** Agencies whose install was completed since start (the agency's own code exchange). */
    private final java.util.Set<CompanyId> agencies = ConcurrentHashMap.newKeySet();

    TokenManager(GhlClientConfig config, TokenStore store, Clock clock, HttpPipeline pipeline, OAuthApi api) {
        this.config = config;
        this.store = store;
        this.clock = clock;
        this.pipeline = pipeline;
        this.api = api;
        this.asCompany = new GhlCalls(pipeline, this);
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
        OAuthTokens tokens = cache.get(owner);
        if (tokens == null) {
            tokens = store.find(owner)
                    .orElseThrow(() -> noCredential(
                            call,
                            "no OAuth tokens stored for " + owner
                                    + ": install the app there (or mint a location token) first"));
            cache.put(owner, tokens);
        }
        if (tokens.expiresWithin(config.refreshSkew(), clock.now())) {
            return new Credential(refresh(call, tokens.accessToken()).accessToken(), true);
        }
        return new Credential(tokens.accessToken(), false);
    }

    @Override
    public Optional<Credential> afterUnauthorized(GhlCall call, Credential used) {
        return Optional.of(new Credential(refresh(call, used.accessToken).accessToken(), true));
    }

    /**
     * Replaces the tokens of the call's owner whose access token is {@code stale}. Concurrent callers share one
     * refresh; a caller that finds the stale token already replaced takes the new one without calling GHL.
     */
    OAuthTokens refresh(GhlCall call, String stale) {
        TokenOwner owner = call.owner();
        OAuthTokens cached = cache.get(owner);
        if (cached != null
                && !cached.accessToken().equals(stale)
                && !cached.expiresWithin(config.refreshSkew(), clock.now())) {
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
            OAuthTokens fresh = store.refresh(owner, current -> {
                if (current.isPresent()
                        && !current.get().accessToken().equals(stale)
                        && !current.get().expiresWithin(config.refreshSkew(), clock.now())) {
                    return current.get(); // another caller (or instance) refreshed meanwhile
                }
                return requestRefresh(
                        call, current.orElseThrow(() -> noCredential(call, "no OAuth tokens stored for " + owner)));
            });
            cache.put(owner, fresh);
            mine.complete(fresh);
            return fresh;
        } catch (RuntimeException e) {
            cache.remove(owner);
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inflight.remove(owner, mine);
        }
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
        cache.put(tokens.owner(), tokens);
        if (userType == TokenOwner.Type.COMPANY) {
            agencies.add(new CompanyId(ownerId));
        }
        return tokens;
    }

    /**
     * Whether calls on the location can have a token: stored (or cached) tokens, or an agency holding tokens —
     * the location's (from an INSTALL), one installed since start, or the configured one — that GHL lets mint one
     * now (stored). False when no agency may.
     */
    boolean reaches(LocationId location) {
        TokenOwner owner = TokenOwner.location(location);
        if (cache.containsKey(owner) || store.find(owner).isPresent()) {
            return true;
        }
        java.util.LinkedHashSet<CompanyId> candidates = new java.util.LinkedHashSet<>();
        Optional.ofNullable(companyOf.get(location)).ifPresent(candidates::add);
        candidates.addAll(agencies);
        config.defaultCompany().ifPresent(candidates::add);
        for (CompanyId agency : candidates) {
            if (store.find(TokenOwner.company(agency)).isEmpty()) {
                continue;
            }
            try {
                locationToken(agency, location);
                return true;
            } catch (ExternalFailure.AccessDenied | ExternalFailure.Rejected refused) {
                log.info("agency {} cannot mint a token for location {}: {}", agency, location, refused.getMessage());
            }
        }
        return false;
    }

    /** Mints (and stores) a location token from the agency's token. */
    OAuthTokens locationToken(CompanyId company, LocationId location) {
        companyOf.put(location, company);
        OAuthTokens tokens = mintLocationToken(company, location);
        TokenOwner owner = TokenOwner.location(location);
        store.refresh(owner, current -> tokens); // under the owner's lock, like a refresh
        cache.put(owner, tokens);
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

    /** Forgets the owner's tokens, here and in the store. Returns whether there were any. */
    boolean revoke(TokenOwner owner) {
        cache.remove(owner);
        if (owner.type() == TokenOwner.Type.LOCATION) {
            companyOf.remove(new LocationId(owner.id()));
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
}
