package org.submitlab.server;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * What AUTH puts in the transcript: the base64 the client sent with what it says beside it (the
 * user name, the server's prompts), secrets masked. A helpdesk reads which login a device tried
 * without ever seeing a password or a token.
 */
final class AuthTranscript {

    static final String MASK = "****";

    private AuthTranscript() {
    }

    /** The AUTH command line: an initial LOGIN response is a user name, anything else may hold a secret. */
    static String command(String line) {
        String[] parts = line.trim().split("\\s+");
        if (parts.length < 3) {
            return line;
        }
        String head = parts[0] + " " + parts[1] + " ";
        String mechanism = parts[1].toUpperCase(Locale.ROOT);
        if (mechanism.equals("LOGIN")) {
            return head + userName(parts[2]);
        }
        if (mechanism.equals("XOAUTH2")) {
            return head + xoauth2(parts[2]);
        }
        return head + MASK;
    }

    /** A LOGIN user name as sent, with its decoded text: "cHJpbnRlckBjb250b3NvLnRlc3Q= (printer@contoso.test)". */
    static String userName(String base64) {
        return decoded(base64).map(u -> base64 + " (" + printable(u) + ")").orElse(base64);
    }

    /** An XOAUTH2 response: its user, never its token. */
    static String xoauth2(String base64) {
        return decoded(base64).flatMap(AuthTranscript::xoauth2User).map(u -> MASK + " (user=" + printable(u) + ", token masked)")
                .orElse(MASK);
    }

    /** A server line; a 334 prompt gets its decoded text ("334 VXNlcm5hbWU6 (Username:)"). */
    static String serverLine(String line) {
        if (line.length() <= 4 || !line.startsWith("334 ")) {
            return line;
        }
        return decoded(line.substring(4).trim()).filter(t -> !t.isEmpty()).map(t -> line + " (" + printable(t) + ")")
                .orElse(line);
    }

    private static Optional<String> xoauth2User(String sasl) {
        for (String field : sasl.split("\u0001")) {
            if (field.startsWith("user=")) {
                return Optional.of(field.substring(5));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> decoded(String base64) {
        try {
            return Optional.of(new String(Base64.getDecoder().decode(base64.trim()), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Control characters shown as '?', and at most 200 characters: it is a log line. */
    private static String printable(String s) {
        String p = s.codePoints().map(c -> c < 0x20 || c == 0x7f ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return p.length() > 200 ? p.substring(0, 200) + "\u2026" : p;
    }
}
