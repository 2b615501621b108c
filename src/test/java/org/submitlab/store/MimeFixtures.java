package org.submitlab.store;

import jakarta.activation.DataHandler;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

/** Real MIME messages, written by Jakarta Mail as a mail client would, and drafts that carry them. */
final class MimeFixtures {

    static final Session SESSION = Session.getInstance(new Properties());
    static final byte[] PDF = "%PDF-1.4\n% a very small scan\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private MimeFixtures() {
    }

    /** A text/plain message. */
    static byte[] plain(String from, String to, String subject, String text) {
        return write(message(from, to, subject), m -> m.setText(text, "UTF-8"));
    }

    /** An HTML-only message (text/html, one part). */
    static byte[] htmlOnly(String from, String to, String subject, String html) {
        return write(message(from, to, subject), m -> m.setContent(html, "text/html; charset=UTF-8"));
    }

    /** Text and HTML alternatives, no attachment. */
    static byte[] alternative(String from, String to, String subject, String text) {
        return write(message(from, to, subject), m -> {
            MimeMultipart alt = new MimeMultipart("alternative");
            alt.addBodyPart(textPart(text));
            alt.addBodyPart(htmlPart("<p>" + text + "</p>"));
            m.setContent(alt);
        });
    }

    /** multipart/mixed: a text body and a PDF marked as an attachment with a file name, as a scanner sends. */
    static byte[] withAttachment(String from, String to, String subject, String text, String fileName) {
        return write(message(from, to, subject), m -> {
            MimeMultipart mixed = new MimeMultipart("mixed");
            mixed.addBodyPart(textPart(text));
            mixed.addBodyPart(filePart(PDF, "application/pdf", fileName, Part.ATTACHMENT));
            m.setContent(mixed);
        });
    }

    /** Any structure built by {@code content}. */
    static byte[] write(MimeMessage m, Content content) {
        try {
            content.set(m);
            m.saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            m.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static MimeMessage message(String from, String to, String subject) {
        try {
            MimeMessage m = new MimeMessage(SESSION);
            m.setFrom(new InternetAddress(from));
            m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
            m.setSubject(subject, "UTF-8");
            return m;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static MimeBodyPart textPart(String text) throws MessagingException {
        MimeBodyPart p = new MimeBodyPart();
        p.setText(text, "UTF-8");
        return p;
    }

    static MimeBodyPart htmlPart(String html) throws MessagingException {
        MimeBodyPart p = new MimeBodyPart();
        p.setContent(html, "text/html; charset=UTF-8");
        return p;
    }

    /** A part with {@code bytes}; {@code fileName} and {@code disposition} may be null (then none is set). */
    static MimeBodyPart filePart(byte[] bytes, String type, String fileName, String disposition)
            throws MessagingException {
        MimeBodyPart p = new MimeBodyPart();
        p.setDataHandler(new DataHandler(new ByteArrayDataSource(bytes, type)));
        if (fileName != null) {
            p.setFileName(fileName);
        }
        if (disposition != null) {
            p.setDisposition(disposition);
        }
        return p;
    }

    /** A Sent Items draft of {@code raw} with the columns a server would take from its header. */
    static SentItemDraft draft(String mailbox, Instant time, String fromHeader, List<String> to, String subject,
            byte[] raw) {
        return new SentItemDraft(mailbox, time, mailbox, to, mailbox, "192.0.2.10", true, "s-" + time.toEpochMilli(),
                raw, subject, "<" + time.toEpochMilli() + "@test>", fromHeader, true, to, time);
    }

    /** Sets a message's content. */
    @FunctionalInterface
    interface Content {
        void set(MimeMessage m) throws MessagingException, IOException;
    }

    /** A body part of a multipart, for structures the helpers above do not build. */
    static BodyPart part(MimeMultipart inner) throws MessagingException {
        MimeBodyPart p = new MimeBodyPart();
        p.setContent(inner);
        return p;
    }
}
