package io.recruitflow.application.sendrecruitmessage;

import io.recruitflow.application.outreach.MessageSender;
import io.recruitflow.application.outreach.SendOutcome;
import io.recruitflow.application.setup.RecruitingSettings;
import io.recruitflow.domain.message.OutgoingMessage;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.Recruits;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Optional;

/** Checks the recruit is reachable, then hands the message to the {@link MessageSender}. */
@Singleton
public class SendRecruitMessageService implements SendRecruitMessageUseCase {
    private final Recruits recruits;
    private final MessageSender sender;
    private final RecruitingSettings settings;

    @Inject
    public SendRecruitMessageService(Recruits recruits, MessageSender sender, RecruitingSettings settings) {
        this.recruits = recruits;
        this.sender = sender;
        this.settings = settings;
    }

    @Override
    public SendOutcome send(SendRecruitMessageCommand command) {
        Optional<Recruit> recruit = recruits.find(command.recruit());
        if (recruit.isEmpty()) {
            return new SendOutcome.Failed("no recruit " + command.recruit());
        }
        if (recruit.get().contactId().isEmpty()) {
            return new SendOutcome.Failed("recruit " + command.recruit() + " is not in GHL yet");
        }
        OutgoingMessage message = new OutgoingMessage(
                recruit.get().location(),
                recruit.get().contactId().get(),
                command.channel(),
                command.body(),
                command.subject(),
                settings.emailFrom());
        return sender.send(recruit.get(), command.key(), message);
    }
}
