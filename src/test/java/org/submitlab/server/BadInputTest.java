package org.submitlab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.submitlab.server.ServerFixture.SUFFIX;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.submitlab.policy.MailboxStatus;
import org.submitlab.policy.Replies;
import org.submitlab.policy.Settings;

/** Bad input gets a clear reply or a clean close, and the server keeps serving other clients. */
class BadInputTest {

    private static final String BOX = "printer@contoso.test";

    @TempDir
    static Path dir;
    static ServerFixture fx;

    @BeforeAll
    static void start() throws Exception {
        fx = new ServerFixture(dir).limits(l -> l.with(Settings.MAX_MESSAGE_SIZE, (long) (64 * 1024))).with(ServerFixture.mailbox(BOX)).start();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @AfterEach
    void serverStillServesAnotherClient() throws Exception {
        Await.until("every slot is free", () -> status().inFlight() == 0);
        try (SmtpTestClient c = fx.login(BOX)) {
            assertThat(c.submit(BOX, List.of("a@fabrikam.test"), "Subject: still here\r\n\r\nx").get(3))
                    .startsWith("250 2.0.0 OK");
        }
    }

    private static MailboxStatus status() {
        return fx.server.mailboxStatus().stream().filter(s -> s.address().equals(BOX)).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown command        | FROB now                   | 500 5.3.3 Unrecognized command",
        "BDAT is not offered    | BDAT 10 LAST               | 500 5.3.3 Unrecognized command",
        "MAIL before EHLO       | MAIL FROM:<a@b.test>       | 503 5.5.2 Send hello first",
        "RCPT before MAIL       | RCPT TO:<a@b.test>         | 530 5.7.57 Client not authenticated to send mail.",
        "DATA before MAIL       | DATA                       | 530 5.7.57 Client not authenticated to send mail.",
        "EHLO without a domain  | EHLO                       | 501 5.5.4 Invalid domain name",
    })
    void outOfOrderOrUnknownCommandsGetAClearRefusal(String name, String command, String reply) throws Exception {
        try (SmtpTestClient c = fx.connect()) {
            assertThat(c.command(command)).matches(java.util.regex.Pattern.quote(reply) + SUFFIX);
            assertThat(c.command("NOOP")).isEqualTo("250 2.0.0 OK");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "DATA before RCPT       | MAIL FROM:<printer@contoso.test> | DATA     | 503 5.5.2 Need rcpt command",
        "second MAIL            | MAIL FROM:<printer@contoso.test> | MAIL FROM:<printer@contoso.test> | 503 5.5.2 Sender already specified",
        "RCPT without address   | MAIL FROM:<printer@contoso.test> | RCPT TO:<> | 501 5.1.3 Invalid address",
        "MAIL without FROM:     | NOOP                             | MAIL <printer@contoso.test> | 501 5.5.4 Invalid arguments",
        "AUTH twice             | NOOP                             | AUTH LOGIN | 503 5.5.2 Already authenticated",
    })
    void sequenceErrorsAfterLoginGetAClearRefusal(String name, String first, String second, String reply)
            throws Exception {
        try (SmtpTestClient c = fx.login(BOX)) {
            c.command(first);
            assertThat(c.command(second)).matches(java.util.regex.Pattern.quote(reply) + SUFFIX);
        }
    }

    @Test
    void lineOverTheLimitIsRefusedAndTheConnectionClosed() throws Exception {
        try (SmtpTestClient c = fx.connect()) {
            assertThat(c.command("EHLO " + "a".repeat(1_100))).matches("500 5\\.5\\.2 Line too long" + SUFFIX);
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void nulBytesInACommandAreRefused() throws Exception {
        try (SmtpTestClient c = fx.login(BOX)) {
            c.write("MAIL FROM:<print\0er@contoso.test>\r\n".getBytes(StandardCharsets.UTF_8));
            assertThat(c.reply()).matches("501 5\\.5\\.4 Invalid arguments" + SUFFIX);
            c.write("NO\0OP\r\n".getBytes(StandardCharsets.UTF_8));
            assertThat(c.reply()).matches("500 5\\.3\\.3 Unrecognized command" + SUFFIX);
        }
    }

    @Test
    void badBase64InAuthIsRefused() throws Exception {
        try (SmtpTestClient c = fx.connect()) {
            c.command("EHLO device.test");
            c.startTls();
            c.command("EHLO device.test");
            assertThat(c.command("AUTH LOGIN")).isEqualTo("334 VXNlcm5hbWU6");
            assertThat(c.command("!!not base64!!")).matches("501 5\\.5\\.2 Cannot Base64-decode Client responses" + SUFFIX);
            assertThat(c.command("AUTH LOGIN " + SmtpTestClient.b64(BOX))).isEqualTo("334 UGFzc3dvcmQ6");
            assertThat(c.command("*")).matches("501 5\\.0\\.0 Authentication cancelled" + SUFFIX);
        }
    }

    @Test
    void bodyOverTheSizeLimitIsReadAndDiscardedThenRefused() throws Exception {
        try (SmtpTestClient c = fx.login(BOX)) {
            c.envelope(BOX, List.of("a@fabrikam.test"));
            StringBuilder body = new StringBuilder("Subject: big\r\n\r\n");
            String line = "z".repeat(998) + "\r\n";
            byte[] chunk = line.repeat(100).getBytes(StandardCharsets.US_ASCII);
            c.write(body.toString().getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 20; i++) { // 2 MB, 32 times the limit
                c.write(chunk);
            }
            assertThat(c.body("end")).matches(java.util.regex.Pattern.quote(Replies.SIZE_EXCEEDS_FIXED_MAXIMUM) + SUFFIX);
        }
        assertThat(fx.store.sentItems().count(Optional.of(BOX), "big")).isZero();
    }

    @Test
    void clientDisconnectingMidDataLeavesNoSentItemAndFreesItsSlot() throws Exception {
        long before = fx.store.sentItems().count(Optional.of(BOX), "");
        try (SmtpTestClient c = fx.login(BOX)) {
            c.envelope(BOX, List.of("a@fabrikam.test"));
            assertThat(status().inFlight()).isEqualTo(1);
            c.write("Subject: cut off\r\n\r\nhalf a mess".getBytes(StandardCharsets.US_ASCII));
        }
        Await.until("the slot is freed", () -> status().inFlight() == 0);
        assertThat(fx.store.sentItems().count(Optional.of(BOX), "")).isEqualTo(before);
    }

    @Test
    void idleConnectionIsClosedAfterTheTimeoutAndItsSlotFreed() throws Exception {
        fx.server.updateSettings(fx.server.tenant().settings().withLimits(
                fx.server.tenant().limits().with(Settings.IDLE_TIMEOUT, Duration.ofMillis(300))));
        try (SmtpTestClient c = fx.login(BOX)) {
            assertThat(c.command("MAIL FROM:<" + BOX + ">")).isEqualTo(Replies.SENDER_OK);
            assertThat(c.reply()).matches("421 4\\.4\\.2 Connection dropped due to timeout" + SUFFIX);
            assertThat(c.closedByServer()).isTrue();
        } finally {
            fx.server.updateSettings(fx.server.tenant().settings().withLimits(
                    fx.server.tenant().limits().with(Settings.IDLE_TIMEOUT, Duration.ofMinutes(10))));
        }
        Await.until("the slot is freed", () -> status().inFlight() == 0);
    }
}
