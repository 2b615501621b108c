package org.submitlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.MessagingException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.submitlab.testing.MailClient;

/**
 * The admin commands on a folder a running {@code serve} (another process) uses: every change reaches the
 * server without a restart, proven by real logins and submissions; bad input changes nothing.
 */
@Timeout(180)
class TenantAdministrationTest {

    private static final String PASSWORD = "Front-Desk-2026";

    @TempDir
    static Path data;

    private static ServeProcess serve;

    @BeforeAll
    static void startServer() throws Exception {
        serve = ServeProcess.start(data);
    }

    @AfterAll
    static void stopServer() {
        if (serve != null) {
            serve.close();
        }
    }

    private static CliRun withStdin(String input, String... args) {
        InputStream was = System.in;
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            return CliRun.of(args);
        } finally {
            System.setIn(was);
        }
    }

    private static CliRun run(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--data";
        all[args.length + 1] = data.toString();
        return CliRun.of(all);
    }

    private static void send(String user, String password, String mechanism, String subject, String... to)
            throws MessagingException {
        try (MailClient c = new MailClient(serve.host(), serve.port(), user, password, mechanism)) {
            c.send(user, String.join(",", to), subject, "<" + subject.replace(' ', '-') + "@contoso.test>");
        }
    }

    /**
     * Waits until the server behaves as asked: the CLI's change has reached it (the server looks every
     * second). Tries once a second at most: a login tried before a new mailbox arrived counts as a failed
     * guess, and five of them lock the address.
     */
    private static void eventually(Callable<Boolean> ok) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (ok.call()) {
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            Thread.sleep(1_100);
        }
        throw new AssertionError("the running server did not take the change in", last);
    }

    private static boolean refusedWith(Callable<?> attempt, String text) {
        try {
            attempt.call();
            return false;
        } catch (Exception e) {
            return String.valueOf(e.getMessage()).contains(text);
        }
    }

    @Test
    void aMailboxAddedWithTheCliLogsInOnTheRunningServer() throws Exception {
        CliRun add = withStdin(PASSWORD + "\n", "mailbox", "add", "frontdesk@contoso.test", "--password-stdin",
                "--display-name", "Front desk", "--data", data.toString());

        assertThat(add.exitCode()).as(add.err()).isZero();
        assertThat(add.out()).doesNotContain(PASSWORD);
        eventually(() -> {
            send("frontdesk@contoso.test", PASSWORD, "LOGIN", "first scan", "ada@contoso.test");
            return true;
        });
        JsonNode listed = new ObjectMapper().readTree(run("mailbox", "list", "--json").outLines().stream()
                .filter(l -> l.contains("frontdesk@")).findFirst().orElseThrow());
        assertThat(listed.get("displayName").asText()).isEqualTo("Front desk");
        assertThat(listed.get("sizeBytes").asLong()).isPositive();
        assertThat(listed.toString()).doesNotContain(PASSWORD).doesNotContain("passwordHash");
    }

    @Test
    void turningSmtpAuthOffForOneMailboxRefusesItsNextLogin() throws Exception {
        withStdin(PASSWORD + "\n", "mailbox", "add", "scanner@contoso.test", "--password-stdin", "--data", data.toString());
        eventually(() -> {
            send("scanner@contoso.test", PASSWORD, "LOGIN", "before", "ada@contoso.test");
            return true;
        });

        assertThat(run("mailbox", "set", "scanner@contoso.test", "--smtp-auth", "off").exitCode()).isZero();

        eventually(() -> refusedWith(() -> {
            send("scanner@contoso.test", PASSWORD, "LOGIN", "after", "ada@contoso.test");
            return null;
        }, "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox"));
    }

    @Test
    void aTenantLimitSetWithTheCliAppliesToTheNextSubmission() throws Exception {
        withStdin(PASSWORD + "\n", "mailbox", "add", "newsletter@contoso.test", "--password-stdin", "--data", data.toString());
        CliRun set = run("tenant", "set", "--recipients-per-message", "2");

        assertThat(set.exitCode()).as(set.err()).isZero();
        assertThat(set.out()).contains("Recipients per message: 500 -> 2");
        eventually(() -> refusedWith(() -> {
            send("newsletter@contoso.test", PASSWORD, "LOGIN", "to three", "a@contoso.test", "b@contoso.test",
                    "c@contoso.test");
            return null;
        }, "550 5.5.3 RESOLVER.ADR.RecipLimit; too many recipients"));
        run("tenant", "set", "--recipients-per-message", "500");
    }

    @Test
    void aTokenIssuedWithTheCliLogsInAndARevokedOneNoLonger() throws Exception {
        withStdin(PASSWORD + "\n", "mailbox", "add", "app@contoso.test", "--password-stdin", "--data", data.toString());
        CliRun issued = run("token", "issue", "--mailbox", "app@contoso.test");
        String token = issued.outLines().get(0);
        eventually(() -> {
            send("app@contoso.test", token, "XOAUTH2", "with a token", "ada@contoso.test");
            return true;
        });

        List<String> ids = run("token", "list", "--mailbox", "app@contoso.test").outLines();
        assertThat(ids).singleElement().satisfies(l -> assertThat(l).doesNotContain(token));
        assertThat(run("token", "revoke", "--mailbox", "app@contoso.test", ids.get(0).split(" ")[0]).exitCode()).isZero();

        assertThatThrownBy(() -> send("app@contoso.test", token, "XOAUTH2", "revoked", "ada@contoso.test"))
                .hasMessageContaining("535 5.7.3");
        assertThat(run("token", "--mailbox", "app@contoso.test").outLines()).singleElement()
                .satisfies(t -> assertThat(t).hasSizeGreaterThan(20));
    }

    @Test
    void sendAsGrantsAndClientNetworksApplyToTheNextSubmission() throws Exception {
        withStdin(PASSWORD + "\n", "mailbox", "add", "mfp@contoso.test", "--password-stdin", "--data", data.toString());
        eventually(() -> refusedWith(() -> sendAs("mfp@contoso.test", "reception@contoso.test", "before the grant"),
                "554 5.2.252 SendAsDenied"));

        assertThat(run("mailbox", "set", "mfp@contoso.test", "--send-as", "reception@contoso.test").exitCode()).isZero();
        eventually(() -> sendAs("mfp@contoso.test", "reception@contoso.test", "after the grant"));

        assertThat(run("mailbox", "set", "mfp@contoso.test", "--networks", "10.20.0.0/16,fd00::/8").exitCode()).isZero();
        eventually(() -> refusedWith(() -> sendAs("mfp@contoso.test", "mfp@contoso.test", "from loopback"), "535 5.7.139"));
        assertThat(run("mailbox", "set", "mfp@contoso.test", "--networks", "127.0.0.0/8").exitCode()).isZero();
        eventually(() -> sendAs("mfp@contoso.test", "mfp@contoso.test", "from an allowed network"));
    }

    @Test
    void sentItemsOffKeepsNoCopyOfTheNextMessage() throws Exception {
        withStdin(PASSWORD + "\n", "mailbox", "add", "quiet@contoso.test", "--password-stdin", "--sent-items", "off",
                "--data", data.toString());

        eventually(() -> sendAs("quiet@contoso.test", "quiet@contoso.test", "no copy"));

        assertThat(run("sent-items", "--mailbox", "quiet@contoso.test", "--json").outLines()).isEmpty();
        assertThat(run("mailbox", "set", "quiet@contoso.test", "--sent-items", "on").exitCode()).isZero();
        eventually(() -> {
            sendAs("quiet@contoso.test", "quiet@contoso.test", "a copy");
            return run("sent-items", "--mailbox", "quiet@contoso.test", "--json").outLines().size() == 1;
        });
    }

    private static boolean sendAs(String user, String from, String subject) throws MessagingException {
        try (MailClient c = new MailClient(serve.host(), serve.port(), user, PASSWORD)) {
            c.send(from, "ada@contoso.test", subject, "<" + subject.replace(' ', '-') + "@contoso.test>");
        }
        return true;
    }

    @Test
    void aRemovedMailboxCanNoLongerLogIn() throws Exception {
        withStdin(PASSWORD + "\n", "mailbox", "add", "old@contoso.test", "--password-stdin", "--data", data.toString());
        eventually(() -> {
            send("old@contoso.test", PASSWORD, "LOGIN", "last words", "ada@contoso.test");
            return true;
        });

        CliRun removed = run("mailbox", "remove", "old@contoso.test");

        assertThat(removed.out()).contains("removed old@contoso.test and its 1 Sent Items");
        eventually(() -> refusedWith(() -> {
            send("old@contoso.test", PASSWORD, "LOGIN", "ghost", "ada@contoso.test");
            return null;
        }, "535 5.7.3"));
    }

    @Test
    void badInputGetsItsReasonAndChangesNothing() {
        withStdin(PASSWORD + "\n", "mailbox", "add", "desk@contoso.test", "--password-stdin", "--data", data.toString());
        String before = run("mailbox", "list", "--json").out();
        String tenantBefore = run("tenant", "show", "--json").out();

        List<CliRun> refused = List.of(
                run("mailbox", "add", "not-an-address"),
                run("mailbox", "set", "desk@contoso.test", "--networks", "10.0.0.0/33"),
                run("mailbox", "set", "desk@contoso.test", "--recipients-per-day", "0"),
                run("mailbox", "add", "desk@contoso.test"),
                run("mailbox", "set", "desk@contoso.test", "--send-as", "desk@contoso.test"),
                run("tenant", "set", "--concurrent-per-mailbox", "1001"),
                run("mailbox", "set", "nobody@contoso.test", "--display-name", "x"));

        assertThat(refused).extracting(CliRun::exitCode).containsOnly(2);
        assertThat(refused.get(0).err()).contains("'not-an-address' is not an email address");
        assertThat(refused.get(1).err()).contains("--networks").contains("prefix length");
        assertThat(refused.get(2).err()).contains("Recipients per day must be between 1 and 10,000, was 0");
        assertThat(refused.get(3).err()).contains("exists already");
        assertThat(refused.get(4).err()).contains("always sends as itself");
        assertThat(refused.get(5).err()).contains("between 1 and 1,000, was 1001");
        assertThat(refused.get(6).err()).contains("no mailbox nobody@contoso.test");
        assertThat(run("mailbox", "list", "--json").out()).isEqualTo(before);
        assertThat(run("tenant", "show", "--json").out()).isEqualTo(tenantBefore);
    }
}
