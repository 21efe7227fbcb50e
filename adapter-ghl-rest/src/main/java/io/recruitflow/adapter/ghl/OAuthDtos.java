package io.recruitflow.adapter.ghl;

import com.squareup.moshi.Json;
import java.util.List;

/**
 * Moshi DTOs of openapi/oauth.json. The request bodies are form-encoded ({@code GetAccessCodebodyDto},
 * {@code GetLocationAccessCodeBodyDto}) and so are {@code @Field}s of {@link OAuthApi}.
 */
final class OAuthDtos {
    private OAuthDtos() {}

    public record GetAccessCodeSuccessfulResponseDto(
            @Json(name = "access_token") String accessToken,
            @Json(name = "token_type") String tokenType,
            @Json(name = "expires_in") Long expiresIn,
            @Json(name = "refresh_token") String refreshToken,
            String scope,
            String userType,
            String locationId,
            String companyId,
            List<String> approvedLocations,
            String userId) {}

    /** The spec lists no refresh token for a location token; GHL has sent one at times, so we keep it if present. */
    public record GetLocationAccessTokenSuccessfulResponseDto(
            @Json(name = "access_token") String accessToken,
            @Json(name = "token_type") String tokenType,
            @Json(name = "expires_in") Long expiresIn,
            @Json(name = "refresh_token") String refreshToken,
            String scope,
            String locationId,
            String companyId,
            String userId) {}
}
