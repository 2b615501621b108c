package org.submitlab.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The headless command line: {@code java -jar submitlab.jar COMMAND ...}. */
@Command(name = "submitlab",
        mixinStandardHelpOptions = true,
        version = "SubmitLab 0.1.0",
        description = "An Exchange Online SMTP AUTH submission endpoint and device simulator.",
        // The subcommands are added by commandLine(args): see SUBCOMMANDS.
        subcommands = {})
public final class SubmitLabCommand implements Runnable {

    /**
     * Every command, in the order the help lists them. Picocli builds the model of every registered command
     * (reflection over its options, their defaults, the static state of its class) before parsing: for all
     * of them that was about half a second of each start. A start that names its command builds that one
     * only; anything else (no command, --help, help, a typo) builds them all.
     */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: choose one of "
                + String.join(", ", spec.subcommands().keySet()));
    }

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("serve", ServeCommand::new);
        m.put("sent-items", SentItemsCommand::new);
        m.put("token", TokenCommand::new);
        m.put("simulate", SimulateCommand::new);
        m.put("runs", RunsCommand::new);
        m.put("explain", ExplainCommand::new);
        m.put("mailbox", MailboxCommand::new);
        m.put("tenant", TenantCommand::new);
        m.put("certificate", CertificateCommand::new);
        m.put("trace", TraceCommand::new);
        m.put("devices", DevicesCommand::new);
        m.put("help", CommandLine.HelpCommand::new);
        return m;
    }

    /** A command line of its own, so that picocli applies the command's model transformer (setting options). */
    private static CommandLine command(Supplier<Object> make) {
        return new CommandLine(make.get());
    }

    /** Runs the command line and returns the exit code. */
    public static int run(String... args) {
        return commandLine(args).execute(args);
    }

    /** The command line with every command and its error handling. */
    public static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /**
     * The command line for {@code args}, with its error handling (one clear line on standard error and a
     * non-zero exit): only the command {@code args} names when it names one after the top-level options
     * ({@code --version} needs none), every command otherwise.
     */
    public static CommandLine commandLine(String... args) {
        OneLineErrors errors = new OneLineErrors();
        CommandLine cl = new CommandLine(new SubmitLabCommand())
                .setParameterExceptionHandler(errors)
                .setExecutionExceptionHandler(errors);
        String first = args.length > 0 ? args[0] : "";
        boolean versionOnly = args.length == 1 && (first.equals("--version") || first.equals("-V"));
        if (versionOnly) {
            return cl;
        }
        if (SUBCOMMANDS.containsKey(first) && !first.equals("help")) {
            cl.addSubcommand(first, command(SUBCOMMANDS.get(first)));
        } else {
            SUBCOMMANDS.forEach((name, make) -> cl.addSubcommand(name, command(make)));
        }
        return cl;
    }
}
