package io.recruitflow.adapter.ghl;

import io.recruitflow.domain.shared.ExternalFailure;
import io.recruitflow.domain.shared.LocationId;
import java.util.Map;

/**
 * The outcome of minting location tokens for many locations at once: the tokens issued (and stored) and,
 * per location, why one was not.
 *
 * @param issued the tokens GHL issued, by location
 * @param failed the failure of each location that got none
 */
public record LocationTokenBatch(Map<LocationId, OAuthTokens> issued, Map<LocationId, ExternalFailure> failed) {
    public LocationTokenBatch {
        issued = Map.copyOf(issued);
        failed = Map.copyOf(failed);
    }
}
