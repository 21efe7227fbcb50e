package io.recruitflow.adapter.ghl;

import com.squareup.moshi.Moshi;
import io.recruitflow.domain.appointment.Calendars;
import io.recruitflow.domain.message.Conversations;
import io.recruitflow.domain.pipeline.Opportunities;
import io.recruitflow.domain.pipeline.Pipelines;
import io.recruitflow.domain.recruit.ContactDirectory;
import io.recruitflow.domain.recruit.Workflows;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.CompanyId;
import io.recruitflow.domain.shared.GhlAuthorization;
import io.recruitflow.domain.shared.GhlException;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.Locations;
import io.recruitflow.domain.shared.OAuthTokens;
import io.recruitflow.domain.shared.RateBudget;
import io.recruitflow.domain.shared.TokenOwner;
import io.recruitflow.domain.shared.TokenStore;
import io.recruitflow.domain.shared.Users;
import jakarta.annotation.PreDestroy;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * The GHL API v2 client: one object that owns the HTTP connection pool, the Failsafe policies per token
 * resource and the OAuth token handling, and hands out the domain's GHL ports. Thread-safe; create one per
 * application and {@link #close()} it on shutdown.
 *
 * <pre>{@code
 * GhlClient ghl = GhlClient.create(GhlClientConfig.builder()
 *         .privateIntegrationToken(System.getenv("RECRUITFLOW_GHL_TOKEN"))
 *         .defaultLocation(System.getenv("RECRUITFLOW_GHL_LOCATION_ID"))
 *         .rateLimit("100/10s")
 *         .build(), tokenStore, Clock.system());
 * ContactDirectory contacts = ghl.contacts();
 * }</pre>
 *
 * <p><b>Which location's token a call uses.</b> Calls that name a location (a draft's, a search's) use that
 * location. Calls that name only a record id (a contact, opportunity, conversation, calendar, appointment or
 * user) use the location this client last saw that record in, else the configured default location, else
 * fail with {@link IllegalStateException}. With a static token every call uses the one token.
 *
 * <p><b>Failures</b> are {@link GhlException}s with a {@link GhlException.Kind}, the status, GHL's message
 * (redacted), its traceId and whether a retry may help. A non-idempotent create (contact, opportunity,
 * message, appointment) that fails after it may have reached GHL (5xx, timeout, reset) is never retried and
 * fails with {@link io.recruitflow.domain.shared.GhlOutcomeUnknownException}: reconcile before repeating. A 422
 * on a create is a plain UNPROCESSABLE failure, although GHL is known to create the record anyway now and then:
 * reconcile (upsert or search) before creating again.
 */
public final class GhlClient implements AutoCloseable {

    private final GhlClientConfig config;
    private final OkHttpClient http;
    private final RateBudgets budgets;
    private final HttpPipeline pipeline;
    private final TokenManager tokens;
    private final RestContactDirectory contacts;
    private final RestOpportunities opportunities;
    private final RestPipelines pipelines;
    private final RestConversations conversations;
    private final RestCalendars calendars;
    private final RestWorkflows workflows;
    private final RestDirectory directory;
    private final RestAuthorization authorization;
    private final String userAgent;

    private GhlClient(
            GhlClientConfig config,
            TokenStore store,
            Clock clock,
            PermitSource permits,
            Consumer<OkHttpClient.Builder> customizer) {
        this.config = Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(permits, "permits");
        if (config.oauth()) {
            Objects.requireNonNull(store, "an OAuth client needs a TokenStore");
        }
        HeadersInterceptor headers = new HeadersInterceptor(config);
        this.userAgent = headers.userAgent();
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .connectTimeout(config.connectTimeout())
                .readTimeout(config.attemptTimeout())
                .writeTimeout(config.attemptTimeout())
                // OkHttp would silently resend a request, a POST included, after some connection failures:
                // that could create a contact or text a recruit twice. Our retry policy decides instead.
                .retryOnConnectionFailure(false)
                .addInterceptor(headers)
                .addInterceptor(new LoggingInterceptor());
        if (customizer != null) {
            customizer.accept(builder);
        }
        this.http = builder.build();
        Moshi moshi = GhlJson.moshi();
        String base = config.effectiveBaseUrl().toString();
        Retrofit retrofit = new Retrofit.Builder()
                .baseUrl(base.endsWith("/") ? base : base + "/")
                .client(http)
                .addConverterFactory(MoshiConverterFactory.create(moshi))
                .validateEagerly(true)
                .build();
        this.budgets = new RateBudgets(config, permits);
        this.pipeline = new HttpPipeline(config, permits, budgets, new ErrorTranslator(moshi), clock);
        OAuthApi oauthApi = retrofit.create(OAuthApi.class);
        this.tokens = config.oauth() ? new TokenManager(config, store, clock, pipeline, oauthApi) : null;
        Credentials credentials = tokens != null
                ? tokens
                : new StaticCredentials(config.staticToken().orElseThrow());
        GhlCalls calls = new GhlCalls(pipeline, credentials);
        Owners owners = new Owners(config);
        ContactsApi contactsApi = retrofit.create(ContactsApi.class);
        OpportunitiesApi opportunitiesApi = retrofit.create(OpportunitiesApi.class);
        boolean legacySearch = !config.oauth() && config.tokenKind() == GhlClientConfig.TokenKind.V1_API_KEY;
        this.contacts = new RestContactDirectory(calls, owners, contactsApi, legacySearch);
        this.opportunities = new RestOpportunities(calls, owners, opportunitiesApi);
        this.pipelines = new RestPipelines(calls, owners, opportunitiesApi);
        this.conversations = new RestConversations(calls, owners, retrofit.create(ConversationsApi.class));
        this.calendars = new RestCalendars(calls, owners, retrofit.create(CalendarsApi.class), clock);
        this.workflows = new RestWorkflows(calls, owners, retrofit.create(WorkflowsApi.class), contactsApi);
        this.directory =
                new RestDirectory(calls, owners, retrofit.create(LocationsApi.class), retrofit.create(UsersApi.class));
        this.authorization = new RestAuthorization(config, tokens, budgets);
    }

    /**
     * A client with the default in-process rate limiter ({@link #defaultPermitSource}).
     *
     * @param tokens where OAuth tokens live; may be null with a static token
     */
    public static GhlClient create(GhlClientConfig config, TokenStore tokens, Clock clock) {
        return create(config, tokens, clock, defaultPermitSource(config));
    }

    /** A client whose requests take their permits from {@code permits} (e.g. a limiter shared by instances). */
    public static GhlClient create(GhlClientConfig config, TokenStore tokens, Clock clock, PermitSource permits) {
        return new GhlClient(config, tokens, clock, permits, null);
    }

    /** For tests: lets them add an OkHttp event listener or interceptor. */
    static GhlClient create(
            GhlClientConfig config,
            TokenStore tokens,
            Clock clock,
            PermitSource permits,
            Consumer<OkHttpClient.Builder> customizer) {
        return new GhlClient(config, tokens, clock, permits, customizer);
    }

    /**
     * The default permit source: smooth Failsafe rate limiters per token resource at the configured burst
     * limit and daily quota, lowered when GHL declares a stricter limit.
     */
    public static PermitSource defaultPermitSource(GhlClientConfig config) {
        return new FailsafePermitSource(config.rateLimit(), config.dailyLimit());
    }

    public ContactDirectory contacts() {
        return contacts;
    }

    public Opportunities opportunities() {
        return opportunities;
    }

    public Pipelines pipelines() {
        return pipelines;
    }

    public Conversations conversations() {
        return conversations;
    }

    public Calendars calendars() {
        return calendars;
    }

    public Workflows workflows() {
        return workflows;
    }

    public Locations locations() {
        return directory;
    }

    public Users users() {
        return directory;
    }

    public GhlAuthorization authorization() {
        return authorization;
    }

    /** What is left of the owner's GHL rate limit, as GHL last declared it; empty before the first answer. */
    public Optional<RateBudget> rateBudget(TokenOwner owner) {
        return budgets.budget(owner);
    }

    /**
     * Mints (and stores) location tokens from the agency's token for many locations, one after the other
     * within the agency's rate limit. A failure for one location does not stop the others.
     */
    public LocationTokenBatch locationTokens(CompanyId company, Collection<LocationId> locations) {
        Map<LocationId, OAuthTokens> issued = new LinkedHashMap<>();
        Map<LocationId, GhlException> failed = new LinkedHashMap<>();
        for (LocationId location : locations) {
            try {
                issued.put(location, authorization.locationToken(company, location));
            } catch (GhlException e) {
                failed.put(location, e);
            }
        }
        return new LocationTokenBatch(issued, failed);
    }

    /** The {@code User-Agent} this client sends. */
    public String userAgent() {
        return userAgent;
    }

    public GhlClientConfig config() {
        return config;
    }

    /** Whether the owner's circuit breaker lets calls through. */
    boolean breakerClosed(TokenOwner owner) {
        return pipeline.breakerClosed(owner);
    }

    /** Releases the connection pool and the dispatcher's threads (the lifecycle's stop, see {@link GhlRestModule}). */
    @PreDestroy
    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    @Override
    public String toString() {
        return "GhlClient[" + config + "]";
    }
}
