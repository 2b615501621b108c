package org.submitlab.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.submitlab.store.StoreException;
import picocli.CommandLine;

/**
 * Reports a bad argument or a failed command as one clear line on standard error, with a non-zero exit:
 * {@code 2} for bad arguments (picocli's USAGE), {@code 1} for a command that failed.
 */
final class OneLineErrors implements CommandLine.IParameterExceptionHandler, CommandLine.IExecutionExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(OneLineErrors.class);

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        String name = cl.getCommandSpec().qualifiedName();
        cl.getErr().println(name + ": " + oneLine(ex.getMessage())
                + " (see '" + name + " --help')");
        cl.getErr().flush();
        return cl.getCommandSpec().exitCodeOnInvalidInput();
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
        LOG.debug("command failed", ex);
        String message = ex.getMessage() == null ? "" : ex.getMessage();
        if (!(ex instanceof CommandFailure || ex instanceof StoreException) || message.isBlank()) {
            message = ex.getClass().getSimpleName() + (message.isBlank() ? "" : ": " + message);
        }
        cl.getErr().println(cl.getCommandSpec().qualifiedName() + ": " + oneLine(message));
        cl.getErr().flush();
        return cl.getCommandSpec().exitCodeOnExecutionException();
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
