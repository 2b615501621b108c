package org.submitlab.ui.sessionlog;

import java.time.Instant;
import java.util.List;

/**
 * One SMTP session as the log lists it.
 *
 * @param client   the EHLO name the client gave (simulated devices give their device name)
 * @param lastReply the last refusal if there was one, else the last acceptance, else the last reply
 */
public record SessionEntry(String sessionId, Instant started, String clientAddress, String client, String mailbox,
        SessionOutcome outcome, int accepted, int refused, String lastReply, int lineCount) {
}
