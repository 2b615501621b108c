package org.submitlab.ui.common;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;
import org.submitlab.app.explain.Explainer;
import org.submitlab.app.explain.Explanation;

/**
 * Table helpers: columns over record accessors (PropertyValueFactory does not see them),
 * header tooltips, and updates that keep the selection and skip unchanged lists.
 */
public final class Tables {

    /** A cell's left and right padding and a little air, beside its text. */
    private static final double CELL_PADDING = 16;

    private Tables() {
    }

    public static <S, T> TableColumn<S, T> column(String title, double width, Function<S, T> value) {
        TableColumn<S, T> c = new TableColumn<>();
        Label header = new Label(title);
        c.setGraphic(header);
        c.setText("");
        c.setId(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return c;
    }

    /** A column whose value is recomputed from an observable (like the simulated clock) while visible. */
    public static <S, T> TableColumn<S, T> liveColumn(String title, double width,
            Function<S, ObservableValue<T>> value) {
        TableColumn<S, T> c = column(title, width, s -> null);
        c.setCellValueFactory(cell -> value.apply(cell.getValue()));
        return c;
    }

    /**
     * Keeps {@code column} at least as wide as {@code sample} set in the header's font, so a
     * constrained resize policy never cuts that text; follows font changes (presentation mode).
     */
    public static <S, T> TableColumn<S, T> fitText(TableColumn<S, T> column, String sample) {
        if (column.getGraphic() instanceof Label header) {
            Runnable fit = () -> {
                javafx.scene.text.Text t = new javafx.scene.text.Text(sample);
                t.setFont(header.getFont());
                column.setMinWidth(Math.ceil(t.getLayoutBounds().getWidth()) + CELL_PADDING);
            };
            header.fontProperty().addListener((o, a, b) -> fit.run());
            fit.run();
        }
        return column;
    }

    public static <S, T> TableColumn<S, T> withHelp(TableColumn<S, T> column, String help) {
        if (column.getGraphic() instanceof Label l) {
            l.setTooltip(tooltip(help));
        }
        return column;
    }

    public static Tooltip tooltip(String text) {
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(520);
        t.setShowDelay(Duration.millis(300));
        t.setShowDuration(Duration.seconds(30));
        return t;
    }

    /**
     * Cells showing a reply line, with its explanation and remedies as the tooltip, and a context menu
     * to copy it or explain it in the Explain tab.
     */
    public static <S> void replyCells(TableColumn<S, String> column) {
        column.setCellFactory(c -> new TableCell<>() {
            {
                // The reply under the pointer when the menu opened: live tables may reuse the cell meanwhile.
                String[] clicked = new String[1];
                javafx.scene.control.MenuItem explain = new javafx.scene.control.MenuItem("Explain this reply");
                explain.setId("explain-reply");
                explain.setOnAction(e -> fireEvent(new org.submitlab.ui.explain.ExplainRequest(clicked[0])));
                javafx.scene.control.MenuItem copy = new javafx.scene.control.MenuItem("Copy");
                copy.setId("copy-reply");
                copy.setOnAction(e -> {
                    javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
                    content.putString(clicked[0]);
                    javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
                });
                javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu(explain, copy);
                menu.setOnShowing(e -> clicked[0] = getItem());
                emptyProperty().addListener((o, was, isEmpty) -> setContextMenu(isEmpty ? null : menu));
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("reply-temporary", "reply-permanent", "reply-success");
                if (empty || item == null || item.isEmpty()) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                setText(item);
                Explanation e = Explainer.explain(item);
                setTooltip(tooltip(e.asText()));
                switch (e.kind()) {
                    case TEMPORARY -> getStyleClass().add("reply-temporary");
                    case PERMANENT -> getStyleClass().add("reply-permanent");
                    case SUCCESS -> getStyleClass().add("reply-success");
                    default -> {
                    }
                }
            }
        });
    }

    /**
     * Replaces the table's rows unless they are unchanged, keeping the selected row (by key)
     * selected. Returns whether anything changed.
     */
    public static <S> boolean update(TableView<S> table, List<S> rows, Function<S, ?> key) {
        if (held(table) || table.getItems().equals(rows)) {
            return false;
        }
        S selected = table.getSelectionModel().getSelectedItem();
        Object selectedKey = selected == null ? null : key.apply(selected);
        table.getItems().setAll(rows);
        if (selectedKey != null) {
            for (int i = 0; i < rows.size(); i++) {
                if (Objects.equals(key.apply(rows.get(i)), selectedKey)) {
                    table.getSelectionModel().select(i);
                    break;
                }
            }
        }
        return true;
    }

    /**
     * Makes a live table hold its rows still while {@code paused} is on or the pointer is over it, so a
     * click lands on the row that was under the pointer; the rows held back arrive with the next update.
     */
    public static void holdWhilePausedOrHovered(TableView<?> table, javafx.beans.value.ObservableBooleanValue paused) {
        table.getProperties().put(HOLD, javafx.beans.binding.Bindings.or(paused, table.hoverProperty()));
    }

    /** Whether the table holds its rows now (see {@link #holdWhilePausedOrHovered}): keep what would change it. */
    public static boolean held(TableView<?> table) {
        return table.getProperties().get(HOLD) instanceof javafx.beans.binding.BooleanBinding b && b.get();
    }

    private static final String HOLD = "submitlab.hold";

    /** A placeholder for an empty table that explains why it is empty. */
    public static Label emptyState(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMaxWidth(560);
        l.getStyleClass().add("empty-state");
        return l;
    }
}
