package org.submitlab.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.submitlab.policy.Profile;
import org.submitlab.policy.Replies;

class ReplyExplainerTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "432 4.3.2 Concurrent connections limit exceeded. Visit https://aka.ms/concurrent_sending for more information.",
            "432 4.3.2 STOREDRV.ClientSubmit; sender thread limit exceeded"})
    void concurrencyRefusalIsTemporaryAndSaysToRetryAndToSplitMailboxes(String reply) {
        ReplyExplainer.Explanation e = ReplyExplainer.explain(reply + " [HOST 2025-01-26T18:54:30.055Z 08DD]");

        assertThat(e.kind()).isEqualTo(ReplyExplainer.Kind.TEMPORARY);
        assertThat(e.remedies()).containsExactly(ReplyExplainer.RETRY_4XX, ReplyExplainer.SEPARATE_MAILBOXES);
    }

    @Test
    void recipientQuotaRefusalIsPermanentAndSuggestsBatchesAndABulkService() {
        ReplyExplainer.Explanation e = ReplyExplainer.explain(Replies.RECIPIENT_QUOTA_EXCEEDED);

        assertThat(e.kind()).isEqualTo(ReplyExplainer.Kind.PERMANENT);
        assertThat(e.title()).contains("Daily recipient limit");
        assertThat(e.remedies()).contains(ReplyExplainer.BATCHES, ReplyExplainer.BULK_SERVICE);
    }

    @Test
    void everyProfileConcurrencyTextAndCatalogueReplyHasATitle() {
        for (Profile p : Profile.values()) {
            assertThat(ReplyExplainer.explain(p.concurrencyRefusal()).title()).startsWith("Too many submissions");
        }
        for (String reply : new String[] {Replies.AUTH_FAILED, Replies.AUTH_LOCKED, Replies.AUTH_BASIC_DISABLED,
                Replies.AUTH_DISABLED_MAILBOX, Replies.NOT_AUTHENTICATED, Replies.TOO_MANY_RECIPIENTS,
                Replies.SIZE_EXCEEDS_FIXED_MAXIMUM, Replies.SEND_LIMIT_EXCEEDED, Replies.MAILBOX_FULL,
                Replies.THROTTLED_MAILBOX_FULL, Replies.sendAsDenied("a@b.test", "c@d.test")}) {
            ReplyExplainer.Explanation e = ReplyExplainer.explain(reply);
            assertThat(e.kind()).as(reply).isEqualTo(ReplyExplainer.Kind.PERMANENT);
            assertThat(e.remedies()).as(reply).isNotEmpty();
        }
    }

    @Test
    void acceptedReplyIsASuccessWithNothingToDo() {
        ReplyExplainer.Explanation e = ReplyExplainer.explain(Replies.accepted("<m1@x>", "HOST"));

        assertThat(e.kind()).isEqualTo(ReplyExplainer.Kind.SUCCESS);
        assertThat(e.remedies()).isEmpty();
        assertThat(e.asText()).contains("saved to Sent Items");
    }
}
