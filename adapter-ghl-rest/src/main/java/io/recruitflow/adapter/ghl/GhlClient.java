package io.recruitflow.adapter.ghl;

import com.squareup.moshi.Moshi;
import io.recruitflow.application.port.CallBudget;
import io.recruitflow.application.port.CallBudgets;
import io.recruitflow.application.port.CredentialStore;
import io.recruitflow.application.port.UnitOfWork;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.SuspendedLocations;
import jakarta.annotation.PreDestroy;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * The GHL API v2 client, and the one translation boundary between Recruitflow's core and GoHighLevel: one
 * object that owns the HTTP connection pool, the Failsafe policies per token resource and the OAuth token
 * handling, and hands out the core's ports on GHL. Thread-safe; create one per application and {@link
 * #close()} it on shutdown.
 *
 * <pre>{@code
 * GhlClient ghl = GhlClient.create(GhlClientConfig.builder()
 *         .privateIntegrationToken(System.getenv("RECRUITFLOW_GHL_TOKEN"))
 *         .defaultLocation(System.getenv("RECRUITFLOW_GHL_LOCATION_ID"))
 *         .rateLimit("100/10s")
 *         .build(), credentialStore, Clock.system());
 * ContactDirectory contacts = ghl.contacts();
 * }</pre>
 *
 * <p><b>The whole API, for embedders.</b> Each getter returns a public class that implements the core's narrow
 * port ({@link io.recruitflow.domain.recruit.ContactDirectory}, {@link
 * io.recruitflow.domain.pipeline.Opportunities}, {@link io.recruitflow.domain.pipeline.Pipelines}, {@link
 * io.recruitflow.domain.message.Conversations}, {@link io.recruitflow.domain.appointment.Calendars}, {@link
 * io.recruitflow.domain.recruit.Workflows}, {@link io.recruitflow.application.port.Installations}, {@link
 * CallBudgets}) and, beside it, every other endpoint of GHL's reference that Recruitflow covers: {@link
 * GhlContacts} (create, find, update, delete, tags, search, find by phone or email), {@link GhlOpportunities}
 * (find, search, status, delete), {@link GhlCalendars} (move, cancel), {@link GhlWorkflows} (unenroll),
 * {@link GhlDirectory} (locations and users) and {@link GhlInstallations} (the tokens themselves).
 *
 * <p><b>Which token a call uses.</b> Every call that needs a token names its location (or, for agency-wide
 * listings, its company): with OAuth it uses that location's (or company's) token and rate budget; with a
 * static token every call uses the one token, and one budget.
 *
 * <p><b>Failures</b> are {@link io.recruitflow.domain.shared.ExternalFailure}s, classified in one place ({@link
 * GhlFailures}): {@code Rejected} (a 4xx that repeating cannot fix), {@code AccessDenied} (401 after a
 * refresh, a scope 401, 403, a refused refresh, no tokens), {@code Unavailable} with {@code retryAfter} when
 * GHL said (429 after the client's own waiting, a refused connection, an open circuit, no permit, a 5xx or
 * timeout of an idempotent call), and {@code OutcomeUnknown} (a create that fails after it may have reached
 * GHL: 5xx, timeout, reset, an unreadable answer, an answer naming no record, or GHL's "422 but created").
 * Creates are never retried blindly: reconcile before repeating. The cause of each is a {@link GhlHttpError}
 * with the route, the status, GHL's message (redacted) and its traceId (also {@code reference()}).
 */
public final class GhlClient implements AutoCloseable {

    private final GhlClientConfig config;
    private final OkHttpClient http;
    private final RateBudgets budgets;
    private final HttpPipeline pipeline;
    private final GhlContacts contacts;
    private final GhlOpportunities opportunities;
    private final GhlPipelines pipelines;
    private final GhlConversations conversations;
    private final GhlCalendars calendars;
    private final GhlWorkflows workflows;
    private final GhlDirectory directory;
    private final GhlInstallations installations;
    private final String userAgent;
    private final TokenManager tokens;
    private final GhlCalls calls;

    private GhlClient(
            GhlClientConfig config,
            CredentialStore credentials,
            Clock clock,
            PermitSource permits,
            SuspendedLocations suspended,
            Consumer<OkHttpClient.Builder> customizer) {
        this.config = Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(permits, "permits");
        if (config.oauth()) {
            Objects.requireNonNull(credentials, "an OAuth client needs a CredentialStore");
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
        TokenOwner staticOwner = StaticCredentials.ownerOf(config);
        Function<LocationId, TokenOwner> ownerOf = config.oauth() ? TokenOwner::location : location -> staticOwner;
        this.budgets = new RateBudgets(config, permits, ownerOf);
        this.pipeline = new HttpPipeline(config, permits, budgets, new ErrorBodyReader(moshi), clock);
        this.tokens = config.oauth()
                ? new TokenManager(
                        config,
                        new CredentialTokenStore(credentials),
                        clock,
                        pipeline,
                        retrofit.create(OAuthApi.class),
                        Optional.ofNullable(suspended))
                : null;
        Credentials credential = tokens != null
                ? tokens
                : new StaticCredentials(config.staticToken().orElseThrow(), staticOwner);
        GhlCalls calls = new GhlCalls(pipeline, credential);
        this.calls = calls;
        ContactsApi contactsApi = retrofit.create(ContactsApi.class);
        OpportunitiesApi opportunitiesApi = retrofit.create(OpportunitiesApi.class);
        boolean legacySearch = !config.oauth() && config.tokenKind() == GhlClientConfig.TokenKind.V1_API_KEY;
        LocationsApi locationsApi = retrofit.create(LocationsApi.class);
        this.contacts = new GhlContacts(calls, contactsApi, locationsApi, legacySearch);
        this.opportunities = new GhlOpportunities(calls, opportunitiesApi);
        this.pipelines = new GhlPipelines(calls, opportunitiesApi);
        this.conversations = new GhlConversations(calls, retrofit.create(ConversationsApi.class), clock);
        this.calendars = new GhlCalendars(calls, retrofit.create(CalendarsApi.class), clock);
        this.workflows = new GhlWorkflows(calls, retrofit.create(WorkflowsApi.class), contactsApi);
        this.directory = new GhlDirectory(calls, locationsApi, retrofit.create(UsersApi.class));
        this.installations = new GhlInstallations(config, tokens, credentials);
    }

    /**
     * A client with the default in-process rate limiter ({@link #defaultPermitSource}).
     *
     * @param credentials where the OAuth tokens live (encrypted at rest, one refresh at a time per owner); may
     *     be null with a static token
     */
    /**
     * Runs every call outside {@code work}'s units of work: what the caller wrote is committed before the call, and
     * what the client stores meanwhile (credential leases, refreshed tokens, suspensions) commits at once.
     */
    public GhlClient outsideUnitsOf(UnitOfWork work) {
        calls.runOutside(work);
        return this;
    }

    public static GhlClient create(GhlClientConfig config, CredentialStore credentials, Clock clock) {
        return create(config, credentials, clock, defaultPermitSource(config));
    }

    /** A client whose requests take their permits from {@code permits} (e.g. a limiter shared by instances). */
    public static GhlClient create(
            GhlClientConfig config, CredentialStore credentials, Clock clock, PermitSource permits) {
        return new GhlClient(config, credentials, clock, permits, null, null);
    }

    /**
     * A client that suspends a location whose refresh token GHL refuses ({@code invalid_grant}) in {@code
     * suspended}, with the reason {@link SuspendedLocations#REINSTALL_REQUIRED}, so that its work waits for a
     * reinstall instead of failing call after call.
     */
    public static GhlClient create(
            GhlClientConfig config,
            CredentialStore credentials,
            Clock clock,
            PermitSource permits,
            SuspendedLocations suspended) {
        return new GhlClient(config, credentials, clock, permits, Objects.requireNonNull(suspended, "suspended"), null);
    }

    /** For tests: lets them add an OkHttp event listener or interceptor. */
    static GhlClient create(
            GhlClientConfig config,
            CredentialStore credentials,
            Clock clock,
            PermitSource permits,
            Consumer<OkHttpClient.Builder> customizer) {
        return new GhlClient(config, credentials, clock, permits, null, customizer);
    }

    /**
     * The default permit source: smooth Failsafe rate limiters per token resource at the configured burst
     * limit and daily quota, lowered when GHL declares a stricter limit.
     */
    public static PermitSource defaultPermitSource(GhlClientConfig config) {
        return new FailsafePermitSource(config.rateLimit(), config.dailyLimit());
    }

    /** Contacts: the core's {@code ContactDirectory} (upsert) and the rest of GHL's contacts API. */
    public GhlContacts contacts() {
        return contacts;
    }

    /** Opportunities: the core's {@code Opportunities} and find, search, status and delete. */
    public GhlOpportunities opportunities() {
        return opportunities;
    }

    /** Pipelines: the core's {@code Pipelines}. */
    public GhlPipelines pipelines() {
        return pipelines;
    }

    /** Conversations: the core's {@code Conversations} and the conversation look-up and messages by id. */
    public GhlConversations conversations() {
        return conversations;
    }

    /** Calendars: the core's {@code Calendars} and moving and cancelling appointments. */
    public GhlCalendars calendars() {
        return calendars;
    }

    /** Workflows: the core's {@code Workflows} and unenrolment. */
    public GhlWorkflows workflows() {
        return workflows;
    }

    /** Locations and users (no core port). */
    public GhlDirectory directory() {
        return directory;
    }

    /** The marketplace app's OAuth flow: the core's {@code Installations} and the tokens themselves. */
    public GhlInstallations installations() {
        return installations;
    }

    /** The rate budgets GHL last declared, by location: the core's {@code CallBudgets}. */
    public CallBudgets callBudgets() {
        return budgets;
    }

    /**
     * What is left of the owner's GHL rate limit (a location's or, with OAuth, an agency's), as GHL last
     * declared it; empty before the first answer.
     */
    public Optional<CallBudget> rateBudget(TokenOwner owner) {
        return budgets.budget(owner);
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
        if (tokens != null) {
            tokens.close();
        }
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    @Override
    public String toString() {
        return "GhlClient[" + config + "]";
    }
}
