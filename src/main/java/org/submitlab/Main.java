package org.submitlab;

import org.submitlab.cli.SubmitLabCommand;

/**
 * Entry point of the jar. With a command (serve, sent-items, token, ...) it runs headless;
 * without one it opens the console. A plain class, because a JavaFX Application subclass
 * cannot be the main class of a classpath jar.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            org.submitlab.ui.ConsoleApp.launchConsole(args);
            return;
        }
        System.exit(SubmitLabCommand.run(args));
    }
}
