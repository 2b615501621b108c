package org.submitlab.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LimitsAndMailboxTest {

    @Test
    void defaultsAreExchangeOnlines() {
        Limits d = Limits.defaults();
        assertThat(d.concurrentPerMailbox()).isEqualTo(3);
        assertThat(d.recipientsPerDay()).isEqualTo(10_000);
        assertThat(d.messagesPerMinute()).isEqualTo(30);
        assertThat(d.recipientsPerMessage()).isEqualTo(500);
        assertThat(d.maxMessageSize()).isEqualTo(157_286_400L);
        assertThat(d.sendLimitBytes()).isEqualTo(35 * Limits.MB);
        assertThat(d.rejectOverRate()).isFalse();
    }

    @Test
    void outOfRangeLimitNamesTheSettingAndTheRange() {
        assertThatThrownBy(() -> Limits.defaults().with(Settings.RECIPIENTS_PER_DAY, 10_001))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Recipients per day must be between 1 and 10,000, was 10001");
        assertThatThrownBy(() -> Limits.defaults().with(Settings.RECIPIENTS_PER_MESSAGE, 0))
                .hasMessageContaining("Recipients per message");
    }

    @Test
    void withersChangeOnlyTheirField() {
        Limits l = Limits.defaults().with(Settings.RECIPIENTS_PER_DAY, 20).with(Settings.CONCURRENT_PER_MAILBOX, 5);
        assertThat(l.recipientsPerDay()).isEqualTo(20);
        assertThat(l.concurrentPerMailbox()).isEqualTo(5);
        assertThat(l.messagesPerMinute()).isEqualTo(30);
    }

    @Test
    void mailboxAddressIsNormalizedAndChecked() {
        Mailbox m = Mailbox.create("  Printer@Contoso.TEST ", null, "pw");
        assertThat(m.address()).isEqualTo("printer@contoso.test");
        assertThat(m.displayName()).isEqualTo("printer");
        assertThatThrownBy(() -> Mailbox.create("printer", null, "pw"))
                .hasMessageContaining("is not an email address");
    }

    @Test
    void mailboxMaySendAsItselfAndItsGrantsOnly() {
        Mailbox m = Mailbox.create("scanner@contoso.test", "Scanner", "pw").withSendAs(Set.of("Reception@Contoso.test"));
        assertThat(m.maySendAs("SCANNER@contoso.test")).isTrue();
        assertThat(m.maySendAs("reception@contoso.test")).isTrue();
        assertThat(m.maySendAs("ceo@contoso.test")).isFalse();
    }

    @Test
    void mailboxRecipientLimitOverrideIsRangeChecked() {
        Mailbox m = Mailbox.create("a@contoso.test", null, "pw");
        assertThat(m.withRecipientsPerDay(Optional.of(1)).recipientsPerDay()).contains(1);
        assertThatThrownBy(() -> m.withRecipientsPerDay(Optional.of(0))).hasMessageContaining("Recipients per day");
    }

    @Test
    void profilesAreFoundByIdWithAHelpfulError() {
        assertThat(Profile.byId("exchange-online-2018").concurrencyRefusal())
                .isEqualTo("432 4.3.2 STOREDRV.ClientSubmit; sender thread limit exceeded");
        assertThat(Profile.byId("basic-auth-off").basicAuthAllowed()).isFalse();
        assertThatThrownBy(() -> Profile.byId("gmail"))
                .hasMessage("unknown profile 'gmail'; choose one of exchange-online, exchange-online-2018, basic-auth-off");
    }

    @Test
    void replyCodesAreParsed() {
        assertThat(Replies.code(Replies.RECIPIENT_QUOTA_EXCEEDED)).isEqualTo(554);
        assertThat(Replies.enhancedCode(Replies.RECIPIENT_QUOTA_EXCEEDED)).isEqualTo("5.2.0");
        assertThat(Replies.enhancedCode(Replies.START_MAIL_INPUT)).isEmpty();
        assertThat(Replies.enhancedCode(Profile.EXCHANGE_ONLINE.concurrencyRefusal())).isEqualTo("4.3.2");
    }
}
