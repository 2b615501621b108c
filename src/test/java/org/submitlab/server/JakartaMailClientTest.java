package org.submitlab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.submitlab.policy.Replies;
import org.submitlab.store.SentItem;

/** A stock client (Jakarta Mail / Angus) over STARTTLS with AUTH LOGIN, as a device would send. */
class JakartaMailClientTest {

    private static final String BOX = "app@contoso.test";

    @TempDir
    static Path dir;
    static ServerFixture fx;

    @BeforeAll
    static void start() throws Exception {
        fx = new ServerFixture(dir).with(ServerFixture.mailbox(BOX)).start();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private Session session() throws Exception {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", String.valueOf(fx.server.port()));
        p.put("mail.smtp.auth", "true");
        p.put("mail.smtp.auth.mechanisms", "LOGIN");
        p.put("mail.smtp.starttls.enable", "true");
        p.put("mail.smtp.starttls.required", "true");
        p.put("mail.smtp.ssl.socketFactory", ServerFixture.clientFactory());
        p.put("mail.smtp.ssl.protocols", "TLSv1.2 TLSv1.3");
        p.put("mail.smtp.timeout", "20000");
        return Session.getInstance(p);
    }

    private MimeMessage message(Session s, String from, String subject) throws MessagingException {
        MimeMessage m = new MimeMessage(s);
        m.setFrom(new InternetAddress(from, false));
        m.setRecipients(Message.RecipientType.TO, "someone@fabrikam.test");
        m.setRecipients(Message.RecipientType.CC, "other@fabrikam.test");
        m.setSubject(subject);
        m.setText("Sent by Jakarta Mail.");
        return m;
    }

    @Test
    void messageSentWithStartTlsAndAuthLoginLandsInSentItems() throws Exception {
        Session s = session();
        Transport.send(message(s, BOX, "From Angus"), BOX, ServerFixture.PASSWORD);

        List<SentItem> items = fx.store.sentItems().page(Optional.of(BOX), "From Angus", 0, 10);
        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.envelopeFrom()).isEqualTo(BOX);
            assertThat(item.envelopeTo()).containsExactlyInAnyOrder("someone@fabrikam.test", "other@fabrikam.test");
            assertThat(item.authenticatedAs()).isEqualTo(BOX);
            assertThat(item.tls()).isTrue();
            assertThat(item.messageId()).startsWith("<").endsWith(">");
        });
    }

    @Test
    void refusalAfterDataReachesTheClientWithItsExactText() throws Exception {
        Session s = session();
        assertThatThrownBy(() -> Transport.send(message(s, "ceo@contoso.test", "Spoofed"), BOX, ServerFixture.PASSWORD))
                .isInstanceOfSatisfying(SMTPSendFailedException.class, e -> {
                    assertThat(e.getReturnCode()).isEqualTo(554);
                    assertThat(e.getMessage()).contains(Replies.sendAsDenied(BOX, "ceo@contoso.test"));
                });
        assertThat(fx.store.sentItems().count(Optional.of(BOX), "Spoofed")).isZero();
    }
}
