package org.mlplayground.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import org.ejml.data.DMatrixRMaj;
import org.mlplayground.data.Dataset;
import org.mlplayground.engine.ParallelInference;
import org.mlplayground.engine.NetworkSpec;

/**
 * The network's output over the input plane [−6, 6]² as a heatmap, with the data drawn on top: the
 * decision boundary is where orange turns into blue. The canvas (id {@code heatmap}) stays square and
 * fills the space it gets; the axis numbers are labels styled by CSS.
 *
 * <p>The output is evaluated on a {@value #GRID}×{@value #GRID} grid of cell centres and the image is
 * scaled up with smoothing, as TensorFlow Playground does.
 */
public final class DecisionBoundaryView extends Region {
    /** The plane shown is [−EXTENT, EXTENT]² (the data lie within radius 5). */
    static final double EXTENT = 6.0;
    static final int GRID = 100;
    private static final double[] TICKS = {-6, -3, 0, 3, 6};
    private static final double LABEL_GAP = 6;

    private final Canvas canvas = new Canvas();
    private final List<Label> xTicks = new ArrayList<>();
    private final List<Label> yTicks = new ArrayList<>();
    private final ObjectProperty<Snapshot> snapshot = new SimpleObjectProperty<>(this, "snapshot");

    /** The grid inputs, one point per column: row 0 holds x₁, row 1 holds x₂. */
    private final DMatrixRMaj grid = gridInputs();
    private final int[] pixels = new int[GRID * GRID];
    private final WritableImage image = new WritableImage(GRID, GRID);
    private ParallelInference inference;
    private NetworkSpec inferenceSpec;

    public DecisionBoundaryView() {
        getStyleClass().add("decision-boundary");
        canvas.setId("heatmap");
        canvas.getStyleClass().add("heatmap");
        getChildren().add(canvas);
        for (double t : TICKS) {
            Label x = tickLabel(t), y = tickLabel(t);
            xTicks.add(x);
            yTicks.add(y);
            getChildren().addAll(x, y);
        }
        snapshot.addListener((obs, old, now) -> {
            renderImage();
            draw();
        });
        canvas.widthProperty().addListener(obs -> draw());
        canvas.heightProperty().addListener(obs -> draw());
    }

    /** The snapshot on display; setting a new one re-evaluates the grid and redraws. */
    public ObjectProperty<Snapshot> snapshotProperty() {
        return snapshot;
    }

    private static Label tickLabel(double value) {
        Label label = new Label(value < 0 ? "\u2212" + (int) -value : Integer.toString((int) value));
        label.getStyleClass().add("tick");
        label.setManaged(false);
        return label;
    }

    private static DMatrixRMaj gridInputs() {
        DMatrixRMaj x = new DMatrixRMaj(2, GRID * GRID);
        double cell = 2 * EXTENT / GRID;
        for (int row = 0; row < GRID; row++) {
            double x2 = EXTENT - (row + 0.5) * cell; // row 0 is the top of the plot
            for (int col = 0; col < GRID; col++) {
                int i = row * GRID + col;
                x.set(0, i, -EXTENT + (col + 0.5) * cell);
                x.set(1, i, x2);
            }
        }
        return x;
    }

    /** o(x) on every grid point into the image. */
    private void renderImage() {
        Snapshot s = snapshot.get();
        if (s == null) return;
        NetworkSpec spec = s.network().spec();
        if (!spec.equals(inferenceSpec)) {
            inference = new ParallelInference(spec);
            inferenceSpec = spec;
        }
        double[] o = inference.run(s.network(), grid).data;
        for (int i = 0; i < pixels.length; i++) pixels[i] = Palette.argb(o[i]);
        image.getPixelWriter().setPixels(0, 0, GRID, GRID, PixelFormat.getIntArgbInstance(), pixels, 0, GRID);
    }

    private void draw() {
        double side = canvas.getWidth();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        Snapshot s = snapshot.get();
        if (s == null || side <= 0) return;
        g.setImageSmoothing(true);
        g.drawImage(image, 0, 0, side, side);
        double radius = Math.max(3.0, Math.min(7.0, side * 0.009));
        g.setLineWidth(1.5);
        drawPoints(g, s.data().train(), side, radius, Palette.TRAIN_OUTLINE);
        if (s.data().test() != null) drawPoints(g, s.data().test(), side, radius, Palette.TEST_OUTLINE);
    }

    private static void drawPoints(GraphicsContext g, Dataset data, double side, double r, Color outline) {
        g.setStroke(outline);
        for (int i = 0; i < data.size(); i++) {
            double px = toPixels(data.x()[i][0], side), py = toPixels(-data.x()[i][1], side);
            g.setFill(Palette.ofLabel(data.y()[i]));
            g.fillOval(px - r, py - r, 2 * r, 2 * r);
            g.strokeOval(px - r, py - r, 2 * r, 2 * r);
        }
    }

    /** Plane coordinate → canvas pixels along one axis (flip the sign for the upward x₂ axis). */
    private static double toPixels(double v, double side) {
        return (v + EXTENT) / (2 * EXTENT) * side;
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
        canvas.relocate(x0, y0);
        canvas.setWidth(side);
        canvas.setHeight(side);
        for (int i = 0; i < TICKS.length; i++) {
            Label x = xTicks.get(i), y = yTicks.get(i);
            double w = x.prefWidth(-1), h = x.prefHeight(-1);
            x.resizeRelocate(snapPositionX(x0 + toPixels(TICKS[i], side) - w / 2), y0 + side + LABEL_GAP, w, h);
            w = y.prefWidth(-1);
            h = y.prefHeight(-1);
            y.resizeRelocate(x0 - LABEL_GAP - w, snapPositionY(y0 + toPixels(-TICKS[i], side) - h / 2), w, h);
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return 600;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 600;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 240;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 240;
    }
}
