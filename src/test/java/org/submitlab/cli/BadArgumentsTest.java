package org.submitlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.submitlab.server.tls.TlsMaterial;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad arguments get one clear line on standard error, a non-zero exit, and touch no data. */
class BadArgumentsTest {

    @TempDir
    Path temp;

    static Stream<Arguments> badServeArguments() {
        return Stream.of(
                Arguments.of(List.of("--port", "70000"), "--port must be between 0 and 65535, was 70000"),
                Arguments.of(List.of("--port", "-1"), "--port must be between 0 and 65535, was -1"),
                Arguments.of(List.of("--port", "smtp"), "'smtp' is not an int"),
                Arguments.of(List.of("--profile", "exchange-2003"), "--profile: Profile must be one of exchange-online, exchange-online-2018, basic-auth-off, was 'exchange-2003'"),
                Arguments.of(List.of("--mailbox", "printer@contoso.test"), "--mailbox wants ADDRESS:PASSWORD"),
                Arguments.of(List.of("--mailbox", "printer@contoso.test:"), "--mailbox wants ADDRESS:PASSWORD"),
                Arguments.of(List.of("--mailbox", "printer:Secret1"), "'printer' is not an email address"),
                Arguments.of(List.of("--recipients-per-day", "0"), "--recipients-per-day: Recipients per day must be between 1 and 10,000, was 0"),
                Arguments.of(List.of("--recipients-per-day", "20000"), "Recipients per day must be between 1 and 10,000, was 20000"),
                Arguments.of(List.of("--concurrent-per-mailbox", "0"), "Concurrent submissions per mailbox must be between 1 and 1,000, was 0"),
                Arguments.of(List.of("--messages-per-minute", "0"), "Messages per minute must be between 1 and 100,000, was 0"),
                Arguments.of(List.of("--recipients-per-message", "1001"), "Recipients per message must be between 1 and 1,000, was 1001"),
                Arguments.of(List.of("--max-message-size", "10"), "Maximum message size must be between 1,024 and 157,286,400, was 10"),
                Arguments.of(List.of("--tls-keystore", "cert.p12"), "--tls-keystore FILE and --tls-password PASS go together"),
                Arguments.of(List.of("--tls-keystore", "missing.p12", "--tls-password", "x"), "--tls-keystore: no such file"),
                Arguments.of(List.of("--lockout-for", "soon"), "--lockout-for: Lockout period must be a duration like 30s, 15m or 2h, was 'soon'"),
                Arguments.of(List.of("--smtp-auth", "maybe"), "--smtp-auth: SMTP AUTH must be on or off, was 'maybe'"),
                Arguments.of(List.of("--colour"), "Unknown option: '--colour'"));
    }

    @ParameterizedTest
    @MethodSource("badServeArguments")
    void serveRefusesBadArgumentsWithOneLineAndTouchesNoData(List<String> args, String message) {
        Path data = temp.resolve("data");
        List<String> all = new ArrayList<>(List.of("serve", "--data", data.toString()));
        all.addAll(args);

        CliRun run = CliRun.of(all.toArray(String[]::new));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().startsWith("submitlab serve: ").contains(message);
        assertThat(run.out()).isEmpty();
        assertThat(Files.exists(data)).isFalse();
    }

    @Test
    void aKeystoreWithTheWrongPasswordIsRefused() {
        TlsMaterial.loadOrCreate(temp.resolve("certs"));
        Path keystore = temp.resolve("certs").resolve("tls").resolve(TlsMaterial.KEYSTORE);
        Path data = temp.resolve("data");

        CliRun run = CliRun.of("serve", "--data", data.toString(), "--tls-keystore", keystore.toString(),
                "--tls-password", "not-the-password");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().contains("--tls-keystore: cannot read the PKCS#12 file");
        assertThat(Files.exists(data)).isFalse();
    }

    @Test
    void aPortInUseIsAClearError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CliRun run = CliRun.of("serve", "--data", temp.toString(), "--port", String.valueOf(taken.getLocalPort()));

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.errLines()).singleElement().asString()
                    .contains("cannot listen on 127.0.0.1:" + taken.getLocalPort(), "--port 0");
            assertThat(run.out()).isEmpty();
        }
    }

    @Test
    void tokenNeedsAMailbox() {
        CliRun run = CliRun.of("token", "--data", temp.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().contains("Missing command: issue, list or revoke", "--mailbox ADDRESS");
    }

    @Test
    void sentItemsOfAFolderWithoutDataSaysSo() {
        Path empty = temp.resolve("nothing-here");

        CliRun run = CliRun.of("sent-items", "--data", empty.toString());

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.errLines()).singleElement().asString().contains("no SubmitLab data in");
        assertThat(Files.exists(empty)).isFalse();
    }

    @Test
    void unknownCommandIsRefused() {
        CliRun run = CliRun.of("launch");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().contains("Unmatched argument at index 0: 'launch'");
    }

    @Test
    void noCommandListsTheCommands() {
        CliRun run = CliRun.of();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().contains("serve", "sent-items", "token");
    }
}
