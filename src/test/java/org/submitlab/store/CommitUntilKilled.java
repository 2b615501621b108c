package org.submitlab.store;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Child process for {@link KillDurabilityTest}: commits from 4 threads forever, printing each acknowledged id. */
public final class CommitUntilKilled {

    private CommitUntilKilled() {
    }

    public static void main(String[] args) {
        Store store = Store.open(Path.of(args[0]));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            String mailbox = "device" + t + "@contoso.test";
            pool.submit(() -> {
                for (int i = 0; ; i++) {
                    SentItemDraft d = Fixtures.draft(mailbox, Fixtures.T0.plusMillis(i), "m" + i, List.of("x@f.test"));
                    long id = store.commitAccepted(d, Fixtures.accepted(d)).join();
                    synchronized (System.out) {
                        System.out.println(id);
                        System.out.flush();
                    }
                }
            });
        }
    }
}
