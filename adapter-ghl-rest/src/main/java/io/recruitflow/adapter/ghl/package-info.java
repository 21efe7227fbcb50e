/**
 * The GHL API v2 client, and the one translation boundary between Recruitflow's core and GoHighLevel
 * (Retrofit, Moshi, OkHttp, Failsafe). Start at {@link io.recruitflow.adapter.ghl.GhlClient}.
 *
 * <p>What lives here and nowhere else: GHL's vocabulary and wire formats (the Retrofit interfaces and Moshi DTOs,
 * package-private), its OAuth flow and tokens ({@link io.recruitflow.adapter.ghl.GhlInstallations}, {@link
 * io.recruitflow.adapter.ghl.TokenStore} kept on the system's neutral {@code CredentialStore}), its rate budgets
 * and the client's limiter ({@link io.recruitflow.adapter.ghl.PermitSource}), and its failure codes. The core sees
 * only its own ports (implemented by {@code GhlContacts}, {@code GhlOpportunities}, {@code GhlPipelines}, {@code
 * GhlConversations}, {@code GhlCalendars}, {@code GhlWorkflows}, {@code GhlInstallations} and the client's call
 * budgets) and one failure type, {@link io.recruitflow.domain.shared.ExternalFailure}, built in one classifier
 * ({@code GhlFailures}) with GHL's detail attached as a {@link io.recruitflow.adapter.ghl.GhlHttpError}.
 *
 * <p>Embedders may use the rest of these public classes directly: every endpoint of the GHL reference that
 * Recruitflow covers is callable through them, each call naming the location whose token it uses.
 */
package io.recruitflow.adapter.ghl;
