package org.submitlab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.submitlab.server.ServerFixture.PASSWORD;
import static org.submitlab.server.ServerFixture.SUFFIX;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.submitlab.policy.Replies;
import org.submitlab.policy.Settings;

/** Lockouts, failure streaks and continuous-error throttling are kept in the store and outlive a restart. */
class GuardsSurviveRestartTest {

    private static final String BOX = "printer@contoso.test";
    private static final Pattern LOCKED = Pattern.compile(Pattern.quote(Replies.AUTH_LOCKED) + SUFFIX);
    private static final Pattern FAILED = Pattern.compile(Pattern.quote(Replies.AUTH_FAILED) + SUFFIX);

    @TempDir
    Path dir;
    ServerFixture fx;

    @BeforeEach
    void start() throws Exception {
        fx = new ServerFixture(dir)
                .limits(l -> l.with(Settings.LOCKOUT_AFTER_FAILURES, 3).with(Settings.LOCKOUT_FOR, Duration.ofMinutes(15)).with(Settings.THROTTLE_AFTER_ERRORS, 2).with(Settings.THROTTLE_FOR, Duration.ofMinutes(10)))
                .with(ServerFixture.mailbox(BOX)).start();
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    private String login(String user, String password) throws Exception {
        try (SmtpTestClient c = fx.connect()) {
            return c.login(user, password);
        }
    }

    @Test
    void aLockedMailboxStaysLockedAfterARestartUntilTheLockEnds() throws Exception {
        for (int i = 0; i < 3; i++) {
            login(BOX, "wrong");
        }
        assertThat(login(BOX, PASSWORD)).matches(LOCKED);

        fx.restart();

        assertThat(login(BOX, PASSWORD)).matches(LOCKED);
        fx.advance(Duration.ofMinutes(15));
        assertThat(login(BOX, PASSWORD)).isEqualTo(Replies.AUTH_OK);
    }

    @Test
    void failuresBelowTheThresholdCountOnAfterARestart() throws Exception {
        login(BOX, "wrong");
        login(BOX, "wrong");

        fx.restart();

        assertThat(login(BOX, "wrong")).matches(FAILED);
        assertThat(login(BOX, PASSWORD)).matches(LOCKED);
    }

    @Test
    void aLockedUnknownAddressStaysLockedAfterARestartToo() throws Exception {
        for (int i = 0; i < 3; i++) {
            login("nobody@contoso.test", "wrong");
        }

        fx.restart();

        assertThat(login("nobody@contoso.test", "wrong")).matches(LOCKED);
    }

    @Test
    void aThrottledSenderStaysThrottledAfterARestart() throws Exception {
        try (SmtpTestClient c = fx.login(BOX)) {
            for (int i = 0; i < 2; i++) {
                assertThat(c.submit("boss@contoso.test", List.of("a@fabrikam.test"), "Subject: t\r\n\r\nx").get(3))
                        .startsWith("554 5.2.252 SendAsDenied;");
            }
        }

        fx.restart();

        try (SmtpTestClient c = fx.login(BOX)) {
            assertThat(c.submit(BOX, List.of("a@fabrikam.test"), "Subject: fine\r\n\r\nx").get(3))
                    .matches(Pattern.quote(Replies.THROTTLED_SEND_AS_DENIED) + SUFFIX);
            fx.advance(Duration.ofMinutes(10));
            assertThat(c.submit(BOX, List.of("a@fabrikam.test"), "Subject: later\r\n\r\nx").get(3))
                    .startsWith("250 2.0.0 OK");
        }
    }

    @Test
    void aSendAsStreakBelowTheThresholdCountsOnAfterARestart() throws Exception {
        try (SmtpTestClient c = fx.login(BOX)) {
            c.submit("boss@contoso.test", List.of("a@fabrikam.test"), "Subject: t\r\n\r\nx");
        }

        fx.restart();

        try (SmtpTestClient c = fx.login(BOX)) {
            c.submit("boss@contoso.test", List.of("a@fabrikam.test"), "Subject: t\r\n\r\nx");
            assertThat(c.submit(BOX, List.of("a@fabrikam.test"), "Subject: fine\r\n\r\nx").get(3))
                    .matches(Pattern.quote(Replies.THROTTLED_SEND_AS_DENIED) + SUFFIX);
        }
    }
}
