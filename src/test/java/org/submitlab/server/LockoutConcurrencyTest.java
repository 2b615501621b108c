package org.submitlab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.submitlab.server.ServerFixture.PASSWORD;
import static org.submitlab.server.ServerFixture.SUFFIX;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.submitlab.policy.Replies;
import org.submitlab.policy.Settings;

/**
 * The lockout holds when guesses arrive in parallel, and an unknown address is treated exactly like a
 * known one (issue 8, items 1 and 3): real clients over STARTTLS, all sending AUTH at the same moment.
 */
class LockoutConcurrencyTest {

    private static final String BOX = "printer@contoso.test";
    private static final int THRESHOLD = 5;
    private static final Pattern FAILED = Pattern.compile(Pattern.quote(Replies.AUTH_FAILED) + SUFFIX);
    private static final Pattern LOCKED = Pattern.compile(Pattern.quote(Replies.AUTH_LOCKED) + SUFFIX);

    @TempDir
    Path dir;
    ServerFixture fx;
    ExecutorService pool;

    @BeforeEach
    void start() throws Exception {
        fx = new ServerFixture(dir).limits(l -> l.with(Settings.LOCKOUT_AFTER_FAILURES, THRESHOLD).with(Settings.LOCKOUT_FOR, Duration.ofMinutes(15)))
                .with(ServerFixture.mailbox(BOX)).start();
        pool = Executors.newCachedThreadPool();
    }

    @AfterEach
    void stop() throws Exception {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        fx.close();
    }

    /** Each password from its own connection, all AUTH commands released at once; the final replies. */
    private List<String> parallelLogins(String user, List<String> passwords) throws Exception {
        CyclicBarrier ready = new CyclicBarrier(passwords.size());
        List<Future<String>> replies = new ArrayList<>();
        for (String password : passwords) {
            replies.add(pool.submit(() -> {
                try (SmtpTestClient c = fx.connect()) {
                    c.command("EHLO device.test");
                    c.startTls();
                    c.command("EHLO device.test");
                    c.command("AUTH LOGIN");
                    c.command(SmtpTestClient.b64(user));
                    ready.await(30, TimeUnit.SECONDS);
                    return c.command(SmtpTestClient.b64(password));
                }
            }));
        }
        List<String> out = new ArrayList<>();
        for (Future<String> f : replies) {
            out.add(f.get(60, TimeUnit.SECONDS));
        }
        return out;
    }

    private String login(String user, String password) throws Exception {
        try (SmtpTestClient c = fx.connect()) {
            return c.login(user, password);
        }
    }

    private static long count(List<String> replies, Pattern p) {
        return replies.stream().filter(r -> p.matcher(r).matches()).count();
    }

    @Test
    void aHundredParallelWrongPasswordsGetOnlyTheThresholdEvaluatedAndLockTheAccount() throws Exception {
        List<String> replies = parallelLogins(BOX, java.util.Collections.nCopies(100, "wrong"));

        assertThat(count(replies, FAILED)).isEqualTo(THRESHOLD);
        assertThat(count(replies, LOCKED)).isEqualTo(100 - THRESHOLD);
        assertThat(login(BOX, PASSWORD)).matches(LOCKED);
    }

    @Test
    void parallelWrongGuessesBesideTheRightPasswordLeaveTheAccountLocked() throws Exception {
        List<String> passwords = new ArrayList<>(java.util.Collections.nCopies(39, "wrong"));
        passwords.add(PASSWORD);

        List<String> replies = parallelLogins(BOX, passwords);

        assertThat(count(replies, FAILED)).isLessThanOrEqualTo(THRESHOLD);
        assertThat(login(BOX, PASSWORD)).matches(LOCKED);
        assertThat(fx.server.policy().lockedUntil(BOX)).isPresent();
    }

    @Test
    void parallelLoginsWithTheRightPasswordAreNotMistakenForGuesses() throws Exception {
        List<String> replies = parallelLogins(BOX, java.util.Collections.nCopies(12, PASSWORD));

        assertThat(replies).containsOnly(Replies.AUTH_OK);
        assertThat(fx.server.policy().lockedUntil(BOX)).isEmpty();
    }

    @Test
    void anUnknownAddressGetsTheSameRepliesAsAKnownOneLockoutIncluded() throws Exception {
        List<String> known = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i <= THRESHOLD; i++) {
            known.add(withoutSuffix(login(BOX, "wrong")));
            unknown.add(withoutSuffix(login("nobody@contoso.test", "wrong")));
        }

        assertThat(unknown).isEqualTo(known);
        assertThat(unknown.get(THRESHOLD)).isEqualTo(Replies.AUTH_LOCKED);
    }

    @Test
    void parallelGuessesAtAnUnknownAddressLockItLikeAKnownOne() throws Exception {
        List<String> replies = parallelLogins("nobody@contoso.test", java.util.Collections.nCopies(30, "wrong"));

        assertThat(count(replies, FAILED)).isEqualTo(THRESHOLD);
        assertThat(count(replies, LOCKED)).isEqualTo(30 - THRESHOLD);
    }

    private static String withoutSuffix(String reply) {
        return reply.replaceAll(SUFFIX + "$", "");
    }
}
