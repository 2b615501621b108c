package org.submitlab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.submitlab.server.ServerFixture.PASSWORD;
import static org.submitlab.server.ServerFixture.SUFFIX;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.submitlab.policy.BasicAuth;
import org.submitlab.policy.EndpointKind;
import org.submitlab.policy.Replies;
import org.submitlab.policy.Settings;

/**
 * High Volume Email beside the standard endpoint (one server, two listeners): internal recipients only, 50 per
 * message, no Sent Items copy, and it works where SMTP AUTH is off for the tenant.
 */
class HighVolumeEmailTest {

    private static final String BOX = "newsletter@contoso.test";

    @TempDir
    Path dir;
    ServerFixture fx;

    @BeforeEach
    void start() throws Exception {
        fx = new ServerFixture(dir).with(ServerFixture.mailbox(BOX)).with(ServerFixture.mailbox("ada@contoso.test"));
        fx.build = b -> b.alsoListen(EndpointKind.HVE);
        fx.start();
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    private SmtpTestClient hveLogin() throws Exception {
        SmtpTestClient c = fx.connect(EndpointKind.HVE);
        assertThat(c.login(BOX, PASSWORD)).isEqualTo(Replies.AUTH_OK);
        return c;
    }

    @Test
    void anExternalRecipientIsRefusedAtRcptTo() throws Exception {
        try (SmtpTestClient c = hveLogin()) {
            assertThat(c.command("MAIL FROM:<" + BOX + ">")).isEqualTo(Replies.SENDER_OK);
            assertThat(c.command("RCPT TO:<someone@fabrikam.test>"))
                    .matches(Pattern.quote(Replies.HVE_EXTERNAL_RECIPIENT) + SUFFIX);
            assertThat(c.command("RCPT TO:<ada@contoso.test>")).isEqualTo(Replies.RECIPIENT_OK);
        }
    }

    @Test
    void theStandardEndpointStillTakesExternalRecipients() throws Exception {
        try (SmtpTestClient c = fx.login(BOX)) {
            assertThat(c.submit(BOX, List.of("someone@fabrikam.test"),
                    SmtpTestClient.message(BOX, "someone@fabrikam.test", "out")).get(3)).startsWith("250 2.0.0 OK <");
        }
    }

    @Test
    void fiftyRecipientsAreAcceptedAndFiftyOneRefusedAfterData() throws Exception {
        List<String> fifty = IntStream.range(0, 50).mapToObj(i -> "r" + i + "@contoso.test").toList();
        List<String> fiftyOne = IntStream.range(0, 51).mapToObj(i -> "r" + i + "@contoso.test").toList();
        try (SmtpTestClient c = hveLogin()) {
            assertThat(c.submit(BOX, fifty, SmtpTestClient.message(BOX, "r0@contoso.test", "fifty")).get(52))
                    .startsWith("250 2.0.0 OK <");
            List<String> refused = c.submit(BOX, fiftyOne, SmtpTestClient.message(BOX, "r0@contoso.test", "51"));
            assertThat(refused.get(51)).isEqualTo(Replies.RECIPIENT_OK);
            assertThat(refused.get(52)).isEqualTo(Replies.START_MAIL_INPUT);
            assertThat(refused.get(53)).matches(Pattern.quote(Replies.TOO_MANY_RECIPIENTS) + SUFFIX);
        }
    }

    @Test
    void anHveMessageIsDeliveredButLeavesNoSentItemsCopy() throws Exception {
        try (SmtpTestClient c = hveLogin()) {
            assertThat(c.submit(BOX, List.of("ada@contoso.test"),
                    SmtpTestClient.message(BOX, "ada@contoso.test", "internal")).get(3)).startsWith("250 2.0.0 OK <");
        }
        assertThat(fx.store.deliveries().forRecipient("ada@contoso.test")).hasSize(1);
        assertThat(fx.store.sentItems().page(Optional.of(BOX), "", 0, 10)).isEmpty();
    }

    @Test
    void hveWorksWhereSmtpAuthIsOffForTheTenantAndTheStandardEndpointDoesNot() throws Exception {
        fx.server.updateSettings(fx.server.tenant().settings().with(Settings.SMTP_AUTH, false));

        try (SmtpTestClient c = fx.connect()) {
            assertThat(c.login(BOX, PASSWORD)).matches(Pattern.quote(Replies.AUTH_DISABLED_TENANT) + SUFFIX);
        }
        try (SmtpTestClient c = hveLogin()) {
            assertThat(c.submit(BOX, List.of("ada@contoso.test"),
                    SmtpTestClient.message(BOX, "ada@contoso.test", "still")).get(3)).startsWith("250 2.0.0 OK <");
        }
    }

    @Test
    void hveIsNotOnTheBasicAuthenticationTimeline() throws Exception {
        fx.server.updateSettings(fx.server.tenant().settings().with(Settings.BASIC_AUTH, BasicAuth.REMOVED));

        try (SmtpTestClient c = fx.connect()) {
            assertThat(c.login(BOX, PASSWORD)).startsWith(Replies.BASIC_AUTH_NOT_SUPPORTED);
        }
        hveLogin().close();
    }
}
