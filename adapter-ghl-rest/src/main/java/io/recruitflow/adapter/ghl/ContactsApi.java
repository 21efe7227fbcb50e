package io.recruitflow.adapter.ghl;

import io.recruitflow.adapter.ghl.ContactDtos.ContactsByIdSuccessfulResponseDto;
import io.recruitflow.adapter.ghl.ContactDtos.ContactsSearchSuccessfulResponseDto;
import io.recruitflow.adapter.ghl.ContactDtos.ContactsWorkflowSuccessfulResponseDto;
import io.recruitflow.adapter.ghl.ContactDtos.CreateAddTagSuccessfulResponseDto;
import io.recruitflow.adapter.ghl.ContactDtos.CreateContactDto;
import io.recruitflow.adapter.ghl.ContactDtos.CreateContactsSuccessfulResponseDto;
import io.recruitflow.adapter.ghl.ContactDtos.CreateDeleteTagSuccessfulResponseDto;
import io.recruitflow.adapter.ghl.ContactDtos.CreateWorkflowDto;
import io.recruitflow.adapter.ghl.ContactDtos.DeleteContactsSuccessfulResponseDto;
import io.recruitflow.adapter.ghl.ContactDtos.SearchBodyV2DTO;
import io.recruitflow.adapter.ghl.ContactDtos.SearchContactsV2ResponseDto;
import io.recruitflow.adapter.ghl.ContactDtos.TagsDTO;
import io.recruitflow.adapter.ghl.ContactDtos.UpdateContactDto;
import io.recruitflow.adapter.ghl.ContactDtos.UpdateContactsSuccessfulResponseDto;
import io.recruitflow.adapter.ghl.ContactDtos.UpsertContactDto;
import io.recruitflow.adapter.ghl.ContactDtos.UpsertContactsSuccessfulResponseDto;
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

/** GHL contacts (openapi/contacts.json). Paths are relative so that a v1 base URL keeps its {@code /v1}. */
interface ContactsApi {

    /** create-contact. Not idempotent; GHL may answer 422 and still create it. */
    @Headers("Version: 2021-07-28")
    @POST("contacts/")
    Call<CreateContactsSuccessfulResponseDto> createContact(
            @Header("Authorization") String auth, @Body CreateContactDto body);

    /** upsert-contact: follows the location's duplicate rule; idempotent. */
    @Headers("Version: 2021-07-28")
    @POST("contacts/upsert")
    Call<UpsertContactsSuccessfulResponseDto> upsertContact(
            @Header("Authorization") String auth, @Body UpsertContactDto body);

    /** search-contacts-advanced: page/pageLimit or searchAfter. Read-only. */
    @Headers("Version: 2021-07-28")
    @POST("contacts/search")
    Call<SearchContactsV2ResponseDto> searchContacts(@Header("Authorization") String auth, @Body SearchBodyV2DTO body);

    /** get-contacts (deprecated): the legacy and v1 search with a startAfterId/startAfter cursor. */
    @Headers("Version: 2021-07-28")
    @GET("contacts/")
    Call<ContactsSearchSuccessfulResponseDto> getContacts(
            @Header("Authorization") String auth,
            @Query("locationId") String locationId,
            @Query("query") String query,
            @Query("limit") Integer limit,
            @Query("startAfterId") String startAfterId,
            @Query("startAfter") Long startAfter);

    @Headers("Version: 2021-07-28")
    @GET("contacts/{contactId}")
    Call<ContactsByIdSuccessfulResponseDto> getContact(
            @Header("Authorization") String auth, @Path("contactId") String contactId);

    @Headers("Version: 2021-07-28")
    @PUT("contacts/{contactId}")
    Call<UpdateContactsSuccessfulResponseDto> updateContact(
            @Header("Authorization") String auth, @Path("contactId") String contactId, @Body UpdateContactDto body);

    @Headers("Version: 2021-07-28")
    @HTTP(method = "DELETE", path = "contacts/{contactId}")
    Call<DeleteContactsSuccessfulResponseDto> deleteContact(
            @Header("Authorization") String auth, @Path("contactId") String contactId);

    @Headers("Version: 2021-07-28")
    @POST("contacts/{contactId}/tags")
    Call<CreateAddTagSuccessfulResponseDto> addTags(
            @Header("Authorization") String auth, @Path("contactId") String contactId, @Body TagsDTO body);

    /** remove-tags: a DELETE with a body. */
    @Headers("Version: 2021-07-28")
    @HTTP(method = "DELETE", path = "contacts/{contactId}/tags", hasBody = true)
    Call<CreateDeleteTagSuccessfulResponseDto> removeTags(
            @Header("Authorization") String auth, @Path("contactId") String contactId, @Body TagsDTO body);

    @Headers("Version: 2021-07-28")
    @POST("contacts/{contactId}/workflow/{workflowId}")
    Call<ContactsWorkflowSuccessfulResponseDto> addToWorkflow(
            @Header("Authorization") String auth,
            @Path("contactId") String contactId,
            @Path("workflowId") String workflowId,
            @Body CreateWorkflowDto body);

    @Headers("Version: 2021-07-28")
    @HTTP(method = "DELETE", path = "contacts/{contactId}/workflow/{workflowId}", hasBody = true)
    Call<ContactsWorkflowSuccessfulResponseDto> removeFromWorkflow(
            @Header("Authorization") String auth,
            @Path("contactId") String contactId,
            @Path("workflowId") String workflowId,
            @Body CreateWorkflowDto body);
}
