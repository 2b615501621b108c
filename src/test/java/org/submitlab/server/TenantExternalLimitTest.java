package org.submitlab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.submitlab.server.ServerFixture.SUFFIX;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.submitlab.policy.EndpointKind;
import org.submitlab.policy.Replies;
import org.submitlab.policy.Settings;
import org.submitlab.store.Delivery;

/**
 * The tenant external recipient rate limit (TERRL): over it a message is accepted and its external deliveries
 * fail with the 5.7.233 NDR (kept as failed deliveries), or, as a setting, it is refused at the end of DATA.
 */
class TenantExternalLimitTest {

    private static final String BOX = "newsletter@contoso.test";
    private static final String INSIDE = "ada@contoso.test";
    private static final String OUTSIDE = "bob@fabrikam.test";

    @TempDir
    Path dir;
    ServerFixture fx;

    @BeforeEach
    void start() throws Exception {
        // one licence: 500 × 1^0.7 + 9,500 = 10,000 external recipients a day
        fx = new ServerFixture(dir).settings(s -> s.with(Settings.LICENCES, 1)).with(ServerFixture.mailbox(BOX))
                .with(ServerFixture.mailbox(INSIDE));
        fx.build = b -> b.alsoListen(EndpointKind.HVE);
        fx.start();
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    private String send(SmtpTestClient c, String subject) throws Exception {
        return c.submit(BOX, List.of(INSIDE, OUTSIDE), SmtpTestClient.message(BOX, INSIDE, subject)).get(4);
    }

    @Test
    void overTheLimitTheMessageIsAcceptedAndItsExternalDeliveriesFailWith5_7_233() throws Exception {
        fx.server.policy().seedExternal(fx.clock.instant(), 10_000);

        try (SmtpTestClient c = fx.login(BOX)) {
            assertThat(send(c, "over")).startsWith("250 2.0.0 OK <");
        }

        assertThat(fx.store.deliveries().forRecipient(OUTSIDE)).singleElement()
                .satisfies(d -> assertThat(d.failure()).isEqualTo(Replies.TENANT_EXTERNAL_LIMIT));
        assertThat(fx.store.deliveries().forRecipient(INSIDE)).singleElement()
                .satisfies(d -> assertThat(d.failed()).isFalse());
        assertThat(fx.store.deliveries().failed()).extracting(Delivery::recipient).containsExactly(OUTSIDE);
        long message = fx.store.deliveries().forRecipient(OUTSIDE).get(0).messageId();
        assertThat(fx.store.deliveries().failedOf(message)).extracting(Delivery::recipient).containsExactly(OUTSIDE);
        assertThat(fx.store.deliveries().failedOf(message + 1)).isEmpty();
        assertThat(new org.submitlab.app.trace.MessageTrace(fx.store, false).find(org.submitlab.store.TraceQuery.all(),
                java.util.Optional.of(org.submitlab.app.trace.TraceRow.Status.FAILED))).singleElement().satisfies(r -> {
                    assertThat(r.recipient()).contains(OUTSIDE);
                    assertThat(r.reply()).isEqualTo(Replies.TENANT_EXTERNAL_LIMIT);
                    assertThat(r.reason().orElseThrow()).contains("non-delivery report");
                });
    }

    @Test
    void withinTheLimitExternalRecipientsAreDeliveredAndCounted() throws Exception {
        fx.server.policy().seedExternal(fx.clock.instant(), 9_999);

        try (SmtpTestClient c = fx.login(BOX)) {
            assertThat(send(c, "last one")).startsWith("250 2.0.0 OK <");
            assertThat(send(c, "one too many")).startsWith("250 2.0.0 OK <");
        }

        assertThat(fx.store.deliveries().forRecipient(OUTSIDE)).extracting(Delivery::failed).containsExactly(false, true);
        assertThat(fx.server.policy().externalRecipientsInWindow()).isEqualTo(10_000);
    }

    @Test
    void withTheInSessionSettingItIsRefusedAtTheEndOfData() throws Exception {
        fx.server.updateSettings(fx.server.tenant().settings().with(Settings.TERRL_IN_SESSION, true));
        fx.server.policy().seedExternal(fx.clock.instant(), 10_000);

        try (SmtpTestClient c = fx.login(BOX)) {
            List<String> replies = c.submit(BOX, List.of(INSIDE, OUTSIDE), SmtpTestClient.message(BOX, INSIDE, "x"));
            assertThat(replies.subList(0, 4)).containsExactly(Replies.SENDER_OK, Replies.RECIPIENT_OK,
                    Replies.RECIPIENT_OK, Replies.START_MAIL_INPUT);
            assertThat(replies.get(4)).matches(Pattern.quote(Replies.TENANT_EXTERNAL_LIMIT) + SUFFIX);
        }
        assertThat(fx.store.deliveries().forRecipient(OUTSIDE)).isEmpty();
    }

    @Test
    void aTrialTenantGets5_7_232() throws Exception {
        fx.server.updateSettings(fx.server.tenant().settings().with(Settings.TRIAL_TENANT, true)
                .with(Settings.TERRL_IN_SESSION, true));
        fx.server.policy().seedExternal(fx.clock.instant(), 5_000);

        try (SmtpTestClient c = fx.login(BOX)) {
            assertThat(send(c, "trial")).startsWith("550 5.7.232 Your message can't be sent");
        }
    }

    @Test
    void internalRecipientsNeverCount() throws Exception {
        fx.server.policy().seedExternal(fx.clock.instant(), 10_000);

        try (SmtpTestClient c = fx.login(BOX)) {
            assertThat(c.submit(BOX, List.of(INSIDE), SmtpTestClient.message(BOX, INSIDE, "inside")).get(3))
                    .startsWith("250 2.0.0 OK <");
        }
        assertThat(fx.store.deliveries().failed()).isEmpty();
    }

    @Test
    void theExternalWindowSurvivesARestart() throws Exception {
        try (SmtpTestClient c = fx.login(BOX)) {
            send(c, "counted");
        }
        fx.restart();

        assertThat(fx.server.policy().externalRecipientsInWindow()).isEqualTo(1);
    }
}
