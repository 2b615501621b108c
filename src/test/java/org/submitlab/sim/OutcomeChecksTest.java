package org.submitlab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OutcomeChecksTest {

    private static AcceptedSubmission a(String id, String... rcpt) {
        return new AcceptedSubmission("printer@contoso.test", id, List.of(rcpt));
    }

    @Test
    void eachAcceptedSubmissionOnceInSentItemsPasses() {
        var check = OutcomeChecks.sentItemsExactlyOnce(List.of(a("<x.1@c>", "u1@c.test"), a("<x.2@c>", "u2@c.test")),
                List.of(a("x.2@C", "U2@c.test"), a("<x.1@c>", "u1@c.test")), Set.of());
        assertThat(check.passed()).isTrue();
    }

    @Test
    void aDuplicateInSentItemsFails() {
        var check = OutcomeChecks.sentItemsExactlyOnce(List.of(a("<x.1@c>", "u1@c.test")),
                List.of(a("<x.1@c>", "u1@c.test"), a("<x.1@c>", "u1@c.test")), Set.of());
        assertThat(check.passed()).isFalse();
        assertThat(check.detail()).contains("accepted 1x, in Sent Items 2x");
    }

    @Test
    void aMissingCopyFailsUnlessTheMailboxKeepsNone() {
        List<AcceptedSubmission> accepted = List.of(a("<x.1@c>", "u1@c.test"));
        assertThat(OutcomeChecks.sentItemsExactlyOnce(accepted, List.of(), Set.of()).passed()).isFalse();
        assertThat(OutcomeChecks.sentItemsExactlyOnce(accepted, List.of(), Set.of("printer@contoso.test")).passed())
                .isTrue();
    }

    @Test
    void perRecipientTransactionsWithOneMessageIdAreDistinguishedByEnvelope() {
        List<AcceptedSubmission> accepted = List.of(a("<t.1@c>", "a@c.test"), a("<t.1@c>", "b@c.test"));
        assertThat(OutcomeChecks.sentItemsExactlyOnce(accepted, accepted, Set.of()).passed()).isTrue();
    }

    @Test
    void deliveriesToHeaderRecipientsShowAsExtraCopies() {
        var ok = OutcomeChecks.deliveriesFollowEnvelope(Map.of("a@c.test", 1L, "b@c.test", 1L),
                Map.of("a@c.test", 1L, "b@c.test", 1L));
        var duplicated = OutcomeChecks.deliveriesFollowEnvelope(Map.of("a@c.test", 1L, "b@c.test", 1L),
                Map.of("a@c.test", 2L, "b@c.test", 2L));
        assertThat(ok.passed()).isTrue();
        assertThat(duplicated.passed()).isFalse();
        assertThat(duplicated.detail()).contains("a@c.test: addressed 1x, delivered 2x");
    }
}
