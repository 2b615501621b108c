package org.submitlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Chooses the port when none is given: 587, the submission port, where it can be bound, else 2587. */
final class DefaultPort {

    static final int SUBMISSION = 587;
    static final int FALLBACK = 2587;

    private DefaultPort() {
    }

    static int choose(InetAddress bind, PrintWriter err) {
        if (canBind(bind, SUBMISSION)) {
            err.println("using port " + SUBMISSION + ", the submission port");
            return SUBMISSION;
        }
        err.println("port " + SUBMISSION + " is not available here (in use, or it needs administrator rights): using "
                + FALLBACK + "; give --port N to choose another");
        return FALLBACK;
    }

    private static boolean canBind(InetAddress bind, int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(bind, port));
            return true;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }
}
