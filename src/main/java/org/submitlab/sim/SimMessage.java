package org.submitlab.sim;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.util.Date;
import org.submitlab.policy.LabClock;

/**
 * The MIME message a device sends: its own Message-ID (kept across retries, so Sent Items can be
 * checked for duplicates), identical headers for every transaction, the body {@link MessageBodies} rendered
 * for the device's kind of message, and an upload paced at the device's speed.
 */
final class SimMessage extends MimeMessage {

    private final String messageId;
    private final LabClock clock;
    private final long uploadKbps;

    private SimMessage(Session session, String messageId, LabClock clock, long uploadKbps, byte[] body) {
        super(session);
        this.messageId = messageId;
        this.clock = clock;
        this.uploadKbps = uploadKbps;
        // written as they are: the headers below and these bytes, without encoding the body again
        this.content = body;
        this.modified = false;
        this.saved = true;
    }

    /** The message of {@code device}, uploaded at {@code uploadKbps} (a relay's own speed when a relay sends it). */
    static SimMessage build(Session session, MessageBodies bodies, Device device, MessageJob job, LabClock clock,
            long uploadKbps) throws MessagingException {
        MessageBodies.Rendered body = bodies.of(device.message());
        SimMessage m = new SimMessage(session, job.messageId, clock, uploadKbps, body.bytes());
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
        m.setHeader("Message-ID", job.messageId);
        m.setHeader("X-Mailer", "SubmitLab simulator (" + device.kind().id() + ")");
        m.setHeader("MIME-Version", "1.0");
        m.setHeader("Content-Type", body.contentType());
        if (body.transferEncoding() != null) {
            m.setHeader("Content-Transfer-Encoding", body.transferEncoding());
        }
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
}
