package io.recruitflow.adapter.ghl;

import io.recruitflow.adapter.ghl.ContactDtos.DndSettingSchema;
import io.recruitflow.adapter.ghl.ContactDtos.DndSettingsSchema;
import io.recruitflow.domain.recruit.DoNotDisturb;
import java.util.Locale;

/**
 * GHL's do-not-disturb ({@code dnd} and {@code dndSettings}) in the core's terms. {@code dnd: true} and an
 * {@code all} setting are every channel; a channel's setting is on unless its status is {@code inactive}
 * ({@code active} and {@code permanent} both block, and so does a status we do not know): when in doubt, we
 * do not text. Absent settings say nothing, which is not the same as "off": a ContactUpdate carries
 * {@code dnd} but never {@code dndSettings}, so an SMS-only DND looks like {@code dnd: false} there.
 */
public final class GhlDnd {
    private GhlDnd() {}

    public static DoNotDisturb of(Boolean dnd, DndSettingsSchema settings) {
        boolean every = Boolean.TRUE.equals(dnd) || (settings != null && on(settings.all()));
        boolean texts = settings != null && on(settings.sms());
        boolean email = settings != null && on(settings.email());
        return new DoNotDisturb(every, texts, email);
    }

    private static boolean on(DndSettingSchema channel) {
        if (channel == null) {
            return false;
        }
        String status = channel.status();
        return status == null || !status.strip().toLowerCase(Locale.ROOT).equals("inactive");
    }
}
