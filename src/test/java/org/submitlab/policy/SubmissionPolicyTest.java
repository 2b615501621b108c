package org.submitlab.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SubmissionPolicyTest {

    private static final Instant T = Instant.parse("2025-03-03T09:00:00Z");
    private static Mailbox printer;
    private static InetAddress loopback;

    private final ManualClock clock = new ManualClock(T);
    private final Tenant tenant = new Tenant(TenantSettings.defaults(), List.of());
    private final SubmissionPolicy policy = new SubmissionPolicy(tenant, clock);

    @BeforeAll
    static void hashOnce() throws Exception {
        printer = Mailbox.create("printer@contoso.test", "Printer", "secret");
        loopback = InetAddress.getByName("127.0.0.1");
    }

    private SubmissionPolicy.Submission submission(int recipients, long size, String from, boolean slot) {
        return new SubmissionPolicy.Submission(printer.address(), from, recipients, size, false,
                Optional.of(from), slot);
    }

    @Test
    void correctPasswordAuthenticates() {
        tenant.putMailbox(printer);
        var r = policy.authenticateLogin("Printer@Contoso.test", "secret", loopback);
        assertThat(r.success()).isTrue();
        assertThat(r.reply()).isEqualTo(Replies.AUTH_OK);
        assertThat(policy.authenticateLogin("printer@contoso.test", "secret", loopback).success()).isTrue();
    }

    @Test
    void repeatedFailuresLockTheAccountEvenForTheRightPasswordUntilTheLockExpires() {
        tenant.putMailbox(printer);
        tenant.updateSettings(tenant.settings().withLimits(Limits.defaults().with(Settings.LOCKOUT_AFTER_FAILURES, 2).with(Settings.LOCKOUT_FOR, Duration.ofMinutes(5))));
        assertThat(policy.authenticateLogin(printer.address(), "wrong", loopback).reply()).isEqualTo(Replies.AUTH_FAILED);
        assertThat(policy.authenticateLogin(printer.address(), "wrong", loopback).reply()).isEqualTo(Replies.AUTH_FAILED);
        assertThat(policy.authenticateLogin(printer.address(), "secret", loopback).reply()).isEqualTo(Replies.AUTH_LOCKED);
        clock.advance(Duration.ofMinutes(5));
        assertThat(policy.authenticateLogin(printer.address(), "secret", loopback).success()).isTrue();
    }

    @Test
    void authSwitchesAndNetworksGiveTheirTexts() throws Exception {
        tenant.putMailbox(printer.withSmtpAuthEnabled(Optional.of(false)));
        assertThat(policy.authenticateLogin(printer.address(), "secret", loopback).reply())
                .isEqualTo(Replies.AUTH_DISABLED_MAILBOX);

        tenant.putMailbox(printer);
        tenant.updateSettings(tenant.settings().with(Settings.SMTP_AUTH, false));
        assertThat(policy.authenticateLogin(printer.address(), "secret", loopback).reply())
                .isEqualTo(Replies.AUTH_DISABLED_TENANT);
        tenant.putMailbox(printer.withSmtpAuthEnabled(Optional.of(true)));
        assertThat(policy.authenticateLogin(printer.address(), "secret", loopback).success()).isTrue();

        tenant.updateSettings(TenantSettings.defaults());
        tenant.putMailbox(printer.withAllowedNetworks(List.of(ClientNetwork.parse("192.0.2.0/24"))));
        assertThat(policy.authenticateLogin(printer.address(), "secret", loopback).reply())
                .isEqualTo(Replies.AUTH_DISABLED_MAILBOX);
        assertThat(policy.authenticateLogin(printer.address(), "secret", InetAddress.getByName("192.0.2.9")).success())
                .isTrue();
    }

    @Test
    void basicAuthOffRefusesLoginButAcceptsAValidToken() {
        tenant.putMailbox(printer);
        tenant.updateSettings(tenant.settings().with(Settings.PROFILE, Profile.BASIC_AUTH_OFF));
        assertThat(policy.authenticateLogin(printer.address(), "secret", loopback).reply())
                .isEqualTo(Replies.AUTH_BASIC_DISABLED);
        String token = PasswordHasher.newToken();
        String hash = PasswordHasher.hashToken(token);
        assertThat(policy.authenticateToken(printer.address(), token, loopback,
                (a, h) -> a.equals(printer.address()) && h.equals(hash)).success()).isTrue();
        assertThat(policy.authenticateToken(printer.address(), "nope", loopback,
                (a, h) -> h.equals(hash)).reply()).isEqualTo(Replies.AUTH_FAILED);
    }

    @Test
    void transactionWithoutSlotGetsTheProfilesConcurrencyText() {
        tenant.putMailbox(printer);
        tenant.updateSettings(tenant.settings().with(Settings.PROFILE, Profile.EXCHANGE_ONLINE_2018));
        for (int i = 0; i < 3; i++) {
            assertThat(policy.acquireSlot(printer.address()).granted()).isTrue();
        }
        assertThat(policy.acquireSlot(printer.address())).isEqualTo(new SubmissionPolicy.SlotGrant(false, 3, 3));
        var d = policy.decide(submission(1, 100, printer.address(), false));
        assertThat(d.reply()).isEqualTo("432 4.3.2 STOREDRV.ClientSubmit; sender thread limit exceeded");
        policy.releaseSlot(printer.address());
        assertThat(policy.acquireSlot(printer.address()).granted()).isTrue();
    }

    @Test
    void sendAsIsCheckedOnTheFromHeaderToo() {
        tenant.putMailbox(printer.withSendAs(Set.of("alerts@contoso.test")));
        assertThat(policy.decide(submission(1, 100, "alerts@contoso.test", true)).accepted()).isTrue();
        var d = policy.decide(new SubmissionPolicy.Submission(printer.address(), printer.address(), 1, 100, false,
                Optional.of("ceo@contoso.test"), true));
        assertThat(d.reply()).isEqualTo(Replies.sendAsDenied(printer.address(), "ceo@contoso.test"));
    }

    @Test
    void limitsAreCheckedInOrderAtTheEndOfData() {
        tenant.putMailbox(printer.withQuotaBytes(Optional.of(1_000L)).withSendLimitBytes(Optional.of(500L)));
        tenant.updateSettings(tenant.settings().withLimits(Limits.defaults().with(Settings.RECIPIENTS_PER_MESSAGE, 2)));
        assertThat(policy.decide(submission(1, 501, printer.address(), true)).reply())
                .isEqualTo(Replies.SEND_LIMIT_EXCEEDED);
        assertThat(policy.decide(submission(3, 100, printer.address(), true)).reply())
                .isEqualTo(Replies.TOO_MANY_RECIPIENTS);
        policy.setSentItemsBytes(java.util.Map.of(printer.address(), 950L));
        assertThat(policy.decide(submission(1, 100, printer.address(), true)).reply())
                .isEqualTo(Replies.MAILBOX_FULL);
    }

    @Test
    void recipientsPerDayRefusesTheMessageThatWouldPassTheLimit() {
        tenant.putMailbox(printer.withRecipientsPerDay(Optional.of(20)));
        policy.seedRecipients(printer.address(), T.minus(Duration.ofHours(3)), 15);
        assertThat(policy.decide(submission(5, 100, printer.address(), true)).accepted()).isTrue();
        assertThat(policy.decide(submission(1, 100, printer.address(), true)).reply())
                .isEqualTo(Replies.RECIPIENT_QUOTA_EXCEEDED);
        assertThat(policy.status(printer).recipientsInWindow()).isEqualTo(20);
    }

    @Test
    void undoneDecisionGivesRecipientsBack() {
        tenant.putMailbox(printer.withRecipientsPerDay(Optional.of(5)));
        var d = policy.decide(submission(5, 100, printer.address(), true));
        policy.undo(printer.address(), d);
        assertThat(policy.decide(submission(5, 100, printer.address(), true)).accepted()).isTrue();
    }

    @Test
    void overTheRateDeliveryIsDelayedToTheNextMinute() {
        tenant.putMailbox(printer);
        tenant.updateSettings(tenant.settings().withLimits(Limits.defaults().with(Settings.MESSAGES_PER_MINUTE, 2)));
        assertThat(policy.decide(submission(1, 10, printer.address(), true)).delayed()).isFalse();
        assertThat(policy.decide(submission(1, 10, printer.address(), true)).delayed()).isFalse();
        var third = policy.decide(submission(1, 10, printer.address(), true));
        assertThat(third.accepted()).isTrue();
        assertThat(third.deliverAt()).isEqualTo(T.plusSeconds(60));

        tenant.updateSettings(tenant.settings().withLimits(Limits.defaults().with(Settings.MESSAGES_PER_MINUTE, 2)
                .with(Settings.REJECT_OVER_RATE, true)));
        clock.advance(Duration.ofMinutes(5));
        policy.decide(submission(1, 10, printer.address(), true));
        policy.decide(submission(1, 10, printer.address(), true));
        assertThat(policy.decide(submission(1, 10, printer.address(), true)).reply())
                .isEqualTo(Replies.RECIPIENT_QUOTA_EXCEEDED);
    }

    @Test
    void continuousSendAsErrorsThrottleTheSender() {
        tenant.putMailbox(printer);
        tenant.updateSettings(tenant.settings().withLimits(Limits.defaults().with(Settings.THROTTLE_AFTER_ERRORS, 2).with(Settings.THROTTLE_FOR, Duration.ofMinutes(1))));
        policy.decide(submission(1, 10, "x@y.test", true));
        var second = policy.decide(submission(1, 10, "x@y.test", true));
        assertThat(second.throttlingStarted()).isTrue();
        assertThat(policy.decide(submission(1, 10, printer.address(), true)).reply())
                .isEqualTo(Replies.THROTTLED_SEND_AS_DENIED);
        assertThat(policy.status(printer).throttledUntil()).contains(T.plusSeconds(60));
        clock.advance(Duration.ofMinutes(1));
        assertThat(policy.decide(submission(1, 10, printer.address(), true)).accepted()).isTrue();
    }
}
