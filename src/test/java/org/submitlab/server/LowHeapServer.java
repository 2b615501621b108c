package org.submitlab.server;

import java.nio.file.Files;
import java.nio.file.Path;
import org.submitlab.store.Store;

/**
 * A submission server for a test that runs it in a JVM of its own (small heap): a fresh data folder,
 * one mailbox, port 0. Prints {@code listening on PORT} and stops when standard input closes.
 * Arguments: the mailbox address.
 */
public final class LowHeapServer {

    private LowHeapServer() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Files.createTempDirectory("submitlab-lowheap-");
        try (Store store = Store.open(data)) {
            store.mailboxes().save(ServerFixture.mailbox(args[0]));
            try (SubmissionServer server = SubmissionServer.builder().store(store)
                    .sslContext(ServerFixture.serverContext()).build()) {
                server.start();
                System.out.println("listening on " + server.port());
                System.out.flush();
                while (System.in.read() >= 0) {
                    // wait for the parent to close our stdin
                }
            }
        }
    }
}
