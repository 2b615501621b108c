package org.submitlab.sim;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedDeque;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.submitlab.policy.LabClock;

/**
 * One device's SMTP side, as a real device would do it with Jakarta Mail: STARTTLS (required),
 * AUTH LOGIN or XOAUTH2, then one transaction per message or per recipient, reading each reply
 * line exactly as the server sent it.
 */
final class SmtpDeviceClient {

    /** Reused connections idle longer than this (real time) are checked with NOOP before use. */
    private static final long CHECK_IDLE_NANOS = 5_000_000_000L;

    private final Device device;
    private final String host;
    private final int port;
    private final LabClock clock;
    private final Session session;
    private final MessageBodies bodies;
    private final ConcurrentLinkedDeque<Idle> idle = new ConcurrentLinkedDeque<>();

    private record Idle(SMTPTransport transport, long sinceNanos) {
    }

    /** What one attempt got: a connection/login failure, or one outcome per envelope tried. */
    record AttemptResult(SendOutcome connectFailure, List<List<String>> envelopes, List<SendOutcome> outcomes) {
    }

    SmtpDeviceClient(Device device, String host, int port, TrackingSocketFactory sockets, SSLSocketFactory tls,
            MessageBodies bodies, LabClock clock) {
        this.device = device;
        this.bodies = bodies;
        this.host = host;
        this.port = port;
        this.clock = clock;
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", host);
        p.setProperty("mail.smtp.port", Integer.toString(port));
        p.setProperty("mail.smtp.auth", "true");
        p.setProperty("mail.smtp.starttls.enable", "true");
        p.setProperty("mail.smtp.starttls.required", "true");
        p.put("mail.smtp.ssl.socketFactory", tls);
        p.setProperty("mail.smtp.ssl.protocols", DeviceTls.PROTOCOLS);
        p.setProperty("mail.smtp.connectiontimeout", "15000");
        p.setProperty("mail.smtp.timeout", "120000");
        p.setProperty("mail.smtp.localhost", ehloName(device.name()));
        if (device.token().isPresent()) {
            p.setProperty("mail.smtp.auth.mechanisms", "XOAUTH2");
            p.setProperty("mail.smtp.auth.xoauth2.disable", "false");
        } else {
            p.setProperty("mail.smtp.auth.mechanisms", "LOGIN");
        }
        p.put("mail.smtp.socketFactory", sockets);
        p.setProperty("mail.smtp.socketFactory.fallback", "false");
        this.session = Session.getInstance(p);
    }

    /** Sends the job's remaining envelopes over one connection (reused or new). */
    AttemptResult attempt(MessageJob job, List<List<String>> envelopes) {
        SMTPTransport t;
        try {
            t = borrow();
        } catch (ConnectFailure f) {
            return new AttemptResult(f.outcome, List.of(), List.of());
        }
        List<List<String>> tried = new ArrayList<>();
        List<SendOutcome> outcomes = new ArrayList<>();
        boolean broken = false;
        try {
            // a relay sends the message of the device that handed it over, with that device's headers
            Device author = job.origin == null ? device : job.origin.device;
            SimMessage message = SimMessage.build(session, bodies, author, job, clock, device.uploadKbps().orElse(0));
            for (List<String> envelope : envelopes) {
                SendOutcome o = send(t, message, envelope);
                tried.add(envelope);
                outcomes.add(o);
                if (o.code() == 0 || o.code() == 421) {
                    broken = true;
                    break;
                }
            }
        } catch (MessagingException e) {
            broken = true;
            if (tried.isEmpty()) {
                return new AttemptResult(SendOutcome.connectionError("cannot build message: " + e.getMessage()),
                        List.of(), List.of());
            }
        } finally {
            release(t, broken);
        }
        return new AttemptResult(null, tried, outcomes);
    }

    private SendOutcome send(SMTPTransport t, SimMessage message, List<String> envelope) {
        try {
            Address[] to = new Address[envelope.size()];
            for (int i = 0; i < to.length; i++) {
                to[i] = new InternetAddress(envelope.get(i));
            }
            t.sendMessage(message, to);
            return SendOutcome.reply(t.getLastServerResponse());
        } catch (MessagingException e) {
            return classify(e, t);
        }
    }

    private static final class ConnectFailure extends Exception {
        final SendOutcome outcome;

        ConnectFailure(SendOutcome outcome) {
            super(outcome.line(), null, false, false);
            this.outcome = outcome;
        }
    }

    private SMTPTransport borrow() throws ConnectFailure {
        if (device.connection().reuse()) {
            Idle i;
            while ((i = idle.pollFirst()) != null) {
                if (System.nanoTime() - i.sinceNanos < CHECK_IDLE_NANOS || i.transport.isConnected()) {
                    return i.transport;
                }
                closeQuietly(i.transport);
            }
        }
        SMTPTransport t;
        try {
            t = (SMTPTransport) session.getTransport("smtp");
        } catch (MessagingException e) {
            throw new ConnectFailure(SendOutcome.connectionError(e.getMessage()));
        }
        try {
            t.connect(host, port, device.login(), device.token().orElseGet(() -> device.password().orElse("")));
            return t;
        } catch (MessagingException e) {
            SendOutcome o = classify(e, t);
            closeQuietly(t);
            throw new ConnectFailure(o);
        }
    }

    private void release(SMTPTransport t, boolean broken) {
        if (device.connection().reuse() && !broken) {
            idle.addFirst(new Idle(t, System.nanoTime()));
        } else {
            closeQuietly(t);
        }
    }

    /** Says QUIT on the connections kept for reuse. */
    void closeIdle() {
        Idle i;
        while ((i = idle.pollFirst()) != null) {
            closeQuietly(i.transport);
        }
    }

    private static void closeQuietly(SMTPTransport t) {
        try {
            t.close();
        } catch (MessagingException | RuntimeException ignored) {
            // the connection is gone either way
        }
    }

    /** The reply line behind a Jakarta Mail exception, or a connection error when there was none. */
    static SendOutcome classify(MessagingException e, SMTPTransport t) {
        Exception x = e;
        while (x != null) {
            if (x instanceof SMTPSendFailedException f && f.getReturnCode() > 0) {
                return new SendOutcome(f.getReturnCode(), firstLine(f.getMessage(), t));
            }
            if (x instanceof SMTPAddressFailedException f && f.getReturnCode() > 0) {
                return new SendOutcome(f.getReturnCode(), firstLine(f.getMessage(), t));
            }
            if (x instanceof SMTPSenderFailedException f && f.getReturnCode() > 0) {
                return new SendOutcome(f.getReturnCode(), firstLine(f.getMessage(), t));
            }
            if (x instanceof AuthenticationFailedException) {
                return SendOutcome.reply(t.getLastServerResponse());
            }
            if (x instanceof IOException io) {
                return SendOutcome.connectionError(io.getClass().getSimpleName() + ": " + io.getMessage());
            }
            Exception next = x instanceof MessagingException m ? m.getNextException() : null;
            x = next != null ? next : (x.getCause() instanceof Exception c ? c : null);
        }
        String last = t.getLastServerResponse();
        if (last != null && last.length() >= 3 && Character.isDigit(last.charAt(0)) && last.charAt(0) != '2') {
            return SendOutcome.reply(last);
        }
        return SendOutcome.connectionError(e.getMessage());
    }

    private static String firstLine(String message, SMTPTransport t) {
        String m = message == null || message.isBlank() ? t.getLastServerResponse() : message;
        return SendOutcome.reply(m).line();
    }

    private static String ehloName(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-").replaceAll("^-+|-+$", "");
        return (s.isEmpty() ? "device" : s) + ".devices.submitlab.test";
    }
}
