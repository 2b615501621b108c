package org.submitlab.policy;

import java.nio.charset.StandardCharsets;

/**
 * The reply texts of the endpoint, as logged from Exchange Online (see the behaviour spec).
 * Refusals get a diagnostic suffix "[host time session]" appended by the server;
 * the texts here are without it.
 */
public final class Replies {

    private Replies() {
    }

    public static final String STARTTLS_READY = "220 2.0.0 SMTP server ready";
    /** STARTTLS with more data behind it (RFC 3207 forbids pipelining it; text *unconfirmed*, not Exchange's). */
    public static final String STARTTLS_PIPELINED = "554 5.5.1 Error: data after STARTTLS; TLS not started";
    /**
     * STARTTLS while the server's certificate cannot be used (RFC 3207's reply; text *unconfirmed*, not Exchange's):
     * the session goes on in clear, so a device that can send without TLS still can.
     */
    public static final String TLS_UNAVAILABLE = "454 4.7.0 TLS not available due to temporary reason";
    public static final String AUTH_OK = "235 2.7.0 Authentication successful";
    public static final String AUTH_UNRECOGNIZED = "504 5.7.4 Unrecognized authentication type";
    public static final String AUTH_FAILED = "535 5.7.3 Authentication unsuccessful";
    public static final String AUTH_DISABLED_MAILBOX =
            "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox. Visit https://aka.ms/smtp_auth_disabled for more information.";
    public static final String AUTH_DISABLED_TENANT =
            "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.";
    public static final String AUTH_BASIC_DISABLED =
            "535 5.7.139 Authentication unsuccessful, basic authentication is disabled.";
    public static final String AUTH_LOCKED =
            "535 5.7.139 Authentication unsuccessful, account locked. Contact your administrator.";
    public static final String NOT_AUTHENTICATED = "530 5.7.57 Client not authenticated to send mail.";
    public static final String SENDER_OK = "250 2.1.0 Sender OK";
    public static final String RECIPIENT_OK = "250 2.1.5 Recipient OK";
    public static final String START_MAIL_INPUT = "354 Start mail input; end with <CRLF>.<CRLF>";
    public static final String CLOSING = "221 2.0.0 Service closing transmission channel";

    /** The 4th concurrent transaction, today's text (profile exchange-online). */
    public static final String CONCURRENCY_LIMIT =
            "432 4.3.2 Concurrent connections limit exceeded. Visit https://aka.ms/concurrent_sending for more information.";
    /** The same refusal in the 2018 announcement's words (profile exchange-online-2018). */
    public static final String CONCURRENCY_LIMIT_2018 = "432 4.3.2 STOREDRV.ClientSubmit; sender thread limit exceeded";
    public static final String RECIPIENT_QUOTA_EXCEEDED =
            "554 5.2.0 STOREDRV.Submission.Exception:SubmissionQuotaExceededException; Failed to process message due to a permanent exception with message The message can't be submitted because the sender's submission quota was exceeded.";
    public static final String TOO_MANY_RECIPIENTS = "550 5.5.3 RESOLVER.ADR.RecipLimit; too many recipients";
    public static final String SIZE_EXCEEDS_FIXED_MAXIMUM = "552 5.3.4 Message size exceeds fixed maximum message size";
    /** A header section longer than Exchange Online's 256 KB header limit (text *unconfirmed*). */
    public static final String HEADER_TOO_LARGE = "552 5.3.4 Header size exceeds fixed maximum size";
    public static final String SEND_LIMIT_EXCEEDED =
            "554 5.2.0 STOREDRV.Submission.Exception:MessageSubmissionExceededException.MapiExceptionMaxSubmissionExceeded; Failed to process message due to a permanent exception with message Cannot save changes made to an item to store.";
    public static final String MAILBOX_FULL =
            "554 5.2.2 mailbox full; STOREDRV.Submission.Exception:QuotaExceededException.MapiExceptionShutoffQuotaExceeded";
    public static final String THROTTLED_MAILBOX_FULL = "550 5.2.251 Sender throttled due to continuous mailbox full errors.";
    public static final String THROTTLED_SEND_AS_DENIED = "550 5.2.252 Sender throttled due to continuous send as denied errors.";
    public static final String THROTTLED_TOO_MANY_RECIPIENTS = "550 5.2.254 Sender throttled due to continuous too many recipients errors.";

    // The library's own fixed lines, with the enhanced code ENHANCEDSTATUSCODES promises.
    /** The server's connection table is full (also to an idle unauthenticated connection shed to make room). */
    public static final String TOO_MANY_CONNECTIONS = "421 4.3.2 Too many connections, try again later";
    /** One client address holds as many connections as it may (Exchange's receive-connector text). */
    public static final String TOO_MANY_CONNECTIONS_FROM_ADDRESS =
            "421 4.3.2 The maximum number of concurrent connections has exceeded a limit, closing transmission channel";

    // Real-time deadlines that end a connection.
    public static final String IDLE_TIMEOUT = "421 4.4.2 Connection dropped due to timeout";
    public static final String COMMAND_LINE_TIMEOUT = "421 4.4.2 Connection dropped: command not completed in time";
    public static final String DATA_TOO_SLOW = "421 4.4.2 Connection dropped: message data arrived too slowly";
    public static final String AUTHENTICATION_TIMEOUT = "421 4.4.2 Connection dropped: not authenticated in time";
    public static final String SESSION_TIMEOUT = "421 4.4.2 Connection dropped: session time limit reached";
    public static final String INVALID_CHARACTER_ENCODING = "501 5.5.2 Syntax error: invalid character encoding.";

    /** The library's bare-CR/LF refusal; {@code position} is where in the line the lone CR or LF was. */
    public static String unpairedLineEnd(int position) {
        return "501 5.5.2 Syntax error at character position " + position
                + ". CR and LF must be CRLF paired.  See RFC 2821 #2.7.1.";
    }

    /**
     * RFC 5321 caps a reply line at 512 octets with its CRLF. The suffix a refusal gets needs about 100 of
     * them, so what a reply repeats from the client (a Message-ID, a From header) is cut to this many.
     */
    public static final int MAX_ECHO_OCTETS = 200;

    // Exchange as of 2026 (spec section 7).
    public static final String BASIC_AUTH_NOT_SUPPORTED =
            "550 5.7.30 Basic authentication is not supported for Client Submission.";
    public static final String LEGACY_TLS_NOT_SUPPORTED =
            "421 4.7.66 TLS 1.0 and 1.1 are not supported. Please upgrade/update your client to support TLS 1.2. Visit https://aka.ms/smtp_auth_tls.";
    public static final String SEND_AS_DENIED_AT_MAIL_FROM =
            "550 5.7.60 SMTP; Client does not have permissions to send as this sender";
    public static final String MAILBOX_LOGON_FAILURE = "430 4.2.0 STOREDRV; mailbox logon failure";
    public static final String TENANT_EXTERNAL_LIMIT =
            "550 5.7.233 Your message can't be sent because your tenant exceeded its daily limit for sending email to external recipients (tenant external recipient rate limit)";
    /** Trial tenants get 5.7.232; Microsoft documents the code, the text here is the 5.7.233 one (*unconfirmed*). */
    public static final String TENANT_EXTERNAL_LIMIT_TRIAL = TENANT_EXTERNAL_LIMIT.replace("5.7.233", "5.7.232");
    public static final String ACCESS_DENIED_TRY_LATER = "451 4.7.500 Access denied, please try again later. (AS112201)";
    /** The older text of the 530, as clients still log it. */
    public static final String NOT_AUTHENTICATED_OLD =
            "530 5.7.57 SMTP; Client was not authenticated to send anonymous mail during MAIL FROM";

    /**
     * Malformed XOAUTH2 data (the SASL string is not {@code user=ADDRESS^Aauth=Bearer TOKEN^A^A}). High Volume
     * Email documents 501 5.5.121 to 5.5.126 ("Invalid XOAUTH2 ..."); which code means what, and the texts on
     * the regular endpoint, are *unconfirmed*.
     */
    public static final String XOAUTH2_INVALID_FORMAT = "501 5.5.121 Invalid XOAUTH2 format";
    /** The {@code user=} field is missing or empty (*unconfirmed*, see {@link #XOAUTH2_INVALID_FORMAT}). */
    public static final String XOAUTH2_INVALID_USER = "501 5.5.122 Invalid XOAUTH2 user";
    /** The {@code auth=Bearer TOKEN} field is missing, not Bearer, or has no token (*unconfirmed*). */
    public static final String XOAUTH2_INVALID_TOKEN = "501 5.5.123 Invalid XOAUTH2 token";
    /**
     * High Volume Email refuses a recipient outside the tenant's accepted domains (*unconfirmed* for HVE: the text
     * is Exchange's own for a recipient in a domain it does not accept, at RCPT TO).
     */
    public static final String HVE_EXTERNAL_RECIPIENT = "550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain";

    public static String sendAsDenied(String mailbox, String from) {
        return "554 5.2.252 SendAsDenied; " + echo(mailbox, MAX_ECHO_OCTETS) + " not allowed to send as "
                + echo(from, MAX_ECHO_OCTETS)
                + "; STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied; Failed to process message due to a permanent exception with message Cannot submit message.";
    }

    /** The 250 after DATA; a Message-ID too long for one reply line is shortened (keeping its closing '>'). */
    public static String accepted(String messageId, String host) {
        String head = "250 2.0.0 OK ";
        String tail = " [Hostname=" + host + "]";
        int room = 510 - head.length() - tail.getBytes(StandardCharsets.UTF_8).length;
        return head + echo(messageId, Math.max(16, room)) + tail;
    }

    /**
     * {@code text} as a reply may repeat it: control characters (a reply must stay one line) become '?',
     * and text longer than {@code maxOctets} (UTF-8) keeps its start and its last character, with "..." between.
     */
    public static String echo(String text, int maxOctets) {
        StringBuilder clean = new StringBuilder(Math.min(text.length(), maxOctets + 8));
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            clean.append(c < 0x20 || c == 0x7F ? '?' : c);
        }
        String s = clean.toString();
        if (utf8Length(s) <= maxOctets) {
            return s;
        }
        String last = s.substring(s.offsetByCodePoints(s.length(), -1));
        int budget = maxOctets - 3 - utf8Length(last);
        StringBuilder out = new StringBuilder();
        int used = 0;
        for (int i = 0; i < s.length();) {
            int cp = s.codePointAt(i);
            int n = utf8Length(new String(Character.toChars(cp)));
            if (used + n > budget) {
                break;
            }
            out.appendCodePoint(cp);
            used += n;
            i += Character.charCount(cp);
        }
        return out.append("...").append(last).toString();
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The 530 after a failed AUTH in the same session: Exchange appends the 535 line. */
    public static String notAuthenticatedAfterFailure(String authFailureLine) {
        return NOT_AUTHENTICATED + " Error: " + authFailureLine;
    }

    /** The numeric reply code of a reply line, e.g. 432. */
    public static int code(String line) {
        return Integer.parseInt(line.substring(0, 3));
    }

    /** The enhanced status code of a reply line, e.g. "4.3.2", or "" when it has none. */
    public static String enhancedCode(String line) {
        if (line.length() < 5) {
            return "";
        }
        int end = line.indexOf(' ', 4);
        String candidate = end < 0 ? line.substring(4) : line.substring(4, end);
        return candidate.matches("[245]\\.\\d{1,3}\\.\\d{1,3}") ? candidate : "";
    }
}
