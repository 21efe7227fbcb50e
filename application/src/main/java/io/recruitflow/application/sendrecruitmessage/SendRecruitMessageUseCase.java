package io.recruitflow.application.sendrecruitmessage;

import io.recruitflow.application.outreach.SendOutcome;

/** Sends a message to a recruit, checked by the compliance policy: now, deferred, or refused. */
public interface SendRecruitMessageUseCase {
    SendOutcome send(SendRecruitMessageCommand command);
}
