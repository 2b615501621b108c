package org.submitlab.app.explain;

import java.util.ArrayList;
import java.util.List;
import org.submitlab.policy.Profile;
import org.submitlab.policy.Replies;

/**
 * Every reply of the behaviour spec (sections 1 to 7) with its cause, phase, retry advice and
 * remedies. The reply texts come from the reply catalogue ({@link Replies}); this class adds what a
 * helpdesk needs to act on one.
 */
public final class ReplyCatalogue {

    public static final String SEPARATE_MAILBOXES = "Use a different mailbox for each application or device.";
    public static final String BATCHES = "Send bulk copies in batches, or to a distribution group (it counts as one recipient).";
    public static final String BULK_SERVICE = "For time-critical bursts (alerts), use a delivery service built for volume "
            + "(for internal bulk: High Volume Email).";
    public static final String RETRY_4XX = "Retry 4xx refusals: a device that retries loses only a little rate.";
    public static final String MOVE_TO_OAUTH = "Move the device to OAuth (XOAUTH2), or send through a relay or a service "
            + "that does not use SMTP AUTH basic authentication.";

    static final String LOOK_CONNECTIONS = "Connections: the mailbox's submissions in flight against its limit";
    static final String LOOK_SESSIONS = "Session log: filter by the mailbox to see what the device sent and got";
    static final String LOOK_BUDGET = "Recipient budget: the mailbox's 24-hour window and when it frees";
    static final String LOOK_SENT_ITEMS = "Sent Items: what the mailbox got through";
    static final String LOOK_DEVICES = "Devices (in a run): which device lost messages";

    private static final List<KnownReply> ALL = build();

    private ReplyCatalogue() {
    }

    public static List<KnownReply> all() {
        return ALL;
    }

    private static KnownReply r(String reply, String marker, String title, String cause, String phase, boolean retry,
            String retryWhen, List<String> remedies, List<String> look) {
        PastedReply p = PastedReply.parse(reply);
        return new KnownReply(p.code().orElseThrow(), p.enhanced().orElse(""), marker, reply, title, cause, phase,
                retry, retryWhen, remedies, look);
    }

    private static List<KnownReply> build() {
        List<KnownReply> k = new ArrayList<>();
        String never = "Never: the same message fails the same way until the cause is fixed.";
        // Section 1: the session's own replies
        k.add(r("220 SL1PR01MB0001.submitlab.prod.outlook.test Microsoft ESMTP MAIL Service ready", "esmtp mail service ready",
                "Server ready (banner)", "The server accepted the connection and greets the client.", "banner", false,
                "Nothing to retry.", List.of(), List.of(LOOK_SESSIONS)));
        k.add(r(Replies.STARTTLS_READY, "smtp server ready", "Ready to start TLS",
                "The client asked for STARTTLS; the TLS handshake (1.2 or 1.3) comes next.", "STARTTLS", false,
                "Nothing to retry.", List.of(), List.of(LOOK_SESSIONS)));
        k.add(r(Replies.AUTH_OK, "", "Logged in", "The user name and password (or token) were accepted.", "AUTH",
                false, "Nothing to retry.", List.of(), List.of(LOOK_SESSIONS)));
        k.add(r(Replies.SENDER_OK, "", "Sender accepted", "MAIL FROM was accepted; refusals usually come after DATA.",
                "MAIL FROM", false, "Nothing to retry.", List.of(), List.of(LOOK_SESSIONS)));
        k.add(r(Replies.RECIPIENT_OK, "", "Recipient accepted", "RCPT TO was accepted.", "RCPT TO", false,
                "Nothing to retry.", List.of(), List.of(LOOK_SESSIONS)));
        k.add(r(Replies.START_MAIL_INPUT, "", "Send the message", "The server waits for the message body.", "DATA",
                false, "Nothing to retry.", List.of(), List.of(LOOK_SESSIONS)));
        k.add(r(Replies.accepted("<id@host>", "host"), "ok", "Message accepted",
                "The message was accepted and saved to the mailbox's Sent Items before this reply.", "end of DATA",
                false, "Nothing to retry.", List.of(), List.of(LOOK_SENT_ITEMS)));
        k.add(r(Replies.CLOSING, "", "Goodbye", "The client ended the session with QUIT.", "QUIT", false,
                "Nothing to retry.", List.of(), List.of(LOOK_SESSIONS)));
        k.add(r(Replies.AUTH_UNRECOGNIZED, "", "Authentication type not offered",
                "AUTH before STARTTLS, or a mechanism the endpoint does not offer (only LOGIN and XOAUTH2, never PLAIN).",
                "AUTH", false, never, List.of("Turn on STARTTLS on the device and use AUTH LOGIN or OAuth (XOAUTH2)."),
                List.of(LOOK_SESSIONS)));
        k.add(r(Replies.AUTH_FAILED, "authentication unsuccessful", "Wrong user name, password or token",
                "The login was refused: a wrong password, a token that expired, is for another mailbox or was altered.",
                "AUTH", false, "Not with the same credentials: repeated failures lock the account.",
                List.of("Check the user name (the mailbox address) and the password or token configured on the device."),
                List.of(LOOK_SESSIONS)));
        k.add(r(Replies.NOT_AUTHENTICATED, "client not authenticated", "Not logged in",
                "The client tried to send without a successful AUTH (after a failed one, Exchange appends that 535 line).",
                "MAIL FROM", false, never,
                List.of("Configure the device to use STARTTLS and AUTH LOGIN (or OAuth) with the mailbox's credentials."),
                List.of(LOOK_SESSIONS)));
        k.add(r(Replies.NOT_AUTHENTICATED_OLD, "anonymous mail", "Not logged in (older text)",
                "The client tried to send without logging in.", "MAIL FROM", false, never,
                List.of("Configure the device to use STARTTLS and AUTH LOGIN (or OAuth) with the mailbox's credentials."),
                List.of(LOOK_SESSIONS)));
        // Section 2: the limits
        for (Profile p : Profile.values()) {
            if (k.stream().noneMatch(x -> x.reply().equals(p.concurrencyRefusal()))) {
                k.add(r(p.concurrencyRefusal(), p.concurrencyRefusal().contains("STOREDRV") ? "sender thread limit"
                        : "concurrent connections limit", "Too many submissions at once",
                        "More than 3 messages of this mailbox were being submitted at the same time, over all its "
                                + "connections. The message was sent in full and refused only at the end of DATA; nothing "
                                + "is wrong with it.",
                        "end of DATA", true, "Yes, a few seconds later: the slot frees as soon as another transaction "
                                + "of the mailbox ends. No wait is needed between connections that are not simultaneous.",
                        List.of(RETRY_4XX, SEPARATE_MAILBOXES), List.of(LOOK_CONNECTIONS, LOOK_SESSIONS)));
            }
        }
        k.add(r(Replies.RECIPIENT_QUOTA_EXCEEDED, "submissionquotaexceeded", "Daily recipient limit reached",
                "The mailbox sent to its limit of recipients in the last 24 hours (10,000 by default, counted over "
                        + "envelope recipients To + Cc + Bcc, in a sliding window).",
                "end of DATA", false, "Not before enough recipients leave the window, 24 hours after they were sent: "
                        + "a retry sooner fails again.",
                List.of(BATCHES, SEPARATE_MAILBOXES, BULK_SERVICE), List.of(LOOK_BUDGET, LOOK_SESSIONS)));
        k.add(r(Replies.TOO_MANY_RECIPIENTS, "recipLimit", "Too many recipients in one message",
                "The message had more envelope recipients than allowed per message (500 by default).", "end of DATA",
                false, never, List.of(BATCHES), List.of(LOOK_SESSIONS)));
        k.add(r(Replies.SIZE_EXCEEDS_FIXED_MAXIMUM, "message size exceeds", "Message too large",
                "The declared or actual size is over the maximum message size the server advertises (SIZE).",
                "MAIL FROM or end of DATA", false, never, List.of("Send smaller attachments, or share a link instead."),
                List.of(LOOK_SESSIONS)));
        k.add(r(Replies.SEND_LIMIT_EXCEEDED, "maxsubmissionexceeded", "Message over the mailbox send limit",
                "The message is larger than the mailbox's send limit (35 MB by default).", "end of DATA", false, never,
                List.of("Send smaller attachments, or share a link instead."), List.of(LOOK_SESSIONS)));
        k.add(r(Replies.sendAsDenied("a@b", "c@d"), "sendasdenied", "Not allowed to send as this address",
                "The envelope sender or a From or Sender header is neither the mailbox's own address nor one it has "
                        + "Send As rights for.",
                "end of DATA", false, never,
                List.of("Send from the mailbox's own address, or grant the mailbox Send As for the address used."),
                List.of(LOOK_SESSIONS)));
        k.add(r(Replies.MAILBOX_FULL, "mailbox full", "Mailbox full",
                "Sent Items copies count against the mailbox quota, and the quota is used up.", "end of DATA", false,
                "Not before the mailbox has room again.",
                List.of("Empty Sent Items or set a Sent Items retention period.", SEPARATE_MAILBOXES),
                List.of(LOOK_SENT_ITEMS)));
        for (String t : List.of(Replies.THROTTLED_MAILBOX_FULL, Replies.THROTTLED_SEND_AS_DENIED,
                Replies.THROTTLED_TOO_MANY_RECIPIENTS)) {
            k.add(r(t, "sender throttled", "Sender throttled",
                    "The mailbox kept failing for the same reason, so every submission is refused for a while.",
                    "end of DATA", false, "Only after the cause is fixed and the throttling period (15 minutes by "
                            + "default) has passed.",
                    List.of("Fix the cause of the earlier refusals, then wait for the throttling period to end."),
                    List.of(LOOK_SESSIONS)));
        }
        k.add(r(Replies.AUTH_DISABLED_MAILBOX, "disabled for the mailbox", "SMTP AUTH disabled for the mailbox",
                "SMTP AUTH is turned off for this mailbox (or the client is outside the mailbox's allowed networks).",
                "AUTH", false, never, List.of("Enable SMTP AUTH for the mailbox (SmtpClientAuthenticationDisabled = false)."),
                List.of(LOOK_SESSIONS)));
        k.add(r(Replies.AUTH_DISABLED_TENANT, "disabled for the tenant", "SMTP AUTH disabled for the tenant",
                "SMTP AUTH is turned off for the whole tenant and not turned on for this mailbox.", "AUTH", false, never,
                List.of("Enable SMTP AUTH for the mailbox, or for the tenant."), List.of(LOOK_SESSIONS)));
        k.add(r(Replies.AUTH_BASIC_DISABLED, "basic authentication is disabled", "Basic authentication is off",
                "AUTH LOGIN with a password is refused: Exchange turned basic authentication for SMTP AUTH off (the "
                        + "default for existing tenants from the end of December 2026). OAuth (XOAUTH2) still works.",
                "AUTH", false, "Never with a password, until an admin turns basic authentication back on.",
                List.of(MOVE_TO_OAUTH, "Until then, an admin can turn basic authentication back on for the tenant."),
                List.of(LOOK_SESSIONS)));
        k.add(r(Replies.AUTH_LOCKED, "account locked", "Account locked",
                "Too many failed logins in a row locked the account for a while (15 minutes by default).", "AUTH",
                false, "Only after the lockout ends, with the right password: every attempt before that is refused.",
                List.of("Correct the device's password, then wait for the lockout to end."), List.of(LOOK_SESSIONS)));
        // Section 7: Exchange as of 2026
        k.add(r(Replies.BASIC_AUTH_NOT_SUPPORTED, "basic authentication is not supported",
                "Basic authentication removed",
                "Exchange removed basic authentication for SMTP AUTH for good: no admin can turn it back on.", "AUTH",
                false, never, List.of(MOVE_TO_OAUTH), List.of(LOOK_SESSIONS)));
        k.add(r(Replies.LEGACY_TLS_NOT_SUPPORTED, "tls 1.0 and 1.1", "Old TLS version",
                "The device speaks only TLS 1.0 or 1.1; smtp.office365.com accepts TLS 1.2 and 1.3.",
                "first command after the TLS handshake", false,
                "Never: a 4xx a retry cannot fix. The device needs new firmware, or the legacy endpoint.",
                List.of("Update the device's firmware so it speaks TLS 1.2, or point it at smtp-legacy.office365.com "
                        + "after the tenant opted in (AllowLegacyTLSClients).", SEPARATE_MAILBOXES),
                List.of(LOOK_SESSIONS)));
        k.add(r(Replies.SEND_AS_DENIED_AT_MAIL_FROM, "permissions to send as", "Not allowed to send as this sender",
                "The envelope sender is neither the mailbox's own address nor one it has Send As rights for "
                        + "(checked at MAIL FROM).", "MAIL FROM", false, never,
                List.of("Send from the mailbox's own address, or grant the mailbox Send As for the address used."),
                List.of(LOOK_SESSIONS)));
        k.add(r(Replies.MAILBOX_LOGON_FAILURE, "mailbox logon failure", "Mailbox logon failure",
                "The app's token was accepted but the app has no permission on the mailbox it sends as.",
                "MAIL FROM or end of DATA", false, "Never: a 4xx a retry cannot fix, until the app gets permission.",
                List.of("Grant the app's service principal permission on the mailbox (SMTP.SendAsApp and mailbox access)."),
                List.of(LOOK_SESSIONS)));
        k.add(r(Replies.TENANT_EXTERNAL_LIMIT, "tenant external recipient rate limit",
                "Tenant's daily external recipient limit reached",
                "The whole tenant sent to its limit of external recipients in the last 24 hours "
                        + "(500 × licences^0.7 + 9,500). Usually a non-delivery report, not a reply.",
                "delivery (a non-delivery report)", false, "Not before the tenant's 24-hour window frees.",
                List.of(BATCHES, BULK_SERVICE), List.of(LOOK_SESSIONS)));
        k.add(r(Replies.TENANT_EXTERNAL_LIMIT_TRIAL, "tenant external recipient rate limit",
                "Trial tenant's daily external recipient limit reached",
                "A trial tenant sent to its limit of 5,000 external recipients in the last 24 hours.",
                "delivery (a non-delivery report)", false, "Not before the tenant's 24-hour window frees.",
                List.of(BATCHES, BULK_SERVICE), List.of(LOOK_SESSIONS)));
        k.add(r(Replies.ACCESS_DENIED_TRY_LATER, "as112201", "Temporarily refused (anti-abuse)",
                "Exchange's anti-abuse protection refuses the tenant or client for a while.", "any", true,
                "Yes, later: minutes to hours.", List.of(RETRY_4XX), List.of(LOOK_SESSIONS)));
        String xoauth2Fix = "Fix the client's OAuth configuration (the SASL string it builds: "
                + "user=ADDRESS^Aauth=Bearer TOKEN^A^A, base64-encoded).";
        k.add(r(Replies.XOAUTH2_INVALID_FORMAT, "xoauth2", "Malformed XOAUTH2 login",
                "The client's XOAUTH2 string is not in the form user=ADDRESS^Aauth=Bearer TOKEN^A^A (^A is the byte "
                        + "0x01): a field is missing, in the wrong order, or the final ^A is missing. High Volume Email "
                        + "documents 501 5.5.121 to 5.5.126; this text is unconfirmed.", "AUTH", false, never,
                List.of(xoauth2Fix), List.of(LOOK_SESSIONS)));
        k.add(r(Replies.XOAUTH2_INVALID_USER, "xoauth2", "Malformed XOAUTH2 login: no user",
                "The XOAUTH2 string has no user=ADDRESS field first, or it is empty (text unconfirmed).", "AUTH", false,
                never, List.of(xoauth2Fix), List.of(LOOK_SESSIONS)));
        k.add(r(Replies.XOAUTH2_INVALID_TOKEN, "xoauth2", "Malformed XOAUTH2 login: no bearer token",
                "The XOAUTH2 string has no auth=Bearer TOKEN field, or the token is empty (text unconfirmed).", "AUTH",
                false, never, List.of(xoauth2Fix, "Check that the app gets an access token for "
                        + "https://outlook.office365.com/.default before it connects."), List.of(LOOK_SESSIONS)));
        for (int n = 124; n <= 126; n++) {
            k.add(r("501 5.5." + n + " Invalid XOAUTH2 data", "xoauth2", "Malformed XOAUTH2 login",
                    "The client's XOAUTH2 string is not in the form user=ADDRESS^Aauth=Bearer TOKEN^A^A (High Volume "
                            + "Email documents 5.5.121 to 5.5.126; the texts are unconfirmed).", "AUTH", false, never,
                    List.of(xoauth2Fix), List.of(LOOK_SESSIONS)));
        }
        k.add(r(Replies.HVE_EXTERNAL_RECIPIENT, "non-accepted domain", "Recipient outside the tenant",
                "The recipient's domain is not one of the tenant's accepted domains. High Volume Email sends to "
                        + "internal recipients only (HVE's own text for this is unconfirmed).", "RCPT TO", false, never,
                List.of("Send external mail through the regular endpoint (smtp.office365.com) or a delivery service "
                        + "built for volume; keep HVE for internal bulk."), List.of(LOOK_SESSIONS)));
        return List.copyOf(k);
    }
}
