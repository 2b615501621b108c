package org.submitlab.policy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;

/**
 * What one client may take of the server, whatever its credentials: connections and time. All durations
 * are real time (network deadlines), never the lab clock's simulated time.
 *
 * @param maxConnections        connections the server holds at once (read when the server starts)
 * @param perAddress            connections one client address may hold at once (IPv6: one /64); above the
 *                              ~1,000 simulated devices a preset runs from 127.0.0.1
 * @param authenticationTimeout a connection must have authenticated this long after it opened
 * @param commandLineTimeout    a command line must be complete this long after its first byte
 * @param dataGracePeriod       DATA may go at any speed this long; then it must keep {@code dataMinBytesPerSecond}
 * @param dataMinBytesPerSecond the slowest average DATA rate kept after the grace period
 * @param sessionTimeout        the longest a connection may stay open
 */
public record ConnectionLimits(
        int maxConnections,
        int perAddress,
        Duration authenticationTimeout,
        Duration commandLineTimeout,
        Duration dataGracePeriod,
        int dataMinBytesPerSecond,
        Duration sessionTimeout) {

    public static ConnectionLimits defaults() {
        return new ConnectionLimits(2_000, 1_200, Duration.ofSeconds(60), Duration.ofSeconds(30),
                Duration.ofSeconds(30), 1_000, Duration.ofMinutes(60));
    }

    public ConnectionLimits {
        Limits.requireRange("connections", maxConnections, 1, 100_000);
        Limits.requireRange("connections per client address", perAddress, 1, 100_000);
        Limits.requireRange("minimum DATA rate (bytes per second)", dataMinBytesPerSecond, 1, 100_000_000);
        requirePositive("authentication deadline", authenticationTimeout);
        requirePositive("command line deadline", commandLineTimeout);
        requirePositive("DATA grace period", dataGracePeriod);
        requirePositive("session deadline", sessionTimeout);
    }

    public ConnectionLimits withMaxConnections(int n) {
        return new ConnectionLimits(n, perAddress, authenticationTimeout, commandLineTimeout, dataGracePeriod,
                dataMinBytesPerSecond, sessionTimeout);
    }

    public ConnectionLimits withPerAddress(int n) {
        return new ConnectionLimits(maxConnections, n, authenticationTimeout, commandLineTimeout, dataGracePeriod,
                dataMinBytesPerSecond, sessionTimeout);
    }

    public ConnectionLimits withAuthenticationTimeout(Duration d) {
        return new ConnectionLimits(maxConnections, perAddress, d, commandLineTimeout, dataGracePeriod,
                dataMinBytesPerSecond, sessionTimeout);
    }

    public ConnectionLimits withCommandLineTimeout(Duration d) {
        return new ConnectionLimits(maxConnections, perAddress, authenticationTimeout, d, dataGracePeriod,
                dataMinBytesPerSecond, sessionTimeout);
    }

    public ConnectionLimits withDataRate(Duration grace, int minBytesPerSecond) {
        return new ConnectionLimits(maxConnections, perAddress, authenticationTimeout, commandLineTimeout, grace,
                minBytesPerSecond, sessionTimeout);
    }

    public ConnectionLimits withSessionTimeout(Duration d) {
        return new ConnectionLimits(maxConnections, perAddress, authenticationTimeout, commandLineTimeout,
                dataGracePeriod, dataMinBytesPerSecond, d);
    }

    /**
     * The key a client's connections are counted under: its IPv4 address, or the /64 of its IPv6 address
     * (one subscriber usually gets a whole /64, so counting single IPv6 addresses would count nothing).
     */
    public static String addressKey(InetAddress address) {
        if (address instanceof Inet6Address v6 && !v6.isLoopbackAddress()) {
            byte[] b = v6.getAddress();
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                sb.append(Integer.toHexString(((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF))).append(':');
            }
            return sb.append(":/64").toString();
        }
        return address.getHostAddress();
    }

    private static void requirePositive(String what, Duration d) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(what + " must be a positive duration, was " + d);
        }
    }
}
