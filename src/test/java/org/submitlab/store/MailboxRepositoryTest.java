package org.submitlab.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.submitlab.policy.ClientNetwork;
import org.submitlab.policy.Mailbox;
import org.submitlab.policy.PasswordHasher;

class MailboxRepositoryTest {

    @TempDir
    Path dir;
    Store store;

    @BeforeEach
    void open() {
        store = Store.open(dir);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static Mailbox everyFieldSet() {
        return new Mailbox("Scanner@Contoso.test", "Scanner 3rd floor", "pbkdf2-sha256$1$c2FsdA==$aGFzaA==",
                Optional.of(false), Optional.of(250), Set.of("noreply@contoso.test", "alerts@contoso.test"), false,
                Optional.of(5_000_000L), Optional.of(1_000_000L),
                List.of(ClientNetwork.parse("192.0.2.0/24"), ClientNetwork.parse("2001:db8::/32")),
                Optional.of(Duration.ofDays(30)));
    }

    @Test
    void saveAndFindRoundTripEveryField() {
        Mailbox m = everyFieldSet();
        store.mailboxes().save(m);
        assertThat(store.mailboxes().find("scanner@contoso.test")).contains(m);
        assertThat(store.mailboxes().find("SCANNER@contoso.test")).contains(m);
    }

    @Test
    void emptyOptionalsRoundTripAsEmpty() {
        Mailbox m = Mailbox.create("printer@contoso.test", null, "secret");
        store.mailboxes().save(m);
        assertThat(store.mailboxes().find("printer@contoso.test")).contains(m);
    }

    @Test
    void mailboxesSurviveAReopen() {
        Mailbox m = everyFieldSet();
        store.mailboxes().save(m);
        store.close();
        store = Store.open(dir);
        assertThat(store.mailboxes().all()).containsExactly(m);
    }

    @Test
    void saveUpdatesAnExistingMailboxAndKeepsItsTokens() {
        Mailbox m = Mailbox.create("printer@contoso.test", "Printer", "secret");
        store.mailboxes().save(m);
        store.mailboxes().addToken(m.address(), PasswordHasher.hashToken("tok"));
        Mailbox updated = m.withRecipientsPerDay(Optional.of(20)).withSaveToSentItems(false)
                .withSmtpAuthEnabled(Optional.of(true));
        store.mailboxes().save(updated);
        assertThat(store.mailboxes().all()).containsExactly(updated);
        assertThat(store.mailboxes().hasToken(m.address(), PasswordHasher.hashToken("tok"))).isTrue();
    }

    @Test
    void allListsMailboxesByAddress() {
        store.mailboxes().save(Mailbox.create("b@contoso.test", null, "pw"));
        store.mailboxes().save(Mailbox.create("a@contoso.test", null, "pw"));
        assertThat(store.mailboxes().all()).extracting(Mailbox::address)
                .containsExactly("a@contoso.test", "b@contoso.test");
    }

    @Test
    void deleteRemovesTheMailboxAndItsTokensAndSaysWhetherItExisted() {
        store.mailboxes().save(Mailbox.create("a@contoso.test", null, "pw"));
        store.mailboxes().addToken("a@contoso.test", PasswordHasher.hashToken("tok"));
        assertThat(store.mailboxes().delete("A@contoso.test")).isTrue();
        assertThat(store.mailboxes().delete("a@contoso.test")).isFalse();
        assertThat(store.mailboxes().find("a@contoso.test")).isEmpty();
        store.mailboxes().save(Mailbox.create("a@contoso.test", null, "pw"));
        assertThat(store.mailboxes().hasToken("a@contoso.test", PasswordHasher.hashToken("tok"))).isFalse();
    }

    @Test
    void tokensMatchOnlyByHashAndOnlyForTheirMailbox() {
        store.mailboxes().save(Mailbox.create("a@contoso.test", null, "pw"));
        store.mailboxes().save(Mailbox.create("b@contoso.test", null, "pw"));
        String token = PasswordHasher.newToken();
        String hash = PasswordHasher.hashToken(token);
        store.mailboxes().addToken("a@contoso.test", hash, Fixtures.T0);

        assertThat(store.mailboxes().hasToken("a@contoso.test", hash)).isTrue();
        assertThat(store.mailboxes().hasToken("a@contoso.test", token)).isFalse();
        assertThat(store.mailboxes().hasToken("b@contoso.test", hash)).isFalse();
        assertThat(store.mailboxes().hasToken("a@contoso.test", PasswordHasher.hashToken("other"))).isFalse();
    }

    @Test
    void revokeTokensRemovesEveryTokenOfTheMailbox() {
        store.mailboxes().save(Mailbox.create("a@contoso.test", null, "pw"));
        store.mailboxes().addToken("a@contoso.test", PasswordHasher.hashToken("one"));
        store.mailboxes().addToken("a@contoso.test", PasswordHasher.hashToken("two"));
        assertThat(store.mailboxes().revokeTokens("a@contoso.test")).isEqualTo(2);
        assertThat(store.mailboxes().hasToken("a@contoso.test", PasswordHasher.hashToken("one"))).isFalse();
    }

    @Test
    void aTokenForAnUnknownMailboxIsRefusedClearly() {
        assertThatThrownBy(() -> store.mailboxes().addToken("ghost@contoso.test", PasswordHasher.hashToken("t")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("no mailbox ghost@contoso.test");
    }
}
