package org.submitlab.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Chooses the port when none is given: 587, the submission port, where it can be bound, else 2587. */
public final class DefaultPort {

    public static final int SUBMISSION = 587;
    public static final int FALLBACK = 2587;

    private DefaultPort() {
    }

    /** 587 where it can be bound on {@code bind}, else 2587. */
    public static int choose(InetAddress bind) {
        return canBind(bind, SUBMISSION) ? SUBMISSION : FALLBACK;
    }

    /** As {@link #choose(InetAddress)}, saying on {@code err} which port and why. */
    public static int choose(InetAddress bind, PrintWriter err) {
        int port = choose(bind);
        if (port == SUBMISSION) {
            err.println("using port " + SUBMISSION + ", the submission port");
        } else {
            err.println("port " + SUBMISSION + " is not available here (in use, or it needs administrator rights): using "
                    + FALLBACK + "; give --port N to choose another");
        }
        return port;
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
