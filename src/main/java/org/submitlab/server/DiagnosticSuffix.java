package org.submitlab.server;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * The rule for Exchange's diagnostic suffix: every refusal (a 4xx or 5xx line) ends with
 * {@code [<host> <UTC time with millis>Z <session id>]}; success and intermediate replies (2xx, 3xx)
 * carry none (the 250 after DATA has its own {@code [Hostname=...]}).
 */
final class DiagnosticSuffix {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern PRESENT =
            Pattern.compile(" \\[\\S+ \\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z [0-9A-F]+\\]$");

    private DiagnosticSuffix() {
    }

    /** The line as sent: with the suffix when it is a refusal that has none yet. */
    static String apply(String line, String host, Instant now, String sessionId) {
        if (!isRefusal(line) || PRESENT.matcher(line).find()) {
            return line;
        }
        return line + " [" + host + " " + TIME.format(now) + " " + sessionId + "]";
    }

    static boolean isRefusal(String line) {
        return line.length() >= 3 && (line.charAt(0) == '4' || line.charAt(0) == '5')
                && Character.isDigit(line.charAt(1)) && Character.isDigit(line.charAt(2))
                && (line.length() == 3 || line.charAt(3) == ' ');
    }
}
