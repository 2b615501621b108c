package org.submitlab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.submitlab.server.ServerFixture.SUFFIX;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.submitlab.policy.MailboxStatus;

/** When the store cannot commit, the device gets a 4xx (never a 250) and the mailbox's budget is untouched. */
class CommitFailureTest {

    private static final String BOX = "printer@contoso.test";

    @TempDir
    Path dir;
    ServerFixture fx;

    @BeforeEach
    void start() throws Exception {
        fx = new ServerFixture(dir).with(ServerFixture.mailbox(BOX)).start();
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void aMessageThatCannotBeStoredGets451AndUsesNoBudgetOrSlot() throws Exception {
        try (SmtpTestClient c = fx.login(BOX)) {
            fx.store.close();

            List<String> replies = c.submit(BOX, List.of("a@contoso.test", "b@contoso.test"),
                    SmtpTestClient.message(BOX, "a@contoso.test", "lost disk"));

            assertThat(replies.get(replies.size() - 1)).matches(
                    "451 4\\.3\\.0 Temporary server error: the message was not stored\\. Please try again later" + SUFFIX);
            MailboxStatus status = fx.server.mailboxStatus().stream()
                    .filter(s -> s.address().equals(BOX)).findFirst().orElseThrow();
            assertThat(status.inFlight()).isZero();
            assertThat(status.recipientsInWindow()).isZero();
            assertThat(c.command("NOOP")).startsWith("250");
        }
    }
}
