package org.mlplayground.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.ejml.data.DMatrixRMaj;
import org.mlplayground.engine.Network;
import org.mlplayground.engine.Parameter;
import org.mlplayground.train.BackpropTrace;
import org.mlplayground.train.BackpropTrace.Kind;
import org.mlplayground.train.BackpropTrace.Stage;

/**
 * The network of the stepper drawn small: one circle per neuron, one line per weight (blue w &gt; 0, orange
 * w &lt; 0, wider for larger |w|), the layer of the stage on a highlighted band. The quantity flowing in the
 * stage is written beside the neurons it flows through: h forward, δ backward; the update stage draws the
 * change of each weight instead.
 */
final class StepperDiagram extends Region {
    private static final Color BAND = Color.web("#fff3c4");
    private static final Color BAND_EDGE = Color.web("#e3b341");
    private static final Color IDLE_EDGE = Color.web("#d0d7de");
    private static final Color OUTLINE = Color.web("#57606a");
    private static final Color TEXT = Color.web("#1f2328");
    private static final Color MUTED = Color.web("#8c959f");
    private static final Color LABEL_BACK = Color.web("#ffffff", 0.85);
    private static final Font VALUE_FONT = Font.font("Monospaced", 13);
    private static final Font HEAD_FONT = Font.font("System", FontWeight.BOLD, 14);

    private final Canvas canvas = new Canvas();
    private BackpropTrace trace;
    private Stage stage;
    private int column = -1;

    StepperDiagram() {
        getStyleClass().add("stepper-diagram");
        getChildren().add(canvas);
        setMinSize(200, 200);
    }

    /** Shows {@code stage} of {@code trace} with the values of example {@code column} (−1: batch mean). */
    void show(BackpropTrace trace, Stage stage, int column) {
        this.trace = trace;
        this.stage = stage;
        this.column = column;
        draw();
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth()), h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            draw();
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return 300;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 420;
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth(), h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        if (trace == null || stage == null || w < 50 || h < 50) return;
        Network net = trace.before();
        int depth = net.depth();
        int[] sizes = new int[depth + 1];
        for (int l = 0; l <= depth; l++) sizes[l] = net.spec().size(l);
        int widest = 0;
        for (int n : sizes) widest = Math.max(widest, n);
        double top = 30, bottom = h - 26, left = 66, right = w - 66;
        double colGap = (right - left) / Math.max(1, depth);
        double rowGap = (bottom - top) / widest;
        double r = Math.max(6, Math.min(14, Math.min(rowGap * 0.28, colGap * 0.14)));
        double[][] xs = new double[depth + 1][], ys = new double[depth + 1][];
        for (int l = 0; l <= depth; l++) {
            xs[l] = new double[sizes[l]];
            ys[l] = new double[sizes[l]];
            double y0 = top + (bottom - top - rowGap * sizes[l]) / 2 + rowGap / 2;
            for (int i = 0; i < sizes[l]; i++) {
                xs[l][i] = left + colGap * l;
                ys[l][i] = y0 + rowGap * i;
            }
        }

        int focus = stage.kind() == Kind.LOSS ? depth : stage.layer();
        if (stage.kind() != Kind.UPDATE) {
            g.setFill(BAND);
            g.setStroke(BAND_EDGE);
            double bw = Math.min(colGap * 0.8, 90);
            g.fillRoundRect(xs[focus][0] - bw / 2, top - 4, bw, bottom - top + 8, 12, 12);
            g.strokeRoundRect(xs[focus][0] - bw / 2, top - 4, bw, bottom - top + 8, 12, 12);
        }

        // Edges: the weights the stage works with in colour, the others pale.
        int active = switch (stage.kind()) {
            case FORWARD -> stage.layer();
            case BACKWARD -> stage.layer() < depth ? stage.layer() + 1 : -1;
            default -> -1;
        };
        double maxStep = 0;
        if (stage.kind() == Kind.UPDATE) {
            for (int l = 1; l <= depth; l++) maxStep = Math.max(maxStep, maxAbs(weightStep(l)));
        }
        for (int l = 1; l <= depth; l++) {
            DMatrixRMaj W = trace.layer(l).W();
            double[] step = stage.kind() == Kind.UPDATE ? weightStep(l) : null;
            double maxW = maxAbs(java.util.Arrays.copyOf(W.data, W.getNumElements()));
            for (int i = 0; i < sizes[l]; i++) {
                for (int j = 0; j < sizes[l - 1]; j++) {
                    double v;
                    double scale;
                    if (step != null) {
                        v = step[i * sizes[l - 1] + j];
                        scale = maxStep;
                    } else if (l == active) {
                        v = W.get(i, j);
                        scale = maxW;
                    } else {
                        g.setStroke(IDLE_EDGE);
                        g.setLineWidth(1);
                        g.strokeLine(xs[l - 1][j] + r, ys[l - 1][j], xs[l][i] - r, ys[l][i]);
                        continue;
                    }
                    double t = scale == 0 ? 0 : Math.abs(v) / scale;
                    g.setStroke((v < 0 ? Palette.NEGATIVE : Palette.POSITIVE).deriveColor(0, 1, 1, 0.35 + 0.65 * t));
                    g.setLineWidth(1 + 4 * t);
                    g.strokeLine(xs[l - 1][j] + r, ys[l - 1][j], xs[l][i] - r, ys[l][i]);
                }
            }
        }

        // Headings.
        g.setFont(HEAD_FONT);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (int l = 0; l <= depth; l++) {
            g.setFill(l == focus && stage.kind() != Kind.UPDATE ? TEXT : MUTED);
            g.fillText(l == 0 ? "x" : l == depth ? "o" : "h" + NumberText.sub(l), xs[l][0], 4);
        }

        // Neurons and the flowing values.
        double[][] shown = new double[depth + 1][];
        String symbol = "";
        int[] labelled = new int[0];
        switch (stage.kind()) {
            case FORWARD -> {
                int l = stage.layer();
                for (int k = 0; k < l; k++) shown[k] = vector(k == 0 ? trace.x() : trace.layer(k).h());
                shown[l] = vector(trace.layer(l).h());
                labelled = new int[] {l - 1, l};
                symbol = "h";
            }
            case LOSS -> {
                for (int k = 0; k <= depth; k++) shown[k] = vector(k == 0 ? trace.x() : trace.layer(k).h());
                labelled = new int[] {depth};
                symbol = "o";
            }
            case BACKWARD -> {
                int l = stage.layer();
                for (int k = l; k <= depth; k++) shown[k] = vector(trace.layer(k).delta());
                labelled = l < depth ? new int[] {l, l + 1} : new int[] {l};
                symbol = "δ";
            }
            case UPDATE -> {
            }
        }
        g.setFont(VALUE_FONT);
        g.setTextBaseline(VPos.CENTER);
        List<Runnable> labels = new ArrayList<>();   // drawn last, over the neurons of the next column
        for (int l = 0; l <= depth; l++) {
            double max = shown[l] == null ? 0 : maxAbs(shown[l]);
            double[] mask = l >= 1 && l < depth && column >= 0 && stage.kind() == Kind.FORWARD && l <= stage.layer()
                    ? vector(trace.layer(l).mask()) : null;
            for (int i = 0; i < sizes[l]; i++) {
                double x = xs[l][i], y = ys[l][i];
                boolean dropped = mask != null && mask[i] == 0;
                Color fill = Color.WHITE;
                if (shown[l] != null && max > 0 && !dropped) {
                    double v = shown[l][i];
                    fill = Color.WHITE.interpolate(v < 0 ? Palette.NEGATIVE : Palette.POSITIVE, Math.abs(v) / max);
                }
                g.setFill(dropped ? IDLE_EDGE : fill);
                g.fillOval(x - r, y - r, 2 * r, 2 * r);
                g.setStroke(dropped ? MUTED : OUTLINE);
                g.setLineWidth(contains(labelled, l) ? 2 : 1);
                if (dropped) g.setLineDashes(3, 3);
                g.strokeOval(x - r, y - r, 2 * r, 2 * r);
                g.setLineDashes();
                if (contains(labelled, l) && shown[l] != null) {
                    String text = dropped ? "dropped" : MatrixTable.format(shown[l][i], 3);
                    // The first of two labelled layers is labelled on its left, so the edges between them stay clear.
                    boolean onLeft = labelled.length == 2 && l == labelled[0];
                    double v = shown[l][i];
                    labels.add(() -> label(g, text, onLeft ? x - r - 3 : x + r + 3, y, v, dropped, onLeft));
                }
            }
        }
        labels.forEach(Runnable::run);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(TEXT);
        g.setFont(HEAD_FONT);
        g.setTextBaseline(VPos.BOTTOM);
        if (!symbol.isEmpty()) g.fillText("values: " + symbol + (column < 0 ? " (batch mean)" : " (example " + (column + 1) + ")"), 4, h - 2);
        else g.fillText("edges: Δw of the step", 4, h - 2);
    }

    private static void label(GraphicsContext g, String text, double x, double y, double v, boolean dropped, boolean onLeft) {
        double width = text.length() * 8 + 4;
        double x0 = onLeft ? x - width : x;
        g.setFill(LABEL_BACK);
        g.fillRoundRect(x0 - 1, y - 9, width + 2, 18, 6, 6);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(dropped ? MUTED : v < 0 ? Palette.NEGATIVE.darker() : v > 0 ? Palette.POSITIVE : TEXT);
        g.fillText(text, x0 + 1, y);
    }

    private double[] weightStep(int l) {
        Parameter before = weightBlock(trace.before(), l), after = weightBlock(trace.after(), l);
        double[] step = new double[before.size()];
        for (int k = 0; k < step.length; k++) step[k] = after.value()[k] - before.value()[k];
        return step;
    }

    private static Parameter weightBlock(Network net, int l) {
        for (Parameter p : net.parameters()) if (p.weight() && p.layer() == l) return p;
        throw new IllegalStateException("no W" + l);
    }

    /** The column of the chosen example, or the row means; null for a missing matrix. */
    private double[] vector(DMatrixRMaj m) {
        DMatrixRMaj v = TraceView.pick(m, column);
        return v == null ? null : java.util.Arrays.copyOf(v.data, v.numRows);
    }

    private static boolean contains(int[] a, int x) {
        for (int v : a) if (v == x) return true;
        return false;
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double d : v) if (Double.isFinite(d)) m = Math.max(m, Math.abs(d));
        return m;
    }
}
