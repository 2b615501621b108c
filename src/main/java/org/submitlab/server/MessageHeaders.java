package org.submitlab.server;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The header fields the server needs, read the way mail readers read them (Jakarta Mail, which the console
 * parses with, and Python's email package): CR, LF and CRLF all end a line, a line starting with white
 * space continues the field before it, the first empty line ends the section. The stored Subject and From
 * are the console's reading; the Send As check sees every From and Sender either reader finds. (Jakarta's
 * InternetHeaders is not called: it throws on some malformed sections, e.g. one opening with two
 * continuation lines.)
 *
 * <p>The header section must end within {@link #MAX_HEADER_BYTES} (Exchange Online's header size
 * limit); one that does not is not {@link #complete()}, and the message is refused rather than checked
 * on part of its header.
 */
final class MessageHeaders {

    static final int MAX_HEADER_BYTES = 256 * 1024;

    private static final Pattern LINE_BREAK = Pattern.compile("\r\r\n|\r\n|\r|\n");

    private final boolean complete;
    private final Optional<String> subject;
    private final Optional<String> messageId;
    private final List<String> fromValues;
    private final List<String> authors;
    private final List<String> toAndCcValues;
    private List<String> toAndCc;

    private MessageHeaders(boolean complete, String subject, String messageId, List<String> fromValues,
            List<String> authors, List<String> toAndCcValues) {
        this.complete = complete;
        this.subject = Optional.ofNullable(subject).map(MessageHeaders::decode);
        this.messageId = Optional.ofNullable(messageId).filter(s -> !s.isBlank());
        this.fromValues = fromValues;
        this.authors = authors;
        this.toAndCcValues = toAndCcValues;
    }

    /** Whether the header section ended within the limit (or the message is all header and within it). */
    boolean complete() {
        return complete;
    }

    Optional<String> subject() {
        return subject;
    }

    Optional<String> messageId() {
        return messageId;
    }

    /** The first From field's value as written (unfolded). */
    Optional<String> from() {
        return fromValues.isEmpty() ? Optional.empty() : Optional.of(fromValues.get(0));
    }

    /** The first address of the first From field, lower-cased. */
    Optional<String> fromAddress() {
        return from().flatMap(v -> addresses(v).stream().findFirst());
    }

    /**
     * Every author the message names, for the Send As check: each address of every From and Sender field,
     * lower-cased; a field with no address that parses counts as its value as written, so it cannot slip
     * past the check.
     */
    List<String> authors() {
        return authors;
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

    /** Reads the header of a whole message. */
    static MessageHeaders parse(byte[] raw) {
        return parse(raw, raw.length);
    }

    /**
     * Reads the header section from {@code head}, the first bytes of a message of {@code size} bytes
     * (the rest may be on disk or discarded; the header must lie within the first {@link #MAX_HEADER_BYTES}).
     */
    static MessageHeaders parse(byte[] head, long size) {
        int limit = Math.min(head.length, MAX_HEADER_BYTES);
        // CR and LF are ASCII, so they cannot be part of a UTF-8 sequence: lines split the same either way.
        String text = new String(head, 0, limit, StandardCharsets.UTF_8);
        boolean whole = size <= MAX_HEADER_BYTES && head.length >= size;
        Collector shown = read(text, LineEnds.JAKARTA, whole);
        // The readings differ only where a CR CR LF is: most messages are read once.
        Collector other = text.contains("\r\r\n") ? read(text, LineEnds.PYTHON, whole) : shown;
        List<String> authors = shown.authors();
        if (other != shown && !(other.from.equals(shown.from) && other.sender.equals(shown.sender))) {
            LinkedHashSet<String> both = new LinkedHashSet<>(authors);
            both.addAll(other.authors());
            authors = List.copyOf(both);
        }
        return new MessageHeaders(shown.complete && other.complete, shown.subject, shown.messageId, shown.from,
                authors, shown.toAndCc);
    }

    /**
     * How a reader ends lines. They agree but for CR CR LF: Jakarta Mail's LineInputStream (the console's
     * parser) takes it as one line end, Python's email package as a line end and an empty line. The Send
     * As check takes every author either reading finds.
     */
    private enum LineEnds {
        PYTHON {
            @Override
            int length(String s, int i) {
                char c = s.charAt(i);
                if (c == '\n') {
                    return 1;
                }
                if (c != '\r') {
                    return 0;
                }
                return i + 1 < s.length() && s.charAt(i + 1) == '\n' ? 2 : 1;
            }
        },
        JAKARTA {
            @Override
            int length(String s, int i) {
                int n = PYTHON.length(s, i);
                if (n == 1 && s.charAt(i) == '\r' && i + 2 < s.length() && s.charAt(i + 1) == '\r'
                        && s.charAt(i + 2) == '\n') {
                    return 3;
                }
                return n;
            }
        };

        /** The length of the line end at {@code s[i]}, 0 when none is there. */
        abstract int length(String s, int i);
    }

    /**
     * Reads {@code text} line by line with {@code ends} up to the first empty line: a line starting with a
     * space or tab continues the field before it. {@code whole}: text is the whole message.
     */
    private static Collector read(String text, LineEnds ends, boolean whole) {
        Collector c = new Collector();
        StringBuilder field = null;
        int i = 0;
        int length = text.length();
        c.complete = whole;
        while (i < length) {
            int lineEnd = i;
            int n = 0;
            while (lineEnd < length && (n = ends.length(text, lineEnd)) == 0) {
                lineEnd++;
            }
            if (lineEnd == i && n > 0) {
                c.complete = true; // the empty line
                break;
            }
            String line = text.substring(i, lineEnd);
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && field != null) {
                field.append("\r\n").append(line);
            } else {
                if (field != null) {
                    c.field(field.toString());
                }
                field = new StringBuilder(line);
            }
            if (lineEnd == length) {
                break;
            }
            i = lineEnd + n;
        }
        if (field != null) {
            c.field(field.toString());
        }
        return c;
    }

    /** Keeps the first value of each single field and every From, Sender, To and Cc value. */
    private static final class Collector {
        boolean complete;
        String subject;
        String messageId;
        final List<String> from = new ArrayList<>(1);
        final List<String> sender = new ArrayList<>(0);
        final List<String> toAndCc = new ArrayList<>(2);

        void field(String text) {
            int colon = text.indexOf(':');
            if (colon <= 0) {
                return; // not a field: it can name no address
            }
            String value = unfold(text.substring(colon + 1));
            switch (text.substring(0, colon).trim().toLowerCase(Locale.ROOT)) {
                case "from" -> from.add(value);
                case "sender" -> sender.add(value);
                case "to", "cc" -> toAndCc.add(value);
                case "subject" -> subject = subject == null ? value : subject;
                case "message-id" -> messageId = messageId == null ? value : messageId;
                default -> { }
            }
        }

        /** Each address of every From and Sender field; a field with none that parses counts as written. */
        List<String> authors() {
            List<String> out = new ArrayList<>();
            for (List<String> values : List.of(from, sender)) {
                for (String value : values) {
                    List<String> parsed = addresses(value);
                    if (parsed.isEmpty()) {
                        out.add(value.isEmpty() ? "<>" : value);
                    } else {
                        out.addAll(parsed);
                    }
                }
            }
            return out;
        }
    }

    /** The value with each continuation line trimmed and joined to the text before by one space. */
    private static String unfold(String value) {
        if (value.indexOf('\r') < 0 && value.indexOf('\n') < 0) {
            return value.trim();
        }
        String[] lines = LINE_BREAK.split(value, -1);
        StringBuilder sb = new StringBuilder(value.length()).append(lines[0]);
        for (int i = 1; i < lines.length; i++) {
            sb.append(' ').append(lines[i].trim());
        }
        return sb.toString().trim();
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
