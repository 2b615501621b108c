package org.submitlab.ui.common;

import org.submitlab.policy.Limits;

/** Tooltip texts explaining each limit, with the numbers in force. */
public final class LimitHelp {

    private LimitHelp() {
    }

    public static String concurrency(int limit) {
        return "Concurrent submissions: at most " + limit + " messages of one mailbox may be in flight at once, "
                + "across all its connections.\nThe next one is accepted at MAIL FROM and RCPT TO, sends its body, "
                + "and is refused at the end of DATA with 432 4.3.2.\nAn idle logged-in connection holds no slot.";
    }

    public static String recipients(int limit) {
        return "Recipient rate: " + Formats.count(limit) + " envelope recipients (To + Cc + Bcc) per mailbox in any "
                + "24 hours, a sliding window.\nOver it, messages are refused with 554 5.2.0 "
                + "SubmissionQuotaExceededException until earlier recipients leave the window.";
    }

    public static String messageRate(Limits limits) {
        return "Message rate: " + limits.messagesPerMinute() + " messages per mailbox per minute. "
                + (limits.rejectOverRate()
                        ? "Messages over it are refused (older behaviour)."
                        : "Messages over it are accepted and their delivery is carried over to the following minutes.");
    }

    public static String connections() {
        return "Open SMTP connections authenticated as this mailbox. Connections are not limited; "
                + "transactions in flight are.";
    }

    public static String inFlight(int limit) {
        return "Mail transactions holding a slot now (from MAIL FROM to the reply at the end of DATA), out of " + limit + ".";
    }

    public static String refusalsPerMinute() {
        return "Submissions refused in the last minute of the world's time (real in Live, simulated in a run), at any phase.";
    }
}
