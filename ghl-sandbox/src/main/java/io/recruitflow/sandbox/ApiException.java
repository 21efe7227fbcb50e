package io.recruitflow.sandbox;

import java.util.List;
import java.util.Map;

/** An error answered in GHL's shape: {@code {statusCode, message, error}}; 422 carries a list of messages. */
final class ApiException extends RuntimeException {
    final int status;
    final Object body;

    private ApiException(int status, Object messageOrMessages, String error, Map<String, Object> extra) {
        super(String.valueOf(messageOrMessages), null, false, false);
        this.status = status;
        Map<String, Object> map = Json.obj("statusCode", status, "message", messageOrMessages, "error", error);
        if (extra != null) {
            map.putAll(extra);
        }
        this.body = map;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> body() {
        return new java.util.LinkedHashMap<>((Map<String, Object>) body);
    }

    static ApiException of(int status, String message) {
        return new ApiException(status, message, reason(status), null);
    }

    static ApiException withExtra(int status, String message, Map<String, Object> extra) {
        return new ApiException(status, message, reason(status), extra);
    }

    static ApiException badRequest(String message) {
        return of(400, message);
    }

    /** GHL (NestJS class-validator) answers 422 with every violated constraint as a list of strings. */
    static ApiException unprocessable(List<String> messages) {
        return new ApiException(422, List.copyOf(messages), "Unprocessable Entity", null);
    }

    static ApiException unprocessable(String message) {
        return unprocessable(List.of(message));
    }

    static ApiException notFound(String message) {
        return of(404, message);
    }

    static ApiException unauthorized(String message) {
        return of(401, message);
    }

    static ApiException forbidden(String message) {
        return of(403, message);
    }

    static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 422 -> "Unprocessable Entity";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> "Error";
        };
    }
}
