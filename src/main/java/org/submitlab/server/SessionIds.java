package org.submitlab.server;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.subethamail.smtp.server.SessionIdFactory;

/** Session ids shaped like Exchange's: 16 upper-case hex digits, unique per server run. */
final class SessionIds implements SessionIdFactory {

    private final AtomicLong next = new AtomicLong((new SecureRandom().nextLong() & 0x0000_FFFF_FFFF_0000L)
            | 0x08DD_0000_0000_0000L);

    @Override
    public String create() {
        return String.format("%016X", next.incrementAndGet());
    }
}
