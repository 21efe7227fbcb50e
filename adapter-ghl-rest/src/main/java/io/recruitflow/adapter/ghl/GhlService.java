package io.recruitflow.adapter.ghl;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The GHL services we call, each with the {@code Version} header its operations declare. Calendars and
 * conversations want {@code 2021-04-15}; the rest {@code 2021-07-28} (the openapi enums). The Retrofit
 * interfaces carry the same value in {@code @Headers}; {@link HeadersInterceptor} applies overrides.
 */
enum GhlService {
    CONTACTS("contacts", "2021-07-28", ContactsApi.class),
    OPPORTUNITIES("opportunities", "2021-07-28", OpportunitiesApi.class),
    CONVERSATIONS("conversations", "2021-04-15", ConversationsApi.class),
    CALENDARS("calendars", "2021-04-15", CalendarsApi.class),
    WORKFLOWS("workflows", "2021-07-28", WorkflowsApi.class),
    LOCATIONS("locations", "2021-07-28", LocationsApi.class),
    USERS("users", "2021-07-28", UsersApi.class),
    OAUTH("oauth", "2021-07-28", OAuthApi.class);

    static final Set<String> KEYS = Arrays.stream(values()).map(s -> s.key).collect(Collectors.toUnmodifiableSet());

    final String key;
    final String defaultVersion;
    final Class<?> api;

    GhlService(String key, String defaultVersion, Class<?> api) {
        this.key = key;
        this.defaultVersion = defaultVersion;
        this.api = api;
    }

    static GhlService of(Class<?> api) {
        for (GhlService s : values()) {
            if (s.api == api) {
                return s;
            }
        }
        throw new IllegalArgumentException("not a GHL service interface: " + api);
    }
}
