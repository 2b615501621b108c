package org.submitlab.server;

import java.net.SocketTimeoutException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.submitlab.policy.ConnectionLimits;

/**
 * The real-time deadlines of one connection (System.nanoTime, never the lab clock): to authenticate, to
 * finish a command line once it started, to keep DATA above a minimum average rate after a grace period,
 * and for the whole session. The connection's {@link DeadlineInputStream} asks before every read how long
 * that read may block: the nearest deadline or the idle timeout, whichever comes first. So a client that
 * sends one byte a second no longer keeps a connection by resetting the idle timer.
 *
 * <p>Progress (lines, DATA bytes) is written by the session thread only; the flags the connection table
 * and its watchdog read from other threads are volatile.
 */
final class ConnectionDeadlines {

    private final Supplier<ConnectionLimits> limits;
    private final long openedAt;
    private volatile boolean authenticated;
    private volatile int idleMillis;
    /** Nothing of a command has arrived since the last one (true from the start: a new connection sent nothing). */
    private volatile boolean waitingForCommand = true;
    private volatile Deadline ended;
    private volatile long shedAt;
    private long lineStartedAt = -1;
    private boolean inData;
    private long dataStartedAt;
    private long dataBytes;

    ConnectionDeadlines(Supplier<ConnectionLimits> limits, long openedAt) {
        this.limits = limits;
        this.openedAt = openedAt;
    }

    long openedAt() {
        return openedAt;
    }

    /** The idle timeout the session asks for (SO_TIMEOUT semantics: 0 waits for ever). */
    void idleTimeout(int millis) {
        this.idleMillis = millis;
    }

    void authenticated() {
        authenticated = true;
    }

    boolean isAuthenticated() {
        return authenticated;
    }

    /** Blocked in a read between commands: nothing of a command has arrived (what shedding counts as idle). */
    boolean waitingForCommand() {
        return waitingForCommand;
    }

    /** DATA begins: the body must keep the minimum rate once its grace period is over. */
    void startData(long now) {
        inData = true;
        dataStartedAt = now;
        dataBytes = 0;
    }

    /** Whether the bytes read now are a DATA body (8-bit, anything goes) rather than command lines. */
    boolean inData() {
        return inData;
    }

    void endData() {
        inData = false;
        lineStartedAt = -1;
    }

    /** The deadline that ended this connection, if one did (or SHED). */
    Optional<Deadline> ended() {
        return Optional.ofNullable(ended);
    }

    /** Asks the connection to end to make room: its next (or current) read ends with the SHED reply. */
    void shed(long now) {
        ended = Deadline.SHED;
        shedAt = now;
    }

    boolean shedRequested() {
        return shedAt != 0;
    }

    long shedAt() {
        return shedAt;
    }

    /** The SO_TIMEOUT for the next read (at least 1 ms); throws when a deadline has already passed. */
    int beforeRead(long now) throws SocketTimeoutException {
        if (shedRequested()) {
            throw expired(Deadline.SHED);
        }
        Next next = next();
        long left = next.at - now;
        if (left <= 0) {
            throw expired(next.deadline);
        }
        waitingForCommand = !inData && lineStartedAt < 0;
        // Rounded up, so a read that times out finds its deadline passed.
        return timeout(TimeUnit.NANOSECONDS.toMillis(left + 999_999));
    }

    /** {@code n} bytes arrived: DATA counts them; outside DATA they start or end a command line. */
    void afterRead(byte[] b, int off, int n, long now) {
        waitingForCommand = false;
        if (n <= 0) {
            return;
        }
        if (inData) {
            dataBytes += n;
            return;
        }
        int lastLf = -1;
        for (int i = off + n - 1; i >= off; i--) {
            if (b[i] == '\n') {
                lastLf = i;
                break;
            }
        }
        if (lastLf == off + n - 1) {
            lineStartedAt = -1; // the chunk ends a line
        } else if (lastLf >= 0 || lineStartedAt < 0) {
            lineStartedAt = now; // a line started with this chunk
        }
    }

    /** A read timed out: the deadline that passed, or the idle timeout. */
    SocketTimeoutException timedOut(long now) {
        Next next = next();
        return expired(next.at - now <= TimeUnit.MILLISECONDS.toNanos(5) ? next.deadline : Deadline.IDLE);
    }

    /** A hard deadline that passed more than {@code slackNanos} ago (for the watchdog), if any. */
    Optional<Deadline> overdue(long now, long slackNanos) {
        Next next = next();
        return now - next.at > slackNanos ? Optional.of(next.deadline) : Optional.empty();
    }

    /** For a read the deadlines cannot watch (the TLS handshake): how long it may block. */
    int handshakeTimeout(long now) {
        return timeout(TimeUnit.NANOSECONDS.toMillis(next().at - now));
    }

    /** SO_TIMEOUT for a read that may block {@code millis} (at least 1 ms), or the idle timeout if sooner. */
    private int timeout(long millis) {
        long ms = Math.max(1, millis);
        int idle = idleMillis;
        return (int) (idle > 0 ? Math.min(idle, ms) : Math.min(ms, Integer.MAX_VALUE));
    }

    SocketTimeoutException expired(Deadline d) {
        if (ended == null || d == Deadline.SHED) {
            ended = d;
        }
        return new SocketTimeoutException("deadline: " + d);
    }

    private record Next(Deadline deadline, long at) {
    }

    /** The nearest deadline that applies now (the session's at the latest). */
    private Next next() {
        ConnectionLimits l = limits.get();
        Deadline d = Deadline.SESSION;
        long at = openedAt + l.sessionTimeout().toNanos();
        if (!authenticated) {
            long auth = openedAt + l.authenticationTimeout().toNanos();
            if (auth < at) {
                d = Deadline.AUTHENTICATION;
                at = auth;
            }
        }
        if (inData) {
            long minimum = dataBytes * 1_000_000_000L / l.dataMinBytesPerSecond();
            long rate = dataStartedAt + Math.max(l.dataGracePeriod().toNanos(), minimum);
            if (rate < at) {
                d = Deadline.DATA_RATE;
                at = rate;
            }
        } else if (lineStartedAt >= 0) {
            long line = lineStartedAt + l.commandLineTimeout().toNanos();
            if (line < at) {
                d = Deadline.COMMAND_LINE;
                at = line;
            }
        }
        return new Next(d, at);
    }
}
