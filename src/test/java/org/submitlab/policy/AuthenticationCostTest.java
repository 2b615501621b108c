package org.submitlab.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A wrong guess costs one password hash whether the address exists or not, and whether the mailbox has
 * logged in before or not: otherwise the reply time tells an attacker which addresses are mailboxes
 * (issue 8, item 3). Compared against PasswordHasher.verify itself, with a wide margin for a busy machine.
 */
class AuthenticationCostTest {

    private static final int SAMPLES = 7;
    private static Mailbox printer;
    private static InetAddress loopback;
    private static long hashNanos;

    private final ManualClock clock = new ManualClock(Instant.parse("2025-03-03T09:00:00Z"));
    private final Tenant tenant = new Tenant(TenantSettings.defaults()
            .withLimits(Limits.defaults().with(Settings.LOCKOUT_AFTER_FAILURES, 1_000).with(Settings.LOCKOUT_FOR, Duration.ofMinutes(15))), List.of());
    private final SubmissionPolicy policy = new SubmissionPolicy(tenant, clock);

    @BeforeAll
    static void measureOneHash() throws Exception {
        printer = Mailbox.create("printer@contoso.test", "Printer", "secret");
        loopback = InetAddress.getByName("127.0.0.1");
        for (int i = 0; i < 3; i++) {
            PasswordHasher.verify("warm-up", printer.passwordHash()); // JIT
        }
        hashNanos = median(() -> PasswordHasher.verify("wrong", printer.passwordHash()));
    }

    private static long median(Supplier<?> action) {
        long[] t = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            long start = System.nanoTime();
            action.get();
            t[i] = System.nanoTime() - start;
        }
        Arrays.sort(t);
        return t[SAMPLES / 2];
    }

    @Test
    void aWrongPasswordForAnUnknownAddressCostsAHash() {
        tenant.putMailbox(printer);
        long unknown = median(() -> policy.authenticateLogin("nobody@contoso.test", "wrong", loopback));
        assertThat(unknown).as("unknown address %d ns, one hash %d ns", unknown, hashNanos)
                .isGreaterThan(hashNanos / 2);
    }

    @Test
    void aWrongPasswordForAMailboxThatLoggedInBeforeStillCostsAHash() {
        tenant.putMailbox(printer);
        assertThat(policy.authenticateLogin(printer.address(), "secret", loopback).success()).isTrue();
        long known = median(() -> policy.authenticateLogin(printer.address(), "wrong", loopback));
        assertThat(known).as("known mailbox %d ns, one hash %d ns", known, hashNanos).isGreaterThan(hashNanos / 2);
    }

    @Test
    void devicesOfOneMailboxLoggingInAtOnceShareOneHashAndAWrongGuessAmongThemStillPaysItsOwn() throws Exception {
        tenant.putMailbox(printer);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(12);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<String>> replies = new java.util.ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String password = i == 5 ? "wrong" : "secret";
                replies.add(pool.submit(() -> {
                    start.await();
                    return policy.authenticateLogin("printer@contoso.test", password, loopback).reply();
                }));
            }
            start.countDown();
            for (int i = 0; i < 12; i++) {
                assertThat(replies.get(i).get()).startsWith(i == 5 ? "535 " : "235 ");
            }
        } finally {
            pool.shutdownNow();
        }
        // One hash for the eleven right passwords (those that came after it was remembered paid none), one for the
        // wrong guess.
        assertThat(policy.fullPasswordChecks()).isEqualTo(2);
    }
}
