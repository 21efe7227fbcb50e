package io.recruitflow.adapter.ghl;

import com.squareup.moshi.Moshi;

/** The one Moshi set-up of the client: reflective record adapters plus GHL's two irregular shapes. */
final class GhlJson {
    private GhlJson() {}

    static Moshi moshi() {
        return new Moshi.Builder()
                .add(new FreeSlotsAdapter())
                .add(new MessagesPageAdapter())
                .build();
    }
}
