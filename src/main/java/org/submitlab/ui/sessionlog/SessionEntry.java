package org.submitlab.ui.sessionlog;

import java.time.Instant;
import java.util.List;

/**
 * One SMTP session as the log lists it.
 *
 * @param client   the EHLO name the client gave (simulated devices give their device name)
 * @param lastReply the last refusal if there was one, else the last acceptance, else the last reply
 * @param tls      the TLS version agreed at STARTTLS (TLSv1.3, TLSv1.2, TLSv1.1, TLSv1), "" before or without it
 */
public record SessionEntry(String sessionId, Instant started, String clientAddress, String client, String mailbox,
        SessionOutcome outcome, int accepted, int refused, String lastReply, int lineCount, String tls) {

    public SessionEntry(String sessionId, Instant started, String clientAddress, String client, String mailbox,
            SessionOutcome outcome, int accepted, int refused, String lastReply, int lineCount) {
        this(sessionId, started, clientAddress, client, mailbox, outcome, accepted, refused, lastReply, lineCount, "");
    }
}
