package org.submitlab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.submitlab.server.ServerFixture.PASSWORD;
import static org.submitlab.server.ServerFixture.SUFFIX;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.submitlab.policy.ClientNetwork;
import org.submitlab.policy.PasswordHasher;
import org.submitlab.policy.Profile;
import org.submitlab.policy.Replies;
import org.submitlab.policy.Settings;

/** The authentication switches, lockout and network allow-list, each with its exact 535 line. */
class AuthTest {

    private static final String BOX = "printer@contoso.test";

    @TempDir
    Path dir;
    ServerFixture fx;

    @BeforeEach
    void start() throws Exception {
        fx = new ServerFixture(dir).limits(l -> l.with(Settings.LOCKOUT_AFTER_FAILURES, 3).with(Settings.LOCKOUT_FOR, Duration.ofMinutes(15)))
                .with(ServerFixture.mailbox(BOX)).start();
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    private String login(String password) throws Exception {
        try (SmtpTestClient c = fx.connect()) {
            return c.login(BOX, password);
        }
    }

    @Test
    void smtpAuthDisabledForTheMailbox() throws Exception {
        fx.server.saveMailbox(ServerFixture.mailbox(BOX).withSmtpAuthEnabled(Optional.of(false)));
        assertThat(login(PASSWORD)).matches(Pattern.quote(Replies.AUTH_DISABLED_MAILBOX) + SUFFIX);
    }

    @Test
    void smtpAuthDisabledForTheTenantUnlessTheMailboxEnablesIt() throws Exception {
        fx.server.updateSettings(fx.server.tenant().settings().with(Settings.SMTP_AUTH, false));
        assertThat(login(PASSWORD)).matches(Pattern.quote(Replies.AUTH_DISABLED_TENANT) + SUFFIX);
        fx.server.saveMailbox(ServerFixture.mailbox(BOX).withSmtpAuthEnabled(Optional.of(true)));
        assertThat(login(PASSWORD)).isEqualTo(Replies.AUTH_OK);
    }

    @Test
    void basicAuthOffRefusesLoginWhileXoauth2StillWorks() throws Exception {
        fx.server.updateSettings(fx.server.tenant().settings().with(Settings.PROFILE, Profile.BASIC_AUTH_OFF));
        String token = PasswordHasher.newToken();
        fx.store.mailboxes().addToken(BOX, PasswordHasher.hashToken(token));
        try (SmtpTestClient c = fx.connect()) {
            assertThat(c.login(BOX, PASSWORD)).matches(Pattern.quote(Replies.AUTH_BASIC_DISABLED) + SUFFIX);
            String wrong = SmtpTestClient.b64("user=" + BOX + "\u0001auth=Bearer nope\u0001\u0001");
            assertThat(c.command("AUTH XOAUTH2 " + wrong)).matches(Pattern.quote(Replies.AUTH_FAILED) + SUFFIX);
            String good = SmtpTestClient.b64("user=" + BOX + "\u0001auth=Bearer " + token + "\u0001\u0001");
            assertThat(c.command("AUTH XOAUTH2 " + good)).isEqualTo(Replies.AUTH_OK);
            assertThat(c.submit(BOX, List.of("a@fabrikam.test"), "Subject: oauth\r\n\r\nx").get(3))
                    .startsWith("250 2.0.0 OK");
        }
    }

    @Test
    void repeatedFailuresLockTheAccountUntilTheLockoutEnds() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(login("wrong")).matches(Pattern.quote(Replies.AUTH_FAILED) + SUFFIX);
        }
        assertThat(login(PASSWORD)).matches(Pattern.quote(Replies.AUTH_LOCKED) + SUFFIX);
        assertThat(fx.server.mailboxStatus().get(0).lockedUntil()).isPresent();
        fx.advance(Duration.ofMinutes(15));
        assertThat(login(PASSWORD)).isEqualTo(Replies.AUTH_OK);
    }

    @Test
    void clientOutsideTheAllowedNetworksGetsTheDisabledLine() throws Exception {
        fx.server.saveMailbox(ServerFixture.mailbox(BOX).withAllowedNetworks(List.of(ClientNetwork.parse("192.0.2.0/24"))));
        assertThat(login(PASSWORD)).matches(Pattern.quote(Replies.AUTH_DISABLED_MAILBOX) + SUFFIX);
        fx.server.saveMailbox(ServerFixture.mailbox(BOX).withAllowedNetworks(List.of(ClientNetwork.parse("127.0.0.0/8"))));
        assertThat(login(PASSWORD)).isEqualTo(Replies.AUTH_OK);
    }

    @Test
    void authIsMaskedInTheTranscript() throws Exception {
        try (var events = fx.events.subscribe("transcript", 1_000)) {
            login(PASSWORD);
            List<org.submitlab.events.LabEvent> seen = new java.util.ArrayList<>();
            events.drainTo(seen, 1_000);
            assertThat(seen).filteredOn(e -> e instanceof org.submitlab.events.LabEvent.TranscriptLine)
                    .map(e -> ((org.submitlab.events.LabEvent.TranscriptLine) e).line())
                    .noneMatch(l -> l.contains(SmtpTestClient.b64(PASSWORD)) || l.contains(PASSWORD))
                    .contains("****", "334 VXNlcm5hbWU6 (Username:)", "334 UGFzc3dvcmQ6 (Password:)",
                            SmtpTestClient.b64(BOX) + " (" + BOX + ")", "AUTH LOGIN", Replies.AUTH_OK);
        }
    }

    @Test
    void anXoauth2LoginShowsItsUserButNeverItsToken() throws Exception {
        String sasl = "user=" + BOX + "\u0001auth=Bearer secret-token-123\u0001\u0001";
        String b64 = java.util.Base64.getEncoder().encodeToString(sasl.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        String shown = AuthTranscript.command("AUTH XOAUTH2 " + b64);

        assertThat(shown).isEqualTo("AUTH XOAUTH2 **** (user=" + BOX + ", token masked)").doesNotContain(b64);
        assertThat(AuthTranscript.command("AUTH PLAIN AHByaW50ZXIAcHc=")).isEqualTo("AUTH PLAIN ****");
    }
}
