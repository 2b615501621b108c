package org.submitlab.ui;

import java.time.Instant;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.submitlab.ui.common.EventPump;
import org.submitlab.ui.common.Formats;
import org.submitlab.ui.common.Tables;
import org.submitlab.ui.connections.ConnectionsViewModel;

/** Connections open now, accepted and refused in the last minute, and the latest message. */
final class StatusBar implements EventPump.Listener {

    private final ConnectionsViewModel connections;
    private final EventPump pump;
    private final Label open = value("status-connections");
    private final Label accepted = value("status-accepted");
    private final Label refused = value("status-refused");
    private final Label dropped = new Label();
    private final Label message = new Label();
    private final HBox root;

    StatusBar(ConnectionsViewModel connections, EventPump pump) {
        this.connections = connections;
        this.pump = pump;
        Label c = new Label("Connections");
        c.setTooltip(Tables.tooltip("SMTP connections open now, logged in or not."));
        Label a = new Label("Accepted / min");
        a.setTooltip(Tables.tooltip("Submissions accepted in the last minute of the world's time (real in Live, simulated in a run)."));
        Label r = new Label("Refused / min");
        r.setTooltip(Tables.tooltip("Submissions refused in the last minute of the world's time (real in Live, simulated in a run), at any phase."));
        dropped.setTooltip(Tables.tooltip("Events the console skipped because it fell behind; the counts in the "
                + "tables still come from the server, only the charts and the session log miss them."));
        message.setId("status-message");
        message.setMinWidth(0);
        for (Label l : new Label[] {c, a, r}) {
            l.setMinWidth(Region.USE_PREF_SIZE);
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        root = new HBox(8, c, open, sep(), a, accepted, sep(), r, refused, dropped, spacer, message);
        root.setAlignment(Pos.CENTER_LEFT);
        root.getStyleClass().add("status-bar");
    }

    private static Label value(String id) {
        Label l = new Label("0");
        l.setId(id);
        l.getStyleClass().add("status-value");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label sep() {
        Label l = new Label("\u00b7");
        l.setOpacity(0.5);
        return l;
    }

    Node node() {
        return root;
    }

    void setMessage(String text) {
        message.setText(text);
    }

    @Override
    public void onTick(Instant now) {
        open.setText(Formats.count(connections.openConnections()));
        accepted.setText(Formats.count(connections.acceptedLastMinute(now)));
        refused.setText(Formats.count(connections.refusedLastMinute(now)));
        long d = pump.dropped();
        dropped.setText(d == 0 ? "" : "\u00b7 " + Formats.count(d) + " events skipped");
    }
}
