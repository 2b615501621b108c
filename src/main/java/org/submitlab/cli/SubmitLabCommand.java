package org.submitlab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The headless command line: {@code java -jar submitlab.jar COMMAND ...}. */
@Command(name = "submitlab",
        mixinStandardHelpOptions = true,
        version = "SubmitLab 0.1.0",
        description = "An Exchange Online SMTP AUTH submission endpoint and device simulator.",
        subcommands = {ServeCommand.class, SentItemsCommand.class, TokenCommand.class, SimulateCommand.class,
            RunsCommand.class, ExplainCommand.class, MailboxCommand.class, TenantCommand.class, CertificateCommand.class, TraceCommand.class, DevicesCommand.class,
            CommandLine.HelpCommand.class})
public final class SubmitLabCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: choose one of "
                + String.join(", ", spec.subcommands().keySet()));
    }

    /** Runs the command line and returns the exit code. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The command line with its error handling: one clear line on standard error and a non-zero exit. */
    public static CommandLine commandLine() {
        OneLineErrors errors = new OneLineErrors();
        return new CommandLine(new SubmitLabCommand())
                .setParameterExceptionHandler(errors)
                .setExecutionExceptionHandler(errors);
    }
}
