package org.submitlab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.submitlab.app.devices.DeviceVerdicts;
import org.submitlab.app.devices.DevicesCsv;
import org.submitlab.policy.TenantSettings;
import org.submitlab.store.ClientSighting;
import org.submitlab.store.Store;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code devices}: the real clients Live has seen, with whether each keeps working through Exchange's 2026 changes. */
@Command(name = "devices", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"The real devices and apps Live has seen (by EHLO name, address, login and mechanism), with a "
                + "verdict for each step: today, basicAuthDisabled (end of December 2026), basicAuthRemoved, legacyTls, "
                + "concurrency. Works while a server runs on the same folder.",
            "With --json: one object per line: ehlo, address, login, mechanism, tls, cipher, firstSeen, lastSeen, "
                + "sessions, accepted, refusals, sendAs, messages, maxSize, peakInFlight, limit, verdicts (each "
                + "{verdict: ok|breaks, reason})."})
public final class DevicesCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @Mixin
    DataFolderOption data = new DataFolderOption();
    @Option(names = "--json", description = "One JSON object per line instead of a table.")
    boolean json;
    @Option(names = "--csv", description = "CSV with a header line, one device per record.")
    boolean csv;

    @Override
    public Integer call() throws Exception {
        List<ClientSighting> devices;
        TenantSettings tenant;
        try (Store store = data.openWorldReadOnly(null)) {
            devices = store.clients().list();
            tenant = store.settings().load();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            devices.forEach(d -> out.println(toJson(d, DeviceVerdicts.of(d, tenant))));
        } else if (csv) {
            DevicesCsv.write(devices, tenant, out);
        } else {
            out.printf("%-22s %-15s %-28s %-8s %-8s %8s %8s  %-6s %-9s %-9s %-6s %s%n", "DEVICE (EHLO)", "ADDRESS", "LOGIN",
                    "AUTH", "TLS", "ACCEPTED", "REFUSED", "TODAY", "BASIC-OFF", "REMOVED", "TLS1.2", "CONCURRENCY");
            for (ClientSighting d : devices) {
                Map<String, DeviceVerdicts.Verdict> v = DeviceVerdicts.of(d, tenant);
                out.printf("%-22s %-15s %-28s %-8s %-8s %8d %8d  %-6s %-9s %-9s %-6s %s%n", d.ehlo(), d.address(), d.login(),
                        d.mechanism().isEmpty() ? "none" : d.mechanism(), d.tls() == null ? "none" : d.tls(), d.accepted(),
                        refused(d), v.get(DeviceVerdicts.TODAY).value(), v.get(DeviceVerdicts.BASIC_AUTH_DISABLED).value(),
                        v.get(DeviceVerdicts.BASIC_AUTH_REMOVED).value(), v.get(DeviceVerdicts.LEGACY_TLS).value(),
                        v.get(DeviceVerdicts.CONCURRENCY).value());
            }
            if (devices.isEmpty()) {
                out.println("(no device has connected to Live yet)");
            } else {
                out.println();
                out.println("'submitlab devices --json' gives each verdict's reason.");
            }
        }
        out.flush();
        return 0;
    }

    private static long refused(ClientSighting d) {
        return d.refusals().values().stream().mapToLong(Long::longValue).sum();
    }

    static String toJson(ClientSighting d, Map<String, DeviceVerdicts.Verdict> verdicts) {
        ObjectNode o = JSON.createObjectNode();
        o.put("ehlo", d.ehlo());
        o.put("address", d.address());
        o.put("login", d.login());
        o.put("mechanism", d.mechanism().isEmpty() ? "none" : d.mechanism());
        o.put("tls", d.tls());
        o.put("cipher", d.cipher());
        o.put("firstSeen", d.firstSeen().toString());
        o.put("lastSeen", d.lastSeen().toString());
        o.put("sessions", d.sessions());
        o.put("accepted", d.accepted());
        ObjectNode refusals = o.putObject("refusals");
        d.refusals().forEach(refusals::put);
        d.sendAs().forEach(o.putArray("sendAs")::add);
        o.put("messages", d.messages());
        o.put("maxSize", d.maxSize());
        o.put("averageSize", d.messages() == 0 ? 0 : d.totalSize() / d.messages());
        o.put("peakInFlight", d.peakInFlight());
        o.put("limit", d.limit());
        ObjectNode v = o.putObject("verdicts");
        verdicts.forEach((k, x) -> v.putObject(k).put("verdict", x.value()).put("reason", x.reason()));
        return o.toString();
    }
}
