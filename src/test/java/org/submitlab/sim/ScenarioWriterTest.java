package org.submitlab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Duration;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.submitlab.policy.BasicAuth;
import org.submitlab.policy.EndpointKind;
import org.submitlab.policy.Limits;
import org.submitlab.policy.Profile;
import org.submitlab.policy.SendAsCheck;
import org.submitlab.policy.Settings;
import org.submitlab.policy.TenantRules;
import org.submitlab.policy.TenantSettings;
import org.submitlab.sim.RetryPolicy.Backoff;
import org.submitlab.ui.devices.ScenarioDraft.Edit;
import org.submitlab.ui.devices.ScenarioDraft.RetryChoice;
import org.submitlab.ui.devices.ScenarioDraft;

class ScenarioWriterTest {

    private static final ScenarioMailbox PRINTERS = new ScenarioMailbox("printer@contoso.test", "Contoso Printers",
            "pw-1", Optional.empty(), Set.of(), true, List.of());
    private static final ScenarioMailbox APPS = new ScenarioMailbox("app@contoso.test", "", "pw-2", Optional.of(250),
            Set.of("alerts@contoso.test", "noc@contoso.test"), false, List.of("token-a", "token-b"));
    private static final Map<String, RecipientPool> POOLS = Map.of(
            "staff", new RecipientPool("staff", List.of("user1@contoso.test", "user2@contoso.test", "user3@contoso.test")),
            "oncall", new RecipientPool("oncall", List.of("oncall@contoso.test", "noc@contoso.test")));
    private static final Schedule EVERY_40S = new Schedule.FixedInterval(Duration.ofSeconds(40), Duration.ZERO,
            OptionalInt.empty());

    private static Scenario readBack(Scenario s) {
        return Scenarios.parse(ScenarioWriter.toJson(s), "written.json");
    }

    private static Device printer(String name, Schedule schedule, RetryPolicy retry) {
        return new Device(name, DeviceKind.PRINTER, PRINTERS.address(), PRINTERS.address(), Optional.of("pw-1"),
                Optional.empty(), PRINTERS.address(), name, new RecipientMix("staff", 1, 0, 0, false),
                MessageSpec.plain("Scan {seq}"), schedule, ConnectionMode.perMessage(), retry, false, OptionalLong.empty());
    }

    private static Scenario scenario(Optional<Profile> profile, Optional<Limits> limits, List<Device> devices) {
        return new Scenario("built in code", "", Duration.ofMinutes(90), Duration.ZERO, 1.5, -7L, profile, limits,
                List.of(PRINTERS, APPS), POOLS, devices, 3);
    }

    private static Scenario scenario(Device... devices) {
        return scenario(Optional.empty(), Optional.empty(), List.of(devices));
    }

    static List<String> presets() {
        return Scenarios.presetNames();
    }

    @ParameterizedTest
    @MethodSource("presets")
    void everyPresetReadsBackEqual(String name) {
        Scenario preset = Scenarios.preset(name);
        assertThat(readBack(preset)).isEqualTo(preset);
    }

    static Stream<Schedule> schedules() {
        return Stream.of(EVERY_40S,
                new Schedule.FixedInterval(Duration.ofMillis(1500), Duration.ofNanos(1), OptionalInt.of(3)),
                new Schedule.Poisson(1.0 / 3, Duration.ofMinutes(5), OptionalInt.empty()),
                new Schedule.Poisson(120, Duration.ZERO, OptionalInt.of(10)),
                new Schedule.Burst(50, Duration.ofSeconds(30), Duration.ZERO),
                new Schedule.Burst(1, Duration.ZERO, Duration.ofMillis(250)),
                new Schedule.Daily(List.of(LocalTime.of(17, 30), LocalTime.of(8, 0), LocalTime.of(23, 59, 59, 1)), 2,
                        OptionalInt.empty()),
                new Schedule.Daily(List.of(LocalTime.MIDNIGHT), 1, OptionalInt.of(4)));
    }

    @ParameterizedTest
    @MethodSource("schedules")
    void everyScheduleKindReadsBackEqual(Schedule schedule) {
        Scenario s = scenario(printer("mfp-1", schedule, RetryPolicy.none()));
        assertThat(readBack(s)).isEqualTo(s);
    }

    static Stream<RetryPolicy> retryPolicies() {
        return Stream.of(RetryPolicy.none(), RetryPolicy.fixed(Duration.ofSeconds(60), 0.2, 5), RetryPolicy.postfix(),
                RetryPolicy.fixed(Duration.ofHours(1), 0, 48).withGiveUpAfter(Duration.ofDays(2)).withRetryPermanent(true),
                new RetryPolicy(new Backoff.Exponential(Duration.ofSeconds(1), Math.PI, Duration.ofHours(1), 0.1 + 0.2),
                        7, Optional.empty(), false, true),
                new RetryPolicy(new Backoff.None(), 3, Optional.of(Duration.ofMinutes(30)), true, true),
                new RetryPolicy(new Backoff.Fixed(Duration.ZERO, 1), 2, Optional.of(Duration.ofMillis(1)), true, false));
    }

    @ParameterizedTest
    @MethodSource("retryPolicies")
    void everyBackoffKindReadsBackEqual(RetryPolicy retry) {
        Scenario s = scenario(printer("mfp-1", EVERY_40S, retry));
        assertThat(readBack(s)).isEqualTo(s);
    }

    @Test
    void passwordsAndTokensReadBackEqual() {
        Device base = printer("mailbox-password", EVERY_40S, RetryPolicy.none());
        Device ownPassword = withCredentials(base, "own-password", "app@contoso.test", Optional.of("other"),
                Optional.empty());
        Device tokenOnly = withCredentials(base, "token-only", "app@contoso.test", Optional.empty(),
                Optional.of("token-a"));
        Device both = withCredentials(base, "password-and-token", "app@contoso.test", Optional.of("pw-2"),
                Optional.of("token-b"));
        Device elsewhere = withCredentials(base, "not-a-scenario-mailbox", "fax@fabrikam.test", Optional.empty(),
                Optional.of("token-c"));
        Scenario s = scenario(base, ownPassword, tokenOnly, both, elsewhere);

        assertThat(readBack(s)).isEqualTo(s);
    }

    private static Device withCredentials(Device d, String name, String mailbox, Optional<String> password,
            Optional<String> token) {
        return new Device(name, DeviceKind.APP, mailbox, "LOGIN-" + mailbox, password, token, "alerts@contoso.test",
                "From " + name, d.recipients(), d.message(), d.schedule(), d.connection(), d.retry(), d.perRecipient(),
                d.uploadKbps());
    }

    @Test
    void theRulesOfExchangeAsOf2026ReadBackEqual() {
        TenantRules rules = TenantSettings.defaults().with(Settings.BASIC_AUTH, BasicAuth.DISABLED)
                .with(Settings.SEND_AS_CHECK, SendAsCheck.MAIL_FROM).with(Settings.LICENCES, 300).rules();
        Scenario base = scenario(printer("mfp", EVERY_40S, RetryPolicy.none()));
        Scenario s = new Scenario(base.name(), base.description(), base.duration(), base.drain(), base.speed(),
                base.seed(), base.profile(), base.limits(), base.mailboxes(), base.pools(), base.devices(),
                base.senderThreads(), Optional.of(rules));

        assertThat(readBack(s)).isEqualTo(s);
        assertThat(readBack(base).rules()).isEmpty();
        assertThat(ScenarioWriter.toJson(s)).contains("\"basicAuth\": \"disabled\"").contains("\"licences\": 300");
    }

    @Test
    void aDeviceOnAnotherEndpointReadsBackEqual() {
        Device hve = printer("newsletter", EVERY_40S, RetryPolicy.none()).withEndpoint(EndpointKind.HVE);
        Device standard = printer("mfp", EVERY_40S, RetryPolicy.none());
        Scenario s = scenario(hve, standard);

        assertThat(readBack(s)).isEqualTo(s);
        assertThat(readBack(s).devices()).extracting(Device::endpoint).containsExactly(EndpointKind.HVE,
                EndpointKind.STANDARD);
        assertThat(ScenarioWriter.toJson(s)).contains("\"endpoint\": \"hve\"");
    }

    @Test
    void uploadSpeedPerRecipientAndMessagesReadBackEqual() {
        MessageSpec scan = new MessageSpec("Scanned {device} {seq}", 0, List.of(
                new MessageSpec.Attachment("scan.pdf", "application/pdf", 300_000),
                new MessageSpec.Attachment("empty.bin", "application/octet-stream", 0)));
        List<Device> devices = IntStream.range(0, DeviceKind.values().length).mapToObj(i -> new Device("d" + i,
                DeviceKind.values()[i], PRINTERS.address(), PRINTERS.address(), Optional.of("pw-1"), Optional.empty(),
                PRINTERS.address(), "Device " + i, i % 2 == 0 ? new RecipientMix("staff", 5 + i, 0, 0, true)
                        : new RecipientMix("oncall", 1, 0, 1, false),
                i == 0 ? scan : MessageSpec.plain("n" + i), EVERY_40S, new ConnectionMode(i % 2 == 1, i + 1),
                RetryPolicy.none(), i % 2 == 0, i % 3 == 0 ? OptionalLong.empty() : OptionalLong.of(500L * i)))
                .toList();
        Scenario s = scenario(Optional.empty(), Optional.empty(), devices);

        assertThat(readBack(s)).isEqualTo(s);
    }

    static Stream<Arguments> profilesAndLimits() {
        Limits changed = new Limits(7, true, 9_999, 120, true, 42, 10 * Limits.MB, 20 * Limits.MB, 2 * Limits.GB, 3,
                Duration.ofSeconds(90), 4, Duration.ofMillis(1500), Duration.ofNanos(123_456_789),
                org.submitlab.policy.ConnectionLimits.defaults());
        return Stream.of(Arguments.of(Optional.empty(), Optional.empty()),
                Arguments.of(Optional.of(Profile.EXCHANGE_ONLINE), Optional.of(Limits.defaults())),
                Arguments.of(Optional.of(Profile.EXCHANGE_ONLINE_2018), Optional.of(changed)),
                Arguments.of(Optional.of(Profile.BASIC_AUTH_OFF), Optional.empty()),
                Arguments.of(Optional.empty(), Optional.of(changed)));
    }

    @ParameterizedTest
    @MethodSource("profilesAndLimits")
    void profileAndLimitsReadBackEqualPresentOrAbsent(Optional<Profile> profile, Optional<Limits> limits) {
        Scenario s = scenario(profile, limits, List.of(printer("mfp-1", EVERY_40S, RetryPolicy.none())));
        assertThat(readBack(s)).isEqualTo(s);
    }

    @ParameterizedTest
    @ValueSource(doubles = {1.0, 1.0000000000000002, 59.99, 1.0 / 3 + 100, 3600})
    void doublesReadBackExactly(double value) {
        Device d = printer("mfp-1", new Schedule.Poisson(value / 7, Duration.ZERO, OptionalInt.empty()),
                new RetryPolicy(new Backoff.Exponential(Duration.ofSeconds(1), value, Duration.ofSeconds(3601),
                        1 / value), 3, Optional.empty(), true, false));
        Scenario s = scenario(d).withSpeed(value);
        assertThat(readBack(s)).isEqualTo(s);
    }

    @Test
    void devicesEditedInTheConsoleReadBackEqual() {
        ScenarioDraft draft = new ScenarioDraft(Scenarios.preset("mailbox-per-device"));
        Device first = draft.devices().get(0);
        draft = draft.add(first, new Edit("scanner-1", DeviceKind.SCANNER, "printer03@contoso.test", "", RetryChoice.NONE))
                .add(first, new Edit("app-1", DeviceKind.APP, "PRINTER04@contoso.test", "typed", RetryChoice.FIXED_60S))
                .replace("mfp-02", new Edit("mfp-2b", DeviceKind.CUSTOM, "printer02@contoso.test", "new", RetryChoice.POSTFIX))
                .replace("mfp-03", new Edit("mfp-03", DeviceKind.PRINTER, "printer05@contoso.test", "",
                        RetryChoice.AS_DEFINED))
                .remove("mfp-04");

        assertThat(readBack(draft.scenario())).isEqualTo(draft.scenario());
    }

    private static final String GROUPS = """
            {
              "name": "groups",
              "mailboxes": [ { "address": "app{n}@contoso.test", "count": 3, "displayName": "App {n:2}", "password": "pw" } ],
              "pools": { "staff": { "pattern": "user{n:3}@contoso.test", "size": 20 } },
              "devices": [
                { "name": "app-{n:2}", "count": 4, "mailbox": "app{n%3}@contoso.test", "fromName": "App {n}",
                  "recipients": { "pool": "staff" }, "schedule": { "type": "fixed", "every": "1m", "start": "5s" },
                  "stagger": "10.5s" },
                { "name": "report-{n}", "count": 3, "mailbox": "app1@contoso.test", "recipients": { "pool": "staff" },
                  "schedule": { "type": "daily", "times": [ "08:00", "20:00" ] }, "stagger": "10h" },
                { "name": "alert-{n}", "count": 2, "mailbox": "app2@contoso.test", "recipients": { "pool": "staff" },
                  "schedule": { "type": "burst", "count": 5, "at": "1m", "spacing": "1s" }, "stagger": "1ms" }
              ]
            }
            """;

    @Test
    void groupsAreWrittenExpandedWithTheirStaggeredSchedules() throws Exception {
        Scenario s = Scenarios.parse(GROUPS, "groups.json");
        String written = ScenarioWriter.toJson(s);
        JsonNode tree = JsonMapper.builder().build().readTree(written);

        assertThat(Scenarios.parse(written, "written.json")).isEqualTo(s);
        assertThat(tree.get("devices")).hasSize(9).allSatisfy(d -> assertThat(d.has("count") || d.has("stagger")).isFalse());
        assertThat(tree.get("mailboxes")).hasSize(3).allSatisfy(m -> assertThat(m.has("count")).isFalse());
        assertThat(tree.at("/devices/7/schedule/at").asText()).isEqualTo("1m");
        assertThat(tree.at("/devices/8/schedule/at").asText()).isEqualTo("1m1ms");
    }

    @Test
    void sequentialPoolsAreWrittenAsAPatternOthersAsAddresses() throws Exception {
        Map<String, RecipientPool> pools = Map.of(
                "padded", new RecipientPool("padded", IntStream.rangeClosed(1, 12)
                        .mapToObj(n -> String.format("user%02d@site1.test", n)).toList()),
                "gap", new RecipientPool("gap", List.of("user1@contoso.test", "user2@contoso.test", "user4@contoso.test")),
                "one", new RecipientPool("one", List.of("user1@contoso.test")));
        Scenario base = scenario(printer("mfp-1", EVERY_40S, RetryPolicy.none()));
        Map<String, RecipientPool> all = new HashMap<>(pools);
        all.putAll(base.pools());
        Scenario s = new Scenario(base.name(), base.description(), base.duration(), base.drain(), base.speed(),
                base.seed(), base.profile(), base.limits(), base.mailboxes(), all, base.devices(), base.senderThreads());
        JsonNode written = JsonMapper.builder().build().readTree(ScenarioWriter.toJson(s)).get("pools");

        assertThat(readBack(s)).isEqualTo(s);
        assertThat(written.at("/padded/pattern").asText()).isEqualTo("user{n:2}@site1.test");
        assertThat(written.at("/padded/size").asInt()).isEqualTo(12);
        assertThat(written.at("/staff/pattern").asText()).isEqualTo("user{n}@contoso.test");
        assertThat(written.at("/gap/addresses")).hasSize(3);
        assertThat(written.at("/one/addresses")).hasSize(1);
        assertThat(ScenarioWriter.toJson(Scenarios.preset("newsletter-one-mailbox")))
                .contains("\"pattern\": \"subscriber{n}@fabrikam.test\"").contains("\"size\": 12000");
    }

    @Test
    void writtenTextIsPrettyStrictlyValidAndHasNoNulls() throws Exception {
        Scenario s = scenario(Optional.of(Profile.EXCHANGE_ONLINE), Optional.of(Limits.defaults()),
                List.of(printer("mfp-1", EVERY_40S, RetryPolicy.postfix())));
        String written = ScenarioWriter.toJson(s);

        assertThat(written).startsWith("{\n  \"name\": \"built in code\",\n").doesNotContain("null");
        assertNoNulls(JsonMapper.builder().build().readTree(written));
        assertThat(Scenarios.parse(written, "strict.json")).isEqualTo(s);
    }

    private static void assertNoNulls(JsonNode node) {
        assertThat(node.isNull()).isFalse();
        node.forEach(ScenarioWriterTest::assertNoNulls);
    }

    @Test
    void namesThatAFileWouldExpandAreRefused() {
        Scenario device = scenario(printer("mfp-{n:2}", EVERY_40S, RetryPolicy.none()));
        ScenarioMailbox box = new ScenarioMailbox("box@contoso.test", "Box {n}", "pw", Optional.empty(), Set.of(), true,
                List.of());
        Scenario mailbox = new Scenario("m", "", Duration.ofHours(1), Duration.ZERO, 60, 1, Optional.empty(),
                Optional.empty(), List.of(box), POOLS, List.of(printer("mfp-1", EVERY_40S, RetryPolicy.none())), 4);

        assertThatThrownBy(() -> ScenarioWriter.toJson(device)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("device name 'mfp-{n:2}'");
        assertThatThrownBy(() -> ScenarioWriter.toJson(mailbox)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mailbox display name 'Box {n}'");
    }
}
