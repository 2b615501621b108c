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

    private static List<String> unfoldedFields(byte[] raw) {
        int end = Math.min(raw.length, MAX_HEADER_BYTES);
        String head = new String(raw, 0, end, StandardCharsets.UTF_8);
        List<String> fields = new ArrayList<>();
        StringBuilder current = null;
        for (String line : head.split("\r?\n", -1)) {
            if (line.isEmpty()) {
                break;
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && current != null) {
                current.append(' ').append(line.trim());
            } else {
                if (current != null) {
                    fields.add(current.toString());
                }
                current = new StringBuilder(line);
            }
        }
        if (current != null) {
            fields.add(current.toString());
        }
        return fields;
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
