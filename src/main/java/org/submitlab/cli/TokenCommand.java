package org.submitlab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.submitlab.app.admin.MailboxAdmin;
import org.submitlab.policy.Durations;
import org.submitlab.store.MailboxRepository.TokenInfo;
import org.submitlab.store.Store;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code token issue|list|revoke --mailbox ADDRESS}: a mailbox's XOAUTH2 tokens. {@code token --mailbox ADDRESS}
 * alone still issues one, as it always did.
 */
@Command(name = "token", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"A mailbox's XOAUTH2 access tokens: issue one (printed once, only its hash is kept), list "
                + "them (ids and dates only), revoke one or all. 'token --mailbox ADDRESS' alone issues one.",
            "Use a token in AUTH XOAUTH2 (user=ADDRESS^Aauth=Bearer TOKEN^A^A). Works beside a running server."},
        subcommands = {TokenCommand.Issue.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
public final class TokenCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DataFolderOption data = new DataFolderOption();

    @Option(names = "--mailbox", paramLabel = "ADDRESS", description = "The mailbox the token is for.")
    String mailbox;

    @Option(names = "--valid-for", paramLabel = "DURATION",
            description = "With 'token --mailbox' alone: how long the token is valid (default 1h, like Entra's).")
    String validFor;

    @Override
    public Integer call() {
        if (mailbox == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Missing command: issue, list or revoke (with --mailbox ADDRESS)");
        }
        return issue(spec.commandLine(), data, mailbox, validFor);
    }

    static int issue(CommandLine cl, DataFolderOption data, String mailbox, String validFor) {
        Duration lifetime;
        try {
            lifetime = validFor == null ? MailboxAdmin.TOKEN_LIFETIME : Durations.parse(validFor.trim());
        } catch (RuntimeException e) {
            throw new CommandLine.ParameterException(cl, "--valid-for must be a duration like 30m, 1h or 7d, was '"
                    + validFor + "'");
        }
        if (lifetime.isZero() || lifetime.isNegative()) {
            throw new CommandLine.ParameterException(cl, "--valid-for must be positive, was '" + validFor + "'");
        }
        try (Store store = data.openExisting()) {
            MailboxAdmin.IssuedToken t = MailboxCommand.admin(cl, store, a -> a.issueToken(mailbox, lifetime));
            MailboxCommand.printOnce(cl, "XOAUTH2 token for " + t.mailbox() + " (shown once; only its hash is stored; id "
                    + t.info().id() + "; expires " + t.info().expires() + "):", t.token());
        }
        return 0;
    }

    @Command(name = "issue", mixinStandardHelpOptions = true, description = "Issues a token and prints it once.")
    static final class Issue implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        DataFolderOption data = new DataFolderOption();
        @Option(names = "--mailbox", paramLabel = "ADDRESS", required = true, description = "The mailbox.")
        String mailbox;
        @Option(names = "--valid-for", paramLabel = "DURATION",
                description = "How long the token is valid (default 1h, like an Entra access token); then XOAUTH2 "
                        + "with it gets 535 5.7.3.")
        String validFor;

        @Override
        public Integer call() {
            return issue(spec.commandLine(), data, mailbox, validFor);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists a mailbox's tokens: id (the start of its hash) and when it was issued; never a token.")
    static final class ListTokens implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        DataFolderOption data = new DataFolderOption();
        @Option(names = "--mailbox", paramLabel = "ADDRESS", required = true, description = "The mailbox.")
        String mailbox;
        @Option(names = "--json", description = "One JSON object per line (id, hash, created).")
        boolean json;

        @Override
        public Integer call() {
            CommandLine cl = spec.commandLine();
            try (Store store = data.openExisting()) {
                for (TokenInfo t : MailboxCommand.admin(cl, store, a -> a.tokens(mailbox))) {
                    String created = t.created() == null ? "" : t.created().toString();
                    String expires = t.expires() == null ? "" : t.expires().toString();
                    cl.getOut().println(json ? JSON.createObjectNode().put("id", t.id()).put("hash", t.hash())
                            .put("created", t.created() == null ? null : created)
                            .put("expires", t.expires() == null ? null : expires).toString()
                            : t.id() + "  " + created + (expires.isEmpty() ? "" : "  expires " + expires));
                }
                cl.getOut().flush();
            }
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revokes a token by its id, or all of them.")
    static final class Revoke implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        DataFolderOption data = new DataFolderOption();
        @Option(names = "--mailbox", paramLabel = "ADDRESS", required = true, description = "The mailbox.")
        String mailbox;
        @Parameters(paramLabel = "ID|all", description = "The token's id as 'token list' shows it, or all.")
        String id;

        @Override
        public Integer call() {
            CommandLine cl = spec.commandLine();
            try (Store store = data.openExisting()) {
                int n = MailboxCommand.admin(cl, store, a -> a.revokeToken(mailbox, id));
                cl.getOut().println("revoked " + n + " token(s)");
                cl.getOut().flush();
            }
            return 0;
        }
    }
}
