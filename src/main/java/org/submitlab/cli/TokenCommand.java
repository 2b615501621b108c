package org.submitlab.cli;

import java.util.concurrent.Callable;
import org.submitlab.policy.Mailbox;
import org.submitlab.policy.PasswordHasher;
import org.submitlab.store.Store;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code token}: issues an XOAUTH2 token for a mailbox and prints it once; only its hash is stored. */
@Command(name = "token", sortOptions = false,
        description = {"Issues an XOAUTH2 access token for a mailbox and prints it once (only its hash is kept).",
            "Use it as the token in AUTH XOAUTH2 (user=ADDRESS^Aauth=Bearer TOKEN^A^A)."})
public final class TokenCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Mixin
    DataFolderOption data = new DataFolderOption();

    @Option(names = "--mailbox", paramLabel = "ADDRESS", required = true, description = "The mailbox the token is for.")
    String mailbox;

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        String address;
        try {
            address = Mailbox.normalize(mailbox);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "--mailbox: " + e.getMessage());
        }
        try (Store store = data.openExisting()) {
            if (store.mailboxes().find(address).isEmpty()) {
                throw new CommandFailure("no mailbox " + address + " in " + data.folder().toAbsolutePath()
                        + " (create it with 'submitlab serve --mailbox " + address + ":PASSWORD')");
            }
            String token = PasswordHasher.newToken();
            store.mailboxes().addToken(address, PasswordHasher.hashToken(token));
            cl.getErr().println("XOAUTH2 token for " + address + " (shown once; only its hash is stored):");
            cl.getErr().flush();
            cl.getOut().println(token);
            cl.getOut().flush();
        }
        return 0;
    }
}
