package org.submitlab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.submitlab.server.ServerFixture.SUFFIX;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.submitlab.policy.DistributionGroup;
import org.submitlab.policy.Replies;
import org.submitlab.policy.Settings;

/** A distribution group counts as one recipient of the sender's budgets, and its members get the copies. */
class DistributionGroupTest {

    private static final String BOX = "news@contoso.test";
    private static final String GROUP = "subscribers@contoso.test";
    private static final List<String> MEMBERS = IntStream.rangeClosed(1, 600)
            .mapToObj(i -> "member" + i + "@fabrikam.test").toList();

    @TempDir
    Path dir;
    ServerFixture fx;

    @BeforeEach
    void start() throws Exception {
        // 600 members: more than the 500 recipients a message may have, and than this mailbox's 100 a day
        fx = new ServerFixture(dir).limits(l -> l.with(Settings.RECIPIENTS_PER_DAY, 100))
                .with(ServerFixture.mailbox(BOX)).start();
        fx.server.saveDistributionGroup(new DistributionGroup(GROUP, "Subscribers", MEMBERS));
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    private int mailboxWindow() {
        return fx.server.mailboxStatus().stream().filter(m -> m.address().equals(BOX)).findFirst().orElseThrow()
                .recipientsInWindow();
    }

    @Test
    void aMessageToTheGroupCountsAsOneRecipientAndReachesEveryMember() throws Exception {
        try (SmtpTestClient c = fx.login(BOX)) {
            assertThat(c.submit(BOX, List.of(GROUP), SmtpTestClient.message(BOX, GROUP, "news")).get(3))
                    .startsWith("250 2.0.0 OK <");
        }

        assertThat(mailboxWindow()).isEqualTo(1);
        assertThat(fx.store.deliveries().countByRecipient()).hasSize(600).containsEntry("member1@fabrikam.test", 1L)
                .containsEntry("member600@fabrikam.test", 1L).doesNotContainKey(GROUP);
    }

    @Test
    void theSameMembersAddressedOneByOneAreRefusedOverTheBudget() throws Exception {
        List<String> some = MEMBERS.subList(0, 101);
        try (SmtpTestClient c = fx.login(BOX)) {
            List<String> replies = c.submit(BOX, some, SmtpTestClient.message(BOX, some.get(0), "news"));
            assertThat(replies.get(replies.size() - 1)).matches(Pattern.quote(Replies.RECIPIENT_QUOTA_EXCEEDED) + SUFFIX);
            // the group still goes through: one recipient of the 100
            assertThat(c.submit(BOX, List.of(GROUP), SmtpTestClient.message(BOX, GROUP, "news")).get(3))
                    .startsWith("250 2.0.0 OK <");
        }
        assertThat(mailboxWindow()).isEqualTo(1);
    }

    @Test
    void aGroupAndOneOfItsMembersInOneMessageGiveThatMemberOneCopy() throws Exception {
        try (SmtpTestClient c = fx.login(BOX)) {
            assertThat(c.submit(BOX, List.of(GROUP, "member7@fabrikam.test"),
                    SmtpTestClient.message(BOX, GROUP, "news")).get(4)).startsWith("250 2.0.0 OK <");
        }
        assertThat(mailboxWindow()).isEqualTo(2);
        assertThat(fx.store.deliveries().forRecipient("member7@fabrikam.test")).hasSize(1);
    }

    @Test
    void aMailboxAddressCannotBeAGroup() {
        assertThatThrownBy(() -> fx.server.saveDistributionGroup(new DistributionGroup(BOX, "", MEMBERS)))
                .hasMessageContaining("is a mailbox");
    }
}
