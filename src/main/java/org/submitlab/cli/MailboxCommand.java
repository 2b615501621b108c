package org.submitlab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.submitlab.app.admin.AdminTarget;
import org.submitlab.app.admin.MailboxAdmin;
import org.submitlab.app.admin.MailboxEdits;
import org.submitlab.app.admin.MailboxView;
import org.submitlab.policy.LabClock;
import org.submitlab.store.Store;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mailbox list|add|set|remove}: Live's mailboxes, changed at once even while a server runs on the folder. */
@Command(name = "mailbox", mixinStandardHelpOptions = true,
        description = {"Live's mailboxes: list, add, set and remove them. A server or console running on the same "
                + "data folder takes a change in within a second, without a restart."},
        subcommands = {MailboxCommand.ListMailboxes.class, MailboxCommand.AddMailbox.class,
            MailboxCommand.SetMailbox.class, MailboxCommand.RemoveMailbox.class})
public final class MailboxCommand implements Runnable {

    private static final ObjectMapper JSON = new ObjectMapper();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: list, add, set or remove");
    }

    /** Runs an admin change; a refused change (IllegalArgumentException) is a bad argument that changed nothing. */
    static <T> T admin(CommandLine cl, Store store, java.util.function.Function<MailboxAdmin, T> change) {
        try {
            return change.apply(new MailboxAdmin(AdminTarget.of(store), LabClock.system()));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage() + " (nothing was changed)");
        }
    }

    static String json(MailboxView m) {
        ObjectNode o = JSON.createObjectNode();
        o.put("address", m.address());
        o.put("displayName", m.displayName());
        o.put("smtpAuth", m.smtpAuth());
        o.put("smtpAuthApplies", m.smtpAuthApplies());
        m.recipientsPerDay().ifPresentOrElse(n -> o.put("recipientsPerDay", n), () -> o.putNull("recipientsPerDay"));
        o.put("recipientsPerDayApplies", m.recipientsPerDayApplies());
        m.sendAs().forEach(o.putArray("sendAs")::add);
        if (!o.has("sendAs")) {
            o.putArray("sendAs");
        }
        o.put("saveToSentItems", m.saveToSentItems());
        m.retention().ifPresentOrElse(d -> o.put("retentionDays", d.toDays()), () -> o.putNull("retentionDays"));
        m.quotaBytes().ifPresentOrElse(n -> o.put("quotaBytes", n), () -> o.putNull("quotaBytes"));
        o.put("quotaApplies", m.quotaApplies());
        o.put("sizeBytes", m.sizeBytes());
        m.sendLimitBytes().ifPresentOrElse(n -> o.put("sendLimitBytes", n), () -> o.putNull("sendLimitBytes"));
        o.put("sendLimitApplies", m.sendLimitApplies());
        var nets = o.putArray("networks");
        m.networks().forEach(nets::add);
        o.put("tokens", m.tokens());
        return o.toString();
    }

    static void describe(PrintWriter out, MailboxView m) {
        out.printf("%s (%s): SMTP AUTH %s, %,d recipients a day%s, Sent Items %s%s, quota %s, send limit %s%s%s%n",
                m.address(), m.displayName(), m.smtpAuth().equals("tenant") ? "as the tenant (" + (m.smtpAuthApplies()
                        ? "on" : "off") + ")" : m.smtpAuth(), m.recipientsPerDayApplies(),
                m.recipientsPerDay().isEmpty() ? " (tenant)" : "", m.saveToSentItems() ? "on" : "off",
                m.retention().map(d -> " for " + d.toDays() + " days").orElse(""), bytes(m.quotaApplies()),
                bytes(m.sendLimitApplies()), m.sendAs().isEmpty() ? "" : ", may send as " + String.join(", ", m.sendAs()),
                m.networks().isEmpty() ? "" : ", from " + String.join(", ", m.networks()));
    }

    static String bytes(long n) {
        if (n >= 1L << 30 && n % (1L << 30) == 0) {
            return (n >> 30) + " GB";
        }
        if (n >= 1L << 20 && n % (1L << 20) == 0) {
            return (n >> 20) + " MB";
        }
        return String.format("%,d bytes", n);
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"Lists the mailboxes.", "With --json: one object per line (address, displayName, smtpAuth, "
                    + "recipientsPerDay, sendAs, saveToSentItems, retentionDays, quotaBytes, sizeBytes, sendLimitBytes, "
                    + "networks, tokens, and what applies); never a password or a token."})
    static final class ListMailboxes implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        DataFolderOption data = new DataFolderOption();
        @Option(names = "--json", description = "One JSON object per line.")
        boolean json;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Store store = data.openWorldReadOnly(null)) {
                List<MailboxView> all = new MailboxAdmin(AdminTarget.of(store), LabClock.system()).list();
                for (MailboxView m : all) {
                    if (json) {
                        out.println(json(m));
                    } else {
                        describe(out, m);
                    }
                }
                out.flush();
                if (!json) {
                    spec.commandLine().getErr().println(all.size() + " mailbox(es)");
                    spec.commandLine().getErr().flush();
                }
            }
            return 0;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Creates a mailbox. Without --password-stdin SubmitLab makes a password and prints it once.")
    static final class AddMailbox implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(paramLabel = "ADDRESS")
        String address;
        @Mixin
        DataFolderOption data = new DataFolderOption();
        @Mixin
        MailboxOptions options = new MailboxOptions();

        @Override
        public Integer call() throws Exception {
            CommandLine cl = spec.commandLine();
            var edits = options.edits(cl);
            Optional<String> password = options.password(cl);
            try (Store store = data.openForAdministration()) {
                MailboxAdmin.Created c = admin(cl, store, a -> a.add(address, password, edits));
                PrintWriter out = cl.getOut();
                describe(out, c.mailbox());
                c.generatedPassword().ifPresent(p -> printOnce(cl, "Password (shown once; only its hash is kept):", p));
                out.flush();
            }
            return 0;
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Changes a mailbox; settings not given stay. --generate-password makes a new password "
                    + "and prints it once.")
    static final class SetMailbox implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(paramLabel = "ADDRESS")
        String address;
        @Mixin
        DataFolderOption data = new DataFolderOption();
        @Mixin
        MailboxOptions options = new MailboxOptions();
        @Option(names = "--generate-password", description = "Make a new password and print it once.")
        boolean generatePassword;

        @Override
        public Integer call() throws Exception {
            CommandLine cl = spec.commandLine();
            var edits = options.edits(cl);
            Optional<String> password = options.password(cl);
            if (generatePassword && password.isPresent()) {
                throw new CommandLine.ParameterException(cl, "--generate-password and --password-stdin do not go together");
            }
            Optional<String> generated = generatePassword ? Optional.of(MailboxEdits.newPassword()) : Optional.empty();
            Optional<String> secret = password.isPresent() ? password : generated;
            if (secret.isPresent()) {
                try {
                    edits.add(MailboxEdits.password(secret.get()));
                } catch (IllegalArgumentException e) {
                    throw new CommandLine.ParameterException(cl, "--password-stdin: " + e.getMessage());
                }
            }
            try (Store store = data.openExisting()) {
                MailboxView m = admin(cl, store, a -> a.update(address, edits));
                describe(cl.getOut(), m);
                generated.ifPresent(p -> printOnce(cl, "New password (shown once; only its hash is kept):", p));
                cl.getOut().flush();
            }
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Deletes a mailbox, its tokens and (unless --keep-sent-items) its Sent Items.")
    static final class RemoveMailbox implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(paramLabel = "ADDRESS")
        String address;
        @Mixin
        DataFolderOption data = new DataFolderOption();
        @Option(names = "--keep-sent-items", description = "Keep the mailbox's Sent Items (they stay listed).")
        boolean keepSentItems;

        @Override
        public Integer call() {
            CommandLine cl = spec.commandLine();
            try (Store store = data.openExisting()) {
                MailboxAdmin.Removed r = admin(cl, store, a -> a.remove(address, keepSentItems));
                cl.getOut().println("removed " + r.address() + (keepSentItems ? " (its Sent Items are kept)"
                        : " and its " + r.sentItemsRemoved() + " Sent Items") + ", " + r.tokensRevoked() + " token(s) revoked");
                cl.getOut().flush();
            }
            return 0;
        }
    }

    /** A secret shown once: what it is on standard error, the secret alone on standard output (for scripts). */
    static void printOnce(CommandLine cl, String label, String secret) {
        cl.getErr().println(label);
        cl.getErr().flush();
        cl.getOut().println(secret);
        cl.getOut().flush();
    }
}
