package io.recruitflow.adapter.ghl;

import io.recruitflow.adapter.ghl.OpportunityDtos.CreateDto;
import io.recruitflow.adapter.ghl.OpportunityDtos.DeleteUpdateOpportunitySuccessfulResponseDto;
import io.recruitflow.adapter.ghl.OpportunityDtos.GetPipelinesSuccessfulResponseDto;
import io.recruitflow.adapter.ghl.OpportunityDtos.GetPostOpportunitySuccessfulResponseDto;
import io.recruitflow.adapter.ghl.OpportunityDtos.SearchSuccessfulResponseDto;
import io.recruitflow.adapter.ghl.OpportunityDtos.UpdateOpportunityDto;
import io.recruitflow.adapter.ghl.OpportunityDtos.UpdateStatusDto;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.HTTP;
import retrofit2.http.Header;
import retrofit2.http.Headers;
import retrofit2.http.POST;
import retrofit2.http.PUT;
import retrofit2.http.Path;
import retrofit2.http.Query;

/** GHL opportunities and pipelines (openapi/opportunities.json). */
interface OpportunitiesApi {

    /** create-opportunity. Not idempotent. */
    @Headers("Version: 2021-07-28")
    @POST("opportunities/")
    Call<GetPostOpportunitySuccessfulResponseDto> createOpportunity(
            @Header("Authorization") String auth, @Body CreateDto body);

    /** search-opportunity: snake_case query names, startAfter/startAfterId cursor. */
    @Headers("Version: 2021-07-28")
    @GET("opportunities/search")
    Call<SearchSuccessfulResponseDto> searchOpportunities(
            @Header("Authorization") String auth,
            @Query("location_id") String locationId,
            @Query("pipeline_id") String pipelineId,
            @Query("contact_id") String contactId,
            @Query("limit") Integer limit,
            @Query("startAfterId") String startAfterId,
            @Query("startAfter") String startAfter);

    @Headers("Version: 2021-07-28")
    @GET("opportunities/{id}")
    Call<GetPostOpportunitySuccessfulResponseDto> getOpportunity(
            @Header("Authorization") String auth, @Path("id") String id);

    /** update-opportunity: the stage move. */
    @Headers("Version: 2021-07-28")
    @PUT("opportunities/{id}")
    Call<GetPostOpportunitySuccessfulResponseDto> updateOpportunity(
            @Header("Authorization") String auth, @Path("id") String id, @Body UpdateOpportunityDto body);

    @Headers("Version: 2021-07-28")
    @PUT("opportunities/{id}/status")
    Call<DeleteUpdateOpportunitySuccessfulResponseDto> updateOpportunityStatus(
            @Header("Authorization") String auth, @Path("id") String id, @Body UpdateStatusDto body);

    @Headers("Version: 2021-07-28")
    @HTTP(method = "DELETE", path = "opportunities/{id}")
    Call<DeleteUpdateOpportunitySuccessfulResponseDto> deleteOpportunity(
            @Header("Authorization") String auth, @Path("id") String id);

    @Headers("Version: 2021-07-28")
    @GET("opportunities/pipelines")
    Call<GetPipelinesSuccessfulResponseDto> getPipelines(
            @Header("Authorization") String auth, @Query("locationId") String locationId);
}
