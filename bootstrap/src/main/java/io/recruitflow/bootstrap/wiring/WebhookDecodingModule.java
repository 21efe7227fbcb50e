package io.recruitflow.bootstrap.wiring;

import com.google.inject.AbstractModule;
import io.recruitflow.adapter.ghl.webhook.MoshiGhlEventDecoder;
import io.recruitflow.application.applyghlevent.GhlEventDecoder;

/** Decoding of GHL webhook bodies into domain events (the webhook adapter's Moshi decoder). */
public final class WebhookDecodingModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(GhlEventDecoder.class).toInstance(new MoshiGhlEventDecoder());
    }
}
