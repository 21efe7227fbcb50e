package io.recruitflow.adapter.ghl;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import retrofit2.Invocation;

/**
 * Adds what every GHL request carries: {@code Accept} and {@code Content-Type} JSON (form posts keep
 * theirs), a {@code User-Agent} naming Recruitflow and its version, and the {@code Version} of the
 * operation's service, replaced by a configured override if there is one.
 */
final class HeadersInterceptor implements Interceptor {
    private final String userAgent;
    private final Map<GhlService, String> overrides = new EnumMap<>(GhlService.class);

    HeadersInterceptor(GhlClientConfig config) {
        this.userAgent = "Recruitflow/" + config.userAgentVersion() + " (GHL client; Java "
                + Runtime.version().feature() + ")";
        for (GhlService s : GhlService.values()) {
            String v = config.versionOverrides().get(s.key);
            if (v != null) {
                overrides.put(s, v);
            }
        }
    }

    String userAgent() {
        return userAgent;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        Request.Builder b = request.newBuilder().header("User-Agent", userAgent).header("Accept", "application/json");
        if (request.body() == null) {
            b.header("Content-Type", "application/json");
        }
        if (!overrides.isEmpty()) {
            Invocation invocation = request.tag(Invocation.class);
            if (invocation != null && request.header("Version") != null) {
                String override =
                        overrides.get(GhlService.of(invocation.method().getDeclaringClass()));
                if (override != null) {
                    b.header("Version", override);
                }
            }
        }
        return chain.proceed(b.build());
    }
}
