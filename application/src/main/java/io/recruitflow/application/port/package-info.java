/**
 * Ports the application itself needs from infrastructure (as opposed to the domain's ports): durable
 * jobs with typed payloads, the webhook inbox, the decoding of raw CRM events, and what the CRM adapter
 * needs from the rest of the system without the core seeing it (credential storage, installation,
 * call budgets).
 */
package io.recruitflow.application.port;
