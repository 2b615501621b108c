package org.submitlab.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.submitlab.app.admin.MailboxEdits;
import org.submitlab.policy.Mailbox;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The mailbox settings {@code mailbox add} and {@code mailbox set} take; a setting not given stays as it is. */
final class MailboxOptions {

    @Option(names = "--password-stdin", description = "Read the password from the first line of standard input "
            + "(it never shows in the process list). Without it, 'add' makes one and prints it once.")
    boolean passwordStdin;

    @Option(names = "--smtp-auth", paramLabel = "on|off|tenant",
            description = "SMTP AUTH for this mailbox, or 'tenant' to follow the tenant's switch.")
    String smtpAuth;

    @Option(names = "--recipients-per-day", paramLabel = "N|tenant",
            description = "RecipientLimitPerDay for this mailbox (1 to 10,000), or 'tenant'.")
    String recipientsPerDay;

    @Option(names = "--send-as", paramLabel = "ADDRESS",
            description = "An address this mailbox may send as (repeatable; replaces its grants).")
    List<String> sendAs = new ArrayList<>();

    @Option(names = "--no-send-as", description = "Remove every Send As grant.")
    boolean noSendAs;

    @Option(names = "--sent-items", paramLabel = "on|off", description = "Keep a Sent Items copy of every submission.")
    String sentItems;

    @Option(names = "--retention", paramLabel = "DAYS|off", description = "Days to keep Sent Items, or off (keep).")
    String retention;

    @Option(names = "--quota", paramLabel = "BYTES|tenant", description = "Mailbox quota (e.g. 2GB), or 'tenant'.")
    String quota;

    @Option(names = "--send-limit", paramLabel = "BYTES|tenant", description = "Largest message (e.g. 20MB), or 'tenant'.")
    String sendLimit;

    @Option(names = "--networks", paramLabel = "CIDR[,CIDR...]|any",
            description = "Client networks allowed to log in (IPv4 and IPv6), or 'any'.")
    String networks;

    @Option(names = "--display-name", paramLabel = "TEXT", description = "The mailbox's display name.")
    String displayName;

    /** The edits given, each checked now: a bad value is a bad argument naming its option. */
    List<UnaryOperator<Mailbox>> edits(CommandLine cl) {
        List<UnaryOperator<Mailbox>> e = new ArrayList<>();
        add(e, cl, "--smtp-auth", smtpAuth, MailboxEdits::smtpAuth);
        add(e, cl, "--recipients-per-day", recipientsPerDay, MailboxEdits::recipientsPerDay);
        if (noSendAs && !sendAs.isEmpty()) {
            throw new CommandLine.ParameterException(cl, "--send-as and --no-send-as do not go together");
        }
        if (noSendAs || !sendAs.isEmpty()) {
            try {
                e.add(MailboxEdits.sendAs(sendAs));
            } catch (IllegalArgumentException ex) {
                throw new CommandLine.ParameterException(cl, "--send-as: " + ex.getMessage());
            }
        }
        add(e, cl, "--sent-items", sentItems, MailboxEdits::sentItems);
        add(e, cl, "--retention", retention, MailboxEdits::retention);
        add(e, cl, "--quota", quota, MailboxEdits::quota);
        add(e, cl, "--send-limit", sendLimit, MailboxEdits::sendLimit);
        add(e, cl, "--networks", networks, MailboxEdits::networks);
        add(e, cl, "--display-name", displayName, MailboxEdits::displayName);
        return e;
    }

    /** The password from standard input when {@code --password-stdin}, else empty. */
    Optional<String> password(CommandLine cl) throws IOException {
        if (!passwordStdin) {
            return Optional.empty();
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null || line.isEmpty()) {
            throw new CommandLine.ParameterException(cl, "--password-stdin: standard input has no password line");
        }
        return Optional.of(line);
    }

    private static void add(List<UnaryOperator<Mailbox>> edits, CommandLine cl, String option, String value,
            java.util.function.Function<String, UnaryOperator<Mailbox>> parse) {
        if (value == null) {
            return;
        }
        try {
            edits.add(parse.apply(value));
        } catch (IllegalArgumentException ex) {
            throw new CommandLine.ParameterException(cl, option + ": " + ex.getMessage());
        }
    }
}
