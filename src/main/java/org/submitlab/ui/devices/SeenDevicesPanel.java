package org.submitlab.ui.devices;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.submitlab.app.devices.DeviceVerdicts;
import org.submitlab.app.devices.DevicesCsv;
import org.submitlab.policy.TenantSettings;
import org.submitlab.store.ClientSighting;
import org.submitlab.store.Store;
import org.submitlab.ui.common.CsvExport;
import org.submitlab.ui.common.EventPump;
import org.submitlab.ui.common.Formats;
import org.submitlab.ui.common.PanelLayout;
import org.submitlab.ui.common.Tables;
import org.submitlab.ui.common.UiContext;

/**
 * Live's real devices as its sessions saw them, each with whether it keeps working today, when Exchange
 * disables and then removes basic authentication, with TLS 1.2 required, and at its mailbox's concurrency.
 */
public final class SeenDevicesPanel implements EventPump.Listener {

    private static final long REFRESH_MILLIS = 2_000;

    /** One device and its verdicts, as the table shows it. */
    public record Row(ClientSighting device, Map<String, DeviceVerdicts.Verdict> verdicts) {
    }

    private final UiContext ui;
    private final Store store;
    private final TableView<Row> table = new TableView<>();
    private final Label summary = new Label();
    private final BorderPane root = new BorderPane();
    private long lastRefresh;
    private boolean loading;

    public SeenDevicesPanel(UiContext ui, Store store) {
        this.ui = ui;
        this.store = store;
        table.setId("seen-devices-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(Tables.emptyState("No real device has connected to Live yet. Point one at the address in "
                + "the toolbar: it appears here after its first session."));
        table.getColumns().setAll(List.of(
                Tables.withHelp(Tables.column("Device (EHLO)", 150, (Row r) -> r.device().ehlo()),
                        "The name the device gave in EHLO."),
                Tables.column("Address", 105, (Row r) -> r.device().address()),
                Tables.column("Login", 180, (Row r) -> r.device().login()),
                Tables.column("Auth", 70, (Row r) -> r.device().mechanism().isEmpty() ? "none" : r.device().mechanism()),
                Tables.column("TLS", 65, (Row r) -> r.device().tls() == null ? "none" : r.device().tls()),
                Tables.column("Accepted", 70, (Row r) -> r.device().accepted()),
                Tables.column("Refused", 65, (Row r) -> r.device().refusals().values().stream().mapToLong(Long::longValue).sum()),
                Tables.withHelp(Tables.column("Peak", 55, (Row r) -> r.device().peakInFlight() + "/" + r.device().limit()),
                        "The most submissions in flight on its mailbox during its sessions, against the limit."),
                Tables.column("Last seen", 110, (Row r) -> Formats.clockSecondsNear(r.device().lastSeen(), ui.now(), ui.zone())),
                verdict("Today", DeviceVerdicts.TODAY),
                verdict("Basic off", DeviceVerdicts.BASIC_AUTH_DISABLED),
                verdict("Removed", DeviceVerdicts.BASIC_AUTH_REMOVED),
                verdict("TLS 1.2", DeviceVerdicts.LEGACY_TLS),
                verdict("Concurrency", DeviceVerdicts.CONCURRENCY)));
        summary.setId("seen-devices-summary");
        summary.getStyleClass().add("panel-help");
        Button export = new Button("Export CSV\u2026");
        export.setId("seen-devices-export");
        export.setOnAction(e -> exportCsv());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, summary, spacer, export);
        bar.setAlignment(Pos.CENTER_LEFT);
        PanelLayout.fill(root, new VBox(4, PanelLayout.help("Real devices seen by Live, and whether each keeps working: "
                + "today, when Exchange disables basic authentication (end of December 2026), when it removes it, with "
                + "TLS 1.2 required, and at its mailbox's concurrency limit. Hover a verdict for its reason."), bar), table);
    }

    public Node node() {
        return root;
    }

    public TableView<Row> table() {
        return table;
    }

    @Override
    public void onTick(Instant now) {
        long wall = System.nanoTime() / 1_000_000;
        if (!loading && wall - lastRefresh >= REFRESH_MILLIS) {
            lastRefresh = wall;
            refresh();
        }
    }

    /** Reads the inventory again (off the FX thread). */
    public void refresh() {
        loading = true;
        ui.background().run(() -> {
            TenantSettings tenant = store.settings().load();
            return store.clients().list().stream().map(d -> new Row(d, DeviceVerdicts.of(d, tenant))).toList();
        }, rows -> {
            loading = false;
            Tables.update(table, rows, r -> r.device().key());
            long breaking = rows.stream().filter(r -> r.verdicts().get(DeviceVerdicts.BASIC_AUTH_DISABLED).breaks()).count();
            summary.setText(rows.isEmpty() ? "" : Formats.plural(rows.size(), "device", "devices") + " seen; "
                    + Formats.plural(breaking, "breaks", "break") + " when basic authentication is disabled");
        }, e -> {
            loading = false;
            summary.setText("Could not read the devices: " + e.getMessage());
        });
    }

    private TableColumn<Row, String> verdict(String title, String step) {
        TableColumn<Row, String> c = Tables.column(title, 95, (Row r) -> r.verdicts().get(step).value());
        Function<Row, String> reason = r -> r.verdicts().get(step).reason();
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("verdict-breaks", "verdict-ok");
                Row row = empty || getTableRow() == null ? null : getTableRow().getItem();
                if (empty || item == null || row == null) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                setText(item);
                setTooltip(Tables.tooltip(reason.apply(row)));
                getStyleClass().add("breaks".equals(item) ? "verdict-breaks" : "verdict-ok");
            }
        });
        return c;
    }

    private void exportCsv() {
        List<ClientSighting> devices = table.getItems().stream().map(Row::device).toList();
        CsvExport.ask(root, "Export the devices as CSV", "devices.csv", ui.background(),
                w -> DevicesCsv.write(devices, store.settings().load(), w), summary::setText);
    }
}
