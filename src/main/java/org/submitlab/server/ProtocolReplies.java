package org.submitlab.server;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.submitlab.policy.Replies;

/**
 * Protocol replies the behaviour spec does not list (sequence and syntax errors, prompts), in
 * Exchange's style. The spec's own texts are in {@link org.submitlab.policy.Replies}.
 */
final class ProtocolReplies {

    private ProtocolReplies() {
    }

    static final String SEND_HELLO_FIRST = "503 5.5.2 Send hello first";
    static final String INVALID_DOMAIN = "501 5.5.4 Invalid domain name";
    static final String INVALID_ARGUMENTS = "501 5.5.4 Invalid arguments";
    static final String INVALID_ADDRESS = "501 5.1.3 Invalid address";
    static final String SENDER_ALREADY_SPECIFIED = "503 5.5.2 Sender already specified";
    static final String NEED_MAIL = "503 5.5.2 Need mail command";
    static final String NEED_RCPT = "503 5.5.2 Need rcpt command";
    static final String ALREADY_AUTHENTICATED = "503 5.5.2 Already authenticated";
    static final String TLS_ALREADY_ACTIVE = "503 5.5.2 TLS already active";
    static final String BAD_BASE64 = "501 5.5.2 Cannot Base64-decode Client responses";
    static final String AUTH_CANCELLED = "501 5.0.0 Authentication cancelled";
    static final String USERNAME_PROMPT = "334 VXNlcm5hbWU6";
    static final String PASSWORD_PROMPT = "334 UGFzc3dvcmQ6";
    static final String CONTINUE_PROMPT = "334 ";
    static final String RESETTING = "250 2.0.0 Resetting";
    static final String OK = "250 2.0.0 OK";
    static final String CANNOT_VRFY = "252 2.1.5 Cannot VRFY user";
    static final String UNRECOGNIZED = "500 5.3.3 Unrecognized command";
    static final String TOO_MANY_RECIPIENTS_IN_TRANSACTION = "452 4.5.3 Too many recipients";
    static final String NOT_STORED = "451 4.3.0 Temporary server error: the message was not stored. Please try again later";
    static final String TIMEOUT = Replies.IDLE_TIMEOUT;
    static final String LINE_TOO_LONG = "500 5.5.2 Line too long";
    static final String HELP = "214-This server supports the following commands:\r\n"
            + "214 HELO EHLO STARTTLS RCPT DATA RSET MAIL QUIT HELP AUTH NOOP VRFY";

    private static final Pattern UNPAIRED_LINE_END = Pattern.compile(
            "501 Syntax error at character position (\\d+)\\. CR and LF must be CRLF paired\\..*");

    /** The library's own fixed lines, as this server says them instead (with enhanced codes). */
    static String forLibraryLine(String line) {
        if (line.startsWith("421 Too many connections")) {
            return Replies.TOO_MANY_CONNECTIONS;
        }
        if (line.startsWith("501 Syntax error: invalid character encoding")) {
            return Replies.INVALID_CHARACTER_ENCODING;
        }
        Matcher unpaired = UNPAIRED_LINE_END.matcher(line);
        if (unpaired.matches()) {
            return Replies.unpairedLineEnd(Integer.parseInt(unpaired.group(1)));
        }
        if (line.startsWith("421 Timeout waiting for data")) {
            return TIMEOUT;
        }
        if (line.startsWith("500 Error: command not implemented") || line.startsWith("500 Error: bad syntax")) {
            return UNRECOGNIZED;
        }
        if (line.startsWith("501 Input line length is too long")) {
            return LINE_TOO_LONG;
        }
        return line;
    }
}
