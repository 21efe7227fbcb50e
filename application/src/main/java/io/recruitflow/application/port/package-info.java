/**
 * Ports the application itself needs from infrastructure (as opposed to the domain's ports): durable
 * jobs, the webhook inbox and the decoding of raw GHL events.
 */
package io.recruitflow.application.port;
