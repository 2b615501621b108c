package org.submitlab.sim;

import org.submitlab.policy.Replies;

/**
 * The server's answer to one attempt: its reply line, or a connection failure (code 0).
 *
 * @param code  the reply code, e.g. 250, 432, 554; 0 when the connection failed without a reply
 * @param line  the reply line as the device logged it (or the connection error)
 */
public record SendOutcome(int code, String line) {

    public static final String CONNECTION_ERROR = "connection error";

    public static SendOutcome reply(String line) {
        String l = firstLine(line);
        int code;
        try {
            code = l.length() >= 3 ? Replies.code(l) : 0;
        } catch (NumberFormatException e) {
            code = 0;
        }
        return new SendOutcome(code, l);
    }

    public static SendOutcome connectionError(String description) {
        return new SendOutcome(0, description);
    }

    public boolean accepted() {
        return code >= 200 && code < 300;
    }

    public boolean permanent() {
        return code >= 500;
    }

    /** How refusals are counted: "432 4.3.2", "554 5.2.0", "535 5.7.3", or "connection error". */
    public String key() {
        if (code == 0) {
            return CONNECTION_ERROR;
        }
        String enhanced = Replies.enhancedCode(line);
        return enhanced.isEmpty() ? Integer.toString(code) : code + " " + enhanced;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        String t = s.strip();
        int nl = t.indexOf('\n');
        return (nl < 0 ? t : t.substring(0, nl)).strip();
    }
}
