package io.recruitflow.adapter.ghl.webhook;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import io.recruitflow.application.applyghlevent.GhlEventDecoder;
import jakarta.inject.Singleton;

/** Decoding of GHL webhook bodies into domain events ({@link MoshiGhlEventDecoder}), for the inbox dispatcher. */
public final class WebhookDecodingModule extends AbstractModule {
    @Provides
    @Singleton
    GhlEventDecoder decoder() {
        return new MoshiGhlEventDecoder();
    }
}
