package org.submitlab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.submitlab.policy.Limits;
import org.submitlab.policy.Mailbox;
import org.submitlab.policy.Settings;
import org.submitlab.policy.TenantSettings;
import org.submitlab.server.SubmissionServer;
import org.submitlab.store.Store;

/**
 * SubmitLab as a user runs it: durable SQLite store in a fresh data folder, STARTTLS with the generated
 * certificate, the default profile and limits except recipients per day at its maximum (10,000) and a tenant
 * large enough (a million licences) that its external recipient limit is not reached, so that
 * the 16 mailboxes are not refused during a run of the default length (up to 160,000 messages; refusals, if
 * any, are counted and printed apart from accepted messages).
 */
final class SubmitLabTarget {

    private SubmitLabTarget() {
    }

    static SmtpLoadGenerator.Result measure(SmtpLoadGenerator generator, List<SmtpLoadGenerator.Account> accounts)
            throws IOException, InterruptedException {
        Path folder = Files.createTempDirectory("submitlab-bench-");
        try {
            try (Store store = Store.open(folder)) {
                TenantSettings settings = store.settings().load();
                Limits limits = settings.limits().with(Settings.RECIPIENTS_PER_DAY, 10_000);
                // The load's recipients are external: with the default 100 licences the tenant's external limit
                // (about 22,000 a day) is reached in the first round and every later message gets an NDR.
                store.settings().save(settings.withLimits(limits).with(Settings.LICENCES, 1_000_000));
                for (SmtpLoadGenerator.Account a : accounts) {
                    store.mailboxes().save(Mailbox.create(a.address(), null, a.password()));
                }
                try (SubmissionServer server = SubmissionServer.builder().port(0).store(store).build()) {
                    server.start();
                    return generator.run(new SmtpLoadGenerator.Target("SubmitLab", server.host(), server.port(),
                            SmtpLoadGenerator.Security.STARTTLS, accounts));
                }
            }
        } finally {
            deleteQuietly(folder);
        }
    }

    private static void deleteQuietly(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
