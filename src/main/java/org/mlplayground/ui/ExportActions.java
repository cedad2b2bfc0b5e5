package org.mlplayground.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.transform.Transform;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.mlplayground.experiment.MetricsCsv;
import org.mlplayground.experiment.WeightsJson;

/**
 * The Export menu: a PNG of the whole window or of one panel at 1× or 2× (for slides), the loss chart as SVG,
 * the metric history as CSV, the weights as JSON and the data points as CSV. The picture is taken on the FX
 * thread (it must be); every file is written on a thread of its own, and the status line says where it went or
 * why it could not.
 */
final class ExportActions {
    /** A panel that can be exported as a picture. */
    record Panel(String id, String title, Node node) {
    }

    private final List<Panel> panels;
    private final LossChart lossChart;
    private final DataPanel dataPanel;
    private final Supplier<Snapshot> shown;
    private final BiConsumer<String, Boolean> report;
    private final Supplier<Window> window;
    private final ExecutorService files = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "export");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param panels   the window first, then the panels, each with an id for the menu items
     * @param shown    the snapshot on screen
     * @param report   a message for the status line and whether it is a problem
     */
    ExportActions(List<Panel> panels, LossChart lossChart, DataPanel dataPanel, Supplier<Snapshot> shown,
            BiConsumer<String, Boolean> report, Supplier<Window> window) {
        this.panels = List.copyOf(panels);
        this.lossChart = lossChart;
        this.dataPanel = dataPanel;
        this.shown = shown;
        this.report = report;
        this.window = window;
    }

    /** The Export submenu. */
    Menu menu() {
        Menu export = new Menu("Export");
        export.setId("exportMenu");
        for (int scale = 1; scale <= 2; scale++) {
            Menu pictures = new Menu("PNG at " + scale + "×" + (scale == 2 ? " (slides)" : ""));
            for (Panel p : panels) {
                int s = scale;
                pictures.getItems().add(item(p.title() + "…", "export-" + p.id() + "-" + s, "png",
                        p.id() + (s == 2 ? "@2x" : "") + ".png", path -> png(p.node(), s, path)));
            }
            export.getItems().add(pictures);
        }
        export.getItems().addAll(new SeparatorMenuItem(),
                item("Loss chart as SVG…", "export-svg", "svg", "loss-chart.svg", this::lossChartSvg),
                item("Metric history as CSV…", "export-metrics", "csv", "metrics.csv", this::metricsCsv),
                item("Weights as JSON…", "export-weights", "json", "weights.json", this::weightsJson),
                item("Data points as CSV…", "export-points", "csv", "points.csv", this::pointsCsv));
        return export;
    }

    private interface Action {
        CompletableFuture<?> to(Path file);
    }

    private MenuItem item(String text, String id, String extension, String name, Action action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setMnemonicParsing(false);
        item.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Export " + text.replace("…", ""));
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(extension.toUpperCase(java.util.Locale.ROOT),
                    "*." + extension));
            chooser.setInitialFileName(name);
            java.io.File file = chooser.showSaveDialog(window.get());
            if (file == null) return;
            Path path = file.toPath();
            if (!file.getName().contains(".")) path = path.resolveSibling(file.getName() + "." + extension);
            action.to(path);
        });
        return item;
    }

    /**
     * {@code node} as it is on screen, {@code scale} pixels per point (2 for a sharp picture on a slide), to a PNG.
     * Call on the FX thread: the picture is taken there, the file written elsewhere.
     */
    CompletableFuture<Path> png(Node node, double scale, Path file) {
        SnapshotParameters parameters = new SnapshotParameters();
        parameters.setTransform(Transform.scale(scale, scale));
        WritableImage shot = node.snapshot(parameters, null);
        int w = (int) shot.getWidth(), h = (int) shot.getHeight();
        int[] argb = new int[w * h];
        shot.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return write(file, "the picture", () -> {
            BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            image.setRGB(0, 0, w, h, argb, 0, w);
            SceneCapture.writePng(image, file);
            return String.format(java.util.Locale.ROOT, "Saved a %d × %d px picture to %s.", w, h, file);
        });
    }

    /** The loss chart as it is shown, as an SVG drawing (at least 900 px wide). FX thread. */
    CompletableFuture<Path> lossChartSvg(Path file) {
        double width = Math.max(1, lossChart.getWidth()), height = Math.max(1, lossChart.getHeight());
        double scale = Math.max(1, 900 / width);
        CompletableFuture<Path> done = lossChart.writeSvg(file, (int) Math.round(width * scale), (int) Math.round(height * scale));
        done.whenComplete((path, failure) -> Platform.runLater(() -> report.accept(failure == null
                ? "Saved the loss chart to " + path + "." : "Could not save the loss chart to " + file + ": "
                        + ExperimentActions.reason(failure), failure != null)));
        return done;
    }

    /** The metric history on screen as CSV ({@link MetricsCsv#HEADER}). */
    CompletableFuture<Path> metricsCsv(Path file) {
        Snapshot s = shown.get();
        return write(file, "the metric history", () -> {
            Files.writeString(file, MetricsCsv.of(s.history()), StandardCharsets.UTF_8);
            return "Saved the metrics of " + s.history().size() + " epochs to " + file + ".";
        });
    }

    /** The weights on screen as JSON (W_l row by row, b_l, …). */
    CompletableFuture<Path> weightsJson(Path file) {
        Snapshot s = shown.get();
        return write(file, "the weights", () -> {
            try (OutputStream out = Files.newOutputStream(file)) {
                WeightsJson.write(s.network(), s.config().features(), out);
            }
            return "Saved the weights of the " + s.network().spec().shape() + " network to " + file + ".";
        });
    }

    /** The points on screen as CSV, as the data panel's Export CSV writes them. */
    CompletableFuture<String> pointsCsv(Path file) {
        return dataPanel.exportTo(file);
    }

    private interface Job {
        String run() throws IOException;
    }

    private CompletableFuture<Path> write(Path file, String what, Job job) {
        CompletableFuture<Path> done = new CompletableFuture<>();
        files.execute(() -> {
            try {
                String confirmation = job.run();
                Platform.runLater(() -> report.accept(confirmation, false));
                done.complete(file);
            } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
                Platform.runLater(() -> report.accept("Could not save " + what + " to " + file + ": "
                        + ExperimentActions.reason(e), true));
                done.completeExceptionally(e);
            }
        });
        return done;
    }
}
