package io.recruitflow.adapter.ghl;

import io.recruitflow.adapter.ghl.OAuthDtos.GetAccessCodeSuccessfulResponseDto;
import io.recruitflow.adapter.ghl.OAuthDtos.GetLocationAccessTokenSuccessfulResponseDto;
import retrofit2.Call;
import retrofit2.http.Field;
import retrofit2.http.FormUrlEncoded;
import retrofit2.http.Header;
import retrofit2.http.Headers;
import retrofit2.http.POST;

/** GHL OAuth 2.0 (openapi/oauth.json): form-encoded bodies, JSON answers. */
interface OAuthApi {

    /**
     * get-access-token: the code exchange ({@code grant_type=authorization_code}) and the refresh
     * ({@code grant_type=refresh_token}). The spec declares no {@code Version} header here. Null fields are left out.
     */
    @FormUrlEncoded
    @POST("oauth/token")
    Call<GetAccessCodeSuccessfulResponseDto> token(
            @Field("client_id") String clientId,
            @Field("client_secret") String clientSecret,
            @Field("grant_type") String grantType,
            @Field("code") String code,
            @Field("refresh_token") String refreshToken,
            @Field("user_type") String userType,
            @Field("redirect_uri") String redirectUri);

    /** get-location-access-token: an agency token mints a location token. */
    @Headers("Version: 2021-07-28")
    @FormUrlEncoded
    @POST("oauth/locationToken")
    Call<GetLocationAccessTokenSuccessfulResponseDto> locationToken(
            @Header("Authorization") String auth,
            @Field("companyId") String companyId,
            @Field("locationId") String locationId);
}
