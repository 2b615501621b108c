package org.submitlab.app.devices;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.submitlab.policy.TenantSettings;
import org.submitlab.store.ClientSighting;

/** The device inventory as CSV, one device per record with its verdicts and the reasons of those that break. */
public final class DevicesCsv {

    private DevicesCsv() {
    }

    /** Writes to {@code out}, flushed and left open (it may be standard output). */
    public static void write(List<ClientSighting> devices, TenantSettings tenant, Appendable out) throws IOException {
        CSVPrinter p = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader("ehlo", "address", "login",
                "mechanism", "tls", "firstSeen", "lastSeen", "sessions", "accepted", "refused", "peakInFlight", "limit",
                DeviceVerdicts.TODAY, DeviceVerdicts.BASIC_AUTH_DISABLED, DeviceVerdicts.BASIC_AUTH_REMOVED,
                DeviceVerdicts.LEGACY_TLS, DeviceVerdicts.CONCURRENCY, "reasons").get());
        for (ClientSighting d : devices) {
            Map<String, DeviceVerdicts.Verdict> v = DeviceVerdicts.of(d, tenant);
            p.printRecord(d.ehlo(), d.address(), d.login(), d.mechanism(), d.tls(), d.firstSeen(), d.lastSeen(),
                    d.sessions(), d.accepted(), d.refusals().values().stream().mapToLong(Long::longValue).sum(),
                    d.peakInFlight(), d.limit(), v.get(DeviceVerdicts.TODAY).value(),
                    v.get(DeviceVerdicts.BASIC_AUTH_DISABLED).value(), v.get(DeviceVerdicts.BASIC_AUTH_REMOVED).value(),
                    v.get(DeviceVerdicts.LEGACY_TLS).value(), v.get(DeviceVerdicts.CONCURRENCY).value(), reasons(v));
        }
        p.flush();
    }

    private static String reasons(Map<String, DeviceVerdicts.Verdict> v) {
        StringBuilder b = new StringBuilder();
        v.forEach((k, x) -> {
            if (x.breaks()) {
                b.append(b.length() == 0 ? "" : "; ").append(k).append(": ").append(x.reason());
            }
        });
        return b.toString();
    }
}
