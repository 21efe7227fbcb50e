package io.recruitflow.adapter.ghl;

import io.recruitflow.adapter.ghl.CalendarDtos.AppointmentCreateSchema;
import io.recruitflow.adapter.ghl.CalendarDtos.AppointmentEditSchema;
import io.recruitflow.adapter.ghl.CalendarDtos.AppointmentSchemaResponse;
import io.recruitflow.adapter.ghl.CalendarDtos.CalendarByIdSuccessfulResponseDTO;
import io.recruitflow.adapter.ghl.CalendarDtos.CalendarsGetSuccessfulResponseDTO;
import io.recruitflow.adapter.ghl.CalendarDtos.DeleteAppointmentSchema;
import io.recruitflow.adapter.ghl.CalendarDtos.DeleteEventSuccessfulResponseDto;
import io.recruitflow.adapter.ghl.CalendarDtos.FreeSlotsResponse;
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

/** GHL calendars (openapi/calendars.json). Every operation wants {@code Version: 2021-04-15}. */
interface CalendarsApi {

    @Headers("Version: 2021-04-15")
    @GET("calendars/")
    Call<CalendarsGetSuccessfulResponseDTO> getCalendars(
            @Header("Authorization") String auth, @Query("locationId") String locationId);

    @Headers("Version: 2021-04-15")
    @GET("calendars/{calendarId}")
    Call<CalendarByIdSuccessfulResponseDTO> getCalendar(
            @Header("Authorization") String auth, @Path("calendarId") String calendarId);

    /** get-slots: {@code startDate}/{@code endDate} are epoch milliseconds, at most 31 days apart. */
    @Headers("Version: 2021-04-15")
    @GET("calendars/{calendarId}/free-slots")
    Call<FreeSlotsResponse> getSlots(
            @Header("Authorization") String auth,
            @Path("calendarId") String calendarId,
            @Query("startDate") long startDate,
            @Query("endDate") long endDate,
            @Query("timezone") String timezone);

    @Headers("Version: 2021-04-15")
    @POST("calendars/events/appointments")
    Call<AppointmentSchemaResponse> createAppointment(
            @Header("Authorization") String auth, @Body AppointmentCreateSchema body);

    @Headers("Version: 2021-04-15")
    @PUT("calendars/events/appointments/{eventId}")
    Call<AppointmentSchemaResponse> editAppointment(
            @Header("Authorization") String auth, @Path("eventId") String eventId, @Body AppointmentEditSchema body);

    /** delete-event: the real path is {@code /calendars/events/{eventId}}, with an empty JSON body. */
    @Headers("Version: 2021-04-15")
    @HTTP(method = "DELETE", path = "calendars/events/{eventId}", hasBody = true)
    Call<DeleteEventSuccessfulResponseDto> deleteEvent(
            @Header("Authorization") String auth, @Path("eventId") String eventId, @Body DeleteAppointmentSchema body);
}
