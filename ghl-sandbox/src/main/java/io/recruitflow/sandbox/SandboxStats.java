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
 * @param byLocation the same counts for each seeded location, by location id (requests and 429s of a
 *     location's own tokens; calls with an agency token count only in the totals)
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
        long webhooksFailed,
        Map<String, LocationStats> byLocation) {

    /**
     * One location's counts, as in the totals.
     *
     * @param requests GHL API calls answered with one of the location's tokens (private integration or OAuth)
     * @param rateLimited those answered 429 by the location's rate limiter
     * @param contacts contacts in the location
     * @param opportunities opportunities in the location
     * @param messagesByType outbound messages sent in the location, by type ({@code SMS}, {@code Email})
     * @param workflowEnrollments the location's contacts in a workflow (one per contact and workflow)
     * @param duplicateContacts redundant contacts of the location
     * @param duplicateMessages outbound messages of the location whose body was already sent to the contact
     * @param locationTokens location tokens minted for the location from the agency's token ({@code POST
     *     /oauth/locationToken} answered 200; counted here although the call is the agency's)
     * @param opportunitiesByAssignee the location's opportunities by {@code assignedTo} (a user id, or {@code ""}
     *     for none)
     * @param contactsByAssignee the location's contacts by {@code assignedTo} (their owner; {@code ""} for none)
     */
    public record LocationStats(
            long requests,
            long rateLimited,
            long contacts,
            long opportunities,
            Map<String, Long> messagesByType,
            long workflowEnrollments,
            long duplicateContacts,
            long duplicateMessages,
            long locationTokens,
            Map<String, Long> opportunitiesByAssignee,
            Map<String, Long> contactsByAssignee) {}

    /** The counts of one location; all zero for a location nothing happened in. */
    public LocationStats location(String locationId) {
        LocationStats stats = byLocation.get(locationId);
        if (stats == null) {
            throw new IllegalArgumentException("no such location: " + locationId);
        }
        return stats;
    }
}
