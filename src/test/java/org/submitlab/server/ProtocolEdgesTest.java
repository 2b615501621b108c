package org.submitlab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.submitlab.server.ServerFixture.HOST;
import static org.submitlab.server.ServerFixture.SUFFIX;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.submitlab.policy.Replies;
import org.submitlab.store.SentItem;

/** Replies at the edges of the protocol: the library's own lines, long echoes, empty and quoted input. */
class ProtocolEdgesTest {

    private static final String BOX = "printer@contoso.test";

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
    void aBareCarriageReturnGetsASyntaxErrorWithEnhancedCodeAndSuffixThenTheConnectionCloses() throws Exception {
        try (SmtpTestClient c = fx.connect()) {
            c.write("NOOP\rx\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(c.reply()).matches("501 5\\.5\\.2 Syntax error at character position 4\\. CR and LF must be CRLF"
                    + " paired\\.  See RFC 2821 #2\\.7\\.1\\." + SUFFIX);
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void invalidUtf8InACommandGetsASyntaxErrorWithEnhancedCodeAndSuffix() throws Exception {
        try (SmtpTestClient c = fx.connect()) {
            c.write(new byte[] {'N', 'O', 'O', 'P', ' ', (byte) 0xFF, (byte) 0xFE, '\r', '\n'});
            assertThat(c.reply()).matches("501 5\\.5\\.2 Syntax error: invalid character encoding\\." + SUFFIX);
        }
    }

    @Test
    void aByte0xFfAfterAMultiByteLeadIsInvalidEncodingNotAConnectionProblem() throws Exception {
        // SubEthaSMTP's UTF-8 reader takes a 0xFF continuation byte for the end of the stream.
        try (SmtpTestClient c = fx.connect()) {
            c.write(new byte[] {'N', 'O', 'O', 'P', '\r', '\n', (byte) 0xF7, (byte) 0xFF, '\r', '\n'});
            assertThat(c.reply()).isEqualTo("250 2.0.0 OK");
            assertThat(c.reply()).matches("501 5\\.5\\.2 Syntax error: invalid character encoding\\." + SUFFIX);
        }
    }

    @Test
    void theLibrarysTooManyConnectionsLineGetsAnEnhancedCode() {
        assertThat(ProtocolReplies.forLibraryLine("421 Too many connections, try again later"))
                .isEqualTo(Replies.TOO_MANY_CONNECTIONS)
                .startsWith("421 4.3.2 ");
    }

    @Test
    void aVeryLongMessageIdIsShortenedInThe250ButStoredWhole() throws Exception {
        String id = "<" + "x".repeat(5_000) + "@device.test>";
        try (SmtpTestClient c = fx.login(BOX)) {
            List<String> replies = c.submit(BOX, List.of("a@fabrikam.test"),
                    "From: " + BOX + "\r\nSubject: long id\r\nMessage-ID: " + id + "\r\n\r\nbody");
            String ok = replies.get(3);
            assertThat(ok.getBytes(StandardCharsets.UTF_8).length + 2).isLessThanOrEqualTo(512);
            assertThat(ok).startsWith("250 2.0.0 OK <xxxx").endsWith("> [Hostname=" + HOST + "]");
        }
        SentItem item = fx.store.sentItems().page(Optional.of(BOX), "long id", 0, 1).get(0);
        assertThat(item.messageId()).isEqualTo(id);
    }

    @Test
    void anEmptyInitialResponseToAuthLoginIsAnEmptyUserNameNotBadBase64() throws Exception {
        try (SmtpTestClient c = fx.connect()) {
            c.command("EHLO device.test");
            c.startTls();
            c.command("EHLO device.test");
            assertThat(c.command("AUTH LOGIN =")).isEqualTo("334 UGFzc3dvcmQ6");
            assertThat(c.command(SmtpTestClient.b64(ServerFixture.PASSWORD)))
                    .matches("535 5\\.7\\.3 Authentication unsuccessful" + SUFFIX);
        }
    }

    @Test
    void anEmptyInitialResponseToXoauth2IsMalformedXoauth2DataNotADecodingError() throws Exception {
        try (SmtpTestClient c = fx.connect()) {
            c.command("EHLO device.test");
            c.startTls();
            c.command("EHLO device.test");
            assertThat(c.command("AUTH XOAUTH2 =")).matches("501 5\\.5\\.121 Invalid XOAUTH2 format" + SUFFIX);
        }
    }

    @Test
    void aQuotedLocalPartIsALegalAddress() throws Exception {
        try (SmtpTestClient c = fx.login(BOX)) {
            assertThat(c.command("MAIL FROM:<\"john doe\"@contoso.test>")).isEqualTo(Replies.SENDER_OK);
            assertThat(c.command("RSET")).startsWith("250");
            List<String> replies = c.submit(BOX, List.of("\"john doe\"@fabrikam.test", "\"a>b\"@fabrikam.test"),
                    "From: " + BOX + "\r\nSubject: quoted\r\n\r\nbody");
            assertThat(replies).containsExactly(Replies.SENDER_OK, Replies.RECIPIENT_OK, Replies.RECIPIENT_OK,
                    Replies.START_MAIL_INPUT, replies.get(4));
            assertThat(replies.get(4)).startsWith("250 2.0.0 OK");
        }
        SentItem item = fx.store.sentItems().page(Optional.of(BOX), "quoted", 0, 1).get(0);
        assertThat(item.envelopeTo()).containsExactly("\"john doe\"@fabrikam.test", "\"a>b\"@fabrikam.test");
    }

    @Test
    void anUnclosedQuoteIsStillAnInvalidAddress() throws Exception {
        try (SmtpTestClient c = fx.login(BOX)) {
            c.command("MAIL FROM:<" + BOX + ">");
            assertThat(c.command("RCPT TO:<\"john doe@fabrikam.test>"))
                    .matches("501 5\\.1\\.3 Invalid address" + SUFFIX);
        }
    }

    @Test
    void commandsPipelinedAfterStartTlsAreRefusedAndReadInClear() throws Exception {
        try (SmtpTestClient c = fx.connect()) {
            c.command("EHLO device.test");
            c.write("STARTTLS\r\nNOOP\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(c.reply()).matches(java.util.regex.Pattern.quote(Replies.STARTTLS_PIPELINED) + SUFFIX);
            assertThat(c.reply()).isEqualTo("250 2.0.0 OK");
        }
    }
}
