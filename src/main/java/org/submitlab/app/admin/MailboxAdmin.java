package org.submitlab.app.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.submitlab.policy.LabClock;
import org.submitlab.policy.Mailbox;
import org.submitlab.policy.PasswordHasher;
import org.submitlab.policy.Tenant;
import org.submitlab.store.MailboxRepository.TokenInfo;

/**
 * The mailboxes of a tenant, as an admin changes them from the console or the command line: create, edit,
 * delete, passwords and XOAUTH2 tokens. Every change is checked before anything is saved, and a refused one
 * (an address that does not parse, a value out of range, a duplicate, a Send As grant to itself) changes
 * nothing and says why (IllegalArgumentException with the reason).
 */
public final class MailboxAdmin {

    /** A new mailbox, with its password if SubmitLab made it (shown once, never stored). */
    public record Created(MailboxView mailbox, Optional<String> generatedPassword) {
    }

    /** What removing a mailbox removed. */
    public record Removed(String address, int sentItemsRemoved, int tokensRevoked) {
    }

    /** A token as issued: the token itself (shown once) and how it is listed later. */
    public record IssuedToken(String mailbox, String token, TokenInfo info) {
    }

    private final AdminTarget target;
    private final LabClock clock;

    public MailboxAdmin(AdminTarget target, LabClock clock) {
        this.target = target;
        this.clock = clock;
    }

    public List<MailboxView> list() {
        Tenant t = tenant();
        Map<String, Long> sizes = target.store().sentItems().totalSizeByMailbox();
        List<MailboxView> out = new ArrayList<>();
        for (Mailbox m : t.mailboxes()) {
            out.add(view(m, t, sizes));
        }
        return out;
    }

    public MailboxView view(String address) {
        Mailbox m = existing(address);
        return view(m, tenant(), target.store().sentItems().totalSizeByMailbox());
    }

    /** Creates a mailbox; without a password SubmitLab makes one and returns it (the only time it is shown). */
    public Created add(String address, Optional<String> password, List<UnaryOperator<Mailbox>> edits) {
        String a = Mailbox.normalize(address);
        if (target.store().mailboxes().find(a).isPresent()) {
            throw new IllegalArgumentException("a mailbox " + a + " exists already (change it with 'mailbox set')");
        }
        Optional<String> generated = password.isPresent() ? Optional.empty() : Optional.of(Passwords.generate());
        String secret = password.orElseGet(generated::get);
        Passwords.check(secret);
        Mailbox m = apply(Mailbox.create(a, "", secret), edits);
        target.saveMailbox(m);
        return new Created(view(a), generated);
    }

    /** Applies every edit to the mailbox, then saves it; one refused edit saves nothing. */
    public MailboxView update(String address, List<UnaryOperator<Mailbox>> edits) {
        Mailbox changed = apply(existing(address), edits);
        target.saveMailbox(changed);
        return view(changed.address());
    }

    /** Sets the password, or makes one when none is given and returns it (shown once). */
    public Optional<String> setPassword(String address, Optional<String> password) {
        Mailbox m = existing(address);
        Optional<String> generated = password.isPresent() ? Optional.empty() : Optional.of(Passwords.generate());
        String secret = password.orElseGet(generated::get);
        Passwords.check(secret);
        target.saveMailbox(m.withPasswordHash(PasswordHasher.hash(secret)));
        return generated;
    }

    /** Deletes the mailbox and its tokens, and its Sent Items unless {@code keepSentItems}. */
    public Removed remove(String address, boolean keepSentItems) {
        Mailbox m = existing(address);
        int items = keepSentItems ? 0 : purgeSentItems(m.address());
        int tokens = target.store().mailboxes().revokeTokens(m.address());
        target.removeMailbox(m.address());
        return new Removed(m.address(), items, tokens);
    }

    /** Removes every Sent Items copy of the mailbox now ("purge now"); returns how many. */
    public int purgeSentItems(String address) {
        Mailbox m = existing(address);
        return target.store().sentItems().clear(m.address());
    }

    /** How long a token is valid unless told otherwise: an hour, like an Entra access token. */
    public static final Duration TOKEN_LIFETIME = Duration.ofHours(1);

    /** Issues a token valid for {@link #TOKEN_LIFETIME}. */
    public IssuedToken issueToken(String address) {
        return issueToken(address, TOKEN_LIFETIME);
    }

    /** Issues a token valid for {@code validFor} from now (the world's clock); after that XOAUTH2 gets 535 5.7.3. */
    public IssuedToken issueToken(String address, Duration validFor) {
        if (validFor == null || validFor.isNegative() || validFor.isZero()) {
            throw new IllegalArgumentException("a token must be valid for a positive duration, was " + validFor);
        }
        Mailbox m = existing(address);
        String token = PasswordHasher.newToken();
        String hash = PasswordHasher.hashToken(token);
        Instant now = clock.instant();
        Instant expires = now.plus(validFor);
        target.store().mailboxes().addToken(m.address(), hash, now, expires);
        return new IssuedToken(m.address(), token, new TokenInfo(hash, now, expires));
    }

    public List<TokenInfo> tokens(String address) {
        return target.store().mailboxes().tokens(existing(address).address());
    }

    /** Revokes the token with this id (as {@link #tokens} lists it), or every token for {@code all}; returns how many. */
    public int revokeToken(String address, String idOrAll) {
        Mailbox m = existing(address);
        if (idOrAll.equalsIgnoreCase("all")) {
            return target.store().mailboxes().revokeTokens(m.address());
        }
        int n = target.store().mailboxes().revokeToken(m.address(), idOrAll.trim());
        if (n == 0) {
            throw new IllegalArgumentException("no token " + idOrAll + " for " + m.address() + " (see 'token list')");
        }
        return n;
    }

    private Mailbox existing(String address) {
        String a = Mailbox.normalize(address);
        return target.store().mailboxes().find(a)
                .orElseThrow(() -> new IllegalArgumentException("no mailbox " + a + " (see 'mailbox list')"));
    }

    private static Mailbox apply(Mailbox m, List<UnaryOperator<Mailbox>> edits) {
        Mailbox out = m;
        for (UnaryOperator<Mailbox> e : edits) {
            out = e.apply(out);
        }
        return out;
    }

    private Tenant tenant() {
        return new Tenant(target.settings(), target.store().mailboxes().all());
    }

    private MailboxView view(Mailbox m, Tenant t, Map<String, Long> sizes) {
        return MailboxView.of(m, t, sizes.getOrDefault(m.address(), 0L), target.store().mailboxes().tokens(m.address()).size());
    }
}
