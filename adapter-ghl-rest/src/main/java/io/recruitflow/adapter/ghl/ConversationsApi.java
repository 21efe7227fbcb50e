package io.recruitflow.adapter.ghl;

import io.recruitflow.adapter.ghl.ConversationDtos.GetMessagesByConversationResponseDto;
import io.recruitflow.adapter.ghl.ConversationDtos.SendConversationResponseDto;
import io.recruitflow.adapter.ghl.ConversationDtos.SendMessageBodyDto;
import io.recruitflow.adapter.ghl.ConversationDtos.SendMessageResponseDto;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.Header;
import retrofit2.http.Headers;
import retrofit2.http.POST;
import retrofit2.http.Path;
import retrofit2.http.Query;

/** GHL conversations (openapi/conversations.json). Every operation wants {@code Version: 2021-04-15}. */
interface ConversationsApi {

    /** send-a-new-message (SMS or Email). Not idempotent: a resend texts the recruit twice. */
    @Headers("Version: 2021-04-15")
    @POST("conversations/messages")
    Call<SendMessageResponseDto> sendMessage(@Header("Authorization") String auth, @Body SendMessageBodyDto body);

    @Headers("Version: 2021-04-15")
    @GET("conversations/search")
    Call<SendConversationResponseDto> searchConversations(
            @Header("Authorization") String auth,
            @Query("locationId") String locationId,
            @Query("contactId") String contactId,
            @Query("limit") Integer limit);

    /** get-messages: newest first; {@code lastMessageId} continues after that message. */
    @Headers("Version: 2021-04-15")
    @GET("conversations/{conversationId}/messages")
    Call<GetMessagesByConversationResponseDto> getMessages(
            @Header("Authorization") String auth,
            @Path("conversationId") String conversationId,
            @Query("lastMessageId") String lastMessageId,
            @Query("limit") Integer limit);
}
