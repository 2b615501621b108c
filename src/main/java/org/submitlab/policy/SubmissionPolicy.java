package org.submitlab.policy;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * The endpoint's decisions: who may log in, whether a transaction gets a concurrency slot, and
 * what the end of DATA answers. Holds every window and counter; reads time only from the clock.
 * Replies returned here are without the diagnostic suffix (the server adds it).
 */
public final class SubmissionPolicy {

    public enum Mechanism { LOGIN, XOAUTH2 }

    /** The outcome of an AUTH: the mailbox on success, the reply line either way. */
    public record AuthResult(Optional<Mailbox> mailbox, String reply) {
        public boolean success() {
            return mailbox.isPresent();
        }
    }

    /** A concurrency slot request's outcome; {@code inUse} counts after it. */
    public record SlotGrant(boolean granted, int inUse, int limit) {
    }

    /**
     * What the end of DATA knows about a transaction.
     *
     * @param overMaxSize the body was larger than the advertised SIZE (and was discarded)
     * @param fromHeader  the address in the From header, if the message has one
     * @param holdsSlot   the transaction (or its connection) holds a concurrency slot
     * @param headerComplete the header section ended within the header size limit (else it was not read whole)
     * @param endpoint    the endpoint it came through (HVE has rules of its own)
     * @param externalRecipients envelope recipients outside the tenant's accepted domains (for TERRL)
     */
    public record Submission(String mailbox, String envelopeFrom, int recipients, long size, boolean overMaxSize,
            Optional<String> fromHeader, boolean holdsSlot, boolean headerComplete, EndpointKind endpoint,
            int externalRecipients) {

        public Submission(String mailbox, String envelopeFrom, int recipients, long size, boolean overMaxSize,
                Optional<String> fromHeader, boolean holdsSlot) {
            this(mailbox, envelopeFrom, recipients, size, overMaxSize, fromHeader, holdsSlot, true);
        }

        public Submission(String mailbox, String envelopeFrom, int recipients, long size, boolean overMaxSize,
                Optional<String> fromHeader, boolean holdsSlot, boolean headerComplete) {
            this(mailbox, envelopeFrom, recipients, size, overMaxSize, fromHeader, holdsSlot, headerComplete,
                    EndpointKind.STANDARD, 0);
        }
    }

    /**
     * The end-of-DATA decision. Accepted: {@code deliverAt} is when delivery may start (later than
     * now when the message is over the per-minute rate). Refused: {@code reply} says why. An accepted message
     * over the tenant external recipient limit has an {@code externalFailure}: the NDR its external deliveries get.
     */
    public record Decision(boolean accepted, String reply, RefusalKind kind, Instant deliverAt, boolean delayed,
            WindowEntry windowEntry, boolean throttlingStarted, WindowEntry externalEntry, String externalFailure) {

        static Decision refused(String reply, RefusalKind kind, boolean throttlingStarted) {
            return new Decision(false, reply, kind, null, false, null, throttlingStarted, null, null);
        }
    }

    private static final class MailboxState {
        final RecipientWindow window = new RecipientWindow();
        final MessageRate rate = new MessageRate();
        final ErrorThrottle throttle = new ErrorThrottle();
        final AtomicLong sentItemsBytes = new AtomicLong();
        final LongAdder accepted = new LongAdder();
        final LongAdder refused = new LongAdder();
    }

    /**
     * Checked in place of a mailbox for addresses that are none: its hash costs what a real one does. Made on the
     * first login that needs it, not when the server starts (a PBKDF2 hash is a tenth of a start).
     */
    private static final class Unknown {
        static final Mailbox MAILBOX = Mailbox.create("unknown@submitlab.invalid", null, PasswordHasher.newToken());
    }

    private final Tenant tenant;
    private final LabClock clock;
    private final ConcurrentHashMap<String, MailboxState> states = new ConcurrentHashMap<>();
    private final ConcurrencySlots slots = new ConcurrencySlots();
    private final ConcurrencySlots connections = new ConcurrencySlots();
    private final LoginLockout lockout = new LoginLockout();
    private final ConcurrentHashMap<String, String> verifiedPasswords = new ConcurrentHashMap<>();
    /** Full checks running, by fingerprint: the same password for the same hash waits for the one running. */
    private final ConcurrentHashMap<String, CompletableFuture<Boolean>> checking = new ConcurrentHashMap<>();
    /** Full (PBKDF2) checks made, for tests. */
    private final LongAdder fullChecks = new LongAdder();
    /** The tenant's external recipients in the rolling 24 hours (TERRL). */
    private final RecipientWindow external = new RecipientWindow();

    /**
     * Told which lockout or throttling state changed, so it can be kept (the server persists it); it reads
     * the state with {@link #lockoutState} or {@link #throttleState}. Called on the thread that changed it.
     */
    public interface StateListener {
        void lockoutChanged(String name);

        void throttleChanged(String mailbox);
    }

    private volatile StateListener listener = new StateListener() {
        @Override
        public void lockoutChanged(String name) {
        }

        @Override
        public void throttleChanged(String mailbox) {
        }
    };

    public SubmissionPolicy(Tenant tenant, LabClock clock) {
        this.tenant = tenant;
        this.clock = clock;
        lockout.onChange(name -> listener.lockoutChanged(name));
    }

    public void setStateListener(StateListener l) {
        this.listener = Objects.requireNonNull(l, "listener");
    }

    public Tenant tenant() {
        return tenant;
    }

    public LabClock clock() {
        return clock;
    }

    // ---- state from the store

    /** Counts recipients accepted earlier (from the persisted log) in the mailbox's window. */
    public void seedRecipients(String mailbox, Instant time, int recipients) {
        state(mailbox.toLowerCase(Locale.ROOT)).window.seed(new WindowEntry(time, recipients));
    }

    /** Counts external recipients delivered earlier (from the store) in the tenant's external window. */
    public void seedExternal(Instant time, int recipients) {
        external.seed(new WindowEntry(time, recipients));
    }

    /** External recipients in the tenant's rolling 24-hour window now. */
    public int externalRecipientsInWindow() {
        return external.used(clock.instant());
    }

    /** Sets the Sent Items size of every mailbox (counted against the quota). */
    public void setSentItemsBytes(Map<String, Long> bytesByMailbox) {
        states.values().forEach(s -> s.sentItemsBytes.set(0));
        bytesByMailbox.forEach((mailbox, bytes) -> state(mailbox).sentItemsBytes.set(bytes));
    }

    /** Restores a login lockout (or failure streak) kept from an earlier run. */
    public void seedLockout(LoginLockout.State state) {
        lockout.seed(state);
    }

    /** Restores a mailbox's continuous-error state kept from an earlier run. */
    public void seedThrottle(String mailbox, ErrorThrottle.State state) {
        state(mailbox.toLowerCase(Locale.ROOT)).throttle.seed(state);
    }

    /** The lockout state to keep for a login name (a mailbox address or any other address tried). */
    public Optional<LoginLockout.State> lockoutState(String name) {
        return lockout.state(name, clock.instant(), tenant.limits().lockoutFor());
    }

    /** The continuous-error state to keep for a mailbox. */
    public Optional<ErrorThrottle.State> throttleState(String mailbox) {
        MailboxState st = states.get(mailbox);
        return st == null ? Optional.empty() : st.throttle.state(clock.instant());
    }

    public long sentItemsBytes(String mailbox) {
        return state(mailbox).sentItemsBytes.get();
    }

    // ---- AUTH

    /** AUTH LOGIN: basic authentication with a password, on the standard endpoint. */
    public AuthResult authenticateLogin(String user, String password, InetAddress client) {
        return authenticateLogin(user, password, client, EndpointKind.STANDARD);
    }

    /** AUTH LOGIN through {@code endpoint}: HVE is not on the basic-auth timeline nor under the tenant's SMTP AUTH switch. */
    public AuthResult authenticateLogin(String user, String password, InetAddress client, EndpointKind endpoint) {
        return authenticate(Mechanism.LOGIN, user, m -> verifyPassword(m, password), client, endpoint);
    }

    /** AUTH XOAUTH2: {@code tokenKnown} tells whether (address, token hash) is a valid token of the mailbox. */
    public AuthResult authenticateToken(String user, String token, InetAddress client,
            BiPredicate<String, String> tokenKnown) {
        return authenticateToken(user, token, client, tokenKnown, EndpointKind.STANDARD);
    }

    public AuthResult authenticateToken(String user, String token, InetAddress client,
            BiPredicate<String, String> tokenKnown, EndpointKind endpoint) {
        String hash = PasswordHasher.hashToken(token == null ? "" : token);
        return authenticate(Mechanism.XOAUTH2, user, m -> tokenKnown.test(m.address(), hash), client, endpoint);
    }

    private AuthResult authenticate(Mechanism mechanism, String user, Predicate<Mailbox> valid,
            InetAddress client, EndpointKind endpoint) {
        TenantSettings settings = tenant.settings();
        String basicRefusal = settings.basicAuth().loginRefusal();
        if (mechanism == Mechanism.LOGIN && endpoint != EndpointKind.HVE && basicRefusal != null) {
            return new AuthResult(Optional.empty(), basicRefusal);
        }
        // An address that is not a mailbox goes through the same lockout and the same check as one that
        // is (a password hash, a token lookup), so neither the replies nor their timing tell them apart.
        Optional<Mailbox> found = tenant.mailbox(user);
        String name = found.map(Mailbox::address).orElseGet(() -> loginName(user));
        Limits limits = settings.limits();
        LoginLockout.Attempt attempt = lockout.begin(name, clock.instant(), limits.lockoutAfterFailures(),
                limits.lockoutFor());
        if (!attempt.admitted()) {
            return new AuthResult(Optional.empty(), Replies.AUTH_LOCKED);
        }
        boolean ok;
        try {
            ok = valid.test(found.orElseGet(() -> Unknown.MAILBOX)) && found.isPresent();
        } catch (RuntimeException e) {
            attempt.abandoned();
            throw e;
        }
        if (!ok) {
            attempt.failed(clock.instant());
            return new AuthResult(Optional.empty(), Replies.AUTH_FAILED);
        }
        attempt.succeeded();
        Mailbox m = found.get();
        // HVE works where SMTP AUTH is off for the tenant; a mailbox's own switch still applies.
        boolean smtpAuth = endpoint == EndpointKind.HVE ? m.smtpAuthEnabled().orElse(true) : tenant.smtpAuthEnabled(m);
        if (!smtpAuth) {
            return new AuthResult(Optional.empty(), m.smtpAuthEnabled().isPresent()
                    ? Replies.AUTH_DISABLED_MAILBOX : Replies.AUTH_DISABLED_TENANT);
        }
        if (!m.allowedNetworks().isEmpty() && m.allowedNetworks().stream().noneMatch(n -> n.contains(client))) {
            return new AuthResult(Optional.empty(), Replies.AUTH_DISABLED_MAILBOX);
        }
        return new AuthResult(Optional.of(m), Replies.AUTH_OK);
    }

    /** The lockout's name for a login that is not a mailbox: the address as a mailbox address would be keyed. */
    private static String loginName(String user) {
        return user.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * PBKDF2 is deliberately slow; a device logging in for every message would pay it each time.
     * A successful verification is remembered as a SHA-256 of the password bound to its hash, and a
     * password matching it is accepted at once. Anything else pays the full hash, known mailbox or not
     * ({@link Unknown#MAILBOX} stands in for addresses that are none), so a wrong guess always costs the same.
     */
    private boolean verifyPassword(Mailbox m, String password) {
        if (password == null || m.passwordHash() == null) {
            PasswordHasher.verify("", Unknown.MAILBOX.passwordHash());
            return false;
        }
        String fingerprint = sha256(m.passwordHash() + "\u0000" + password);
        String known = verifiedPasswords.get(m.passwordHash());
        if (known != null && MessageDigest.isEqual(known.getBytes(StandardCharsets.US_ASCII),
                fingerprint.getBytes(StandardCharsets.US_ASCII))) {
            return true;
        }
        // Ten printers of one mailbox starting at once would each pay the hash (a second of CPU at a run's start).
        CompletableFuture<Boolean> mine = new CompletableFuture<>();
        CompletableFuture<Boolean> running = checking.putIfAbsent(fingerprint, mine);
        if (running != null) {
            return running.join();
        }
        try {
            fullChecks.increment();
            boolean ok = PasswordHasher.verify(password, m.passwordHash()) && m != Unknown.MAILBOX;
            if (ok) {
                if (verifiedPasswords.size() > 10_000) {
                    verifiedPasswords.clear();
                }
                verifiedPasswords.put(m.passwordHash(), fingerprint);
            }
            mine.complete(ok);
            return ok;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            checking.remove(fingerprint, mine);
        }
    }

    /** Test hook: how many logins paid the full password hash. */
    long fullPasswordChecks() {
        return fullChecks.sum();
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- connections and slots

    /** An authenticated connection of the mailbox opened; returns how many it has now. */
    public int connectionOpened(String mailbox) {
        return connections.acquire(mailbox);
    }

    public int connectionClosed(String mailbox) {
        return connections.release(mailbox);
    }

    /** Asks for one of the mailbox's concurrency slots. */
    public SlotGrant acquireSlot(String mailbox) {
        int limit = tenant.limits().concurrentPerMailbox();
        int n = slots.tryAcquire(mailbox, limit);
        return n < 0 ? new SlotGrant(false, slots.inUse(mailbox), limit) : new SlotGrant(true, n, limit);
    }

    /** Gives a slot back; returns how many are in use after. */
    public int releaseSlot(String mailbox) {
        return slots.release(mailbox);
    }

    public int slotsInUse(String mailbox) {
        return slots.inUse(mailbox);
    }

    // ---- the end of DATA

    /**
     * Decides a complete submission, in this order: concurrency, throttling, size, send limit, header
     * size, recipients per message (50 on HVE), Send As, quota, recipients per day, the tenant's external
     * recipients (TERRL; not on HVE), message rate. An accepted
     * decision has already counted its recipients and rate slot; call {@link #undo} if it is not
     * committed after all, and {@link #recordAccepted} once it is.
     */
    public Decision decide(Submission s) {
        Instant now = clock.instant();
        TenantSettings settings = tenant.settings();
        Limits limits = settings.limits();
        MailboxState state = state(s.mailbox());
        Optional<Mailbox> found = tenant.mailbox(s.mailbox());
        if (found.isEmpty()) {
            return refuse(s.mailbox(), state, Replies.AUTH_FAILED, RefusalKind.OTHER, now, limits);
        }
        Mailbox m = found.get();
        if (!s.holdsSlot()) {
            return refuse(s.mailbox(), state, settings.profile().concurrencyRefusal(), RefusalKind.OTHER, now, limits);
        }
        Optional<RefusalKind> throttled = state.throttle.throttled(now);
        if (throttled.isPresent()) {
            state.refused.increment();
            return Decision.refused(throttled.get().throttledReply(), RefusalKind.OTHER, false);
        }
        if (s.overMaxSize() || s.size() > limits.maxMessageSize()) {
            return refuse(s.mailbox(), state, Replies.SIZE_EXCEEDS_FIXED_MAXIMUM, RefusalKind.OTHER, now, limits);
        }
        if (s.size() > tenant.sendLimitBytes(m)) {
            return refuse(s.mailbox(), state, Replies.SEND_LIMIT_EXCEEDED, RefusalKind.OTHER, now, limits);
        }
        if (!s.headerComplete()) {
            return refuse(s.mailbox(), state, Replies.HEADER_TOO_LARGE, RefusalKind.OTHER, now, limits);
        }
        int perMessage = s.endpoint() == EndpointKind.HVE
                ? Math.min(EndpointKind.HVE_RECIPIENTS_PER_MESSAGE, limits.recipientsPerMessage())
                : limits.recipientsPerMessage();
        if (s.recipients() > perMessage) {
            return refuse(s.mailbox(), state, Replies.TOO_MANY_RECIPIENTS, RefusalKind.TOO_MANY_RECIPIENTS, now, limits);
        }
        String envelopeFrom = s.envelopeFrom() == null ? "" : s.envelopeFrom();
        // With the check at MAIL FROM the envelope sender was refused there already; the From header is only known now.
        if (!m.maySendAs(envelopeFrom)) {
            return refuse(s.mailbox(), state, Replies.sendAsDenied(m.address(), envelopeFrom.isEmpty() ? "<>" : envelopeFrom),
                    RefusalKind.SEND_AS_DENIED, now, limits);
        }
        if (s.fromHeader().isPresent() && !m.maySendAs(s.fromHeader().get())) {
            return refuse(s.mailbox(), state, Replies.sendAsDenied(m.address(), s.fromHeader().get()),
                    RefusalKind.SEND_AS_DENIED, now, limits);
        }
        long copy = m.saveToSentItems() && s.endpoint() != EndpointKind.HVE ? s.size() : 0;
        if (state.sentItemsBytes.get() + copy > tenant.quotaBytes(m)) {
            return refuse(s.mailbox(), state, Replies.MAILBOX_FULL, RefusalKind.MAILBOX_FULL, now, limits);
        }
        Optional<WindowEntry> entry = state.window.tryAdd(now, s.recipients(), tenant.recipientsPerDay(m));
        if (entry.isEmpty()) {
            return refuse(s.mailbox(), state, Replies.RECIPIENT_QUOTA_EXCEEDED, RefusalKind.OTHER, now, limits);
        }
        // The tenant external recipient limit (TERRL); HVE is excluded from it.
        WindowEntry externalEntry = null;
        String externalFailure = null;
        if (s.externalRecipients() > 0 && s.endpoint() != EndpointKind.HVE) {
            TenantRules rules = settings.rules();
            Optional<WindowEntry> e = external.tryAdd(now, s.externalRecipients(), rules.externalRecipientLimit());
            if (e.isPresent()) {
                externalEntry = e.get();
            } else if (rules.terrlInSession()) {
                state.window.remove(entry.get());
                return refuse(s.mailbox(), state, rules.externalLimitReply(), RefusalKind.OTHER, now, limits);
            } else {
                externalFailure = rules.externalLimitReply();
            }
        }
        Instant deliverAt;
        if (limits.rejectOverRate()) {
            if (!state.rate.tryAcquire(now, limits.messagesPerMinute())) {
                state.window.remove(entry.get());
                if (externalEntry != null) {
                    external.remove(externalEntry);
                }
                return refuse(s.mailbox(), state, Replies.RECIPIENT_QUOTA_EXCEEDED, RefusalKind.OTHER, now, limits);
            }
            deliverAt = now;
        } else {
            deliverAt = state.rate.schedule(now, limits.messagesPerMinute());
        }
        return new Decision(true, null, null, deliverAt, deliverAt.isAfter(now), entry.get(), false, externalEntry,
                externalFailure);
    }

    /** Takes back what an accepted decision counted (its commit failed). Counts a refusal. */
    public void undo(String mailbox, Decision d) {
        MailboxState state = state(mailbox);
        if (d.windowEntry() != null) {
            state.window.remove(d.windowEntry());
        }
        if (d.externalEntry() != null) {
            external.remove(d.externalEntry());
        }
        if (d.deliverAt() != null) {
            state.rate.release(d.deliverAt());
        }
        state.refused.increment();
    }

    /** An accepted submission was committed; {@code sentItemsBytes} is what it adds to Sent Items. */
    public void recordAccepted(String mailbox, long sentItemsBytes) {
        MailboxState state = state(mailbox);
        state.accepted.increment();
        state.sentItemsBytes.addAndGet(sentItemsBytes);
        if (state.throttle.recordSuccess()) {
            listener.throttleChanged(mailbox);
        }
    }

    /** Counts a refusal decided outside {@link #decide} (at MAIL or RCPT, or an aborted commit). */
    public void recordRefused(String mailbox) {
        state(mailbox).refused.increment();
    }

    private Decision refuse(String mailbox, MailboxState state, String reply, RefusalKind kind, Instant now,
            Limits limits) {
        state.refused.increment();
        boolean counts = state.throttle.counts(kind, now);
        boolean started = state.throttle.recordRefusal(kind, now, limits.throttleAfterErrors(), limits.throttleFor());
        if (counts) {
            listener.throttleChanged(mailbox);
        }
        return Decision.refused(reply, kind, started);
    }

    // ---- status

    public MailboxStatus status(Mailbox m) {
        Instant now = clock.instant();
        MailboxState state = state(m.address());
        Limits limits = tenant.limits();
        List<WindowEntry> window = state.window.entries(now);
        int inWindow = window.stream().mapToInt(WindowEntry::recipients).sum();
        return new MailboxStatus(m.address(), connections.inUse(m.address()), slots.inUse(m.address()),
                limits.concurrentPerMailbox(), inWindow, tenant.recipientsPerDay(m), window,
                state.throttle.throttledUntil(now), lockout.lockedUntil(m.address(), now),
                state.accepted.sum(), state.refused.sum());
    }

    /** Every mailbox's live state, by address. */
    public List<MailboxStatus> status() {
        List<MailboxStatus> all = new ArrayList<>();
        for (Mailbox m : tenant.mailboxes()) {
            all.add(status(m));
        }
        return all;
    }

    /** When the mailbox is locked out until, if it is. */
    public Optional<Instant> lockedUntil(String mailbox) {
        return lockout.lockedUntil(Mailbox.normalize(mailbox), clock.instant());
    }

    private MailboxState state(String mailbox) {
        return states.computeIfAbsent(mailbox, k -> new MailboxState());
    }
}
