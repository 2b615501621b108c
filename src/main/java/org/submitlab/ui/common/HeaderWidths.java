package org.submitlab.ui.common;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.skin.TableColumnHeader;

/**
 * In large type a column's width may be less than its title's: presentation mode makes every column at least as
 * wide as its title, so no header reads "Conne…" (the table scrolls sideways instead), and gives the widths back
 * when it ends.
 */
public final class HeaderWidths {

    private static final String KEPT = "submitlab.min-width";

    private HeaderWidths() {
    }

    /** For every column header shown under {@code root}: its title's width as minimum ({@code on}) or the original. */
    public static void fit(Parent root, boolean on) {
        root.applyCss();
        for (Node n : root.lookupAll(".column-header")) {
            if (!(n instanceof TableColumnHeader h) || h.getTableColumn() == null) {
                continue;
            }
            TableColumnBase<?, ?> column = h.getTableColumn();
            Object kept = column.getProperties().get(KEPT);
            if (on) {
                Node label = h.lookup(".label");
                // The title is the label's text or, for a column with help, its graphic.
                if (label instanceof Label l && l.prefWidth(-1) > 0) {
                    if (kept == null) {
                        column.getProperties().put(KEPT, column.getMinWidth());
                    }
                    double title = l.prefWidth(-1) + 18; // the header's padding and sort arrow room
                    column.setMinWidth(Math.max((double) column.getProperties().get(KEPT), title));
                }
            } else if (kept != null) {
                column.setMinWidth((double) kept);
                column.getProperties().remove(KEPT);
            }
        }
        if (on) {
            fitShortCells(root);
        }
    }

    /** Names and numbers ("printer@contoso.test", "0 / 3") are not cut either; long texts (replies) still may be. */
    private static void fitShortCells(Parent root) {
        for (Node n : root.lookupAll(".table-cell")) {
            if (n instanceof javafx.scene.control.TableCell<?, ?> cell && cell.getTableColumn() != null
                    && cell.getText() != null && cell.getText().length() <= 40) {
                TableColumnBase<?, ?> column = cell.getTableColumn();
                if (column.getProperties().containsKey(KEPT)) {
                    column.setMinWidth(Math.max(column.getMinWidth(), cell.prefWidth(-1) + 4));
                }
            }
        }
    }
}
