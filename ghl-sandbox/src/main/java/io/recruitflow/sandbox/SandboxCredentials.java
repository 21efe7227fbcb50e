package io.recruitflow.sandbox;

import java.util.List;

/**
 * What a client needs to call the sandbox: the agency (company), each location with its private
 * integration token, and the OAuth client of the emulated marketplace app.
 *
 * @param companyId the agency id ({@code comp_abc})
 * @param locations the seeded locations, first {@code loc_abc123}
 * @param oauth the marketplace app's client credentials
 */
public record SandboxCredentials(String companyId, List<Location> locations, OAuthClient oauth) {

    /** A location (sub-account) and its private integration token ({@code Authorization: Bearer ...}). */
    public record Location(String id, String name, String privateIntegrationToken) {
        @Override
        public String toString() {
            return "Location[id=" + id + ", name=" + name + ", privateIntegrationToken=***]";
        }
    }

    /** The emulated marketplace app: use with {@code /oauth/chooselocation} and {@code /oauth/token}. */
    public record OAuthClient(String clientId, String clientSecret) {
        @Override
        public String toString() {
            return "OAuthClient[clientId=" + clientId + ", clientSecret=***]";
        }
    }

    /** The location with this id. */
    public Location location(String locationId) {
        return locations.stream()
                .filter(l -> l.id().equals(locationId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no such location: " + locationId));
    }
}
