package org.submitlab.sim;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a simulated device is; it decides nothing by itself, but reports and the console group by it. */
public enum DeviceKind {
    PRINTER, SCANNER, APP, ALERTING, NEWSLETTER, CUSTOM,
    /** An on-premises relay: devices hand it their messages and it submits them with at most N connections. */
    RELAY;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DeviceKind byId(String id) {
        for (DeviceKind k : values()) {
            if (k.id().equalsIgnoreCase(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown device kind '" + id + "'; choose one of "
                + Arrays.stream(values()).map(DeviceKind::id).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return id();
    }
}
