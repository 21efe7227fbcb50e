package io.recruitflow.adapter.ghl;

import io.recruitflow.adapter.ghl.DirectoryDtos.Users.LocationSuccessfulResponseDto;
import io.recruitflow.adapter.ghl.DirectoryDtos.Users.SearchUserSuccessfulResponseDto;
import io.recruitflow.adapter.ghl.DirectoryDtos.Users.UserSuccessfulResponseDto;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Header;
import retrofit2.http.Headers;
import retrofit2.http.Path;
import retrofit2.http.Query;

/** GHL users (openapi/users.json). */
interface UsersApi {

    /** get-user-by-location (deprecated in the spec, still served): every user of a location. */
    @Headers("Version: 2021-07-28")
    @GET("users/")
    Call<LocationSuccessfulResponseDto> getUsersByLocation(
            @Header("Authorization") String auth, @Query("locationId") String locationId);

    /** search-users: skip and limit are strings on the wire. */
    @Headers("Version: 2021-07-28")
    @GET("users/search")
    Call<SearchUserSuccessfulResponseDto> searchUsers(
            @Header("Authorization") String auth,
            @Query("companyId") String companyId,
            @Query("query") String query,
            @Query("skip") String skip,
            @Query("limit") String limit);

    @Headers("Version: 2021-07-28")
    @GET("users/{userId}")
    Call<UserSuccessfulResponseDto> getUser(@Header("Authorization") String auth, @Path("userId") String userId);
}
