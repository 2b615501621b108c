package org.submitlab.ui.sentitems;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/** Parses raw MIME as stored in Sent Items with Jakarta Mail. Runs off the FX thread. */
public final class MessageParser {

    /**
     * The raw source shown is cut here; the export always writes the whole message. A wrapped
     * TextArea lays out all its text on the FX thread: 400 KB of a scan's base64 froze the
     * console for seconds on a busy machine, 64 KB still shows every header and the start of each part.
     */
    public static final int RAW_DISPLAY_LIMIT = 64 * 1024;

    private MessageParser() {
    }

    public static MessageDetails parse(byte[] raw) {
        try {
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
            List<MessageDetails.Header> headers = new ArrayList<>();
            for (Enumeration<jakarta.mail.Header> e = m.getAllHeaders(); e.hasMoreElements();) {
                jakarta.mail.Header h = e.nextElement();
                headers.add(new MessageDetails.Header(h.getName(), decode(h.getValue())));
            }
            Body body = new Body();
            walk(m, body);
            boolean truncated = raw.length > RAW_DISPLAY_LIMIT;
            String rawText = new String(raw, 0, Math.min(raw.length, RAW_DISPLAY_LIMIT), StandardCharsets.UTF_8);
            return new MessageDetails(headers, nullToEmpty(m.getSubject()), addresses(safeFrom(m)),
                    list(recipients(m, jakarta.mail.Message.RecipientType.TO)),
                    list(recipients(m, jakarta.mail.Message.RecipientType.CC)),
                    list(recipients(m, jakarta.mail.Message.RecipientType.BCC)),
                    nullToEmpty(m.getHeader("Date", null)), body.text, body.html,
                    List.copyOf(body.attachments), rawText, truncated);
        } catch (MessagingException | IOException e) {
            String rawText = new String(raw, 0, Math.min(raw.length, RAW_DISPLAY_LIMIT), StandardCharsets.UTF_8);
            return new MessageDetails(List.of(), "", "", List.of(), List.of(), List.of(), "",
                    "This message could not be parsed (" + e.getMessage() + "). The raw source is shown as stored.",
                    "", List.of(), rawText, raw.length > RAW_DISPLAY_LIMIT);
        }
    }

    private static final class Body {
        String text = "";
        String html = "";
        final List<MessageDetails.Attachment> attachments = new ArrayList<>();
    }

    private static void walk(Part part, Body body) throws MessagingException, IOException {
        String type = part.getContentType() == null ? "text/plain" : part.getContentType().toLowerCase(Locale.ROOT);
        boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null;
        if (type.startsWith("multipart/")) {
            Object content = part.getContent();
            if (content instanceof Multipart mp) {
                for (int i = 0; i < mp.getCount(); i++) {
                    BodyPart bp = mp.getBodyPart(i);
                    walk(bp, body);
                }
            }
        } else if (!attachment && type.startsWith("text/plain") && body.text.isEmpty()) {
            body.text = asString(part);
        } else if (!attachment && type.startsWith("text/html") && body.html.isEmpty()) {
            body.html = asString(part);
        } else {
            String name = part.getFileName() == null ? "part-" + (body.attachments.size() + 1) : decode(part.getFileName());
            try (InputStream in = part.getInputStream()) {
                body.attachments.add(new MessageDetails.Attachment(name, baseType(type), in.readAllBytes(), contentId(part)));
            }
        }
    }

    private static String contentId(Part part) throws MessagingException {
        String id = part instanceof MimePart mp ? mp.getContentID() : null;
        if (id == null) {
            return "";
        }
        id = id.trim();
        return id.startsWith("<") && id.endsWith(">") ? id.substring(1, id.length() - 1) : id;
    }

    private static String asString(Part part) throws MessagingException, IOException {
        Object c = part.getContent();
        if (c instanceof String s) {
            return s;
        }
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String baseType(String type) {
        int semi = type.indexOf(';');
        return (semi < 0 ? type : type.substring(0, semi)).trim();
    }

    private static Address[] safeFrom(MimeMessage m) {
        try {
            return m.getFrom();
        } catch (MessagingException e) {
            return null;
        }
    }

    private static Address[] recipients(MimeMessage m, jakarta.mail.Message.RecipientType type) {
        try {
            return m.getRecipients(type);
        } catch (MessagingException e) {
            return null;
        }
    }

    private static List<String> list(Address[] a) {
        return a == null ? List.of() : Arrays.stream(a).map(MessageParser::addressText).toList();
    }

    private static String addresses(Address[] a) {
        return String.join(", ", list(a));
    }

    private static String addressText(Address a) {
        if (a instanceof jakarta.mail.internet.InternetAddress ia) {
            return ia.toUnicodeString();
        }
        return a.toString();
    }

    private static String decode(String s) {
        if (s == null) {
            return "";
        }
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(s));
        } catch (java.io.UnsupportedEncodingException e) {
            return s;
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** A file name for the exported .eml, from the subject and id. */
    public static String emlFileName(SentItemRow row) {
        String base = row.subject().isBlank() ? "message" : row.subject();
        base = base.replaceAll("[^A-Za-z0-9 ._-]", "_").trim();
        if (base.length() > 60) {
            base = base.substring(0, 60).trim();
        }
        return base + " (" + row.id() + ").eml";
    }
}
