/**
 * Who works a new recruit, and in which order: routing rules assign each recruit to a CRM user (round-robin
 * among a list, by license state, by lead source, with a fallback) when it is accepted, tier rules grade it
 * from its lead's columns (a tag, a custom field, and its place in its location's backlog), and a recruit is
 * reassigned by hand through {@link io.recruitflow.application.routing.ReassignRecruitUseCase}.
 */
package io.recruitflow.application.routing;
