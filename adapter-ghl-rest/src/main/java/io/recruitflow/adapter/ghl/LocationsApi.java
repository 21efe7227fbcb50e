package io.recruitflow.adapter.ghl;

import io.recruitflow.adapter.ghl.DirectoryDtos.Locations.CustomFieldsListSuccessfulResponseDto;
import io.recruitflow.adapter.ghl.DirectoryDtos.Locations.GetLocationByIdSuccessfulResponseDto;
import io.recruitflow.adapter.ghl.DirectoryDtos.Locations.SearchSuccessfulResponseDto;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Header;
import retrofit2.http.Headers;
import retrofit2.http.Path;
import retrofit2.http.Query;

/** GHL locations (openapi/locations.json). */
interface LocationsApi {

    /** search-locations: skip and limit are strings on the wire. */
    @Headers("Version: 2021-07-28")
    @GET("locations/search")
    Call<SearchSuccessfulResponseDto> searchLocations(
            @Header("Authorization") String auth,
            @Query("companyId") String companyId,
            @Query("skip") String skip,
            @Query("limit") String limit);

    @Headers("Version: 2021-07-28")
    @GET("locations/{locationId}")
    Call<GetLocationByIdSuccessfulResponseDto> getLocation(
            @Header("Authorization") String auth, @Path("locationId") String locationId);

    /** get-custom-fields; {@code model} is contact, opportunity or all. */
    @Headers("Version: 2021-07-28")
    @GET("locations/{locationId}/customFields")
    Call<CustomFieldsListSuccessfulResponseDto> getCustomFields(
            @Header("Authorization") String auth, @Path("locationId") String locationId, @Query("model") String model);
}
