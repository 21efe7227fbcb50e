package io.recruitflow.adapter.ghl;

import io.recruitflow.adapter.ghl.DirectoryDtos.Workflows.GetWorkflowSuccessfulResponseDto;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Header;
import retrofit2.http.Headers;
import retrofit2.http.Query;

/** GHL workflows (openapi/workflows.json). Enrolment lives in {@link ContactsApi}. */
interface WorkflowsApi {

    @Headers("Version: 2021-07-28")
    @GET("workflows/")
    Call<GetWorkflowSuccessfulResponseDto> getWorkflows(
            @Header("Authorization") String auth, @Query("locationId") String locationId);
}
