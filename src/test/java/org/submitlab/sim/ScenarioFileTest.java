package org.submitlab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ScenarioFileTest {

    private static final String VALID = """
            {
              "name": "small",
              "duration": "10m",
              "mailboxes": [ { "address": "app{n}@contoso.test", "count": 3, "password": "pw-1" } ],
              "pools": { "staff": { "pattern": "user{n}@contoso.test", "size": 20 } },
              "devices": [
                {
                  "name": "app-{n:2}",
                  "count": 6,
                  "kind": "app",
                  "mailbox": "app{n%3}@contoso.test",
                  "recipients": { "pool": "staff", "to": 2, "cc": 1, "bcc": 1 },
                  "schedule": { "type": "fixed", "every": "1m" },
                  "stagger": "10s",
                  "retry": { "policy": "exponential", "initial": "300s", "max": "4000s", "jitter": 0.1 }
                }
              ]
            }
            """;

    @TempDir
    Path dir;

    private ScenarioException errorFor(String json) {
        return catchThrowableOfType(ScenarioException.class, () -> Scenarios.parse(json, "bad.json"));
    }

    @Test
    void deviceGroupsExpandNamesMailboxesAndStaggeredStarts() {
        Scenario s = Scenarios.parse(VALID, "small.json");
        assertThat(s.devices()).extracting(Device::name)
                .containsExactly("app-01", "app-02", "app-03", "app-04", "app-05", "app-06");
        assertThat(s.devices()).extracting(Device::mailbox).containsExactly("app1@contoso.test", "app2@contoso.test",
                "app3@contoso.test", "app1@contoso.test", "app2@contoso.test", "app3@contoso.test");
        assertThat(s.devices().get(3).password()).contains("pw-1");
        assertThat(((Schedule.FixedInterval) s.devices().get(3).schedule()).start()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.devices().get(0).retry().backoff()).isInstanceOf(RetryPolicy.Backoff.Exponential.class);
        assertThat(s.mailboxes()).hasSize(3);
        assertThat(s.duration()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void aDeviceMayUseTheHveEndpointAndAnUnknownOneIsNamed() {
        Scenario s = Scenarios.parse(VALID.replace("\"kind\": \"app\",", "\"kind\": \"app\", \"endpoint\": \"hve\","),
                "hve.json");
        assertThat(s.devices()).extracting(Device::endpoint).containsOnly(org.submitlab.policy.EndpointKind.HVE);
        assertThat(Scenarios.parse(VALID, "small.json").devices()).extracting(Device::endpoint)
                .containsOnly(org.submitlab.policy.EndpointKind.STANDARD);

        ScenarioException e = errorFor(VALID.replace("\"kind\": \"app\",", "\"kind\": \"app\", \"endpoint\": \"bulk\","));
        assertThat(e.field()).isEqualTo("devices[0].endpoint");
        assertThat(e.getMessage()).contains("unknown endpoint 'bulk'").contains("standard, legacy, hve");
    }

    @Test
    void aScenarioMaySetTheRulesOfExchangeAsOf2026AndAnUnknownOneIsNamed() {
        Scenario s = Scenarios.parse(VALID.replace("\"duration\": \"10m\",",
                "\"duration\": \"10m\", \"rules\": { \"basicAuth\": \"disabled\", \"legacyTls\": true },"), "r.json");
        assertThat(s.rules()).hasValueSatisfying(r -> {
            assertThat(r.basicAuth()).isEqualTo(org.submitlab.policy.BasicAuth.DISABLED);
            assertThat(r.legacyTls()).isTrue();
            assertThat(r.licences()).isEqualTo(100);
        });

        ScenarioException e = errorFor(VALID.replace("\"duration\": \"10m\",",
                "\"duration\": \"10m\", \"rules\": { \"basicAuthentication\": \"off\" },"));
        assertThat(e.field()).isEqualTo("rules.basicAuthentication");
        assertThat(e.getMessage()).contains("unknown rule 'basicAuthentication'").contains("basicAuth");
    }

    @Test
    void aSyntaxErrorNamesItsLine() {
        ScenarioException e = errorFor(VALID.replace("\"duration\": \"10m\",", "\"duration\": \"10m\""));
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.getMessage()).startsWith("bad.json, line 4");
    }

    @Test
    void captionsAreReadInTimeOrderAndTheLastOneReachedIsShown() {
        Scenario s = Scenarios.parse(VALID.replace("\"duration\": \"10m\",", "\"duration\": \"10m\", \"captions\": ["
                + "{ \"at\": \"5m\", \"text\": \"second\" }, { \"at\": \"0s\", \"text\": \" first \" }],"), "c.json");

        assertThat(s.captions()).extracting(Scenario.Caption::text).containsExactly("first", "second");
        assertThat(s.captionAt(Duration.ofMinutes(4))).map(Scenario.Caption::text).contains("first");
        assertThat(s.captionAt(Duration.ofMinutes(5))).map(Scenario.Caption::text).contains("second");
        assertThat(Scenarios.parse(ScenarioWriter.toJson(s), "again.json").captions()).isEqualTo(s.captions());
        assertThat(Scenarios.preset("printers-sharing-mailbox").captionAt(Duration.ofSeconds(3)))
                .map(Scenario.Caption::text).hasValueSatisfying(t -> assertThat(t).contains("hollow bar"));
    }

    @Test
    void aCaptionAfterTheRunsEndOrWithoutTextIsNamed() {
        ScenarioException late = errorFor(VALID.replace("\"duration\": \"10m\",", "\"duration\": \"10m\", "
                + "\"captions\": [{ \"at\": \"3h\", \"text\": \"too late\" }],"));
        assertThat(late.field()).isEqualTo("captions[0].at");
        assertThat(late.getMessage()).contains("after the run's end");
        ScenarioException empty = errorFor(VALID.replace("\"duration\": \"10m\",", "\"duration\": \"10m\", "
                + "\"captions\": [{ \"at\": \"1m\", \"text\": \" \" }],"));
        assertThat(empty.field()).isEqualTo("captions[0].text");
    }

    @Test
    void anUnknownFieldIsNamedWithItsLine() {
        ScenarioException e = errorFor(VALID.replace("\"every\": \"1m\"", "\"evry\": \"1m\""));
        assertThat(e.field()).isEqualTo("devices[0].schedule.evry");
        assertThat(e.line()).isEqualTo(13);
        assertThat(e.getMessage()).contains("unknown field 'evry'").contains("every");
    }

    @Test
    void aValueOfTheWrongTypeIsNamedWithItsLine() {
        ScenarioException e = errorFor(VALID.replace("\"count\": 6,", "\"count\": \"six\","));
        assertThat(e.field()).isEqualTo("devices[0].count");
        assertThat(e.line()).isEqualTo(9);
        assertThat(e.getMessage()).doesNotContain("java.lang");
    }

    @Test
    void aBadDurationIsNamedWithItsLine() {
        ScenarioException e = errorFor(VALID.replace("\"every\": \"1m\"", "\"every\": \"2x\""));
        assertThat(e.field()).isEqualTo("devices[0].schedule.every");
        assertThat(e.line()).isEqualTo(13);
        assertThat(e.getMessage()).contains("'2x' is not a duration");
    }

    @Test
    void anUnknownPoolIsNamedWithItsLine() {
        ScenarioException e = errorFor(VALID.replace("\"pool\": \"staff\"", "\"pool\": \"customers\""));
        assertThat(e.field()).isEqualTo("devices[0].recipients.pool");
        assertThat(e.line()).isEqualTo(12);
        assertThat(e.getMessage()).contains("no recipient pool named 'customers'");
    }

    @Test
    void aMissingFieldNamesItsParent() {
        ScenarioException e = errorFor(VALID.replace("\"schedule\": { \"type\": \"fixed\", \"every\": \"1m\" },", ""));
        assertThat(e.field()).isEqualTo("devices[0].schedule");
        assertThat(e.line()).isEqualTo(7);
        assertThat(e.getMessage()).contains("needs a schedule");
    }

    @Test
    void aDeviceWithoutCredentialsIsRefused() {
        ScenarioException e = errorFor(VALID.replace("app{n%3}@contoso.test", "other@contoso.test"));
        assertThat(e.field()).isEqualTo("devices[0].mailbox");
        assertThat(e.getMessage()).contains("needs its own password or token");
    }

    @Test
    void aTokenDeviceDoesNotTakeItsMailboxPassword() {
        Scenario s = Scenarios.parse(VALID.replace("\"stagger\": \"10s\",", "\"stagger\": \"10s\", \"token\": \"t-1\","), "x");
        assertThat(s.devices().get(0).token()).contains("t-1");
        assertThat(s.devices().get(0).password()).isEmpty();
    }

    @Test
    void aLimitOutOfRangeIsNamed() {
        ScenarioException e = errorFor(VALID.replace("\"duration\": \"10m\",",
                "\"duration\": \"10m\",\n  \"limits\": { \"recipientsPerDay\": 20000 },"));
        assertThat(e.field()).isEqualTo("limits.recipientsPerDay");
        assertThat(e.line()).isEqualTo(4);
    }

    @Test
    void aMissingFileIsNamed() {
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> Scenarios.load(dir.resolve("none.json")));
        assertThat(e.getMessage()).contains("none.json").contains("no such file");
    }

    @Test
    void aFileLoadsLikeText() throws IOException {
        Path f = dir.resolve("small.json");
        Files.writeString(f, VALID);
        assertThat(Scenarios.load(f)).isEqualTo(Scenarios.parse(VALID, "x"));
    }

    static java.util.List<String> presets() {
        return Scenarios.presetNames();
    }

    @ParameterizedTest
    @MethodSource("presets")
    void presetsLoadAndAreIdenticalToTheirCopyInAssets(String name) throws IOException {
        Scenario s = Scenarios.preset(name);
        assertThat(s.name()).isEqualTo(name);
        assertThat(s.description()).isNotBlank();
        Path asset = Path.of("assets", "scenarios", name + ".json");
        assertThat(Files.readString(asset)).isEqualTo(Scenarios.presetText(name));
    }

    @Test
    void aBinaryFileIsSaidToBeNoTextFile() throws IOException {
        Path binary = dir.resolve("scan.json");
        Files.write(binary, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff, (byte) 0xfe});

        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> Scenarios.load(binary));

        assertThat(e.problem()).contains("is not a text file").doesNotContain("Input length");
        assertThat(e.source()).isEqualTo(binary.toString());
    }

    @ParameterizedTest
    @MethodSource("syntaxErrors")
    void jsonSyntaxErrorsAreSaidInPlainWordsWithTheirPlace(String json, String words, int line) {
        ScenarioException e = errorFor(json);

        assertThat(e.problem()).contains(words).doesNotContain("code 1").doesNotContain("Unexpected character");
        assertThat(e.line()).isEqualTo(line);
        assertThat(e.column()).isPositive();
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> syntaxErrors() {
        return java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("{\n  \"name\": \"x\",\n}", "a comma too many", 3),
                org.junit.jupiter.params.provider.Arguments.of("{\n  \"name\": \"x\"\n  \"duration\": \"1m\"\n}",
                        "a comma missing", 3),
                org.junit.jupiter.params.provider.Arguments.of("{\n  \"name\": x\n}", "is not a JSON value", 2),
                org.junit.jupiter.params.provider.Arguments.of("{\n  \"name\": \"x\",\n  \"devices\": [", "ends too early", 3));
    }

    private static final String RELAYED = """
            {
              "name": "relayed",
              "mailboxes": [ { "address": "alerts@contoso.test", "password": "pw-1" } ],
              "pools": { "oncall": { "addresses": [ "noc@contoso.test" ] },
                         "staff": { "pattern": "staff{n}@contoso.test", "size": 5 } },
              "groups": [ { "address": "everyone@contoso.test", "pool": "staff", "members": [ "boss@contoso.test" ] } ],
              "relays": [ { "name": "onprem", "mailbox": "alerts@contoso.test", "maxConnections": 2 } ],
              "devices": [
                { "name": "monitoring", "kind": "alerting", "relay": "onprem", %s
                  "recipients": { "pool": "oncall" }, "schedule": { "type": "burst", "count": 5 } }
              ]
            }
            """;

    @Test
    void aDeviceBehindARelaySendsThroughTheRelaysMailboxAndTheRelayRetriesLikePostfix() {
        Scenario s = Scenarios.parse(RELAYED.formatted(""), "relayed.json");
        Relay relay = s.relay("onprem");
        assertThat(relay.maxConnections()).isEqualTo(2);
        assertThat(relay.reuse()).isTrue();
        assertThat(relay.retry()).isEqualTo(RetryPolicy.postfix());
        assertThat(relay.password()).contains("pw-1");
        Device d = s.devices().get(0);
        assertThat(d.relay()).contains("onprem");
        assertThat(d.mailbox()).isEqualTo("alerts@contoso.test");
        assertThat(d.from()).isEqualTo("alerts@contoso.test");
        assertThat(s.groups()).singleElement().satisfies(g -> {
            assertThat(g.address()).isEqualTo("everyone@contoso.test");
            assertThat(g.members()).hasSize(6).contains("staff1@contoso.test", "boss@contoso.test");
        });
        assertThat(s.senderThreads()).isEqualTo(4);
    }

    @Test
    void aDeviceBehindARelayMayNotSayHowItWouldRetry() {
        ScenarioException e = errorFor(RELAYED.formatted("\"retry\": { \"policy\": \"none\" },"));
        assertThat(e.field()).isEqualTo("devices[0].retry");
        assertThat(e.getMessage()).contains("set retry on the relay instead");
        assertThat(e.line()).isEqualTo(9);
    }

    @Test
    void anUnknownRelayAndAnUnknownRelayFieldAreNamedWithTheirLine() {
        ScenarioException unknown = errorFor(RELAYED.formatted("").replace("\"relay\": \"onprem\"", "\"relay\": \"cloud\""));
        assertThat(unknown.field()).isEqualTo("devices[0].relay");
        assertThat(unknown.getMessage()).contains("no relay named 'cloud'").contains("onprem");
        ScenarioException field = errorFor(RELAYED.formatted("").replace("\"maxConnections\"", "\"maxConnection\""));
        assertThat(field.field()).isEqualTo("relays[0].maxConnection");
        assertThat(field.line()).isEqualTo(7);
        assertThat(field.column()).isPositive();
        assertThat(field.getMessage()).contains("unknown field 'maxConnection'").contains("maxConnections");
        ScenarioException range = errorFor(RELAYED.formatted("").replace("\"maxConnections\": 2", "\"maxConnections\": 0"));
        assertThat(range.field()).isEqualTo("relays[0].maxConnections");
    }

    @Test
    void aGroupNeedsMembersAndAnAddressOfItsOwn() {
        ScenarioException mailbox = errorFor(RELAYED.formatted("").replace("everyone@contoso.test", "alerts@contoso.test"));
        assertThat(mailbox.field()).isEqualTo("groups[0].address");
        assertThat(mailbox.getMessage()).contains("already a mailbox");
        ScenarioException pool = errorFor(RELAYED.formatted("").replace("\"pool\": \"staff\", ", "\"pool\": \"all\", "));
        assertThat(pool.field()).isEqualTo("groups[0].pool");
    }
}
