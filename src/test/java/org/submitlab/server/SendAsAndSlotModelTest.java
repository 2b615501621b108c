package org.submitlab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.submitlab.server.ServerFixture.SUFFIX;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.submitlab.policy.Replies;
import org.submitlab.policy.SendAsCheck;
import org.submitlab.policy.Settings;
import org.submitlab.policy.SlotModel;

/** The Send As check's phase and the two slot models, each reply pinned with the phase that gives it. */
class SendAsAndSlotModelTest {

    private static final String BOX = "busy@contoso.test";
    private static final String TO = "a@contoso.test";

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

    private void sendAsCheck(SendAsCheck where) {
        fx.server.updateSettings(fx.server.tenant().settings().with(Settings.SEND_AS_CHECK, where));
    }

    private void slotModel(SlotModel model) {
        fx.server.updateSettings(fx.server.tenant().settings().with(Settings.SLOT_MODEL, model));
    }

    @Test
    void byDefaultSendAsIsRefusedAfterTheEndOfData() throws Exception {
        try (SmtpTestClient c = fx.login(BOX)) {
            List<String> replies = c.submit("ceo@contoso.test", List.of(TO),
                    SmtpTestClient.message("ceo@contoso.test", TO, "as the ceo"));

            assertThat(replies.subList(0, 3)).containsExactly(Replies.SENDER_OK, Replies.RECIPIENT_OK,
                    Replies.START_MAIL_INPUT);
            assertThat(replies.get(3)).matches(Pattern.quote(Replies.sendAsDenied(BOX, "ceo@contoso.test")) + SUFFIX);
        }
    }

    @Test
    void withTheCheckAtMailFromSendAsIsRefusedAtMailFromWith550_5_7_60() throws Exception {
        sendAsCheck(SendAsCheck.MAIL_FROM);
        try (SmtpTestClient c = fx.login(BOX)) {
            assertThat(c.command("MAIL FROM:<ceo@contoso.test>"))
                    .matches(Pattern.quote("550 5.7.60 SMTP; Client does not have permissions to send as this sender")
                            + SUFFIX);
            assertThat(c.command("RCPT TO:<" + TO + ">")).startsWith("503 ");

            List<String> own = c.submit(BOX, List.of(TO), SmtpTestClient.message(BOX, TO, "as itself"));
            assertThat(own.get(3)).startsWith("250 2.0.0 OK <");
        }
        assertThat(fx.store.submissions().recent(Optional.of(BOX), 10))
                .anySatisfy(r -> assertThat(r.reply()).startsWith("550 5.7.60"));
    }

    @Test
    void withTheCheckAtMailFromAForeignFromHeaderIsStillRefusedAfterData() throws Exception {
        sendAsCheck(SendAsCheck.MAIL_FROM);
        try (SmtpTestClient c = fx.login(BOX)) {
            List<String> replies = c.submit(BOX, List.of(TO), SmtpTestClient.message("ceo@contoso.test", TO, "header"));

            assertThat(replies.get(0)).isEqualTo(Replies.SENDER_OK);
            assertThat(replies.get(3)).startsWith("554 5.2.252 SendAsDenied;");
        }
    }

    /** Four logged-in clients; the fourth's MAIL FROM comes while three transactions are in flight. */
    private List<String> fourthStartsWhileThreeAreInFlightAndEndsAfterThem() throws Exception {
        List<SmtpTestClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                clients.add(fx.login(BOX));
            }
            for (SmtpTestClient c : clients) {
                assertThat(c.command("MAIL FROM:<" + BOX + ">")).isEqualTo(Replies.SENDER_OK);
                assertThat(c.command("RCPT TO:<" + TO + ">")).isEqualTo(Replies.RECIPIENT_OK);
                assertThat(c.command("DATA")).isEqualTo(Replies.START_MAIL_INPUT);
            }
            List<String> ends = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                ends.add(clients.get(i).body(SmtpTestClient.message(BOX, TO, "in flight " + i)));
            }
            return ends;
        } finally {
            clients.forEach(SmtpTestClient::close);
        }
    }

    @Test
    void withTheSlotDecidedAtMailFromTheFourthGets432EvenThoughTheOthersFinishedFirst() throws Exception {
        List<String> ends = fourthStartsWhileThreeAreInFlightAndEndsAfterThem();

        assertThat(ends.subList(0, 3)).allMatch(r -> r.startsWith("250 2.0.0 OK <"));
        assertThat(ends.get(3)).matches(Pattern.quote(Replies.CONCURRENCY_LIMIT) + SUFFIX);
    }

    @Test
    void withTheSlotDecidedAtTheEndOfDataTheFourthIsAcceptedOnceTheOthersFinished() throws Exception {
        slotModel(SlotModel.END_OF_DATA);

        List<String> ends = fourthStartsWhileThreeAreInFlightAndEndsAfterThem();

        assertThat(ends).allMatch(r -> r.startsWith("250 2.0.0 OK <"));
        assertThat(fx.server.policy().slotsInUse(BOX)).isZero();
    }

    @Test
    void withTheSlotDecidedAtTheEndOfDataTheFourthEndingWhileThreeAreStillInFlightGets432() throws Exception {
        slotModel(SlotModel.END_OF_DATA);
        List<SmtpTestClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                SmtpTestClient c = fx.login(BOX);
                clients.add(c);
                c.envelope(BOX, List.of(TO));
            }

            String fourth = clients.get(3).body(SmtpTestClient.message(BOX, TO, "fourth, while three"));
            String first = clients.get(0).body(SmtpTestClient.message(BOX, TO, "first"));

            assertThat(fourth).matches(Pattern.quote(Replies.CONCURRENCY_LIMIT) + SUFFIX);
            assertThat(first).startsWith("250 2.0.0 OK <");
        } finally {
            clients.forEach(SmtpTestClient::close);
        }
    }
}
