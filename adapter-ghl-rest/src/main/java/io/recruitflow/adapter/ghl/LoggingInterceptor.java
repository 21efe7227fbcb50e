package io.recruitflow.adapter.ghl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each HTTP attempt at debug: method, path, status, duration and the bodies, redacted ({@link Redactor}:
 * tokens, client secret, codes, emails and phone numbers). The {@code Authorization} header is never logged.
 * Costs nothing when debug is off.
 */
final class LoggingInterceptor implements Interceptor {
    private static final Logger log = LoggerFactory.getLogger("io.recruitflow.adapter.ghl.http");
    private static final long MAX_BODY = 4096;

    @Override
    public Response intercept(Chain chain) throws IOException {
        if (!log.isDebugEnabled()) {
            return chain.proceed(chain.request());
        }
        Request request = chain.request();
        String target = request.method() + " "
                + Redactor.redact(request.url().encodedPath()
                        + (request.url().encodedQuery() == null
                                ? ""
                                : "?" + request.url().encodedQuery()));
        String requestBody = bodyOf(request);
        long start = System.nanoTime();
        Response response;
        try {
            response = chain.proceed(request);
        } catch (IOException e) {
            log.debug(
                    "GHL {} failed after {} ms: {}{}",
                    target,
                    (System.nanoTime() - start) / 1_000_000,
                    e.getClass().getSimpleName(),
                    requestBody.isEmpty() ? "" : " request=" + requestBody);
            throw e;
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        String responseBody = "";
        MediaType type = response.body() == null ? null : response.body().contentType();
        if (type == null || "json".equals(type.subtype()) || "text".equals(type.type())) {
            responseBody = Redactor.redact(response.peekBody(MAX_BODY).string());
        }
        log.debug(
                "GHL {} -> {} in {} ms{}{}",
                target,
                response.code(),
                ms,
                requestBody.isEmpty() ? "" : " request=" + requestBody,
                responseBody.isEmpty() ? "" : " response=" + responseBody);
        return response;
    }

    private static String bodyOf(Request request) throws IOException {
        if (request.body() == null || request.body().isOneShot()) {
            return "";
        }
        Buffer buffer = new Buffer();
        request.body().writeTo(buffer);
        String text = buffer.readString(Math.min(buffer.size(), MAX_BODY), StandardCharsets.UTF_8);
        return Redactor.redact(text);
    }
}
