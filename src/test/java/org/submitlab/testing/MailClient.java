package org.submitlab.testing;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;

/** A stock Jakarta Mail (Angus) client: STARTTLS required, AUTH LOGIN or XOAUTH2, the server's self-signed certificate trusted. */
public final class MailClient implements AutoCloseable {

    private final Session session;
    private final Transport transport;

    public MailClient(String host, int port, String user, String password) throws MessagingException {
        this(host, port, user, password, "LOGIN");
    }

    /** {@code mechanism} LOGIN (password) or XOAUTH2 (the token as password). */
    public MailClient(String host, int port, String user, String password, String mechanism) throws MessagingException {
        this(host, port, user, password, mechanism, null);
    }

    /** As above, saying {@code ehlo} in EHLO (as a device gives its own name), or the host's name when null. */
    public MailClient(String host, int port, String user, String password, String mechanism, String ehlo)
            throws MessagingException {
        Properties p = new Properties();
        if (ehlo != null) {
            p.put("mail.smtp.localhost", ehlo);
        }
        p.put("mail.smtp.host", host);
        p.put("mail.smtp.port", String.valueOf(port));
        p.put("mail.smtp.auth", "true");
        p.put("mail.smtp.auth.mechanisms", mechanism);
        p.put("mail.smtp.starttls.enable", "true");
        p.put("mail.smtp.starttls.required", "true");
        p.put("mail.smtp.ssl.trust", "*");
        p.put("mail.smtp.connectiontimeout", "10000");
        p.put("mail.smtp.timeout", "10000");
        session = Session.getInstance(p);
        transport = session.getTransport("smtp");
        transport.connect(host, port, user, password);
    }

    /** Sends one message with the given Message-ID; returns normally only after a 250. */
    public void send(String from, String to, String subject, String messageId) throws MessagingException {
        send(from, to, to, subject, messageId);
    }

    /** Sends with To header addresses that differ from the envelope recipients (Bcc-like, or header-only). */
    public void send(String from, String headerTo, String envelopeTo, String subject, String messageId)
            throws MessagingException {
        MimeMessage m = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        m.setFrom(new InternetAddress(from));
        m.setRecipients(jakarta.mail.Message.RecipientType.TO, headerTo);
        m.setSubject(subject);
        m.setText("Sent by the SubmitLab tests.\r\n");
        m.saveChanges();
        transport.sendMessage(m, InternetAddress.parse(envelopeTo));
    }

    /** Sends {@code mime} exactly as given (its own Message-ID and headers) to the envelope recipients. */
    public void sendRaw(byte[] mime, String... envelopeTo) throws MessagingException {
        MimeMessage m = new MimeMessage(session, new java.io.ByteArrayInputStream(mime));
        transport.sendMessage(m, InternetAddress.parse(String.join(",", envelopeTo)));
    }

    @Override
    public void close() {
        try {
            transport.close();
        } catch (MessagingException ignored) {
            // closing a dead connection
        }
    }
}
