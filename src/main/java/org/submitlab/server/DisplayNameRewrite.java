package org.submitlab.server;

import jakarta.mail.internet.InternetAddress;
import java.io.ByteArrayOutputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The 2018-2020 replay switch: Exchange replaced the From display name of SMTP AUTH submissions
 * with the directory's. Rewrites the first From field of the header section (lines end at CR, LF or
 * CRLF); the rest of the message stays byte for byte as submitted.
 */
final class DisplayNameRewrite {

    private DisplayNameRewrite() {
    }

    /** The From field's new value, e.g. {@code "Printer, 2nd floor" <printer@contoso.test>}. */
    static String fromValue(String address, String displayName) {
        try {
            return new InternetAddress(address, displayName, "UTF-8").toString();
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] apply(byte[] raw, String newFromValue) {
        int lineStart = 0;
        while (lineStart < raw.length) {
            int lineEnd = endOfLine(raw, lineStart);
            if (raw[lineStart] == '\r' || raw[lineStart] == '\n') {
                return raw; // end of the header section: no From field
            }
            if (startsWithFrom(raw, lineStart)) {
                int fieldEnd = lineEnd;
                while (fieldEnd < raw.length && (raw[fieldEnd] == ' ' || raw[fieldEnd] == '\t')) {
                    fieldEnd = endOfLine(raw, fieldEnd);
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length + 64);
                out.write(raw, 0, lineStart);
                out.writeBytes(("From: " + newFromValue + "\r\n").getBytes(StandardCharsets.UTF_8));
                out.write(raw, fieldEnd, raw.length - fieldEnd);
                return out.toByteArray();
            }
            lineStart = lineEnd;
        }
        return raw;
    }

    private static boolean startsWithFrom(byte[] raw, int at) {
        if (raw.length - at < 5) {
            return false;
        }
        String name = new String(raw, at, 5, StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT);
        return name.equals("from:");
    }

    /** Index just after the line's end: CR, LF or CRLF, as {@link MessageHeaders} reads lines (or the array's end). */
    private static int endOfLine(byte[] raw, int from) {
        for (int i = from; i < raw.length; i++) {
            if (raw[i] == '\n') {
                return i + 1;
            }
            if (raw[i] == '\r') {
                return i + 1 < raw.length && raw[i + 1] == '\n' ? i + 2 : i + 1;
            }
        }
        return raw.length;
    }
}
