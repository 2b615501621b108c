package org.submitlab.server;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The few header fields the server needs, read from the header section of a raw message: the first
 * Subject, Message-ID and From, and the addresses of every To and Cc field (parsed only when asked for).
 * Field names match case-insensitively, continuation lines are joined with one space; other fields
 * are skipped without being copied (this runs for every message).
 */
final class MessageHeaders {

    private static final int MAX_HEADER_BYTES = 256 * 1024;

    private enum Field { FROM, TO, CC, SUBJECT, MESSAGE_ID }

    private final Optional<String> subject;
    private final Optional<String> messageId;
    private final Optional<String> from;
    private final Optional<String> fromAddress;
    private final List<String> fromValues;
    private final List<String> toAndCcValues;
    private List<String> toAndCc;

    private MessageHeaders(String subject, String messageId, List<String> fromValues, List<String> toAndCcValues) {
        this.subject = Optional.ofNullable(subject).map(MessageHeaders::decode);
        this.messageId = Optional.ofNullable(messageId).filter(s -> !s.isBlank());
        this.from = fromValues.isEmpty() ? Optional.empty() : Optional.of(fromValues.get(0));
        this.fromAddress = this.from.flatMap(MessageHeaders::firstAddress);
        this.fromValues = fromValues;
        this.toAndCcValues = toAndCcValues;
    }

    Optional<String> subject() {
        return subject;
    }

    Optional<String> messageId() {
        return messageId;
    }

    /** The From field's value as written. */
    Optional<String> from() {
        return from;
    }

    /** The first address of the From field, lower-cased. */
    Optional<String> fromAddress() {
        return fromAddress;
    }

    /**
     * Every author the From fields name, for the Send As check: each address of every From field,
     * lower-cased; a From field with no address that parses counts as its value as written, so it
     * cannot slip past the check.
     */
    List<String> fromAddresses() {
        List<String> out = new ArrayList<>();
        for (String value : fromValues) {
            List<String> parsed = addresses(value);
            if (parsed.isEmpty()) {
                out.add(value.isEmpty() ? "<>" : value);
            } else {
                out.addAll(parsed);
            }
        }
        return out;
    }

    /** The addresses of every To and Cc field, in order, lower-cased. */
    List<String> toAndCc() {
        List<String> all = toAndCc;
        if (all == null) {
            List<String> out = new ArrayList<>();
            for (String value : toAndCcValues) {
                out.addAll(addresses(value));
            }
            all = List.copyOf(out);
            toAndCc = all;
        }
        return all;
    }

    static MessageHeaders parse(byte[] raw) {
        Collector c = new Collector();
        forEachField(raw, c);
        return new MessageHeaders(c.subject, c.messageId, c.from, c.toAndCc);
    }

    /** Keeps the first value of each single field and every From, To and Cc value. */
    private static final class Collector {
        String subject;
        String messageId;
        final List<String> from = new ArrayList<>(1);
        final List<String> toAndCc = new ArrayList<>(2);

        void field(Field f, String value) {
            switch (f) {
                case FROM -> from.add(value);
                case SUBJECT -> subject = subject == null ? value : subject;
                case MESSAGE_ID -> messageId = messageId == null ? value : messageId;
                case TO, CC -> toAndCc.add(value);
                default -> throw new IllegalStateException();
            }
        }
    }

    /**
     * Walks the header section: lines end at LF (a CR before it is dropped), the first empty line ends
     * the section, a line starting with a space or tab continues the field before it. A field whose
     * first line already names a field the server does not need is skipped with its continuation lines.
     */
    private static void forEachField(byte[] raw, Collector out) {
        String head = new String(raw, 0, headerEnd(raw, Math.min(raw.length, MAX_HEADER_BYTES)),
                StandardCharsets.UTF_8);
        StringBuilder current = null;
        boolean inField = false;
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
            if ((first == ' ' || first == '\t') && inField) {
                if (current != null) {
                    int from = pos;
                    int to = end;
                    while (from < to && head.charAt(from) <= ' ') {
                        from++;
                    }
                    while (to > from && head.charAt(to - 1) <= ' ') {
                        to--;
                    }
                    current.append(' ').append(head, from, to);
                }
            } else {
                if (current != null) {
                    field(current, out);
                }
                inField = true;
                int colon = head.indexOf(':', pos);
                boolean nameKnown = colon >= 0 && colon < end;
                if (nameKnown && (colon == pos || fieldNamed(head, pos, colon) == null)) {
                    current = null; // not a field the server reads
                } else {
                    current = new StringBuilder(end - pos + 16).append(head, pos, end);
                }
            }
            if (lf < 0) {
                break;
            }
            pos = lf + 1;
        }
        if (current != null) {
            field(current, out);
        }
    }

    private static void field(CharSequence field, Collector out) {
        String text = field.toString();
        int colon = text.indexOf(':');
        if (colon <= 0) {
            return;
        }
        Field f = fieldNamed(text, 0, colon);
        if (f != null) {
            out.field(f, text.substring(colon + 1).trim());
        }
    }

    /** The field named by {@code s[start..end)} (surrounding white space and ASCII case ignored), or null. */
    private static Field fieldNamed(String s, int start, int end) {
        while (start < end && s.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && s.charAt(end - 1) <= ' ') {
            end--;
        }
        return switch (end - start) {
            case 2 -> asciiEqualsIgnoreCase(s, start, "to") ? Field.TO
                    : asciiEqualsIgnoreCase(s, start, "cc") ? Field.CC : null;
            case 4 -> asciiEqualsIgnoreCase(s, start, "from") ? Field.FROM : null;
            case 7 -> asciiEqualsIgnoreCase(s, start, "subject") ? Field.SUBJECT : null;
            case 10 -> asciiEqualsIgnoreCase(s, start, "message-id") ? Field.MESSAGE_ID : null;
            default -> null;
        };
    }

    /** {@code lower} is lower-case ASCII; only ASCII letters fold (as toLowerCase(Locale.ROOT) does for them). */
    private static boolean asciiEqualsIgnoreCase(String s, int start, String lower) {
        for (int i = 0; i < lower.length(); i++) {
            char c = s.charAt(start + i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c != lower.charAt(i)) {
                return false;
            }
        }
        return true;
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

    private static Optional<String> firstAddress(String value) {
        List<String> all = addresses(value);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
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
