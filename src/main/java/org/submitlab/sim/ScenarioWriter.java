package org.submitlab.sim;

import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.submitlab.policy.DistributionGroup;
import org.submitlab.policy.Durations;
import org.submitlab.policy.EndpointKind;
import org.submitlab.policy.Limits;
import org.submitlab.policy.Profile;
import org.submitlab.policy.Setting;
import org.submitlab.policy.Settings;
import org.submitlab.policy.TenantRules;
import org.submitlab.policy.TenantSettings;
import org.submitlab.sim.RetryPolicy.Backoff;

/**
 * Writes a scenario as a scenario file (docs/scenarios.md) that {@link Scenarios#parse} reads back to an
 * equal {@link Scenario}. Every value is written out, defaults included, so the file means the same if a
 * default changes. Groups are written expanded: one entry per mailbox and per device, with the device's
 * already staggered schedule and no {@code count} or {@code stagger}.
 */
public final class ScenarioWriter {

    private static final Pattern ONE = Pattern.compile("(?<!\\d)0*1(?!\\d)");

    private static final ObjectWriter WRITER = JsonMapper.builder()
            .defaultPropertyInclusion(JsonInclude.Value.construct(Include.NON_NULL, Include.NON_NULL))
            .build()
            .writer(new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n")) // the same file on every system
                    .withSeparators(Separators.createDefaultInstance()
                            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)));

    private ScenarioWriter() {
    }

    /**
     * The scenario as pretty-printed scenario-file JSON. {@code s} must hold what a file can say, as the parser
     * or the console make it: addresses in normal form, values in the file's ranges.
     *
     * @throws IllegalArgumentException when a name or address contains {@code {n}} (or {@code {n:2}}, {@code {n%3}}):
     *         the parser would replace it with a number, so it cannot be written as it is
     */
    public static String toJson(Scenario s) {
        ScenarioJson.File file = new ScenarioJson.File(s.name(), s.description(), duration(s.duration()),
                duration(s.drain()), s.speed(), s.seed(), s.profile().map(Profile::id).orElse(null),
                s.limits().map(ScenarioWriter::limits).orElse(null),
                s.mailboxes().stream().map(ScenarioWriter::mailbox).toList(), pools(s.pools()),
                s.devices().stream().map(ScenarioWriter::device).toList(), s.senderThreads(),
                s.rules().map(ScenarioWriter::rules).orElse(null),
                s.relays().isEmpty() ? null : s.relays().stream().map(ScenarioWriter::relay).toList(),
                s.groups().isEmpty() ? null : s.groups().stream().map(g -> group(g, s.pools())).toList(),
                s.captions().isEmpty() ? null : s.captions().stream()
                        .map(c -> new ScenarioJson.CaptionJson(duration(c.at()), c.text())).toList());
        try {
            return WRITER.writeValueAsString(file) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the scenario DTO could not be written", e);
        }
    }

    /** Every limit, by its setting's key: numbers and switches as JSON values, durations as text. */
    private static Map<String, Object> limits(Limits l) {
        TenantSettings t = TenantSettings.defaults().withLimits(l);
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (Setting<?> setting : Settings.limits()) {
            Object v = setting.get(t);
            m.put(setting.key(), v instanceof Duration d ? Durations.formatExact(d) : v);
        }
        return m;
    }

    /** Every 2026 rule, by its setting's key: numbers and switches as JSON values, choices by their word. */
    private static Map<String, Object> rules(TenantRules r) {
        TenantSettings t = TenantSettings.defaults().withRules(r);
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (Setting<?> setting : Settings.rules()) {
            Object v = setting.get(t);
            m.put(setting.key(), v instanceof Enum<?> ? text(setting, t) : v);
        }
        return m;
    }

    private static <T> String text(Setting<T> setting, TenantSettings t) {
        return setting.format(setting.get(t));
    }

    private static ScenarioJson.MailboxJson mailbox(ScenarioMailbox m) {
        return new ScenarioJson.MailboxJson(literal("mailbox address", m.address()), null,
                literal("mailbox display name", m.displayName()), m.password(), m.recipientsPerDay().orElse(null),
                m.sendAs().isEmpty() ? null : m.sendAs().stream().sorted().toList(), m.saveToSentItems(),
                m.tokens().isEmpty() ? null : m.tokens());
    }

    private static Map<String, ScenarioJson.PoolJson> pools(Map<String, RecipientPool> pools) {
        Map<String, ScenarioJson.PoolJson> out = new TreeMap<>();
        pools.forEach((name, pool) -> {
            List<String> addresses = pool.addresses();
            String pattern = patternOf(addresses);
            out.put(name, pattern == null ? new ScenarioJson.PoolJson(addresses, null, null)
                    : new ScenarioJson.PoolJson(null, pattern, addresses.size()));
        });
        return out;
    }

    /**
     * The {n} pattern that expands to exactly these addresses, or null; keeps a pool such as the
     * newsletter's 12,000 subscribers one line instead of 12,000.
     */
    private static String patternOf(List<String> addresses) {
        if (addresses.size() < 2 || addresses.size() > ScenarioParser.MAX_POOL) {
            return null;
        }
        String first = addresses.get(0);
        Matcher one = ONE.matcher(first);
        while (one.find()) {
            int width = one.end() - one.start();
            String pattern = first.substring(0, one.start()) + (width == 1 ? "{n}" : "{n:" + width + "}")
                    + first.substring(one.end());
            if (IntStream.range(0, addresses.size())
                    .allMatch(i -> ScenarioParser.expand(pattern, i + 1).equals(addresses.get(i)))) {
                return pattern;
            }
        }
        return null;
    }

    private static ScenarioJson.RelayJson relay(Relay r) {
        return new ScenarioJson.RelayJson(r.name(), literal("relay mailbox", r.mailbox()), r.login(),
                r.password().orElse(null), r.token().orElse(null), r.maxConnections(), r.reuse(), retry(r.retry()),
                r.uploadKbps().isPresent() ? r.uploadKbps().getAsLong() : null,
                r.endpoint() == EndpointKind.STANDARD ? null : r.endpoint().id());
    }

    /** A group whose members are exactly a pool's addresses names the pool (a list of 12,000 stays one line). */
    private static ScenarioJson.GroupJson group(DistributionGroup g, Map<String, RecipientPool> pools) {
        String pool = pools.entrySet().stream().filter(e -> e.getValue().addresses().equals(g.members()))
                .map(Map.Entry::getKey).sorted().findFirst().orElse(null);
        return new ScenarioJson.GroupJson(g.address(), g.displayName().isEmpty() ? null : g.displayName(),
                pool == null ? g.members() : null, pool);
    }

    private static ScenarioJson.DeviceJson device(Device d) {
        if (d.relay().isPresent()) {
            return relayed(d);
        }
        var recipients = recipients(d.recipients());
        var message = message(d.message());
        var connection = new ScenarioJson.ConnectionJson(d.connection().reuse(), d.connection().parallel());
        return new ScenarioJson.DeviceJson(literal("device name", d.name()), null, d.kind().id(),
                literal("device mailbox", d.mailbox()), literal("device login", d.login()), d.password().orElse(null),
                d.token().orElse(null), literal("device from", d.from()), literal("device fromName", d.fromName()),
                recipients, message, schedule(d.schedule()), null, connection, retry(d.retry()), d.perRecipient(),
                d.uploadKbps().isPresent() ? d.uploadKbps().getAsLong() : null,
                d.endpoint() == EndpointKind.STANDARD ? null : d.endpoint().id(), null);
    }

    private static ScenarioJson.RecipientsJson recipients(RecipientMix r) {
        return new ScenarioJson.RecipientsJson(r.pool(), r.to(), r.cc(), r.bcc(), r.sequential() ? "sequential" : "random");
    }

    private static ScenarioJson.MessageJson message(MessageSpec m) {
        List<ScenarioJson.AttachmentJson> attachments = m.attachments().stream()
                .map(a -> new ScenarioJson.AttachmentJson(a.name(), a.contentType(), a.bytes())).toList();
        return new ScenarioJson.MessageJson(m.subject(), m.bodyBytes(), attachments.isEmpty() ? null : attachments);
    }

    /** A device behind a relay: the relay logs in, connects and retries, so those fields are not written. */
    private static ScenarioJson.DeviceJson relayed(Device d) {
        var recipients = recipients(d.recipients());
        var message = message(d.message());
        return new ScenarioJson.DeviceJson(literal("device name", d.name()), null, d.kind().id(), null, null, null,
                null, literal("device from", d.from()), literal("device fromName", d.fromName()), recipients, message,
                schedule(d.schedule()), null, null, null, d.perRecipient(), null, null, d.relay().get());
    }

    private static ScenarioJson.ScheduleJson schedule(Schedule s) {
        if (s instanceof Schedule.FixedInterval f) {
            return new ScenarioJson.ScheduleJson("fixed", duration(f.every()), duration(f.start()), count(f.count()),
                    null, null, null, null, null);
        }
        if (s instanceof Schedule.Poisson p) {
            return new ScenarioJson.ScheduleJson("poisson", null, duration(p.start()), count(p.count()), p.perHour(),
                    null, null, null, null);
        }
        if (s instanceof Schedule.Burst b) {
            return new ScenarioJson.ScheduleJson("burst", null, null, b.count(), null, duration(b.at()),
                    duration(b.spacing()), null, null);
        }
        if (s instanceof Schedule.Daily d) {
            return new ScenarioJson.ScheduleJson("daily", null, null, count(d.count()), null, null, null,
                    d.times().stream().map(LocalTime::toString).toList(), d.perTime());
        }
        throw new IllegalArgumentException("unknown schedule " + s);
    }

    private static ScenarioJson.RetryJson retry(RetryPolicy r) {
        String giveUp = r.giveUpAfter().map(ScenarioWriter::duration).orElse(null);
        Backoff b = r.backoff();
        if (b instanceof Backoff.None) {
            return new ScenarioJson.RetryJson("none", null, null, null, null, null, r.maxAttempts(), giveUp,
                    r.retryTemporary(), r.retryPermanent());
        }
        if (b instanceof Backoff.Fixed f) {
            return new ScenarioJson.RetryJson("fixed", duration(f.delay()), f.jitter(), null, null, null,
                    r.maxAttempts(), giveUp, r.retryTemporary(), r.retryPermanent());
        }
        // postfix() too is written as exponential: "postfix" would add a 5-day giveUpAfter when there is none
        if (b instanceof Backoff.Exponential e) {
            return new ScenarioJson.RetryJson("exponential", null, e.jitter(), duration(e.initial()), e.factor(),
                    duration(e.max()), r.maxAttempts(), giveUp, r.retryTemporary(), r.retryPermanent());
        }
        throw new IllegalArgumentException("unknown backoff " + b);
    }

    private static Integer count(OptionalInt count) {
        return count.isPresent() ? count.getAsInt() : null;
    }

    private static String duration(Duration d) {
        return Durations.formatExact(d);
    }

    /** The parser expands {n} in these fields even without a count, so such a value cannot be written as it is. */
    private static String literal(String field, String value) {
        if (!ScenarioParser.expand(value, 1).equals(value)) {
            throw new IllegalArgumentException(field + " '" + value + "' contains {n}, which a scenario file"
                    + " replaces with a number; it cannot be written");
        }
        return value;
    }
}
