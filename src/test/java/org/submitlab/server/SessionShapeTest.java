package org.submitlab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.submitlab.server.ServerFixture.HOST;
import static org.submitlab.server.ServerFixture.SUFFIX;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.submitlab.policy.Replies;
import org.submitlab.store.SentItem;

/** Spec §1: the shape of a session, reply by reply, over a raw socket. */
class SessionShapeTest {

    private static final String BOX = "printer@contoso.test";
    private static final String EHLO_PLAIN = String.join("\n",
            "250-" + HOST + " Hello [127.0.0.1]", "250-SIZE 157286400", "250-PIPELINING",
            "250-ENHANCEDSTATUSCODES", "250-STARTTLS", "250-8BITMIME", "250 SMTPUTF8");

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

    @Test
    void bannerHasExchangesShape() throws Exception {
        try (SmtpTestClient c = fx.connect()) {
            assertThat(c.banner).matches("220 " + HOST.replace(".", "\\.")
                    + " Microsoft ESMTP MAIL Service ready at \\w{3}, \\d{1,2} \\w{3} \\d{4} \\d{2}:\\d{2}:\\d{2} \\+0000"
                    + " \\[[0-9A-F]{16}\\]");
        }
    }

    @Test
    void ehloListsStartTlsBeforeTlsAndAuthAfter() throws Exception {
        try (SmtpTestClient c = fx.connect()) {
            assertThat(c.command("EHLO device.test")).isEqualTo(EHLO_PLAIN);
            assertThat(c.startTls()).isEqualTo(Replies.STARTTLS_READY);
            assertThat(c.protocol()).isIn("TLSv1.2", "TLSv1.3");
            assertThat(c.command("EHLO device.test")).isEqualTo(EHLO_PLAIN.replace("250-STARTTLS", "250-AUTH LOGIN XOAUTH2"));
        }
    }

    @Test
    void authBeforeTlsIsUnrecognized() throws Exception {
        try (SmtpTestClient c = fx.connect()) {
            c.command("EHLO device.test");
            assertThat(c.command("AUTH LOGIN")).matches("504 5\\.7\\.4 Unrecognized authentication type" + SUFFIX);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"AUTH PLAIN", "AUTH PLAIN AHByaW50ZXIAc2VjcmV0", "AUTH CRAM-MD5"})
    void otherMechanismsAreUnrecognizedAfterTls(String command) throws Exception {
        try (SmtpTestClient c = fx.connect()) {
            c.command("EHLO device.test");
            c.startTls();
            c.command("EHLO device.test");
            assertThat(c.command(command)).matches("504 5\\.7\\.4 Unrecognized authentication type" + SUFFIX);
        }
    }

    @Test
    void wrongPasswordGets535AndMailThenQuotesIt() throws Exception {
        try (SmtpTestClient c = fx.connect()) {
            assertThat(c.login(BOX, "wrong")).matches("535 5\\.7\\.3 Authentication unsuccessful" + SUFFIX);
            assertThat(c.command("MAIL FROM:<" + BOX + ">")).matches(
                    "530 5\\.7\\.57 Client not authenticated to send mail\\. Error: 535 5\\.7\\.3 Authentication unsuccessful"
                            + SUFFIX);
        }
    }

    @Test
    void mailWithoutAuthGets530() throws Exception {
        try (SmtpTestClient c = fx.connect()) {
            c.command("EHLO device.test");
            assertThat(c.command("MAIL FROM:<" + BOX + ">"))
                    .matches("530 5\\.7\\.57 Client not authenticated to send mail\\." + SUFFIX);
        }
    }

    @Test
    void acceptedSubmissionRepliesWithItsMessageIdOnlyAfterItIsStored() throws Exception {
        try (SmtpTestClient c = fx.login(BOX)) {
            String message = "From: Printer <" + BOX + ">\r\nTo: a@fabrikam.test\r\nSubject: Scan 42\r\n"
                    + "Message-ID: <scan42@printer.test>\r\n\r\nscan attached\r\n..a stuffed line";
            List<String> replies = c.submit(BOX, List.of("a@fabrikam.test"), message);
            assertThat(replies).containsExactly(Replies.SENDER_OK, Replies.RECIPIENT_OK, Replies.START_MAIL_INPUT,
                    "250 2.0.0 OK <scan42@printer.test> [Hostname=" + HOST + "]");
            SentItem item = fx.store.sentItems().page(Optional.of(BOX), "Scan 42", 0, 1).get(0);
            assertThat(item.envelopeTo()).containsExactly("a@fabrikam.test");
            assertThat(item.tls()).isTrue();
            assertThat(new String(fx.store.sentItems().raw(item.id()).orElseThrow()))
                    .isEqualTo(message.replace("\r\n..a", "\r\n.a") + "\r\n");
            assertThat(c.command("QUIT")).isEqualTo(Replies.CLOSING);
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void messageWithoutMessageIdGetsAGeneratedOne() throws Exception {
        try (SmtpTestClient c = fx.login(BOX)) {
            List<String> replies = c.submit(BOX, List.of("a@fabrikam.test"), "Subject: no id\r\n\r\nbody");
            assertThat(replies.get(3)).matches("250 2\\.0\\.0 OK <[0-9a-f]{32}@" + HOST.replace(".", "\\.")
                    + "> \\[Hostname=" + HOST.replace(".", "\\.") + "\\]");
        }
    }

    @Test
    void pipelinedCommandsAreAnsweredInOrder() throws Exception {
        try (SmtpTestClient c = fx.login(BOX)) {
            c.send("MAIL FROM:<" + BOX + ">\r\nRCPT TO:<a@fabrikam.test>\r\nDATA");
            assertThat(List.of(c.reply(), c.reply(), c.reply()))
                    .containsExactly(Replies.SENDER_OK, Replies.RECIPIENT_OK, Replies.START_MAIL_INPUT);
            c.write("Subject: p\r\n\r\nx\r\n.\r\nNOOP\r\n".getBytes());
            assertThat(c.reply()).startsWith("250 2.0.0 OK <");
            assertThat(c.reply()).isEqualTo("250 2.0.0 OK");
        }
    }

    @Test
    void resetAndQuitHaveExchangesTexts() throws Exception {
        try (SmtpTestClient c = fx.login(BOX)) {
            assertThat(c.command("MAIL FROM:<" + BOX + ">")).isEqualTo(Replies.SENDER_OK);
            assertThat(c.command("RSET")).isEqualTo("250 2.0.0 Resetting");
            assertThat(c.command("RCPT TO:<a@fabrikam.test>")).matches("503 5\\.5\\.2 Need mail command" + SUFFIX);
            assertThat(c.command("QUIT")).isEqualTo("221 2.0.0 Service closing transmission channel");
        }
    }
}
