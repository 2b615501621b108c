package org.submitlab.ui.devices;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.submitlab.ui.common.Formats;

/** The devices of the current scenario with their live state and counters, and a one-line summary. */
public final class DevicesViewModel {

    private List<DeviceRow> rows = List.of();
    private String filter = "";

    public void setRows(List<DeviceRow> newRows) {
        rows = List.copyOf(newRows);
    }

    public void setFilter(String text) {
        filter = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    }

    public List<DeviceRow> rows() {
        if (filter.isEmpty()) {
            return rows;
        }
        return rows.stream().filter(r -> r.name().toLowerCase(Locale.ROOT).contains(filter)
                || r.mailbox().toLowerCase(Locale.ROOT).contains(filter)
                || r.stateText().contains(filter) || r.kind().toLowerCase(Locale.ROOT).contains(filter)).toList();
    }

    /** "12 devices: 3 sending, 5 waiting to retry, 1 gave up · 40 accepted, 12 refused". */
    public String summary() {
        if (rows.isEmpty()) {
            return "No devices. Pick a scenario in the toolbar: its devices appear here, and you can add, edit or "
                    + "remove them before you start it.";
        }
        Map<String, Integer> byState = new TreeMap<>();
        long accepted = 0;
        long refused = 0;
        for (DeviceRow r : rows) {
            byState.merge(r.stateText(), 1, Integer::sum);
            accepted += r.accepted();
            refused += r.refused();
        }
        Map<String, Integer> ordered = new LinkedHashMap<>();
        for (String s : List.of("sending", "waiting to retry", "gave up", "idle", "done", "not started")) {
            if (byState.containsKey(s)) {
                ordered.put(s, byState.remove(s));
            }
        }
        ordered.putAll(byState);
        StringBuilder sb = new StringBuilder(Formats.plural(rows.size(), "device", "devices")).append(": ");
        sb.append(String.join(", ", ordered.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).toList()));
        sb.append(" \u00b7 ").append(Formats.count(accepted)).append(" accepted, ")
                .append(Formats.count(refused)).append(" refused");
        return sb.toString();
    }

    /** A name not yet used, for a copy of {@code base}: printer-1 -> printer-2 (or the next free number). */
    public String nextFreeName(String base) {
        String stem = base.replaceAll("-?\\d+$", "");
        for (int i = 1; ; i++) {
            String candidate = stem + "-" + i;
            if (rows.stream().noneMatch(r -> r.name().equalsIgnoreCase(candidate))) {
                return candidate;
            }
        }
    }
}
