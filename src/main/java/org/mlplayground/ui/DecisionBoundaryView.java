package org.mlplayground.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import org.mlplayground.data.Dataset;
import org.mlplayground.data.Feature;
import org.mlplayground.data.Generator;
import org.mlplayground.engine.Activation;
import org.mlplayground.train.TrainingConfig;

/**
 * The output panel's plot: the network's output over the plane as a heatmap, with the data drawn on top.
 * Binary outputs go from orange (−1) through white (unsure) to blue (+1); a multi-class output takes the
 * hue of the most probable class, pale where the network is unsure; "discretise" shows only the decision.
 * While a neuron of the diagram is hovered, its h over the plane is shown instead, large.
 *
 * <p>Two canvases: the heatmap (id {@code heatmap}, redrawn for every snapshot from the numbers the
 * training thread already computed) and the points above it, redrawn only when the data, the size or the
 * "show test data" choice change, so 100,000 points cost nothing per frame.
 */
public final class DecisionBoundaryView extends Region {
    private static final double LABEL_GAP = 6;

    /** Where the student clicked, in plane coordinates. */
    @FunctionalInterface
    public interface PlaneClick {
        void clicked(double x1, double x2, MouseButton button);
    }

    private final Canvas canvas = new Canvas();
    private final Canvas points = new Canvas();
    private final List<Label> xTicks = new ArrayList<>();
    private final List<Label> yTicks = new ArrayList<>();
    private double[] tickValuesX = new double[0];
    private double[] tickValuesY = new double[0];
    private final ObjectProperty<Snapshot> snapshot = new SimpleObjectProperty<>(this, "snapshot");
    private final BooleanProperty showTestData = new SimpleBooleanProperty(this, "showTestData", true);
    private final BooleanProperty discretize = new SimpleBooleanProperty(this, "discretize", false);
    private int highlightLayer = -1, highlightUnit = -1;
    private PlaneClick onPlaneClick;

    private int[] pixels = new int[0];
    private WritableImage image;
    private javafx.scene.image.Image featureImage;
    private Feature shownFeature;
    private Plane shownFeaturePlane;
    private SessionData drawnData;
    private Plane tickPlane;

    public DecisionBoundaryView() {
        getStyleClass().add("decision-boundary");
        canvas.setId("heatmap");
        canvas.getStyleClass().add("heatmap");
        points.setId("points");
        points.setMouseTransparent(true);
        getChildren().addAll(canvas, points);
        snapshot.addListener((obs, old, now) -> {
            renderImage();
            drawHeatmap();
            if (now != null && (old == null || now.data() != drawnData)) drawPoints();
            if (now != null && !now.data().plane().equals(tickPlane)) {
                makeTicks(now.data().plane());
                requestLayout();
            }
        });
        showTestData.addListener(obs -> drawPoints());
        discretize.addListener(obs -> {
            renderImage();
            drawHeatmap();
        });
        canvas.widthProperty().addListener(obs -> redrawAll());
        canvas.heightProperty().addListener(obs -> redrawAll());
        canvas.setOnMouseClicked(e -> {
            Snapshot s = snapshot.get();
            if (s == null || onPlaneClick == null || canvas.getWidth() <= 0) return;
            Plane plane = s.data().plane();
            onPlaneClick.clicked(plane.fromPixelX(e.getX(), canvas.getWidth()), plane.fromPixelY(e.getY(), canvas.getHeight()),
                    e.getButton());
        });
    }

    /** The snapshot on display; setting a new one redraws. */
    public ObjectProperty<Snapshot> snapshotProperty() {
        return snapshot;
    }

    /** Whether the test points are drawn (with a dark outline) beside the training points. */
    public BooleanProperty showTestDataProperty() {
        return showTestData;
    }

    /** Whether the heatmap shows only the decision (the class or sign), not how sure the network is. */
    public BooleanProperty discretizeProperty() {
        return discretize;
    }

    public void setOnPlaneClick(PlaneClick handler) {
        this.onPlaneClick = handler;
    }

    /** Shows h of neuron {@code unit} of layer {@code layer} (0 = the input features) instead of the output. */
    public void highlight(int layer, int unit) {
        highlightLayer = layer;
        highlightUnit = unit;
        renderImage();
        drawHeatmap();
    }

    /** Back to the network's output. */
    public void clearHighlight() {
        highlight(-1, -1);
    }

    /** Whether a neuron is shown instead of the output. */
    boolean highlighting() {
        return highlightLayer >= 0;
    }

    private void redrawAll() {
        drawHeatmap();
        drawPoints();
    }

    private void makeTicks(Plane plane) {
        tickPlane = plane;
        getChildren().removeAll(xTicks);
        getChildren().removeAll(yTicks);
        xTicks.clear();
        yTicks.clear();
        tickValuesX = niceTicks(plane.xMin(), plane.xMax());
        tickValuesY = niceTicks(plane.yMin(), plane.yMax());
        for (double t : tickValuesX) xTicks.add(tickLabel(t));
        for (double t : tickValuesY) yTicks.add(tickLabel(t));
        getChildren().addAll(xTicks);
        getChildren().addAll(yTicks);
    }

    /** About five round numbers (1, 2 or 5 × 10^k apart) within [lo, hi]. */
    static double[] niceTicks(double lo, double hi) {
        double raw = (hi - lo) / 4;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = magnitude;
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * magnitude >= raw) {
                step = m * magnitude;
                break;
            }
        }
        List<Double> ticks = new ArrayList<>();
        for (double t = Math.ceil(lo / step) * step; t <= hi + 1e-9 * step; t += step) ticks.add(Math.abs(t) < 1e-12 ? 0 : t);
        return ticks.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static Label tickLabel(double value) {
        String text = value == Math.rint(value) && Math.abs(value) < 1e6 ? Long.toString((long) Math.abs(value))
                : trimmed(Math.abs(value));
        Label label = new Label(value < 0 ? "\u2212" + text : text);
        label.getStyleClass().add("tick");
        label.setManaged(false);
        return label;
    }

    private static String trimmed(double v) {
        String s = String.format(java.util.Locale.ROOT, "%.3f", v);
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    /** The output (or the highlighted neuron) over the plane into the image. */
    private void renderImage() {
        Snapshot s = snapshot.get();
        if (s == null) return;
        Field field = s.field();
        int n;
        if (highlightLayer == 0) {
            List<Feature> features = s.config().features();
            Feature f = features.get(Math.min(highlightUnit, features.size() - 1));
            Plane plane = s.data().plane();
            // A feature does not change while training: drawn once per feature and plane, as the diagram draws it.
            if (f != shownFeature || !plane.equals(shownFeaturePlane)) {
                featureImage = NeuronShading.feature(f, plane, field.thumbSize());
                shownFeature = f;
                shownFeaturePlane = plane;
            }
            return;
        } else if (highlightLayer > 0 && highlightLayer <= field.neurons().length
                && highlightUnit < field.neurons()[highlightLayer - 1].length) {
            n = field.thumbSize();
            ensureImage(n);
            double[] h = field.neurons()[highlightLayer - 1][highlightUnit];
            Activation phi = s.network().spec().layer(highlightLayer).phi();
            // The same colours as the neuron's thumbnail in the diagram.
            NeuronShading.shade(h, NeuronShading.scaleOf(phi, highlightLayer == field.neurons().length),
                    field.neurons()[highlightLayer - 1].length, pixels);
        } else {
            n = field.size();
            ensureImage(n);
            outputPixels(s.config().problem(), field.output(), discretize.get(), pixels);
        }
        image.getPixelWriter().setPixels(0, 0, n, n, PixelFormat.getIntArgbInstance(), pixels, 0, n);
    }

    private void ensureImage(int n) {
        if (image == null || (int) image.getWidth() != n) {
            image = new WritableImage(n, n);
            pixels = new int[n * n];
        }
    }

    /** The heatmap colours of the output units' values {@code o[k][i]}. */
    static void outputPixels(TrainingConfig.Problem problem, double[][] o, boolean discrete, int[] out) {
        org.mlplayground.render.HeatColors.outputPixels(problem, o, discrete, out);
    }

    private void drawHeatmap() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (snapshot.get() == null || image == null || canvas.getWidth() <= 0) return;
        g.setImageSmoothing(true);
        g.drawImage(highlightLayer == 0 && featureImage != null ? featureImage : image, 0, 0, canvas.getWidth(),
                canvas.getHeight());
    }

    private void drawPoints() {
        GraphicsContext g = points.getGraphicsContext2D();
        double w = points.getWidth(), h = points.getHeight();
        g.clearRect(0, 0, w, h);
        Snapshot s = snapshot.get();
        if (s == null || w <= 0) return;
        drawnData = s.data();
        SessionData data = s.data();
        int total = data.train().size() + (showTestData.get() ? data.testSize() : 0);
        // Smaller dots when there are many, so the boundary stays visible under 100,000 points.
        double radius = Math.max(1.5, Math.min(7.0, Math.min(w * 0.009, 3000 / Math.sqrt(Math.max(1, total)) / 10)));
        g.setLineWidth(radius > 3 ? 1.5 : 0.5);
        drawPoints(g, data, data.train(), w, h, radius, Palette.TRAIN_OUTLINE);
        if (showTestData.get() && data.test() != null) drawPoints(g, data, data.test(), w, h, radius, Palette.TEST_OUTLINE);
    }

    private static void drawPoints(GraphicsContext g, SessionData data, Dataset set, double w, double h, double r,
            Color outline) {
        Plane plane = data.plane();
        g.setStroke(outline);
        for (int i = 0; i < set.size(); i++) {
            double[] p = set.x()[i];
            double px = plane.toPixelX(p[0], w), py = plane.toPixelY(p.length > 1 ? p[1] : 0, h);
            g.setFill(Palette.pointColor(data.task(), set.y()[i]));
            g.fillOval(px - r, py - r, 2 * r, 2 * r);
            g.strokeOval(px - r, py - r, 2 * r, 2 * r);
        }
    }


    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double left = 0, bottom = 0;
        for (Label y : yTicks) left = Math.max(left, y.prefWidth(-1));
        for (Label x : xTicks) bottom = Math.max(bottom, x.prefHeight(-1));
        left += LABEL_GAP;
        bottom += LABEL_GAP;
        double width = getWidth() - in.getLeft() - in.getRight() - left;
        double height = getHeight() - in.getTop() - in.getBottom() - bottom;
        // Keep a margin on the right as wide as the left one, so the square sits centred with its axis.
        double side = Math.floor(Math.max(0, Math.min(width - left, height)));
        double x0 = snapPositionX(in.getLeft() + left + (width - left - side) / 2);
        double y0 = snapPositionY(in.getTop() + (height - side) / 2);
        for (Canvas c : new Canvas[] {canvas, points}) {
            c.relocate(x0, y0);
            c.setWidth(side);
            c.setHeight(side);
        }
        Plane plane = tickPlane == null ? Plane.STANDARD : tickPlane;
        for (int i = 0; i < xTicks.size(); i++) {
            Label x = xTicks.get(i);
            double w = x.prefWidth(-1), h = x.prefHeight(-1);
            x.resizeRelocate(snapPositionX(x0 + plane.toPixelX(tickValuesX[i], side) - w / 2), y0 + side + LABEL_GAP, w, h);
        }
        for (int i = 0; i < yTicks.size(); i++) {
            Label y = yTicks.get(i);
            double w = y.prefWidth(-1), h = y.prefHeight(-1);
            y.resizeRelocate(x0 - LABEL_GAP - w, snapPositionY(y0 + plane.toPixelY(tickValuesY[i], side) - h / 2), w, h);
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return 420;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 420;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 200;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 200;
    }
}
