package org.submitlab.ui.common;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.FileChooser;
import javax.imageio.ImageIO;

/** Charts saved as PNG, for a slide or a ticket: right-click a chart, "Save chart as PNG…". */
public final class ChartImages {

    private ChartImages() {
    }

    /** Gives the chart (any node that draws one) a context menu that saves what it shows now. */
    public static void offerPng(Node chart, String fileName) {
        MenuItem save = new MenuItem("Save chart as PNG\u2026");
        save.setId("chart-save-png");
        save.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Save the chart as PNG");
            chooser.setInitialFileName(fileName);
            File f = chooser.showSaveDialog(chart.getScene().getWindow());
            if (f != null) {
                try {
                    writePng(chart, f.toPath());
                } catch (IOException ex) {
                    throw new IllegalStateException("cannot save " + f + ": " + ex.getMessage(), ex);
                }
            }
        });
        ContextMenu menu = new ContextMenu(save);
        chart.setOnContextMenuRequested(e -> menu.show(chart, e.getScreenX(), e.getScreenY()));
    }

    /** Writes the node as it looks now (on the FX thread). */
    public static void writePng(Node node, Path file) throws IOException {
        WritableImage image = node.snapshot(null, null);
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        if (!ImageIO.write(out, "png", file.toFile())) {
            throw new IOException("no PNG writer in this Java runtime");
        }
    }
}
