package org.submitlab.policy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every tenant setting, each defined once (see {@link Setting}): the CLI options and their help, the
 * console's property sheet, the scenario files' {@code limits} and the stored settings all read this list.
 */
public final class Settings {

    private static final long MB = 1024L * 1024L;
    private static final long GB = 1024L * MB;
    private static final long MS = 1;
    private static final long DAY = Duration.ofDays(1).toMillis();

    private static final String TENANT = "Tenant";
    private static final String LIMITS = "Limits";
    private static final String GUARDS = "Throttling and lockout";
    private static final String CONNECTIONS = "Connections";
    private static final String REPLAYS = "Incident replays";
    private static final String EXCHANGE_2026 = "Exchange as of 2026";

    // ---- the tenant's switches ----
    public static final Setting<Profile> PROFILE = tenant("profile", "Profile", Setting.Kind.CHOICE, Profile.class,
            Profile.EXCHANGE_ONLINE, 0, 0, "Exchange today: exchange-online",
            "Which Exchange Online behaviour and reply texts the endpoint uses", TenantSettings::profile);
    public static final Setting<Boolean> SMTP_AUTH = tenant("smtpAuth", "SMTP AUTH", Setting.Kind.SWITCH, Boolean.class,
            true, 0, 0, "Exchange: on, unless the tenant turned it off",
            "The tenant's SMTP AUTH switch; a mailbox's own setting wins over it", TenantSettings::smtpAuthEnabled);
    public static final Setting<String> HOST_NAME = tenant("hostName", "Host name", Setting.Kind.TEXT, String.class,
            TenantSettings.DEFAULT_HOST, 0, 0, "Exchange: a host of prod.outlook.com",
            "The name the server gives itself in the banner, replies and their suffix", TenantSettings::hostName);
    public static final Setting<Boolean> DELIVER_TO_HEADER_RECIPIENTS = tenant("deliverToHeaderRecipients",
            "Deliver to header recipients", Setting.Kind.SWITCH, Boolean.class, false, 0, 0,
            "Exchange: off (an incident of 2018)", "Replay: deliver to To/Cc header addresses too, producing the "
                    + "duplicates reported in the announcement's comments", TenantSettings::deliverToHeaderRecipients);
    public static final Setting<Boolean> REWRITE_DISPLAY_NAME = tenant("rewriteDisplayName", "Rewrite display name",
            Setting.Kind.SWITCH, Boolean.class, false, 0, 0, "Exchange: off (did it from 2018 to October 2020)",
            "Replay: replace the From display name with the mailbox's", TenantSettings::rewriteDisplayName);

    // ---- Exchange as of 2026 (spec section 7) ----
    public static final Setting<BasicAuth> BASIC_AUTH = rule("basicAuth", "Basic authentication", Setting.Kind.CHOICE,
            BasicAuth.class, BasicAuth.ENABLED, 0, 0,
            "Exchange: enabled until the end of December 2026, then disabled by default; removed in 2027 (date to come)",
            "AUTH LOGIN with a password: enabled; disabled (535 5.7.139, an admin may turn it back on); removed "
                    + "(550 5.7.30, for good). XOAUTH2 works in all three", TenantRules::basicAuth);
    public static final Setting<Boolean> LEGACY_TLS = rule("legacyTls", "Allow legacy TLS clients", Setting.Kind.SWITCH,
            Boolean.class, false, 0, 0, "Exchange: off (Set-TransportConfig -AllowLegacyTLSClients)",
            "Let TLS 1.0/1.1 clients authenticate and send on this endpoint; when off they get 421 4.7.66 "
                    + "unless they use the legacy endpoint", TenantRules::legacyTls);
    public static final Setting<SendAsCheck> SEND_AS_CHECK = rule("sendAsCheck", "Send As check",
            Setting.Kind.CHOICE, SendAsCheck.class, SendAsCheck.DATA, 0, 0, "unconfirmed for Exchange: both are logged",
            "Where a sender the mailbox may not send as is refused: after DATA (554 5.2.252) or at MAIL FROM "
                    + "(550 5.7.60)", TenantRules::sendAsCheck);
    public static final Setting<SlotModel> SLOT_MODEL = rule("slotModel", "Concurrency slot decided",
            Setting.Kind.CHOICE, SlotModel.class, SlotModel.MAIL_FROM, 0, 0,
            "unconfirmed for Exchange: both readings are plausible",
            "When a transaction's slot is decided: at MAIL FROM, or (end-of-data) one that found the limit in "
                    + "flight at MAIL FROM counts those in flight again at its end of DATA", TenantRules::slotModel);
    public static final Setting<Integer> LICENCES = rule("licences", "Licences", Setting.Kind.COUNT, Integer.class,
            100, 1, 10_000_000, "Exchange: the tenant's paid licences",
            "The tenant's licences: its external recipients per rolling 24 h are 500 × licences^0.7 + 9,500",
            TenantRules::licences);
    public static final Setting<Boolean> TRIAL_TENANT = rule("trialTenant", "Trial tenant", Setting.Kind.SWITCH,
            Boolean.class, false, 0, 0, "Exchange: trial tenants get 5,000 (5.7.232)",
            "A trial tenant: 5,000 external recipients per rolling 24 h", TenantRules::trialTenant);
    public static final Setting<Boolean> TERRL_IN_SESSION = rule("terrlInSession",
            "Refuse over the tenant external limit", Setting.Kind.SWITCH, Boolean.class, false, 0, 0,
            "unconfirmed for Exchange: it sends non-delivery reports",
            "Over the tenant external recipient limit, refuse at the end of DATA instead of accepting the message "
                    + "and failing its external deliveries with 5.7.233 non-delivery reports", TenantRules::terrlInSession);

    // ---- the limits ----
    public static final Setting<Integer> CONCURRENT_PER_MAILBOX = limit("concurrentPerMailbox",
            "Concurrent submissions per mailbox", Setting.Kind.COUNT, Integer.class, 3, 1, 1_000, "Exchange: 3",
            "Transactions of one mailbox in flight at once; the next gets 432 4.3.2 after its DATA",
            Limits::concurrentPerMailbox);
    public static final Setting<Boolean> COUNT_WHOLE_CONNECTIONS = limit("countWholeConnections",
            "Count whole connections", Setting.Kind.SWITCH, Boolean.class, false, 0, 0,
            "Exchange: transactions (its limit 'only applies when emails are actually being sent')",
            "Count authenticated connections against the limit instead of transactions", Limits::countWholeConnections);
    public static final Setting<Integer> RECIPIENTS_PER_DAY = limit("recipientsPerDay", "Recipients per day",
            Setting.Kind.COUNT, Integer.class, 10_000, 1, 10_000, "Exchange: 10,000 (RecipientLimitPerDay)",
            "Envelope recipients per mailbox per sliding 24 hours", Limits::recipientsPerDay);
    public static final Setting<Integer> MESSAGES_PER_MINUTE = limit("messagesPerMinute", "Messages per minute",
            Setting.Kind.COUNT, Integer.class, 30, 1, 100_000, "Exchange: 30",
            "Messages per mailbox per minute; above it delivery waits for the next free minute", Limits::messagesPerMinute);
    public static final Setting<Boolean> REJECT_OVER_RATE = limit("rejectOverRate", "Refuse over the rate",
            Setting.Kind.SWITCH, Boolean.class, false, 0, 0, "Exchange today: off (delays delivery)",
            "Refuse messages over the per-minute rate (the older documented behaviour) instead of delaying them",
            Limits::rejectOverRate);
    public static final Setting<Integer> RECIPIENTS_PER_MESSAGE = limit("recipientsPerMessage",
            "Recipients per message", Setting.Kind.COUNT, Integer.class, 500, 1, 1_000, "Exchange: 500",
            "Envelope recipients of one message", Limits::recipientsPerMessage);
    public static final Setting<Long> MAX_MESSAGE_SIZE = limit("maxMessageSize", "Maximum message size",
            Setting.Kind.BYTES, Long.class, 157_286_400L, 1_024, 157_286_400L, "Exchange: 157,286,400 (SIZE)",
            "The SIZE the server advertises and enforces while the body streams in, in bytes", Limits::maxMessageSize);
    public static final Setting<Long> SEND_LIMIT = limit("sendLimitBytes", "Send limit", Setting.Kind.BYTES,
            Long.class, 35 * MB, 1, 150 * MB, "Exchange: 35 MB (up to 150 MB)",
            "A mailbox's largest message, checked at the end of DATA, in bytes", Limits::sendLimitBytes);
    public static final Setting<Long> QUOTA = limit("quotaBytes", "Mailbox quota", Setting.Kind.BYTES, Long.class,
            50 * GB, 1, 100 * GB, "Exchange: 50 GB", "The mailbox size Sent Items copies count against, in bytes",
            Limits::quotaBytes);
    public static final Setting<Integer> THROTTLE_AFTER_ERRORS = limit("throttleAfterErrors",
            "Errors before throttling", Setting.Kind.COUNT, Integer.class, 10, 1, 1_000, "unconfirmed for Exchange",
            "Refusals of one kind in a row before the sender is throttled", Limits::throttleAfterErrors);
    public static final Setting<Duration> THROTTLE_FOR = limit("throttleFor", "Throttling period",
            Setting.Kind.DURATION, Duration.class, Duration.ofMinutes(15), MS, 30 * DAY, "unconfirmed for Exchange",
            "How long a throttled sender is refused", Limits::throttleFor);
    public static final Setting<Integer> LOCKOUT_AFTER_FAILURES = limit("lockoutAfterFailures",
            "Failed logins before lockout", Setting.Kind.COUNT, Integer.class, 5, 1, 1_000, "unconfirmed for Exchange",
            "Failed logins in a row that lock the account", Limits::lockoutAfterFailures);
    public static final Setting<Duration> LOCKOUT_FOR = limit("lockoutFor", "Lockout period", Setting.Kind.DURATION,
            Duration.class, Duration.ofMinutes(15), MS, 30 * DAY, "unconfirmed for Exchange",
            "How long a locked account stays locked", Limits::lockoutFor);
    public static final Setting<Duration> IDLE_TIMEOUT = limit("idleTimeout", "Idle timeout", Setting.Kind.DURATION,
            Duration.class, Duration.ofMinutes(10), MS, DAY, "Exchange: about 10 minutes",
            "An idle connection is closed after this long (real time)", Limits::idleTimeout);

    // ---- what one client may take (real time) ----
    public static final Setting<Integer> MAX_CONNECTIONS = connection("maxConnections", "Connections",
            Setting.Kind.COUNT, Integer.class, 2_000, 1, 100_000, "SubmitLab's own",
            "Connections the server holds at once; when full, the oldest idle unauthenticated one is shed "
                    + "(read when the server starts)", ConnectionLimits::maxConnections);
    public static final Setting<Integer> CONNECTIONS_PER_ADDRESS = connection("connectionsPerAddress",
            "Connections per client address", Setting.Kind.COUNT, Integer.class, 1_200, 1, 100_000,
            "SubmitLab's own; above the ~1,000 simulated devices of a preset",
            "Connections one client address (an IPv6 /64) may hold at once", ConnectionLimits::perAddress);
    public static final Setting<Duration> AUTHENTICATION_TIMEOUT = connection("authenticationTimeout",
            "Time to authenticate", Setting.Kind.DURATION, Duration.class, Duration.ofSeconds(60), MS, DAY,
            "SubmitLab's own", "A connection must have logged in this long after it opened", ConnectionLimits::authenticationTimeout);
    public static final Setting<Duration> COMMAND_LINE_TIMEOUT = connection("commandLineTimeout",
            "Time for a command line", Setting.Kind.DURATION, Duration.class, Duration.ofSeconds(30), MS, DAY,
            "SubmitLab's own", "A command line must be complete this long after its first byte",
            ConnectionLimits::commandLineTimeout);
    public static final Setting<Duration> DATA_GRACE_PERIOD = connection("dataGracePeriod", "DATA grace period",
            Setting.Kind.DURATION, Duration.class, Duration.ofSeconds(30), MS, DAY, "SubmitLab's own",
            "DATA may go at any speed this long, then it must keep the minimum rate", ConnectionLimits::dataGracePeriod);
    public static final Setting<Integer> DATA_MIN_RATE = connection("dataMinBytesPerSecond", "Minimum DATA rate",
            Setting.Kind.COUNT, Integer.class, 1_000, 1, 100_000_000, "SubmitLab's own",
            "The slowest average DATA rate kept after the grace period, in bytes a second",
            ConnectionLimits::dataMinBytesPerSecond);
    public static final Setting<Duration> SESSION_TIMEOUT = connection("sessionTimeout", "Session time limit",
            Setting.Kind.DURATION, Duration.class, Duration.ofMinutes(60), MS, 30 * DAY, "SubmitLab's own",
            "The longest a connection may stay open", ConnectionLimits::sessionTimeout);

    private static final List<Setting<?>> TENANT_SWITCHES = List.of(PROFILE, SMTP_AUTH, HOST_NAME,
            DELIVER_TO_HEADER_RECIPIENTS, REWRITE_DISPLAY_NAME);
    /** In {@link TenantRules}' component order. */
    private static final List<Setting<?>> RULE_SETTINGS = List.of(BASIC_AUTH, LEGACY_TLS, SEND_AS_CHECK, SLOT_MODEL,
            LICENCES, TRIAL_TENANT, TERRL_IN_SESSION);
    /** In {@link Limits}' component order. */
    private static final List<Setting<?>> LIMIT_SETTINGS = List.of(CONCURRENT_PER_MAILBOX, COUNT_WHOLE_CONNECTIONS,
            RECIPIENTS_PER_DAY, MESSAGES_PER_MINUTE, REJECT_OVER_RATE, RECIPIENTS_PER_MESSAGE, MAX_MESSAGE_SIZE,
            SEND_LIMIT, QUOTA, THROTTLE_AFTER_ERRORS, THROTTLE_FOR, LOCKOUT_AFTER_FAILURES, LOCKOUT_FOR, IDLE_TIMEOUT);
    /** In {@link ConnectionLimits}' component order. */
    private static final List<Setting<?>> CONNECTION_SETTINGS = List.of(MAX_CONNECTIONS, CONNECTIONS_PER_ADDRESS,
            AUTHENTICATION_TIMEOUT, COMMAND_LINE_TIMEOUT, DATA_GRACE_PERIOD, DATA_MIN_RATE, SESSION_TIMEOUT);

    private Settings() {
    }

    /** Every setting: the tenant's switches, the 2026 rules, then the limits, then the connection limits. */
    public static List<Setting<?>> all() {
        return java.util.stream.Stream.of(TENANT_SWITCHES, RULE_SETTINGS, LIMIT_SETTINGS, CONNECTION_SETTINGS)
                .flatMap(List::stream).toList();
    }

    /** The settings that live in {@link TenantRules} (Exchange as of 2026). */
    public static List<Setting<?>> rules() {
        return RULE_SETTINGS;
    }

    /** The settings that live in {@link Limits} (a scenario's {@code limits}), connection limits included. */
    public static List<Setting<?>> limits() {
        return java.util.stream.Stream.of(LIMIT_SETTINGS, CONNECTION_SETTINGS).flatMap(List::stream).toList();
    }

    public static List<Setting<?>> tenantSwitches() {
        return TENANT_SWITCHES;
    }

    public static Optional<Setting<?>> byKey(String key) {
        return all().stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /** The setting whose text is given, parsed and checked, applied to {@code s} (for a UI or CLI that has text). */
    public static <T> TenantSettings withText(TenantSettings s, Setting<T> setting, String text) {
        return setting.with(s, setting.parse(text));
    }

    /** Limits with one limit setting changed. */
    public static <T> Limits with(Limits l, Setting<T> setting, T value) {
        return setting.with(TenantSettings.defaults().withLimits(l), value).limits();
    }

    static Limits defaultLimits() {
        return new Limits(CONCURRENT_PER_MAILBOX.defaultValue(), COUNT_WHOLE_CONNECTIONS.defaultValue(),
                RECIPIENTS_PER_DAY.defaultValue(), MESSAGES_PER_MINUTE.defaultValue(), REJECT_OVER_RATE.defaultValue(),
                RECIPIENTS_PER_MESSAGE.defaultValue(), MAX_MESSAGE_SIZE.defaultValue(), SEND_LIMIT.defaultValue(),
                QUOTA.defaultValue(), THROTTLE_AFTER_ERRORS.defaultValue(), THROTTLE_FOR.defaultValue(),
                LOCKOUT_AFTER_FAILURES.defaultValue(), LOCKOUT_FOR.defaultValue(), IDLE_TIMEOUT.defaultValue(),
                defaultConnections());
    }

    static ConnectionLimits defaultConnections() {
        return new ConnectionLimits(MAX_CONNECTIONS.defaultValue(), CONNECTIONS_PER_ADDRESS.defaultValue(),
                AUTHENTICATION_TIMEOUT.defaultValue(), COMMAND_LINE_TIMEOUT.defaultValue(),
                DATA_GRACE_PERIOD.defaultValue(), DATA_MIN_RATE.defaultValue(), SESSION_TIMEOUT.defaultValue());
    }

    private static <T> Setting<T> tenant(String key, String label, Setting.Kind kind, Class<T> type, T def, long min,
            long max, String exchange, String help, Function<TenantSettings, T> get) {
        return new Setting<>(key, List.of(component(key)), label, key.startsWith("deliver") || key.startsWith("rewrite")
                ? REPLAYS : TENANT, kind, type, def, min, max, exchange, help, get);
    }

    private static <T> Setting<T> rule(String key, String label, Setting.Kind kind, Class<T> type, T def, long min,
            long max, String exchange, String help, Function<TenantRules, T> get) {
        return new Setting<>(key, List.of("rules", key), label, EXCHANGE_2026, kind, type, def, min, max, exchange,
                help, s -> get.apply(s.rules()));
    }

    private static <T> Setting<T> limit(String key, String label, Setting.Kind kind, Class<T> type, T def, long min,
            long max, String exchange, String help, Function<Limits, T> get) {
        String group = key.startsWith("throttle") || key.startsWith("lockout") ? GUARDS : LIMITS;
        return new Setting<>(key, List.of("limits", key), label, group, kind, type, def, min, max, exchange, help,
                s -> get.apply(s.limits()));
    }

    private static <T> Setting<T> connection(String key, String label, Setting.Kind kind, Class<T> type, T def,
            long min, long max, String exchange, String help, Function<ConnectionLimits, T> get) {
        String component = key.equals("connectionsPerAddress") ? "perAddress" : key;
        return new Setting<>(key, List.of("limits", "connections", component), label, CONNECTIONS, kind, type, def, min, max,
                exchange, help, s -> get.apply(s.limits().connections()));
    }

    /** The record component a tenant switch lives in (its key is what files and the CLI call it). */
    private static String component(String key) {
        return key.equals("smtpAuth") ? "smtpAuthEnabled" : key;
    }
}
