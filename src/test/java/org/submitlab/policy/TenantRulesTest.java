package org.submitlab.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The 2026 rules: TERRL's formula, the basic-auth steps and where a date falls on Exchange's timeline. */
class TenantRulesTest {

    @ParameterizedTest(name = "{0} licences: {1}")
    @CsvSource({"1, 10000", "100, 22059", "1000, 72446", "10000, 324978"})
    void theExternalLimitIs500TimesLicencesToThe0point7Plus9500(int licences, int limit) {
        TenantRules r = TenantSettings.defaults().with(Settings.LICENCES, licences).rules();

        assertThat(r.externalRecipientLimit()).isEqualTo(limit);
        assertThat(r.externalLimitReply()).startsWith("550 5.7.233 ");
    }

    @Test
    void aTrialTenantGets5000AndCode5_7_232() {
        TenantRules r = TenantSettings.defaults().with(Settings.LICENCES, 10_000).with(Settings.TRIAL_TENANT, true)
                .rules();

        assertThat(r.externalRecipientLimit()).isEqualTo(5_000);
        assertThat(r.externalLimitReply()).startsWith("550 5.7.232 Your message can't be sent");
    }

    @Test
    void basicAuthenticationStepsForwardAndNeverBackFromRemoved() {
        assertThat(BasicAuth.ENABLED.next()).isEqualTo(BasicAuth.DISABLED);
        assertThat(BasicAuth.DISABLED.next()).isEqualTo(BasicAuth.REMOVED);
        assertThat(BasicAuth.REMOVED.next()).isEqualTo(BasicAuth.REMOVED);
        BasicAuth.checkChange(BasicAuth.DISABLED, BasicAuth.ENABLED);
        assertThatThrownBy(() -> BasicAuth.checkChange(BasicAuth.REMOVED, BasicAuth.DISABLED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be turned back on");
    }

    @Test
    void beforeTheEndOfDecember2026BasicAuthenticationWorksAndTheNextStepIsItsDefaultOff() {
        BasicAuthTimeline.Position p = BasicAuthTimeline.at(Instant.parse("2026-12-31T23:59:59Z"));

        assertThat(p.exchangeDefault()).isEqualTo(BasicAuth.ENABLED);
        assertThat(p.nextDate()).contains(BasicAuthTimeline.DISABLED_BY_DEFAULT);
        assertThat(p.next()).contains("disabled by default");
    }

    @Test
    void from2027ItIsOffByDefaultAndTheRemovalDateIsNotKnownYet() {
        BasicAuthTimeline.Position p = BasicAuthTimeline.at(Instant.parse("2027-01-01T00:00:00Z"));

        assertThat(p.exchangeDefault()).isEqualTo(BasicAuth.DISABLED);
        assertThat(p.nextDate()).isEmpty();
        assertThat(p.next()).contains("second half of 2027").contains("550 5.7.30");
    }

    @Test
    void thePreviewSaysWhatAuthLoginWouldGet() {
        assertThat(BasicAuthTimeline.preview(BasicAuth.ENABLED)).contains(Replies.AUTH_BASIC_DISABLED)
                .contains("turn it back on");
        assertThat(BasicAuthTimeline.preview(BasicAuth.DISABLED)).contains(Replies.BASIC_AUTH_NOT_SUPPORTED)
                .contains("final");
        assertThat(BasicAuthTimeline.preview(BasicAuth.REMOVED)).contains("no further step");
    }
}
