package io.recruitflow.adapter.ghl;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import okhttp3.ResponseBody;
import retrofit2.Response;

/**
 * Reads GHL's error answers; {@link GhlFailures} decides what they mean. GHL's error body is
 * {@code {statusCode, message, error?, traceId?}}, where {@code message} is a string, or on a 422 an array
 * of strings. The message is redacted: GHL likes to quote the email or phone it refused.
 */
final class ErrorBodyReader {

    /** GHL's error body. {@code message} is a string or an array of strings. */
    public record ErrorDto(Integer statusCode, Object message, String error, String traceId) {}

    /** What an error answer said. */
    record ErrorInfo(int status, String message, String traceId) {}

    /** An OAuth error code ({@code invalid_grant}, RFC 6749 5.2), unlike an HTTP reason ("Bad Request"). */
    private static final Pattern OAUTH_ERROR = Pattern.compile("[a-z]+(_[a-z]+)+");

    private final JsonAdapter<ErrorDto> adapter;

    ErrorBodyReader(Moshi moshi) {
        this.adapter = moshi.adapter(ErrorDto.class).lenient();
    }

    /** Reads the error answer; never throws (an unreadable body yields no message). */
    ErrorInfo read(Response<?> response) {
        String traceId = firstNonBlank(
                response.headers().get("traceid"), response.headers().get("x-trace-id"));
        String message = null;
        try (ResponseBody body = response.errorBody()) {
            if (body != null) {
                String text = body.string();
                if (!text.isBlank()) {
                    try {
                        ErrorDto dto = adapter.fromJson(text);
                        if (dto != null) {
                            message = messageOf(dto.message());
                            if (message == null) {
                                message = dto.error();
                            } else if (dto.error() != null
                                    && OAUTH_ERROR.matcher(dto.error()).matches()) {
                                message = dto.error() + ": " + message; // invalid_grant: refresh token revoked
                            }
                            traceId = firstNonBlank(dto.traceId(), traceId);
                        }
                    } catch (IOException | RuntimeException notJson) {
                        message = text.length() > 200 ? text.substring(0, 200) : text;
                    }
                }
            }
        } catch (IOException e) {
            message = null;
        }
        return new ErrorInfo(response.code(), Redactor.redact(message), traceId);
    }

    private static String messageOf(Object message) {
        if (message instanceof String s) {
            return s;
        }
        if (message instanceof List<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining("; "));
        }
        return message == null ? null : String.valueOf(message);
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : (b != null && !b.isBlank() ? b : null);
    }
}
