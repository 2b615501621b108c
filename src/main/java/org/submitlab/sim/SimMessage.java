package org.submitlab.sim;

import jakarta.activation.DataHandler;
import jakarta.activation.DataSource;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.util.Date;
import java.util.Random;
import org.submitlab.policy.LabClock;

/**
 * The MIME message a device sends: its own Message-ID (kept across retries, so Sent Items can be
 * checked for duplicates), identical headers for every transaction, and an upload paced at the
 * device's speed.
 */
final class SimMessage extends MimeMessage {

    private static final String TEXT_LINE = "This message was sent by a SubmitLab simulated device.\r\n";
    private static byte[] filler = new byte[0];

    private final String messageId;
    private final LabClock clock;
    private final long uploadKbps;

    private SimMessage(Session session, String messageId, LabClock clock, long uploadKbps) {
        super(session);
        this.messageId = messageId;
        this.clock = clock;
        this.uploadKbps = uploadKbps;
    }

    /** The message of {@code device}, uploaded at {@code uploadKbps} (a relay's own speed when a relay sends it). */
    static SimMessage build(Session session, Device device, MessageJob job, LabClock clock, long uploadKbps)
            throws MessagingException {
        SimMessage m = new SimMessage(session, job.messageId, clock, uploadKbps);
        try {
            m.setFrom(new InternetAddress(device.from(), device.fromName(), "UTF-8"));
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("bad From", e);
        }
        for (String a : job.to) {
            m.addRecipient(RecipientType.TO, new InternetAddress(a));
        }
        for (String a : job.cc) {
            m.addRecipient(RecipientType.CC, new InternetAddress(a));
        }
        m.setSubject(device.message().subject().replace("{device}", device.name())
                .replace("{seq}", Long.toString(job.seq)), "UTF-8");
        m.setSentDate(Date.from(job.createdAt));
        m.setHeader("X-Mailer", "SubmitLab simulator (" + device.kind().id() + ")");
        String body = text(device.message().bodyBytes());
        if (device.message().attachments().isEmpty()) {
            m.setText(body, "UTF-8");
        } else {
            MimeMultipart mixed = new MimeMultipart();
            MimeBodyPart text = new MimeBodyPart();
            text.setText(body, "UTF-8");
            mixed.addBodyPart(text);
            for (MessageSpec.Attachment a : device.message().attachments()) {
                MimeBodyPart part = new MimeBodyPart();
                part.setDataHandler(new DataHandler(new FillerSource(a.name(), a.contentType(), a.bytes())));
                part.setFileName(a.name());
                part.setDisposition(MimeBodyPart.ATTACHMENT);
                mixed.addBodyPart(part);
            }
            m.setContent(mixed);
        }
        m.saveChanges();
        return m;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
    }

    @Override
    public void writeTo(OutputStream os, String[] ignoreList) throws IOException, MessagingException {
        super.writeTo(uploadKbps > 0 ? new ThrottledOutputStream(os, clock, uploadKbps) : os, ignoreList);
    }

    private static String text(int bytes) {
        StringBuilder b = new StringBuilder(bytes + TEXT_LINE.length());
        while (b.length() < bytes) {
            b.append(TEXT_LINE);
        }
        b.setLength(bytes);
        return b.toString();
    }

    /** Random-looking bytes that do not compress, like a scanned PDF; shared by all messages. */
    private static synchronized byte[] filler(int size) {
        if (filler.length < size) {
            byte[] grown = new byte[Math.max(size, 64 * 1024)];
            new Random(20180101L).nextBytes(grown);
            filler = grown;
        }
        return filler;
    }

    private record FillerSource(String name, String contentType, int size) implements DataSource {
        @Override
        public InputStream getInputStream() {
            return new ByteArrayInputStream(filler(size), 0, size);
        }

        @Override
        public OutputStream getOutputStream() throws IOException {
            throw new IOException("read only");
        }

        @Override
        public String getContentType() {
            return contentType;
        }

        @Override
        public String getName() {
            return name;
        }
    }
}
