package org.submitlab.cli;

/** A command that cannot do its work for a reason the user can fix; reported as one line, exit code 1. */
final class CommandFailure extends RuntimeException {

    CommandFailure(String message) {
        super(message);
    }
}
