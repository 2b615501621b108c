package org.submitlab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.submitlab.server.ServerFixture.SUFFIX;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.submitlab.events.LabEvent;
import org.submitlab.events.Subscription;
import org.submitlab.policy.Profile;
import org.submitlab.policy.Replies;
import org.submitlab.policy.Settings;

/** Spec §2: each limit's exact reply, at the phase the spec names (mostly after the whole body). */
class LimitsTest {

    private static final String BOX = "printer@contoso.test";
    private static final List<String> ENVELOPE_OK = List.of(Replies.SENDER_OK, Replies.RECIPIENT_OK,
            Replies.START_MAIL_INPUT);

    @TempDir
    static Path dir;
    static ServerFixture fx;

    @BeforeAll
    static void start() throws Exception {
        fx = new ServerFixture(dir)
                .limits(l -> l.with(Settings.RECIPIENTS_PER_MESSAGE, 3).with(Settings.MAX_MESSAGE_SIZE, (long) (4096))
                        .with(Settings.THROTTLE_AFTER_ERRORS, 2).with(Settings.THROTTLE_FOR, Duration.ofMinutes(10)))
                .with(ServerFixture.mailbox(BOX).withSendAs(Set.of("scanner@contoso.test")))
                .with(ServerFixture.mailbox("small@contoso.test").withSendLimitBytes(Optional.of(1_000L)))
                .with(ServerFixture.mailbox("full@contoso.test").withQuotaBytes(Optional.of(1L)))
                .with(ServerFixture.mailbox("daily@contoso.test").withRecipientsPerDay(Optional.of(20)))
                .with(ServerFixture.mailbox("throttled@contoso.test"))
                .with(ServerFixture.mailbox("busy@contoso.test"))
                .with(ServerFixture.mailbox("recips@contoso.test"))
                .with(ServerFixture.mailbox("huge@contoso.test"))
                .with(ServerFixture.mailbox("sendas-envelope@contoso.test"))
                .with(ServerFixture.mailbox("sendas-header@contoso.test").withSendAs(Set.of("scanner@contoso.test")))
                .start();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @ParameterizedTest
    @EnumSource(value = Profile.class, names = {"EXCHANGE_ONLINE", "EXCHANGE_ONLINE_2018"})
    void fourthConcurrentSubmissionIsRefusedAfterDataAndItsRetrySucceeds(Profile profile) throws Exception {
        String box = "busy@contoso.test";
        fx.server.updateSettings(fx.server.tenant().settings().with(Settings.PROFILE, profile));
        List<SmtpTestClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                clients.add(fx.login(box));
            }
            for (SmtpTestClient c : clients) {
                assertThat(c.command("MAIL FROM:<" + box + ">")).isEqualTo(Replies.SENDER_OK);
            }
            for (SmtpTestClient c : clients) {
                assertThat(c.command("RCPT TO:<a@fabrikam.test>")).isEqualTo(Replies.RECIPIENT_OK);
                assertThat(c.command("DATA")).isEqualTo(Replies.START_MAIL_INPUT);
            }
            List<String> ends = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                ends.add(clients.get(i).body(SmtpTestClient.message(box, "a@fabrikam.test", "concurrent " + i)));
            }
            assertThat(ends.subList(0, 3)).allMatch(r -> r.startsWith("250 2.0.0 OK <"));
            assertThat(ends.get(3)).matches(Pattern.quote(profile.concurrencyRefusal()) + SUFFIX);

            List<String> retry = clients.get(3).submit(box, List.of("a@fabrikam.test"),
                    SmtpTestClient.message(box, "a@fabrikam.test", "retry"));
            assertThat(retry.get(3)).startsWith("250 2.0.0 OK <");
        } finally {
            clients.forEach(SmtpTestClient::close);
            fx.server.updateSettings(fx.server.tenant().settings().with(Settings.PROFILE, Profile.EXCHANGE_ONLINE));
        }
    }

    static List<Arguments> refusedAfterData() {
        String big = "Subject: big\r\n\r\n" + "x".repeat(1_500);
        return List.of(
                Arguments.of("recipients per message", "recips@contoso.test", "recips@contoso.test", 4, "Subject: many\r\n\r\nhi",
                        Pattern.quote(Replies.TOO_MANY_RECIPIENTS)),
                Arguments.of("send limit", "small@contoso.test", "small@contoso.test", 1, big,
                        Pattern.quote(Replies.SEND_LIMIT_EXCEEDED)),
                Arguments.of("body over the maximum size", "huge@contoso.test", "huge@contoso.test", 1, "Subject: huge\r\n\r\n" + "y".repeat(10_000),
                        Pattern.quote(Replies.SIZE_EXCEEDS_FIXED_MAXIMUM)),
                Arguments.of("Send As, envelope", "sendas-envelope@contoso.test", "ceo@contoso.test", 1,
                        "Subject: s\r\n\r\nhi",
                        Pattern.quote(Replies.sendAsDenied("sendas-envelope@contoso.test", "ceo@contoso.test"))),
                Arguments.of("Send As, From header", "sendas-header@contoso.test", "scanner@contoso.test", 1,
                        "From: CEO <ceo@contoso.test>\r\nSubject: s\r\n\r\nhi",
                        Pattern.quote(Replies.sendAsDenied("sendas-header@contoso.test", "ceo@contoso.test"))),
                Arguments.of("mailbox quota", "full@contoso.test", "full@contoso.test", 1, "Subject: q\r\n\r\nhi",
                        Pattern.quote(Replies.MAILBOX_FULL)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedAfterData")
    void limitIsRefusedOnlyAfterTheWholeBody(String name, String mailbox, String from, int recipients, String body,
            String expected) throws Exception {
        List<String> to = IntStream.range(0, recipients).mapToObj(i -> "r" + i + "@fabrikam.test").toList();
        try (SmtpTestClient c = fx.login(mailbox)) {
            List<String> replies = c.envelope(from, to);
            assertThat(replies).containsExactlyElementsOf(envelopeOk(recipients));
            assertThat(c.body(body)).matches(expected + SUFFIX);
            assertThat(c.command("RSET")).isEqualTo("250 2.0.0 Resetting");
        }
        assertThat(fx.store.sentItems().count(Optional.of(mailbox), "")).isZero();
    }

    @Test
    void declaredSizeOverTheMaximumIsRefusedAtMail() throws Exception {
        try (SmtpTestClient c = fx.login(BOX)) {
            assertThat(c.command("MAIL FROM:<" + BOX + "> SIZE=4097"))
                    .matches(Pattern.quote(Replies.SIZE_EXCEEDS_FIXED_MAXIMUM) + SUFFIX);
            assertThat(c.command("MAIL FROM:<" + BOX + "> SIZE=4096")).isEqualTo(Replies.SENDER_OK);
        }
    }

    @Test
    void recipientsPerDayRefusesAfterDataAndStillAfterARestart() throws Exception {
        String box = "daily@contoso.test";
        List<String> three = List.of("a@fabrikam.test", "b@fabrikam.test", "c@fabrikam.test");
        try (SmtpTestClient c = fx.login(box)) {
            for (int i = 0; i < 6; i++) {
                assertThat(c.submit(box, three, "Subject: d" + i + "\r\n\r\nx").get(5)).startsWith("250 2.0.0 OK");
            }
            List<String> refused = c.submit(box, three, "Subject: over\r\n\r\nx");
            assertThat(refused.subList(0, 5)).containsExactlyElementsOf(envelopeOk(3));
            assertThat(refused.get(5)).matches(Pattern.quote(Replies.RECIPIENT_QUOTA_EXCEEDED) + SUFFIX);
        }
        fx.restart();
        try (SmtpTestClient c = fx.login(box)) {
            assertThat(c.submit(box, three, "Subject: over after restart\r\n\r\nx").get(5))
                    .matches(Pattern.quote(Replies.RECIPIENT_QUOTA_EXCEEDED) + SUFFIX);
            assertThat(c.submit(box, three.subList(0, 2), "Subject: fits\r\n\r\nx").get(4))
                    .startsWith("250 2.0.0 OK");
        }
        assertThat(fx.server.mailboxStatus()).filteredOn(s -> s.address().equals(box))
                .singleElement().satisfies(s -> assertThat(s.recipientsInWindow()).isEqualTo(20));
    }

    @Test
    void continuousSendAsErrorsThrottleTheSenderForAWhile() throws Exception {
        String box = "throttled@contoso.test";
        try (Subscription events = fx.events.subscribe("throttle-test", 10_000); SmtpTestClient c = fx.login(box)) {
            for (int i = 0; i < 2; i++) {
                assertThat(c.submit("boss@contoso.test", List.of("a@fabrikam.test"), "Subject: t\r\n\r\nx").get(3))
                        .startsWith("554 5.2.252 SendAsDenied;");
            }
            List<String> replies = c.submit(box, List.of("a@fabrikam.test"), "Subject: fine\r\n\r\nx");
            assertThat(replies.subList(0, 3)).containsExactlyElementsOf(ENVELOPE_OK);
            assertThat(replies.get(3)).matches(Pattern.quote(Replies.THROTTLED_SEND_AS_DENIED) + SUFFIX);

            fx.advance(Duration.ofMinutes(10));
            assertThat(c.submit(box, List.of("a@fabrikam.test"), "Subject: later\r\n\r\nx").get(3))
                    .startsWith("250 2.0.0 OK");
            List<LabEvent> seen = new ArrayList<>();
            events.drainTo(seen, 10_000);
            assertThat(seen).filteredOn(e -> e instanceof LabEvent.SubmissionRefused r && r.phase().equals("DATA")
                    && r.reply().startsWith("550 5.2.252")).hasSize(1);
        }
    }

    private static List<String> envelopeOk(int recipients) {
        List<String> r = new ArrayList<>();
        r.add(Replies.SENDER_OK);
        r.addAll(Collections.nCopies(recipients, Replies.RECIPIENT_OK));
        r.add(Replies.START_MAIL_INPUT);
        return r;
    }
}
