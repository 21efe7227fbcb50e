package io.recruitflow.adapter.ghl.webhook;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import io.recruitflow.application.applyghlevent.GhlEventDecoder;
import jakarta.inject.Singleton;
import java.util.Objects;
import java.util.Optional;

/**
 * Decoding of GHL webhook bodies into domain events ({@link MoshiGhlEventDecoder}), for the inbox dispatcher.
 * Given the marketplace app's OAuth client id, INSTALL and UNINSTALL events of another app are kept as
 * ignored instead of acted on.
 */
public final class WebhookDecodingModule extends AbstractModule {
    private final Optional<String> clientId;

    /** Without a client id (a static token): app events are not told apart by app. */
    public WebhookDecodingModule() {
        this(Optional.empty());
    }

    /** @param clientId the marketplace app's OAuth client id ({@code <appId>-<suffix>}), when OAuth is used */
    public WebhookDecodingModule(Optional<String> clientId) {
        this.clientId = Objects.requireNonNull(clientId, "clientId");
    }

    @Provides
    @Singleton
    GhlEventDecoder decoder() {
        return new MoshiGhlEventDecoder(MoshiGhlEventDecoder.appIdOf(clientId));
    }
}
