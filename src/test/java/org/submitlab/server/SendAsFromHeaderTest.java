package org.submitlab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.submitlab.server.ServerFixture.SUFFIX;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.submitlab.policy.Replies;

/** Spec §2 Send As: every author the From header names is checked, not only the first one. */
class SendAsFromHeaderTest {

    private static final String PRINTER = "printer@contoso.test";

    @TempDir
    static Path dir;
    static ServerFixture fx;

    @BeforeAll
    static void start() throws Exception {
        fx = new ServerFixture(dir)
                .with(ServerFixture.mailbox("list@contoso.test"))
                .with(ServerFixture.mailbox("twice@contoso.test"))
                .with(ServerFixture.mailbox("garbled@contoso.test"))
                .with(ServerFixture.mailbox("granted@contoso.test").withSendAs(Set.of("scanner@contoso.test")))
                .with(ServerFixture.mailbox(PRINTER))
                .start();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static String submit(String box, String headers) throws Exception {
        try (SmtpTestClient c = fx.login(box)) {
            return c.submit(box, List.of("a@fabrikam.test"), headers + "Subject: s\r\n\r\nhi").get(3);
        }
    }

    @Test
    void aSecondAddressInTheFromFieldIsChecked() throws Exception {
        String box = "list@contoso.test";
        assertThat(submit(box, "From: " + box + ", CEO <ceo@contoso.test>\r\n"))
                .matches(Pattern.quote(Replies.sendAsDenied(box, "ceo@contoso.test")) + SUFFIX);
        assertThat(fx.store.sentItems().count(Optional.of(box), "")).isZero();
    }

    @Test
    void aSecondFromFieldIsChecked() throws Exception {
        String box = "twice@contoso.test";
        assertThat(submit(box, "From: " + box + "\r\nFrom: ceo@contoso.test\r\n"))
                .matches(Pattern.quote(Replies.sendAsDenied(box, "ceo@contoso.test")) + SUFFIX);
        assertThat(fx.store.sentItems().count(Optional.of(box), "")).isZero();
    }

    @Test
    void aFromFieldThatDoesNotParseIsNotWavedThrough() throws Exception {
        String box = "garbled@contoso.test";
        assertThat(submit(box, "From: \"CEO <ceo@contoso.test>\r\n"))
                .startsWith("554 5.2.252 SendAsDenied; " + box + " not allowed to send as ");
        assertThat(fx.store.sentItems().count(Optional.of(box), "")).isZero();
    }

    @Test
    void everyAuthorTheMailboxMaySendAsIsAccepted() throws Exception {
        String box = "granted@contoso.test";
        assertThat(submit(box, "From: \"Printer, 2nd floor\" <" + box + ">, Scanner <Scanner@Contoso.test>\r\n"))
                .startsWith("250 2.0.0 OK <");
    }

    private static String denied(String from) {
        return Pattern.quote(Replies.sendAsDenied(PRINTER, from)) + SUFFIX;
    }

    @Test
    void aFromFieldAfterABareCarriageReturnIsChecked() throws Exception {
        assertThat(submit(PRINTER, "X-A: 1\rFrom: ceo@contoso.test\r\n")).matches(denied("ceo@contoso.test"));
    }

    @Test
    void aFoldedFromFieldIsChecked() throws Exception {
        assertThat(submit(PRINTER, "From:\r\n  CEO\r\n <ceo@contoso.test>\r\n")).matches(denied("ceo@contoso.test"));
    }

    @Test
    void aSenderFieldIsCheckedToo() throws Exception {
        assertThat(submit(PRINTER, "From: " + PRINTER + "\r\nSender: ceo@contoso.test\r\n"))
                .matches(denied("ceo@contoso.test"));
    }

    @Test
    void aHeaderSectionLongerThanTheLimitIsRefusedNotAcceptedUnchecked() throws Exception {
        StringBuilder pad = new StringBuilder();
        for (int i = 0; pad.length() <= 256 * 1024; i++) {
            pad.append("X-Pad-").append(i).append(": ").append("p".repeat(70)).append("\r\n");
        }
        String reply = submit(PRINTER, pad + "From: ceo@contoso.test\r\n");
        assertThat(reply).matches("552 5\\.3\\.4 Header size exceeds fixed maximum size" + SUFFIX);
        assertThat(fx.store.sentItems().count(Optional.of(PRINTER), "ceo")).isZero();
    }

    @Test
    void theStoredSubjectAndFromAreReadTheWayMailReadersReadThem() throws Exception {
        try (SmtpTestClient c = fx.login(PRINTER)) {
            assertThat(c.submit(PRINTER, List.of("a@fabrikam.test"),
                    "X-A: 1\rFrom: Printer <" + PRINTER + ">\rSubject: read\r\n  as folded\r\n\r\nhi").get(3))
                    .startsWith("250 2.0.0 OK");
        }
        org.submitlab.store.SentItem item = fx.store.sentItems().page(Optional.of(PRINTER), "as folded", 0, 1).get(0);
        assertThat(item.subject()).isEqualTo("read as folded");
        assertThat(item.fromHeader()).isEqualTo("Printer <" + PRINTER + ">");
    }
}
