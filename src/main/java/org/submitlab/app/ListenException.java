package org.submitlab.app;

import java.net.BindException;
import java.net.InetAddress;

/** The server could not listen where it was asked to, and why, in words for the person who asked. */
public final class ListenException extends RuntimeException {

    /** The two reasons an admin can act on. */
    public enum Why { PORT_TAKEN, NOT_AN_ADDRESS_HERE }

    private final Why why;

    private ListenException(String message, Why why, Throwable cause) {
        super(message, cause);
        this.why = why;
    }

    public Why why() {
        return why;
    }

    /** {@code e} as a ListenException when a bind failure caused it, else {@code e} itself. */
    static RuntimeException of(RuntimeException e, InetAddress bind, int port) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException be) {
                String where = bind.getHostAddress() + ":" + port;
                String text = String.valueOf(be.getMessage());
                if (text.contains("assign requested address") || text.contains("not valid in its context")) {
                    return new ListenException("cannot listen on " + where + ": " + bind.getHostAddress()
                            + " is not an address of this machine", Why.NOT_AN_ADDRESS_HERE, e);
                }
                return new ListenException("cannot listen on " + where + ": " + text
                        + " (another program uses the port)", Why.PORT_TAKEN, e);
            }
        }
        return e;
    }
}
