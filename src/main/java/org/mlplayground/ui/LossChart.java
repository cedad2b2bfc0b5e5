package org.mlplayground.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.HPos;
import javafx.geometry.VPos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.PanHandlerFX;
import org.mlplayground.train.EpochMetrics;

/**
 * Training and test loss against epochs, live (loss chart of the output panel; usable from FXML as
 * {@code <LossChart fx:id="lossChart"/>}). Above the chart: "log scale", "accuracy" (train and test accuracy
 * in % on a right axis), "split cost" (when the run has a weight penalty: the data term C₀, the penalty and
 * C = C₀ + penalty as three lines), "fit" and "Export…" (PNG or SVG).
 *
 * <p>Zoom with the mouse wheel or by dragging a rectangle (dragging to the left zooms out); pan with
 * Ctrl+drag (or Alt+drag); double-click or "fit" to see everything again.
 *
 * <p>Snapshots may arrive every frame. The curves are rebuilt only when the history changed, and at most
 * {@link #REDRAWS_PER_SECOND} times a second, so a 2000-point history costs the FX thread little.
 */
public final class LossChart extends Region {
    static final int REDRAWS_PER_SECOND = 10;
    private static final long REDRAW_NANOS = TimeUnit.SECONDS.toNanos(1) / REDRAWS_PER_SECOND;
    /** Exports are at least this wide, so a PNG still reads on a slide when the chart on screen is small. */
    private static final int MIN_EXPORT_WIDTH = 900;

    private final ObjectProperty<Snapshot> snapshot = new SimpleObjectProperty<>(this, "snapshot");
    private final BooleanProperty penaltyInRun = new SimpleBooleanProperty(this, "penaltyInRun");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final LossCurves curves = new LossCurves();
    private final ChartViewer viewer = new ChartViewer(curves.chart());
    private final CheckBox logScale = new CheckBox("log scale");
    private final CheckBox showAccuracy = new CheckBox("accuracy");
    private final CheckBox splitCost = new CheckBox("split cost");
    private final Button fit = new Button();
    private final MenuButton export = new MenuButton();
    private final ContextMenu exportMenu;
    /** The language of the controls, the axes and the export messages. */
    private I18n i18n = I18n.ENGLISH;
    private boolean lastExportFailed;
    private final VBox layout;

    /** What is drawn: the snapshot's run and history; the next snapshot to draw, or null when up to date. */
    private long shownRun = Long.MIN_VALUE;
    private List<EpochMetrics> shownHistory = List.of();
    private Snapshot pending;
    /** Whether any epoch of {@code penaltyCheckedIn} had a weight penalty; scanned once per new history. */
    private List<EpochMetrics> penaltyCheckedIn = List.of();
    private boolean historyHasPenalty;
    private long lastRedraw;
    private int rebuilds;

    private final AnimationTimer redraw = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (pending != null && now - lastRedraw >= REDRAW_NANOS) {
                lastRedraw = now;
                redrawNow();
            }
        }
    };

    public LossChart() {
        getStyleClass().add("loss-chart");
        getStylesheets().add(Objects.requireNonNull(LossChart.class.getResource("chart.css")).toExternalForm());

        logScale.setId("logScale");
        showAccuracy.setId("showAccuracy");
        splitCost.setId("splitCost");
        splitCost.visibleProperty().bind(penaltyInRun);
        splitCost.managedProperty().bind(penaltyInRun);
        for (CheckBox box : List.of(logScale, showAccuracy, splitCost)) {
            box.getStyleClass().add("chart-option");
            box.setMinWidth(USE_PREF_SIZE); // never "log s…": the gap before the buttons gives way first
            box.selectedProperty().addListener((obs, was, is) -> redrawNow());
        }
        penaltyInRun.addListener((obs, was, is) -> redrawNow());

        fit.setId("fitChart");
        fit.getStyleClass().add("chart-button");
        fit.setOnAction(e -> fit());

        export.setId("exportChart");
        export.getStyleClass().add("chart-button");

        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        fit.setMinWidth(USE_PREF_SIZE);
        export.setMinWidth(USE_PREF_SIZE);
        HBox controls = new HBox(logScale, showAccuracy, splitCost, gap, fit, export);
        controls.getStyleClass().add("chart-controls");

        viewer.getStyleClass().add("chart-viewer");
        viewer.setMinSize(0, 0);
        // Ctrl+drag pans too; the canvas already pans on Alt+drag and zooms on a plain drag.
        viewer.getCanvas().addMouseHandler(new PanHandlerFX("ctrl-pan", false, true, false, false));
        viewer.getCanvas().addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) fit();
        });
        // Our export menu instead of the viewer's, which writes on the FX thread and throws on errors.
        ContextMenu menu = new ContextMenu();
        viewer.setOnContextMenuRequested(e -> menu.show(viewer, e.getScreenX(), e.getScreenY()));
        VBox.setVgrow(viewer, Priority.ALWAYS);

        exportMenu = menu;
        setI18n(I18n.ENGLISH);
        layout = new VBox(controls, viewer);
        layout.getStyleClass().add("chart-layout");
        getChildren().add(layout);

        snapshot.addListener((obs, old, now) -> take(now));
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene == null) {
                redraw.stop();
            } else {
                redraw.start();
            }
        });
    }

    /** Puts the toggles, buttons, axes, legend and export messages in {@code i18n}'s language. */
    void setI18n(I18n i18n) {
        this.i18n = i18n;
        logScale.setText(i18n.text("chart.logScale"));
        logScale.setTooltip(new Tooltip(i18n.text("chart.logScale.tip")));
        showAccuracy.setText(i18n.text("chart.accuracy"));
        showAccuracy.setTooltip(new Tooltip(i18n.text("chart.accuracy.tip")));
        splitCost.setText(i18n.text("chart.splitCost"));
        splitCost.setTooltip(new Tooltip(i18n.text("chart.splitCost.tip")));
        fit.setText(i18n.text("chart.fit"));
        fit.setTooltip(new Tooltip(i18n.text("chart.fit.tip")));
        export.setText(i18n.text("chart.export"));
        export.setTooltip(new Tooltip(i18n.text("chart.export.tip")));
        export.getItems().setAll(exportItem(i18n.text("chart.export.png"), "exportPng", Format.PNG),
                exportItem(i18n.text("chart.export.svg"), "exportSvg", Format.SVG));
        exportMenu.getItems().setAll(exportItem(i18n.text("chart.menu.png"), null, Format.PNG),
                exportItem(i18n.text("chart.menu.svg"), null, Format.SVG));
        curves.setI18n(i18n); // names the lines of the next drawing
    }

    /** Whether the export the {@link #messageProperty() message} tells of failed. */
    boolean lastExportFailed() {
        return lastExportFailed;
    }

    /** The snapshot on display; the chart follows its history and starts afresh when its run changes. */
    ObjectProperty<Snapshot> snapshotProperty() {
        return snapshot;
    }

    /** What the last export did, in words for the status line ("Saved …" or why it failed); empty before. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Back to the whole history after zooming or panning. */
    public void fit() {
        curves.fit();
    }

    @Override
    protected void layoutChildren() {
        layoutInArea(layout, 0, 0, getWidth(), getHeight(), 0, HPos.LEFT, VPos.TOP);
    }

    @Override
    protected double computePrefWidth(double height) {
        return layout.prefWidth(height);
    }

    @Override
    protected double computePrefHeight(double width) {
        return layout.prefHeight(width);
    }

    @Override
    protected double computeMinWidth(double height) {
        return layout.minWidth(height);
    }

    @Override
    protected double computeMinHeight(double width) {
        return layout.minHeight(width);
    }

    /** Notes a new snapshot; the timer draws it unless nothing the chart shows has changed. */
    private void take(Snapshot s) {
        List<EpochMetrics> history = s == null ? List.of() : s.history();
        long run = s == null ? Long.MIN_VALUE : s.run();
        boolean changed = run != shownRun || !sameCurve(history, shownHistory);
        pending = changed ? s : null; // unchanged: a newer snapshot of what is already drawn
        if (!sameCurve(history, penaltyCheckedIn)) {
            penaltyCheckedIn = history;
            historyHasPenalty = anyPenalty(history);
        }
        penaltyInRun.set(s != null && (s.penalty() > 0 || historyHasPenalty));
    }

    /**
     * Whether two histories draw the same: a history only grows at its end, and a downsampling merge changes
     * its size, so the size and the newest point tell.
     */
    private static boolean sameCurve(List<EpochMetrics> a, List<EpochMetrics> b) {
        return a.size() == b.size() && (a.isEmpty() || a.get(a.size() - 1).equals(b.get(b.size() - 1)));
    }

    private static boolean anyPenalty(List<EpochMetrics> history) {
        for (EpochMetrics m : history) if (m.penalty() > 0) return true;
        return false;
    }

    /** Rebuilds the curves from the newest snapshot and the toggles now, and redraws once. */
    void redrawNow() {
        Snapshot s = pending != null ? pending : snapshot.get();
        pending = null;
        List<EpochMetrics> history = s == null ? List.of() : s.history();
        long run = s == null ? Long.MIN_VALUE : s.run();
        boolean newRun = run != shownRun;
        JFreeChart chart = curves.chart();
        chart.setNotify(false);
        try {
            curves.show(history, view());
            if (newRun) curves.fit();
        } finally {
            chart.setNotify(true); // one redraw for all the changes
        }
        shownRun = run;
        shownHistory = history;
        rebuilds++;
    }

    private LossCurves.View view() {
        return new LossCurves.View(logScale.isSelected() ? LossCurves.Scale.LOG : LossCurves.Scale.LINEAR,
                showAccuracy.isSelected(), splitCost.isSelected() && penaltyInRun.get());
    }

    /** The curves on display, for tests. */
    LossCurves curves() {
        return curves;
    }

    /** How many times the curves were rebuilt, for tests of the throttle. */
    int rebuilds() {
        return rebuilds;
    }

    /** Whether a snapshot is waiting to be drawn. */
    boolean redrawPending() {
        return pending != null;
    }

    private enum Format {
        PNG("PNG image", "png"), SVG("SVG drawing", "svg");

        final String description, extension;

        Format(String description, String extension) {
            this.description = description;
            this.extension = extension;
        }
    }

    private MenuItem exportItem(String text, String id, Format format) {
        MenuItem item = new MenuItem(text);
        if (id != null) item.setId(id);
        item.setOnAction(e -> chooseAndExport(format));
        return item;
    }

    private void chooseAndExport(Format format) {
        FileChooser chooser = new FileChooser();
        String description = i18n.text(format == Format.PNG ? "chart.format.png" : "chart.format.svg");
        chooser.setTitle(i18n.text("chart.exportTitle", description));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, "*." + format.extension));
        chooser.setInitialFileName("loss-chart." + format.extension);
        Window window = getScene() == null ? null : getScene().getWindow();
        File file = chooser.showSaveDialog(window);
        if (file == null) return;
        Path path = file.toPath();
        if (!file.getName().contains(".")) path = path.resolveSibling(file.getName() + "." + format.extension);
        double scale = Math.max(1, MIN_EXPORT_WIDTH / Math.max(1, viewer.getWidth()));
        int w = (int) Math.round(Math.max(1, viewer.getWidth()) * scale);
        int h = (int) Math.round(Math.max(1, viewer.getHeight()) * scale);
        (format == Format.PNG ? writePng(path, w, h) : writeSvg(path, w, h)).whenComplete((written, failure) -> Platform.runLater(
                () -> {
                    lastExportFailed = failure != null;
                    message.set(failure == null ? i18n.text("chart.saved", written)
                            : i18n.text("chart.notSaved", file, reason(failure)));
                }));
    }

    private static String reason(Throwable failure) {
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    /**
     * Writes the chart as shown now (data, toggles, zoom) at {@code width} × {@code height} px to a PNG file.
     * Call on the FX thread: it copies the chart there and writes the copy on a thread of its own.
     *
     * @return completes with {@code file} once written, or with the IOException
     */
    CompletableFuture<Path> writePng(Path file, int width, int height) {
        return write(file, width, height, LossCurves::writePng);
    }

    /** As {@link #writePng}, as an SVG document. */
    CompletableFuture<Path> writeSvg(Path file, int width, int height) {
        return write(file, width, height, LossCurves::writeSvg);
    }

    private interface Writer {
        void write(LossCurves curves, Path file, int width, int height) throws IOException;
    }

    private CompletableFuture<Path> write(Path file, int width, int height, Writer writer) {
        if (width < 1 || height < 1) throw new IllegalArgumentException("a chart needs at least 1 × 1 px, got " + width + " × " + height);
        if (pending != null) redrawNow();
        LossCurves copy = curves.copy();
        CompletableFuture<Path> done = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                writer.write(copy, file, width, height);
                done.complete(file);
            } catch (IOException | RuntimeException e) {
                done.completeExceptionally(e);
            }
        }, "loss-chart-export");
        thread.setDaemon(true);
        thread.start();
        return done;
    }
}
