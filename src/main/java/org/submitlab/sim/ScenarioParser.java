package org.submitlab.sim;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.submitlab.policy.DistributionGroup;
import org.submitlab.policy.Durations;
import org.submitlab.policy.EndpointKind;
import org.submitlab.policy.Limits;
import org.submitlab.policy.Mailbox;
import org.submitlab.policy.Profile;
import org.submitlab.policy.Setting;
import org.submitlab.policy.Settings;
import org.submitlab.policy.TenantRules;
import org.submitlab.policy.TenantSettings;

/** Turns a bound {@link ScenarioJson.File} into a checked {@link Scenario}; errors name the field and its line. */
final class ScenarioParser {

    private static final Pattern INDEX = Pattern.compile("\\{n(?:%(\\d+))?(?::(\\d+))?\\}");
    static final int MAX_POOL = 1_000_000;
    private static final int MAX_GROUP = 100_000;

    private final String source;
    private final String text;

    ScenarioParser(String source, String text) {
        this.source = source;
        this.text = text;
    }

    /** An error at {@code pointer} (JSON pointer form), located in the text. */
    ScenarioException error(String pointer, String problem) {
        int[] at = JsonLocator.find(text, pointer);
        return new ScenarioException(source, at[0], at[1], JsonLocator.readable(pointer), problem);
    }

    Scenario parse(ScenarioJson.File f) {
        if (f == null) {
            throw error("", "the file is empty");
        }
        String name = f.name() == null || f.name().isBlank() ? "scenario" : f.name().trim();
        Duration duration = f.duration() == null ? Duration.ofHours(1) : positive("/duration", f.duration());
        Duration drain = f.drain() == null ? Duration.ofMinutes(10) : duration("/drain", f.drain());
        double speed = f.speed() == null ? 60 : f.speed();
        check("/speed", speed >= 1 && speed <= 3600, "must be between 1 and 3600, was " + speed);
        Optional<Profile> profile = f.profile() == null ? Optional.empty()
                : Optional.of(convert("/profile", () -> Profile.byId(f.profile())));
        Optional<Limits> limits = f.limits() == null ? Optional.empty() : Optional.of(limits(f.limits()));
        List<ScenarioMailbox> mailboxes = mailboxes(f.mailboxes());
        Map<String, RecipientPool> pools = pools(f.pools());
        List<Relay> relays = relays(f.relays(), mailboxes);
        List<DistributionGroup> groups = groups(f.groups(), mailboxes, pools);
        List<Device> devices = devices(f.devices(), mailboxes, pools, limits.orElse(Limits.defaults()), relays);
        int parallel = devices.stream().filter(d -> d.relay().isEmpty()).mapToInt(d -> d.connection().parallel()).sum()
                + relays.stream().mapToInt(Relay::maxConnections).sum();
        int senders = f.senderThreads() == null ? Math.max(4, Math.min(64, parallel)) : f.senderThreads();
        check("/senderThreads", senders >= 1 && senders <= 1000, "must be between 1 and 1000, was " + senders);
        Optional<TenantRules> rules = f.rules() == null ? Optional.empty() : Optional.of(rules(f.rules()));
        return new Scenario(name, f.description() == null ? "" : f.description(), duration, drain, speed,
                f.seed() == null ? 1L : f.seed(), profile, limits, mailboxes, pools, devices, senders, rules, relays,
                groups, captions(f.captions(), duration.plus(drain)));
    }

    /** Timed narration: each at a simulated time from the start, within the run, with a text of one or two lines. */
    private List<Scenario.Caption> captions(List<ScenarioJson.CaptionJson> list, Duration runLength) {
        List<Scenario.Caption> out = new java.util.ArrayList<>();
        if (list == null) {
            return out;
        }
        for (int i = 0; i < list.size(); i++) {
            String p = "/captions/" + i;
            ScenarioJson.CaptionJson c = list.get(i);
            check(p, c != null, "a caption needs at and text");
            check(p + "/at", c.at() != null, "say when the caption shows, as a time from the start like 30s or 1h");
            Duration at = duration(p + "/at", c.at());
            check(p + "/at", at.compareTo(runLength) <= 0, "is after the run's end (duration plus drain, "
                    + runLength.toSeconds() + " s)");
            check(p + "/text", c.text() != null && !c.text().isBlank(), "the caption needs a text");
            check(p + "/text", c.text().length() <= 300, "is longer than 300 characters: a banner is read in a glance");
            out.add(new Scenario.Caption(at, c.text().trim()));
        }
        return out;
    }

    /** The relays devices may hand their messages to; each submits through one mailbox with a cap on connections. */
    private List<Relay> relays(List<ScenarioJson.RelayJson> list, List<ScenarioMailbox> mailboxes) {
        List<Relay> out = new ArrayList<>();
        if (list == null) {
            return out;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            ScenarioJson.RelayJson r = list.get(i);
            String p = "/relays/" + i;
            if (r == null) {
                throw error(p, "a relay must be an object");
            }
            require(p + "/name", r.name());
            require(p + "/mailbox", r.mailbox());
            check(p + "/name", names.add(r.name()), "relay name " + r.name() + " is used twice");
            String mailbox = convert(p + "/mailbox", () -> Mailbox.normalize(r.mailbox()));
            Optional<String> token = Optional.ofNullable(r.token());
            Optional<String> password = Optional.ofNullable(r.password());
            if (password.isEmpty() && token.isEmpty()) {
                password = mailboxes.stream().filter(m -> m.address().equals(mailbox)).findFirst()
                        .map(ScenarioMailbox::password);
            }
            if (password.isEmpty() && token.isEmpty()) {
                throw error(p + "/mailbox", "mailbox " + mailbox + " is not in mailboxes, so the relay needs"
                        + " its own password or token");
            }
            int max = r.maxConnections() == null ? Relay.DEFAULT_MAX_CONNECTIONS : r.maxConnections();
            check(p + "/maxConnections", max >= 1 && max <= 1000, "must be between 1 and 1000, was " + max);
            if (r.uploadKbps() != null) {
                check(p + "/uploadKbps", r.uploadKbps() >= 1, "must be at least 1");
            }
            RetryPolicy retry = r.retry() == null ? RetryPolicy.postfix() : retry(p + "/retry", r.retry());
            EndpointKind endpoint = r.endpoint() == null ? EndpointKind.STANDARD
                    : convert(p + "/endpoint", () -> EndpointKind.byId(r.endpoint()));
            out.add(new Relay(r.name(), mailbox, r.login() == null ? mailbox : r.login(), password, token, max,
                    r.reuse() == null || r.reuse(), retry,
                    r.uploadKbps() == null ? OptionalLong.empty() : OptionalLong.of(r.uploadKbps()), endpoint));
        }
        return out;
    }

    /** Distribution groups: an address of its own, its members listed or taken from a pool (or both). */
    private List<DistributionGroup> groups(List<ScenarioJson.GroupJson> list, List<ScenarioMailbox> mailboxes,
            Map<String, RecipientPool> pools) {
        List<DistributionGroup> out = new ArrayList<>();
        if (list == null) {
            return out;
        }
        Set<String> seen = new HashSet<>();
        mailboxes.forEach(m -> seen.add(m.address()));
        for (int i = 0; i < list.size(); i++) {
            ScenarioJson.GroupJson g = list.get(i);
            String p = "/groups/" + i;
            if (g == null) {
                throw error(p, "a group must be an object");
            }
            require(p + "/address", g.address());
            String address = convert(p + "/address", () -> Mailbox.normalize(g.address()));
            check(p + "/address", seen.add(address), address + " is already a mailbox or a group");
            List<String> members = new ArrayList<>();
            if (g.members() != null) {
                for (int k = 0; k < g.members().size(); k++) {
                    String a = g.members().get(k);
                    members.add(convert(p + "/members/" + k, () -> Mailbox.normalize(a)));
                }
            }
            if (g.pool() != null) {
                RecipientPool pool = pools.get(g.pool());
                check(p + "/pool", pool != null, "no recipient pool named '" + g.pool() + "' (pools: "
                        + String.join(", ", pools.keySet()) + ")");
                members.addAll(pool.addresses());
            }
            check(p, !members.isEmpty(), "the group has no members: give members, or a pool");
            check(p, !members.contains(address), "the group cannot be a member of itself");
            out.add(new DistributionGroup(address, g.displayName() == null ? "" : g.displayName(), members));
        }
        return out;
    }

    /** A scenario's 2026 rules, each by its setting's key (basicAuth, legacyTls, sendAsCheck, ...). */
    private TenantRules rules(Map<String, Object> j) {
        TenantSettings t = TenantSettings.defaults();
        for (Map.Entry<String, Object> e : j.entrySet()) {
            String p = "/rules/" + e.getKey();
            Setting<?> setting = Settings.rules().stream().filter(x -> x.key().equals(e.getKey())).findFirst()
                    .orElseThrow(() -> error(p, "unknown rule '" + e.getKey() + "'; known rules: "
                            + Settings.rules().stream().map(Setting::key).collect(java.util.stream.Collectors.joining(", "))));
            if (e.getValue() == null || e.getValue() instanceof Map || e.getValue() instanceof List) {
                throw error(p, "must be a number, true or false, or one of the setting's words");
            }
            try {
                t = Settings.withText(t, setting, String.valueOf(e.getValue()));
            } catch (IllegalArgumentException ex) {
                throw error(p, ex.getMessage());
            }
        }
        return t.rules();
    }

    /** A scenario's limits: any limit setting by its key (see docs/scenarios.md); the others keep their defaults. */
    private Limits limits(Map<String, Object> j) {
        TenantSettings t = TenantSettings.defaults();
        for (Map.Entry<String, Object> e : j.entrySet()) {
            String p = "/limits/" + e.getKey();
            Setting<?> setting = Settings.limits().stream().filter(x -> x.key().equals(e.getKey())).findFirst()
                    .orElseThrow(() -> error(p, "unknown limit '" + e.getKey() + "'; known limits: "
                            + Settings.limits().stream().map(Setting::key).collect(java.util.stream.Collectors.joining(", "))));
            if (e.getValue() == null || e.getValue() instanceof Map || e.getValue() instanceof List) {
                throw error(p, "must be a number, true or false, or a duration like 15m");
            }
            try {
                t = Settings.withText(t, setting, String.valueOf(e.getValue()));
            } catch (IllegalArgumentException ex) {
                throw error(p, ex.getMessage());
            }
        }
        return t.limits();
    }

    private List<ScenarioMailbox> mailboxes(List<ScenarioJson.MailboxJson> list) {
        List<ScenarioMailbox> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        if (list == null) {
            return out;
        }
        for (int i = 0; i < list.size(); i++) {
            ScenarioJson.MailboxJson m = list.get(i);
            String p = "/mailboxes/" + i;
            if (m == null) {
                throw error(p, "a mailbox must be an object");
            }
            require(p + "/address", m.address());
            require(p + "/password", m.password());
            int count = count(p + "/count", m.count());
            check(p + "/address", count == 1 || m.address().contains("{n"),
                    "with count " + count + " the address needs {n} (e.g. app{n}@contoso.test)");
            for (int n = 1; n <= count; n++) {
                int index = n;
                String address = convert(p + "/address", () -> Mailbox.normalize(expand(m.address(), index)));
                check(p + "/address", seen.add(address), "mailbox " + address + " is declared twice");
                if (m.recipientsPerDay() != null) {
                    int r = m.recipientsPerDay();
                    check(p + "/recipientsPerDay", r >= 1 && r <= 10_000, "must be between 1 and 10000, was " + r);
                }
                Set<String> sendAs = new HashSet<>();
                if (m.sendAs() != null) {
                    for (int k = 0; k < m.sendAs().size(); k++) {
                        String a = m.sendAs().get(k);
                        sendAs.add(convert(p + "/sendAs/" + k, () -> Mailbox.normalize(a)));
                    }
                }
                out.add(new ScenarioMailbox(address, m.displayName() == null ? "" : expand(m.displayName(), index),
                        m.password(), Optional.ofNullable(m.recipientsPerDay()), sendAs,
                        m.saveToSentItems() == null || m.saveToSentItems(),
                        m.tokens() == null ? List.of() : m.tokens()));
            }
        }
        return out;
    }

    private Map<String, RecipientPool> pools(Map<String, ScenarioJson.PoolJson> map) {
        Map<String, RecipientPool> out = new LinkedHashMap<>();
        if (map == null) {
            return out;
        }
        for (Map.Entry<String, ScenarioJson.PoolJson> e : map.entrySet()) {
            String p = "/pools/" + e.getKey();
            ScenarioJson.PoolJson j = e.getValue();
            if (j == null) {
                throw error(p, "a pool must be an object with addresses, or pattern and size");
            }
            List<String> addresses = new ArrayList<>();
            if (j.addresses() != null) {
                for (int k = 0; k < j.addresses().size(); k++) {
                    String a = j.addresses().get(k);
                    addresses.add(convert(p + "/addresses/" + k, () -> Mailbox.normalize(a)));
                }
            }
            if (j.pattern() != null) {
                check(p + "/size", j.size() != null, "a pattern needs a size (how many addresses)");
                check(p + "/size", j.size() >= 1 && j.size() <= MAX_POOL, "must be between 1 and " + MAX_POOL);
                check(p + "/pattern", j.pattern().contains("{n"), "the pattern needs {n}, e.g. user{n}@fabrikam.test");
                for (int n = 1; n <= j.size(); n++) {
                    int index = n;
                    addresses.add(convert(p + "/pattern", () -> Mailbox.normalize(expand(j.pattern(), index))));
                }
            }
            check(p, !addresses.isEmpty(), "the pool has no addresses: give addresses, or pattern and size");
            out.put(e.getKey(), new RecipientPool(e.getKey(), addresses));
        }
        return out;
    }

    private List<Device> devices(List<ScenarioJson.DeviceJson> list, List<ScenarioMailbox> mailboxes,
            Map<String, RecipientPool> pools, Limits limits, List<Relay> relays) {
        check("/devices", list != null && !list.isEmpty(), "a scenario needs at least one device");
        Map<String, ScenarioMailbox> byAddress = new LinkedHashMap<>();
        mailboxes.forEach(m -> byAddress.put(m.address(), m));
        List<Device> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            ScenarioJson.DeviceJson d = list.get(i);
            String p = "/devices/" + i;
            if (d == null) {
                throw error(p, "a device must be an object");
            }
            require(p + "/name", d.name());
            Relay relay = relay(p, d, relays);
            if (relay == null) {
                require(p + "/mailbox", d.mailbox());
            }
            int count = count(p + "/count", d.count());
            check(p + "/name", count == 1 || d.name().contains("{n"),
                    "with count " + count + " the name needs {n} (e.g. mfp-{n:2})");
            DeviceKind kind = d.kind() == null ? DeviceKind.CUSTOM : convert(p + "/kind", () -> DeviceKind.byId(d.kind()));
            Duration stagger = d.stagger() == null ? Duration.ZERO : duration(p + "/stagger", d.stagger());
            RetryPolicy retry = retry(p + "/retry", d.retry());
            ConnectionMode connection = connection(p + "/connection", d.connection());
            MessageSpec message = message(p + "/message", d.message());
            check(p + "/schedule", d.schedule() != null, "the device needs a schedule");
            check(p + "/recipients", d.recipients() != null, "the device needs recipients (a pool and how many)");
            RecipientMix mix = recipients(p + "/recipients", d.recipients(), pools, limits);
            if (d.uploadKbps() != null) {
                check(p + "/uploadKbps", d.uploadKbps() >= 1, "must be at least 1");
            }
            EndpointKind endpoint = d.endpoint() == null ? EndpointKind.STANDARD
                    : convert(p + "/endpoint", () -> EndpointKind.byId(d.endpoint()));
            for (int n = 1; n <= count; n++) {
                int index = n;
                String name = expand(d.name(), n);
                check(p + "/name", names.add(name), "device name " + name + " is used twice");
                check(p + "/name", relays.stream().noneMatch(r -> r.name().equals(name)),
                        "device name " + name + " is the name of a relay");
                Schedule schedule = schedule(p + "/schedule", d.schedule(), stagger.multipliedBy(n - 1L));
                String fromName = d.fromName() == null ? name : expand(d.fromName(), n);
                if (relay != null) {
                    // it hands its messages to the relay: the relay's mailbox, login and secret submit them
                    String from = d.from() == null ? relay.mailbox()
                            : convert(p + "/from", () -> Mailbox.normalize(expand(d.from(), index)));
                    out.add(new Device(name, kind, relay.mailbox(), relay.login(), relay.password(), relay.token(), from,
                            fromName, mix, message, schedule, ConnectionMode.perMessage(), RetryPolicy.none(),
                            d.perRecipient() != null && d.perRecipient(), OptionalLong.empty(), relay.endpoint(),
                            Optional.of(relay.name())));
                    continue;
                }
                String mailbox = convert(p + "/mailbox", () -> Mailbox.normalize(expand(d.mailbox(), index)));
                String login = d.login() == null ? mailbox : expand(d.login(), n);
                String from = d.from() == null ? mailbox
                        : convert(p + "/from", () -> Mailbox.normalize(expand(d.from(), index)));
                Optional<String> token = Optional.ofNullable(d.token());
                Optional<String> password = Optional.ofNullable(d.password());
                // a token device has no password (as Device says), so a written scenario can say so
                if (password.isEmpty() && token.isEmpty() && byAddress.containsKey(mailbox)) {
                    password = Optional.of(byAddress.get(mailbox).password());
                }
                if (password.isEmpty() && token.isEmpty()) {
                    throw error(p + "/mailbox", "mailbox " + mailbox + " is not in mailboxes, so the device needs"
                            + " its own password or token");
                }
                out.add(new Device(name, kind, mailbox, login, password, token, from, fromName, mix, message,
                        schedule, connection,
                        retry, d.perRecipient() != null && d.perRecipient(),
                        d.uploadKbps() == null ? OptionalLong.empty() : OptionalLong.of(d.uploadKbps()), endpoint));
            }
        }
        return out;
    }

    /**
     * The relay a device hands its messages to, or null. Behind a relay the device does not log in nor retry: the
     * fields that say how it would are errors, so a file never seems to mean what it does not.
     */
    private Relay relay(String p, ScenarioJson.DeviceJson d, List<Relay> relays) {
        if (d.relay() == null) {
            return null;
        }
        Relay relay = relays.stream().filter(r -> r.name().equals(d.relay())).findFirst().orElseThrow(() -> error(
                p + "/relay", "no relay named '" + d.relay() + "'" + (relays.isEmpty() ? " (the scenario has no relays)"
                        : " (relays: " + String.join(", ", relays.stream().map(Relay::name).toList()) + ")")));
        Map<String, Object> own = new LinkedHashMap<>();
        own.put("login", d.login());
        own.put("password", d.password());
        own.put("token", d.token());
        own.put("connection", d.connection());
        own.put("retry", d.retry());
        own.put("uploadKbps", d.uploadKbps());
        own.put("endpoint", d.endpoint());
        for (Map.Entry<String, Object> e : own.entrySet()) {
            check(p + "/" + e.getKey(), e.getValue() == null, "a device behind relay " + relay.name()
                    + " hands its messages to the relay, which logs in, connects and retries: set " + e.getKey()
                    + " on the relay instead");
        }
        if (d.mailbox() != null) {
            String mailbox = convert(p + "/mailbox", () -> Mailbox.normalize(d.mailbox()));
            check(p + "/mailbox", mailbox.equals(relay.mailbox()), "behind relay " + relay.name()
                    + " the device sends through the relay's mailbox " + relay.mailbox() + "; leave mailbox out");
        }
        return relay;
    }

    private RecipientMix recipients(String p, ScenarioJson.RecipientsJson r, Map<String, RecipientPool> pools,
            Limits limits) {
        require(p + "/pool", r.pool());
        RecipientPool pool = pools.get(r.pool());
        if (pool == null) {
            throw error(p + "/pool", "no recipient pool named '" + r.pool() + "' (pools: "
                    + String.join(", ", pools.keySet()) + ")");
        }
        int to = r.to() == null ? (r.cc() == null && r.bcc() == null ? 1 : 0) : r.to();
        int cc = r.cc() == null ? 0 : r.cc();
        int bcc = r.bcc() == null ? 0 : r.bcc();
        check(p + "/to", to >= 0 && cc >= 0 && bcc >= 0 && to + cc + bcc >= 1,
                "to, cc and bcc must not be negative and add up to at least 1");
        boolean sequential = false;
        if (r.pick() != null) {
            check(p + "/pick", r.pick().equals("random") || r.pick().equals("sequential"),
                    "must be random or sequential, was '" + r.pick() + "'");
            sequential = r.pick().equals("sequential");
        }
        check(p + "/to", sequential || to + cc + bcc <= pool.addresses().size(),
                (to + cc + bcc) + " recipients per message, but pool '" + r.pool() + "' has only "
                        + pool.addresses().size() + " addresses");
        return new RecipientMix(r.pool(), to, cc, bcc, sequential);
    }

    private MessageSpec message(String p, ScenarioJson.MessageJson m) {
        if (m == null) {
            return MessageSpec.plain("{device} message {seq}");
        }
        int body = m.bodyBytes() == null ? 200 : m.bodyBytes();
        check(p + "/bodyBytes", body >= 0 && body <= 150_000_000, "must be between 0 and 150000000");
        List<MessageSpec.Attachment> attachments = new ArrayList<>();
        if (m.attachments() != null) {
            for (int k = 0; k < m.attachments().size(); k++) {
                ScenarioJson.AttachmentJson a = m.attachments().get(k);
                String ap = p + "/attachments/" + k;
                require(ap + "/bytes", a.bytes());
                check(ap + "/bytes", a.bytes() >= 0 && a.bytes() <= 150_000_000, "must be between 0 and 150000000");
                attachments.add(new MessageSpec.Attachment(a.name() == null ? "attachment-" + (k + 1) + ".bin" : a.name(),
                        a.contentType() == null ? "application/octet-stream" : a.contentType(), a.bytes()));
            }
        }
        return new MessageSpec(m.subject() == null ? "{device} message {seq}" : m.subject(), body, attachments);
    }

    private ConnectionMode connection(String p, ScenarioJson.ConnectionJson c) {
        if (c == null) {
            return ConnectionMode.perMessage();
        }
        int parallel = c.parallel() == null ? 1 : c.parallel();
        check(p + "/parallel", parallel >= 1 && parallel <= 1000, "must be between 1 and 1000, was " + parallel);
        return new ConnectionMode(c.reuse() != null && c.reuse(), parallel);
    }

    private Schedule schedule(String p, ScenarioJson.ScheduleJson s, Duration shift) {
        require(p + "/type", s.type());
        OptionalInt count = OptionalInt.empty();
        if (s.count() != null) {
            check(p + "/count", s.count() >= 1, "must be at least 1, was " + s.count());
            count = OptionalInt.of(s.count());
        }
        Duration start = (s.start() == null ? Duration.ZERO : duration(p + "/start", s.start())).plus(shift);
        switch (s.type()) {
            case "fixed":
                require(p + "/every", s.every());
                return new Schedule.FixedInterval(positive(p + "/every", s.every()), start, count);
            case "poisson":
                require(p + "/perHour", s.perHour());
                check(p + "/perHour", s.perHour() > 0, "must be positive, was " + s.perHour());
                return new Schedule.Poisson(s.perHour(), start, count);
            case "burst": {
                require(p + "/count", s.count());
                Duration at = (s.at() == null ? Duration.ZERO : duration(p + "/at", s.at())).plus(shift);
                Duration spacing = s.spacing() == null ? Duration.ZERO : duration(p + "/spacing", s.spacing());
                return new Schedule.Burst(s.count(), at, spacing);
            }
            case "daily": {
                check(p + "/times", s.times() != null && !s.times().isEmpty(), "a daily schedule needs times, e.g. [\"08:00\"]");
                List<LocalTime> times = new ArrayList<>();
                for (int k = 0; k < s.times().size(); k++) {
                    String t = s.times().get(k);
                    try {
                        times.add(LocalTime.parse(t).plus(shift));
                    } catch (DateTimeParseException | NullPointerException e) {
                        throw error(p + "/times/" + k, "'" + t + "' is not a time of day like 08:30");
                    }
                }
                int perTime = s.perTime() == null ? 1 : s.perTime();
                check(p + "/perTime", perTime >= 1, "must be at least 1");
                return new Schedule.Daily(times, perTime, count);
            }
            default:
                throw error(p + "/type", "unknown schedule type '" + s.type() + "'; choose fixed, poisson, burst or daily");
        }
    }

    private RetryPolicy retry(String p, ScenarioJson.RetryJson r) {
        if (r == null) {
            return RetryPolicy.none();
        }
        String policy = r.policy() == null ? "none" : r.policy();
        double jitter = r.jitter() == null ? 0 : r.jitter();
        check(p + "/jitter", jitter >= 0 && jitter <= 1, "must be between 0 and 1, was " + jitter);
        RetryPolicy.Backoff backoff;
        int defaultAttempts;
        Optional<Duration> defaultGiveUp = Optional.empty();
        switch (policy) {
            case "none" -> {
                backoff = new RetryPolicy.Backoff.None();
                defaultAttempts = 1;
            }
            case "fixed" -> {
                require(p + "/delay", r.delay());
                backoff = new RetryPolicy.Backoff.Fixed(duration(p + "/delay", r.delay()), jitter);
                defaultAttempts = RetryPolicy.DEFAULT_ATTEMPTS;
            }
            case "exponential", "postfix" -> {
                boolean postfix = policy.equals("postfix");
                Duration initial = r.initial() == null ? RetryPolicy.POSTFIX_INITIAL : positive(p + "/initial", r.initial());
                Duration max = r.max() == null ? RetryPolicy.POSTFIX_MAX : positive(p + "/max", r.max());
                double factor = r.factor() == null ? RetryPolicy.POSTFIX_FACTOR : r.factor();
                check(p + "/factor", factor >= 1, "must be at least 1, was " + factor);
                check(p + "/max", max.compareTo(initial) >= 0, "must not be below initial");
                backoff = new RetryPolicy.Backoff.Exponential(initial, factor, max,
                        r.jitter() == null && postfix ? RetryPolicy.POSTFIX_JITTER : jitter);
                defaultAttempts = postfix ? RetryPolicy.POSTFIX_ATTEMPTS : RetryPolicy.DEFAULT_ATTEMPTS;
                if (postfix) {
                    defaultGiveUp = Optional.of(RetryPolicy.POSTFIX_GIVE_UP);
                }
            }
            default -> throw error(p + "/policy",
                    "unknown retry policy '" + policy + "'; choose none, fixed, exponential or postfix");
        }
        int attempts = r.maxAttempts() == null ? defaultAttempts : r.maxAttempts();
        check(p + "/maxAttempts", attempts >= 1, "must be at least 1, was " + attempts);
        Optional<Duration> giveUp = r.giveUpAfter() == null ? defaultGiveUp
                : Optional.of(positive(p + "/giveUpAfter", r.giveUpAfter()));
        boolean temporary = r.retryTemporary() == null || r.retryTemporary();
        boolean permanent = r.retryPermanent() != null && r.retryPermanent();
        return new RetryPolicy(backoff, attempts, giveUp, temporary, permanent);
    }

    private int count(String p, Integer count) {
        int c = count == null ? 1 : count;
        check(p, c >= 1 && c <= MAX_GROUP, "must be between 1 and " + MAX_GROUP + ", was " + c);
        return c;
    }

    private Duration duration(String p, String text) {
        Duration d = convert(p, () -> Durations.parse(text));
        check(p, !d.isNegative(), "must not be negative");
        return d;
    }

    private Duration positive(String p, String text) {
        Duration d = duration(p, text);
        check(p, !d.isZero(), "must be longer than zero");
        return d;
    }

    private void require(String p, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw error(p, "is missing");
        }
    }

    private void check(String p, boolean ok, String problem) {
        if (!ok) {
            throw error(p, problem);
        }
    }

    private <T> T convert(String p, Supplier<T> conversion) {
        try {
            return conversion.get();
        } catch (IllegalArgumentException e) {
            throw error(p, e.getMessage());
        }
    }

    /** Replaces {n}, {n:3} (zero-padded) and {n%10} (1-based, cycling) with the group index. */
    static String expand(String template, int n) {
        Matcher m = INDEX.matcher(template);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            int value = m.group(1) == null ? n : (n - 1) % Math.max(1, Integer.parseInt(m.group(1))) + 1;
            String s = Integer.toString(value);
            if (m.group(2) != null) {
                s = "0".repeat(Math.max(0, Integer.parseInt(m.group(2)) - s.length())) + s;
            }
            m.appendReplacement(b, s);
        }
        m.appendTail(b);
        return b.toString();
    }
}
