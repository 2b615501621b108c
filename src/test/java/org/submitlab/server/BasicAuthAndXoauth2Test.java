package org.submitlab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.submitlab.server.ServerFixture.PASSWORD;
import static org.submitlab.server.ServerFixture.SUFFIX;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.submitlab.policy.BasicAuth;
import org.submitlab.policy.PasswordHasher;
import org.submitlab.policy.Profile;
import org.submitlab.policy.Replies;
import org.submitlab.policy.Settings;

/** Basic authentication on Exchange's timeline and XOAUTH2 read exactly, each reply pinned at AUTH. */
class BasicAuthAndXoauth2Test {

    private static final String BOX = "printer@contoso.test";
    private static final String OTHER = "scanner@contoso.test";

    @TempDir
    Path dir;
    ServerFixture fx;

    @BeforeEach
    void start() throws Exception {
        fx = new ServerFixture(dir).limits(l -> l.with(Settings.LOCKOUT_AFTER_FAILURES, 3))
                .with(ServerFixture.mailbox(BOX)).with(ServerFixture.mailbox(OTHER)).start();
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    private void basicAuth(BasicAuth state) {
        fx.server.updateSettings(fx.server.tenant().settings().with(Settings.BASIC_AUTH, state));
    }

    /** A token of {@code mailbox} valid for an hour from the lab clock's now. */
    private String token(String mailbox) {
        String token = PasswordHasher.newToken();
        fx.store.mailboxes().addToken(mailbox, PasswordHasher.hashToken(token), fx.clock.instant(),
                fx.clock.instant().plus(Duration.ofHours(1)));
        return token;
    }

    private static String sasl(String user, String token) {
        return SmtpTestClient.b64("user=" + user + "\u0001auth=Bearer " + token + "\u0001\u0001");
    }

    private String xoauth2(String base64) throws Exception {
        try (SmtpTestClient c = fx.connect()) {
            c.command("EHLO device.test");
            c.startTls();
            c.command("EHLO device.test");
            return c.command("AUTH XOAUTH2 " + base64);
        }
    }

    private String login() throws Exception {
        try (SmtpTestClient c = fx.connect()) {
            return c.login(BOX, PASSWORD);
        }
    }

    @Test
    void basicAuthenticationDisabledRefusesAuthLoginWith535AndXoauth2StillWorks() throws Exception {
        basicAuth(BasicAuth.DISABLED);

        assertThat(login()).matches(Pattern.quote(Replies.AUTH_BASIC_DISABLED) + SUFFIX);
        assertThat(xoauth2(sasl(BOX, token(BOX)))).isEqualTo(Replies.AUTH_OK);
    }

    @Test
    void basicAuthenticationRemovedRefusesAuthLoginWith550AndXoauth2StillWorks() throws Exception {
        basicAuth(BasicAuth.REMOVED);

        assertThat(login()).matches(Pattern.quote("550 5.7.30 Basic authentication is not supported for Client "
                + "Submission.") + SUFFIX);
        assertThat(xoauth2(sasl(BOX, token(BOX)))).isEqualTo(Replies.AUTH_OK);
    }

    @Test
    void basicAuthenticationEnabledLetsAuthLoginIn() throws Exception {
        basicAuth(BasicAuth.DISABLED);
        basicAuth(BasicAuth.ENABLED);

        assertThat(login()).isEqualTo(Replies.AUTH_OK);
    }

    @Test
    void theBasicAuthOffProfileIsStillTheNameForDisabled() throws Exception {
        fx.server.updateSettings(fx.server.tenant().settings().with(Settings.PROFILE, Profile.BASIC_AUTH_OFF));

        assertThat(fx.server.tenant().settings().basicAuth()).isEqualTo(BasicAuth.DISABLED);
        assertThat(login()).matches(Pattern.quote(Replies.AUTH_BASIC_DISABLED) + SUFFIX);
    }

    @Test
    void anExpiredTokenGets535() throws Exception {
        String token = token(BOX);
        assertThat(xoauth2(sasl(BOX, token))).isEqualTo(Replies.AUTH_OK);

        fx.advance(Duration.ofMinutes(61));

        assertThat(xoauth2(sasl(BOX, token))).matches(Pattern.quote(Replies.AUTH_FAILED) + SUFFIX);
    }

    @Test
    void aTokenOfAnotherMailboxGets535() throws Exception {
        assertThat(xoauth2(sasl(BOX, token(OTHER)))).matches(Pattern.quote(Replies.AUTH_FAILED) + SUFFIX);
    }

    @Test
    void aTamperedTokenGets535() throws Exception {
        String token = token(BOX);
        char last = token.charAt(token.length() - 1);
        String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');

        assertThat(xoauth2(sasl(BOX, tampered))).matches(Pattern.quote(Replies.AUTH_FAILED) + SUFFIX);
    }

    @Test
    void aTokenIssuedBeforeTokensExpiredStaysValid() throws Exception {
        String token = PasswordHasher.newToken();
        fx.store.mailboxes().addToken(BOX, PasswordHasher.hashToken(token));
        fx.advance(Duration.ofDays(400));

        assertThat(xoauth2(sasl(BOX, token))).isEqualTo(Replies.AUTH_OK);
    }

    /** ^A stands for the byte 0x01 (a CSV value would lose it at its end). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no final ^A|user=printer@contoso.test^Aauth=Bearer abc^A|501 5.5.121",
        "fields swapped|auth=Bearer abc^Auser=printer@contoso.test^A^A|501 5.5.122",
        "a third field|user=printer@contoso.test^Aauth=Bearer abc^Ahost=x^A^A|501 5.5.121",
        "empty user|user=^Aauth=Bearer abc^A^A|501 5.5.122",
        "not a bearer token|user=printer@contoso.test^Aauth=Basic abc^A^A|501 5.5.123",
        "empty token|user=printer@contoso.test^Aauth=Bearer ^A^A|501 5.5.123"})
    void malformedXoauth2DataGets501(String why, String text, String code) throws Exception {
        assertThat(xoauth2(SmtpTestClient.b64(text.replace("^A", "\u0001")))).startsWith(code + " Invalid XOAUTH2 ").matches(".*" + SUFFIX);
    }

    @Test
    void malformedXoauth2DataDoesNotCountTowardsTheLockout() throws Exception {
        for (int i = 0; i < 4; i++) {
            assertThat(xoauth2(SmtpTestClient.b64("user=" + BOX + "\u0001"))).startsWith("501 5.5.121");
        }

        assertThat(login()).isEqualTo(Replies.AUTH_OK);
    }
}
