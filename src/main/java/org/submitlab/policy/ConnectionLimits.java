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
        return Settings.defaultConnections();
    }

    public ConnectionLimits {
        Settings.MAX_CONNECTIONS.check(maxConnections);
        Settings.CONNECTIONS_PER_ADDRESS.check(perAddress);
        Settings.AUTHENTICATION_TIMEOUT.check(authenticationTimeout);
        Settings.COMMAND_LINE_TIMEOUT.check(commandLineTimeout);
        Settings.DATA_GRACE_PERIOD.check(dataGracePeriod);
        Settings.DATA_MIN_RATE.check(dataMinBytesPerSecond);
        Settings.SESSION_TIMEOUT.check(sessionTimeout);
    }

    /** These connection limits with one of them changed (a connection setting of {@link Settings}). */
    public <T> ConnectionLimits with(Setting<T> setting, T value) {
        if (!setting.path().subList(0, 2).equals(java.util.List.of("limits", "connections"))) {
            throw new IllegalArgumentException(setting.key() + " is not a connection limit");
        }
        setting.check(value);
        return RecordPaths.with(this, setting.path().subList(2, setting.path().size()), value);
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

}
