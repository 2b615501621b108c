package org.submitlab.ui.common;

import java.util.List;
import java.util.Locale;
import org.submitlab.policy.Replies;

/**
 * Explains a reply line in plain words for the helpdesk, with the remedies Microsoft's
 * announcement gives device owners (behaviour spec, section 5).
 */
public final class ReplyExplainer {

    public static final String SEPARATE_MAILBOXES = "Use a different mailbox for each application or device.";
    public static final String BATCHES = "Send bulk copies in batches, or to a distribution group (it counts as one recipient).";
    public static final String BULK_SERVICE = "For time-critical bursts (alerts), use a delivery service built for volume.";
    public static final String RETRY_4XX = "Retry 4xx refusals: a device that retries loses only a little rate.";

    /** What a reply means and what to do about it. */
    public record Explanation(String title, String meaning, Kind kind, List<String> remedies) {
        public String asText() {
            StringBuilder sb = new StringBuilder(title).append('\n').append(meaning);
            if (!remedies.isEmpty()) {
                sb.append("\n\nWhat to do:");
                for (String r : remedies) {
                    sb.append("\n\u2022 ").append(r);
                }
            }
            return sb.toString();
        }
    }

    /** Whether a client should retry. */
    public enum Kind { SUCCESS, TEMPORARY, PERMANENT, UNKNOWN }

    private ReplyExplainer() {
    }

    public static Explanation explain(String reply) {
        if (reply == null || reply.length() < 3 || !Character.isDigit(reply.charAt(0))) {
            return new Explanation("No reply", "The server has not answered this yet.", Kind.UNKNOWN, List.of());
        }
        String r = reply.toLowerCase(Locale.ROOT);
        String enhanced = Replies.enhancedCode(reply);
        int code;
        try {
            code = Replies.code(reply);
        } catch (NumberFormatException e) {
            return new Explanation("Unrecognised reply", reply, Kind.UNKNOWN, List.of());
        }
        if (code == 432) {
            return new Explanation("Too many submissions at once (432 4.3.2)",
                    "More than the allowed number of messages of this mailbox were being submitted at the same time "
                            + "(Exchange Online allows 3). The message was sent in full and then refused at the end of DATA. "
                            + "It is a temporary refusal: nothing is wrong with the message.",
                    Kind.TEMPORARY, List.of(RETRY_4XX, SEPARATE_MAILBOXES));
        }
        if (r.contains("submissionquotaexceeded")) {
            return new Explanation("Daily recipient limit reached (554 5.2.0)",
                    "The mailbox sent to its limit of recipients in the last 24 hours (10,000 by default, counted over "
                            + "envelope recipients in a sliding window). It can send again when earlier recipients leave "
                            + "the window; retrying sooner only fails again.",
                    Kind.PERMANENT, List.of(BATCHES, SEPARATE_MAILBOXES, BULK_SERVICE));
        }
        if (r.contains("maxsubmissionexceeded") || r.contains("messagesubmissionexceeded")) {
            return new Explanation("Message over the mailbox send limit (554 5.2.0)",
                    "The message is larger than the mailbox's send limit (35 MB by default).",
                    Kind.PERMANENT, List.of("Send smaller attachments, or share a link instead."));
        }
        if (enhanced.equals("5.5.3")) {
            return new Explanation("Too many recipients in one message (550 5.5.3)",
                    "The message had more envelope recipients than allowed per message (500 by default).",
                    Kind.PERMANENT, List.of(BATCHES));
        }
        if (enhanced.equals("5.3.4")) {
            return new Explanation("Message too large (552 5.3.4)",
                    "The declared size is over the maximum message size the server advertises.",
                    Kind.PERMANENT, List.of("Send smaller attachments, or share a link instead."));
        }
        if (r.contains("sendasdenied")) {
            return new Explanation("Not allowed to send as this address (554 5.2.252)",
                    "The envelope sender or From header is neither the mailbox's own address nor one it has Send As rights for.",
                    Kind.PERMANENT, List.of("Send from the mailbox's own address, or grant it Send As for the address used."));
        }
        if (r.contains("mailbox full")) {
            return new Explanation("Mailbox full (554 5.2.2)",
                    "Sent Items copies count against the mailbox quota, and the quota is used up.",
                    Kind.PERMANENT, List.of("Empty Sent Items or set a Sent Items retention period.", SEPARATE_MAILBOXES));
        }
        if (enhanced.startsWith("5.2.25")) {
            return new Explanation("Sender throttled (" + reply.substring(0, Math.min(reply.length(), 9)) + ")",
                    "The mailbox kept failing for the same reason, so every submission is refused for a while.",
                    Kind.PERMANENT, List.of("Fix the cause of the earlier refusals, then wait for the throttling period to end."));
        }
        if (r.contains("account locked")) {
            return new Explanation("Account locked (535 5.7.139)",
                    "Too many failed logins in a row locked the account for a while.",
                    Kind.PERMANENT, List.of("Correct the device's password, then wait for the lockout to end."));
        }
        if (r.contains("basic authentication is disabled")) {
            return new Explanation("Basic authentication is off (535 5.7.139)",
                    "AUTH LOGIN with a password is no longer accepted; only OAuth (XOAUTH2) works.",
                    Kind.PERMANENT, List.of("Move the device to OAuth, or to a relay or delivery service."));
        }
        if (r.contains("smtpclientauthentication is disabled")) {
            return new Explanation("SMTP AUTH disabled (535 5.7.139)",
                    "SMTP AUTH is turned off for this mailbox or tenant, or the client is outside the mailbox's allowed networks.",
                    Kind.PERMANENT, List.of("Enable SMTP AUTH for the mailbox (SmtpClientAuthenticationDisabled = false)."));
        }
        if (code == 535) {
            return new Explanation("Wrong user name or password (535 5.7.3)",
                    "The login was refused.", Kind.PERMANENT,
                    List.of("Check the user name (the mailbox address) and password configured on the device."));
        }
        if (code == 530) {
            return new Explanation("Not logged in (530 5.7.57)",
                    "The client tried to send without a successful AUTH.", Kind.PERMANENT,
                    List.of("Configure the device to use STARTTLS and AUTH LOGIN with the mailbox's credentials."));
        }
        if (code == 504) {
            return new Explanation("Authentication type not offered (504 5.7.4)",
                    "AUTH before STARTTLS, or a mechanism the endpoint does not offer (only LOGIN and XOAUTH2).",
                    Kind.PERMANENT, List.of("Turn on STARTTLS and use AUTH LOGIN or XOAUTH2."));
        }
        if (code >= 200 && code < 400) {
            return new Explanation("Accepted", code == 250 && r.contains(" ok ")
                    ? "The message was accepted and saved to Sent Items before this reply."
                    : "The step succeeded.", Kind.SUCCESS, List.of());
        }
        if (code >= 400 && code < 500) {
            return new Explanation("Temporary refusal (" + code + ")", "The server asks the client to try again later.",
                    Kind.TEMPORARY, List.of(RETRY_4XX));
        }
        return new Explanation("Permanent refusal (" + code + ")", "The server refused this for good; retrying the same way fails again.",
                Kind.PERMANENT, List.of());
    }
}
