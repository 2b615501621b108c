package org.submitlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI contract of Exchange as of 2026: the tenant's new settings, token lifetimes and serve's endpoint. */
class Exchange2026CommandsTest {

    @TempDir
    Path data;

    private CliRun run(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--data";
        all[args.length + 1] = data.toString();
        return CliRun.of(all);
    }

    private JsonNode shown() throws Exception {
        return new ObjectMapper().readTree(run("tenant", "show", "--json").out());
    }

    @Test
    void tenantSetTakesTheNewSettingsAndShowReadsThemBack() throws Exception {
        CliRun set = run("tenant", "set", "--basic-auth", "disabled", "--legacy-tls", "on", "--send-as-check",
                "mail-from", "--licences", "250", "--slot-model", "end-of-data", "--terrl-in-session", "on");

        assertThat(set.exitCode()).as(set.err()).isZero();
        assertThat(set.out()).contains("Basic authentication: enabled -> disabled")
                .contains("Allow legacy TLS clients: off -> on").contains("Send As check: data -> mail-from")
                .contains("Licences: 100 -> 250");
        JsonNode s = shown();
        assertThat(s.get("basicAuth").asText()).isEqualTo("disabled");
        assertThat(s.get("legacyTls").asBoolean()).isTrue();
        assertThat(s.get("sendAsCheck").asText()).isEqualTo("mail-from");
        assertThat(s.get("licences").asInt()).isEqualTo(250);
        assertThat(s.get("slotModel").asText()).isEqualTo("end-of-data");
    }

    @Test
    void removedBasicAuthenticationCannotBeTurnedBackOn() throws Exception {
        assertThat(run("tenant", "set", "--basic-auth", "removed").exitCode()).isZero();

        CliRun back = run("tenant", "set", "--basic-auth", "enabled");
        CliRun disabled = run("tenant", "set", "--basic-auth", "disabled");

        assertThat(back.exitCode()).isEqualTo(2);
        assertThat(back.err()).contains("--basic-auth").contains("cannot be turned back on");
        assertThat(disabled.exitCode()).isEqualTo(2);
        assertThat(shown().get("basicAuth").asText()).isEqualTo("removed");
    }

    @Test
    void badValuesNameWhatIsAllowed() {
        CliRun basic = run("tenant", "set", "--basic-auth", "maybe");
        CliRun check = run("tenant", "set", "--send-as-check", "rcpt");
        CliRun licences = run("tenant", "set", "--licences", "0");

        assertThat(basic.exitCode()).isEqualTo(2);
        assertThat(basic.err()).contains("enabled, disabled, removed");
        assertThat(check.err()).contains("data, mail-from");
        assertThat(licences.err()).contains("Licences must be between 1 and 10,000,000, was 0");
    }

    @Test
    void aTokenIsIssuedForAnHourByDefaultAndForWhatValidForSays() throws Exception {
        InputStream was = System.in;
        System.setIn(new ByteArrayInputStream("App-Secret-2026\n".getBytes(StandardCharsets.UTF_8)));
        try {
            assertThat(run("mailbox", "add", "app@contoso.test", "--password-stdin").exitCode()).isZero();
        } finally {
            System.setIn(was);
        }

        assertThat(run("token", "issue", "--mailbox", "app@contoso.test").exitCode()).isZero();
        assertThat(run("token", "issue", "--mailbox", "app@contoso.test", "--valid-for", "10m").exitCode()).isZero();
        assertThat(run("token", "--mailbox", "app@contoso.test", "--valid-for", "2h").exitCode()).isZero();
        CliRun bad = run("token", "issue", "--mailbox", "app@contoso.test", "--valid-for", "soon");

        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--valid-for");
        ObjectMapper json = new ObjectMapper();
        var lifetimes = run("token", "list", "--mailbox", "app@contoso.test", "--json").outLines().stream()
                .map(l -> {
                    try {
                        JsonNode n = json.readTree(l);
                        return Duration.between(Instant.parse(n.get("created").asText()),
                                Instant.parse(n.get("expires").asText()));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
        assertThat(lifetimes).containsExactlyInAnyOrder(Duration.ofHours(1), Duration.ofMinutes(10), Duration.ofHours(2));
    }

    @Test
    void serveRefusesAnUnknownEndpoint() {
        CliRun r = run("serve", "--port", "0", "--endpoint", "smtp-legacy");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("unknown endpoint 'smtp-legacy'").contains("standard, legacy, hve");
    }

    @Test
    void serveListsTheEndpointOption() {
        assertThat(CliRun.of("serve", "--help").out()).contains("--endpoint=standard|legacy|hve")
                .contains("--basic-auth=enabled|disabled|removed").contains("--send-as-check=data|mail-from");
    }
}
