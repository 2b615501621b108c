package org.submitlab.server;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The few header fields the server needs, read from the header section of a raw message. */
record MessageHeaders(Optional<String> subject, Optional<String> messageId, Optional<String> from,
        Optional<String> fromAddress, List<String> toAndCc) {

    private static final int MAX_HEADER_BYTES = 256 * 1024;

    static MessageHeaders parse(byte[] raw) {
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> recipients = new ArrayList<>();
        for (String field : unfoldedFields(raw)) {
            int colon = field.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = field.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = field.substring(colon + 1).trim();
            fields.putIfAbsent(name, value);
            if (name.equals("to") || name.equals("cc")) {
                recipients.addAll(addresses(value));
            }
        }
        Optional<String> from = Optional.ofNullable(fields.get("from"));
        return new MessageHeaders(
                Optional.ofNullable(fields.get("subject")).map(MessageHeaders::decode),
                Optional.ofNullable(fields.get("message-id")).filter(s -> !s.isBlank()),
                from,
                from.flatMap(v -> addresses(v).stream().findFirst()),
                List.copyOf(recipients));
    }

    /**
     * The header section's fields, continuation lines joined with one space. Lines end at LF (a CR
     * before it is dropped); the first empty line ends the section. Only the header section is decoded.
     */
    static List<String> unfoldedFields(byte[] raw) {
        String head = new String(raw, 0, headerEnd(raw, Math.min(raw.length, MAX_HEADER_BYTES)),
                StandardCharsets.UTF_8);
        List<String> fields = new ArrayList<>();
        StringBuilder current = null;
        int length = head.length();
        int pos = 0;
        while (pos <= length) {
            int lf = head.indexOf('\n', pos);
            int end = lf < 0 ? length : lf;
            if (lf >= 0 && end > pos && head.charAt(end - 1) == '\r') {
                end--;
            }
            if (end == pos) {
                break;
            }
            char first = head.charAt(pos);
            if ((first == ' ' || first == '\t') && current != null) {
                int from = pos;
                int to = end;
                while (from < to && head.charAt(from) <= ' ') {
                    from++;
                }
                while (to > from && head.charAt(to - 1) <= ' ') {
                    to--;
                }
                current.append(' ').append(head, from, to);
            } else {
                if (current != null) {
                    fields.add(current.toString());
                }
                current = new StringBuilder(end - pos + 16).append(head, pos, end);
            }
            if (lf < 0) {
                break;
            }
            pos = lf + 1;
        }
        if (current != null) {
            fields.add(current.toString());
        }
        return fields;
    }

    /** Where the first empty line starts in {@code raw[0..limit)}, or {@code limit} when there is none. */
    private static int headerEnd(byte[] raw, int limit) {
        int lineStart = 0;
        while (lineStart < limit) {
            if (raw[lineStart] == '\n'
                    || raw[lineStart] == '\r' && lineStart + 1 < limit && raw[lineStart + 1] == '\n') {
                return lineStart;
            }
            int i = lineStart;
            while (i < limit && raw[i] != '\n') {
                i++;
            }
            if (i == limit) {
                return limit;
            }
            lineStart = i + 1;
        }
        return limit;
    }

    private static List<String> addresses(String value) {
        try {
            List<String> out = new ArrayList<>();
            for (InternetAddress a : InternetAddress.parseHeader(value, false)) {
                if (a.getAddress() != null && !a.getAddress().isBlank()) {
                    out.add(a.getAddress().toLowerCase(Locale.ROOT));
                }
            }
            return out;
        } catch (AddressException e) {
            return List.of();
        }
    }

    private static String decode(String text) {
        try {
            return MimeUtility.decodeText(text);
        } catch (UnsupportedEncodingException | RuntimeException e) {
            return text;
        }
    }
}
