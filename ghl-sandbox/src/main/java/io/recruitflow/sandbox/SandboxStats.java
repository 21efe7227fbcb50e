package io.recruitflow.sandbox;

import java.util.Map;

/**
 * Counters of the sandbox since start or the last reset.
 *
 * @param contacts contacts in all locations
 * @param opportunities opportunities in all locations
 * @param conversations conversations in all locations
 * @param messagesByType outbound messages sent through the API, by type ({@code SMS}, {@code Email})
 * @param inboundMessages simulated replies of contacts
 * @param workflowEnrollments contacts currently in a workflow (one per contact and workflow)
 * @param appointments appointments not cancelled or deleted
 * @param duplicateContacts redundant contacts: contacts in a location that share an email or a phone
 *     with an earlier one (a group of n such contacts counts n - 1)
 * @param duplicateMessages outbound messages whose body was already sent to the same contact
 * @param requests GHL API calls answered (admin calls excluded)
 * @param rateLimited API calls answered 429 by the rate limiter
 * @param webhooksDelivered webhook deliveries answered 2xx
 * @param webhooksFailed webhook deliveries given up (any non-2xx but 429, 429 after the last retry,
 *     or a transport error)
 */
public record SandboxStats(
        long contacts,
        long opportunities,
        long conversations,
        Map<String, Long> messagesByType,
        long inboundMessages,
        long workflowEnrollments,
        long appointments,
        long duplicateContacts,
        long duplicateMessages,
        long requests,
        long rateLimited,
        long webhooksDelivered,
        long webhooksFailed) {}
