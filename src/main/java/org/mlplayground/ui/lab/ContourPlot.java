package org.mlplayground.ui.lab;

import java.nio.IntBuffer;
import java.util.function.BiConsumer;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The surface as filled contours of log₁₀(L − L* + δ) in half-decade bands (a lightened viridis, dark = low,
 * with a colour bar), its minima as stars and saddles as crosses, and every row's path on top. The axes keep
 * one scale for x and y, so the gradient stands at right angles to the contour lines.
 *
 * <p>Mouse: a click sets the start point; dragging the start point moves it (the paths follow); dragging
 * elsewhere pans; the wheel zooms about the pointer. The contour image is cached and recomputed only when
 * the surface, the window or the size changes; a new race only redraws the paths.
 */
final class ContourPlot extends Region {
    /** Margins around the plot area, in px: tick labels on the left and bottom, the colour bar on the right. */
    static final double LEFT = 62, RIGHT = 100, TOP = 12, BOTTOM = 46;
    /** Row colours, distinguishable on the contours (each path is drawn over a white casing). */
    static final Color[] COLORS = {Color.web("#d62728"), Color.web("#1f4fd6"), Color.web("#111111"), Color.web("#c2189b"),
            Color.web("#ff7f0e"), Color.web("#00897b")};
    private static final Font TICKS = Font.font("System", 13);
    private static final double BANDS_PER_DECADE = 2, DECADES = 7;
    /** Lightened viridis (matplotlib's perceptual map), so that dark paths stay visible on it. */
    private static final int[] MAP = colourMap();

    private final Canvas canvas = new Canvas();
    private LabSurface surface;
    private Race race;
    private int revealed;
    private boolean arrows = true, stepBoxes = true, polyak;
    /** The view: centre and half the shorter side, in plane units. */
    private double cx, cy, halfSpan = 2;
    private WritableImage contours;
    private String contoursKey = "";
    /** log₁₀ of the lowest and highest band drawn, and δ = 10^lo. */
    private double lo, hi;
    /** L* of the surface shown. */
    private double floor;
    private BiConsumer<Double, Double> onStart = (x, y) -> { };

    /** The press that started a gesture, and what it turned into. */
    private double pressX, pressY, pressCx, pressCy;
    private boolean draggingStart, panning;

    ContourPlot() {
        setId("labPlot");
        getStyleClass().add("lab-plot");
        getChildren().add(canvas);
        setMinSize(300, 260);
        setPrefSize(760, 640);
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        canvas.addEventHandler(ScrollEvent.SCROLL, this::scrolled);
    }

    /** Called with the plane point when the student clicks or drags the start point. */
    void setOnStart(BiConsumer<Double, Double> onStart) {
        this.onStart = onStart;
    }

    /** A new surface, shown in its own window. */
    void setSurface(LabSurface s) {
        surface = s;
        floor = s.floor();
        fit();
    }

    /** A changed surface (a bowl slider moved) in the same window. */
    void setSurfaceKeepingView(LabSurface s) {
        surface = s;
        floor = s.floor();
        redraw();
    }

    /** Back to the surface's own window. */
    void fit() {
        double[] w = surface.window();
        cx = (w[0] + w[1]) / 2;
        cy = (w[2] + w[3]) / 2;
        halfSpan = Math.max(w[1] - w[0], w[3] - w[2]) / 2;
        redraw();
    }

    void setRace(Race r, int revealedSteps) {
        race = r;
        revealed = revealedSteps;
        redraw();
    }

    void setRevealed(int revealedSteps) {
        revealed = revealedSteps;
        redraw();
    }

    void setOptions(boolean arrows, boolean stepBoxes, boolean polyak) {
        this.arrows = arrows;
        this.stepBoxes = stepBoxes;
        this.polyak = polyak;
        redraw();
    }

    /** {xMin, xMax, yMin, yMax} of the plot area as drawn now. */
    double[] window() {
        double u = unitsPerPixel(), w = plotWidth(), h = plotHeight();
        return new double[] {cx - w / 2 * u, cx + w / 2 * u, cy - h / 2 * u, cy + h / 2 * u};
    }

    double plotWidth() {
        return Math.max(1, getWidth() - LEFT - RIGHT);
    }

    double plotHeight() {
        return Math.max(1, getHeight() - TOP - BOTTOM);
    }

    private double unitsPerPixel() {
        return 2 * halfSpan / Math.min(plotWidth(), plotHeight());
    }

    double toPixelX(double x) {
        return LEFT + plotWidth() / 2 + (x - cx) / unitsPerPixel();
    }

    double toPixelY(double y) {
        return TOP + plotHeight() / 2 - (y - cy) / unitsPerPixel();
    }

    double toPlaneX(double px) {
        return cx + (px - LEFT - plotWidth() / 2) * unitsPerPixel();
    }

    double toPlaneY(double py) {
        return cy - (py - TOP - plotHeight() / 2) * unitsPerPixel();
    }

    @Override
    protected void layoutChildren() {
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            redraw();
        }
    }

    // ---- mouse -------------------------------------------------------------------------------------------

    private boolean inPlot(double px, double py) {
        return px >= LEFT && px <= LEFT + plotWidth() && py >= TOP && py <= TOP + plotHeight();
    }

    private void pressed(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || surface == null) return;
        pressX = e.getX();
        pressY = e.getY();
        pressCx = cx;
        pressCy = cy;
        panning = false;
        draggingStart = race != null && Math.hypot(e.getX() - toPixelX(race.x0()), e.getY() - toPixelY(race.y0())) <= 10;
    }

    private void dragged(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || surface == null) return;
        if (draggingStart) {
            onStart.accept(toPlaneX(e.getX()), toPlaneY(e.getY()));
        } else if (panning || Math.hypot(e.getX() - pressX, e.getY() - pressY) > 4) {
            panning = true;
            double u = unitsPerPixel();
            cx = pressCx - (e.getX() - pressX) * u;
            cy = pressCy + (e.getY() - pressY) * u;
            redraw();
        }
    }

    private void released(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || surface == null) return;
        if (!draggingStart && !panning && inPlot(e.getX(), e.getY())) onStart.accept(toPlaneX(e.getX()), toPlaneY(e.getY()));
        draggingStart = panning = false;
    }

    private void scrolled(ScrollEvent e) {
        if (surface == null || e.getDeltaY() == 0) return;
        double x = toPlaneX(e.getX()), y = toPlaneY(e.getY());
        double factor = Math.exp(-e.getDeltaY() / 300);
        halfSpan = Math.max(1e-6, Math.min(1e6, halfSpan * factor));
        // keep the point under the pointer where it is
        cx = x - (e.getX() - LEFT - plotWidth() / 2) * unitsPerPixel();
        cy = y + (e.getY() - TOP - plotHeight() / 2) * unitsPerPixel();
        redraw();
        e.consume();
    }

    // ---- drawing -----------------------------------------------------------------------------------------

    /** Draws everything now (cheap: the contour image is cached). */
    void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = getWidth(), h = getHeight();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        if (surface == null || w < LEFT + RIGHT + 10 || h < TOP + BOTTOM + 10) return;
        ensureContours();
        g.drawImage(contours, LEFT, TOP);
        g.save();
        g.beginPath();
        g.rect(LEFT, TOP, plotWidth(), plotHeight());
        g.clip();
        if (race != null) drawPaths(g);
        drawMarks(g);
        if (race != null) drawHeads(g);
        g.restore();
        g.setStroke(Color.web("#57606a"));
        g.setLineWidth(1);
        g.strokeRect(LEFT + 0.5, TOP + 0.5, plotWidth() - 1, plotHeight() - 1);
        drawAxes(g);
        drawLegend(g);
    }

    private void ensureContours() {
        int w = (int) plotWidth(), h = (int) plotHeight();
        String key = System.identityHashCode(surface) + ":" + cx + ":" + cy + ":" + halfSpan + ":" + w + "x" + h;
        if (key.equals(contoursKey) && contours != null) return;
        contoursKey = key;
        double[] values = new double[w * h];
        double u = unitsPerPixel(), x0 = cx - w / 2.0 * u, y0 = cy + h / 2.0 * u;
        double max = Double.NEGATIVE_INFINITY;
        var s = surface.surface();
        for (int j = 0; j < h; j++) {
            double y = y0 - (j + 0.5) * u;
            for (int i = 0; i < w; i++) {
                double v = s.value(x0 + (i + 0.5) * u, y);
                values[j * w + i] = v;
                if (v > max) max = v;
            }
        }
        double floor = this.floor;
        double top = Math.max(max - floor, 1e-12);
        hi = Math.ceil(Math.log10(top) * BANDS_PER_DECADE) / BANDS_PER_DECADE;
        lo = hi - DECADES;
        double delta = Math.pow(10, lo);
        int[] band = new int[w * h];
        int bands = (int) Math.round(DECADES * BANDS_PER_DECADE);
        for (int p = 0; p < band.length; p++) {
            double t = Math.log10(Math.max(values[p] - floor, 0) + delta);
            band[p] = Math.max(0, Math.min(bands - 1, (int) Math.floor((t - lo) * BANDS_PER_DECADE)));
        }
        int[] argb = new int[w * h];
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < w; i++) {
                int p = j * w + i, b = band[p];
                int c = MAP[(int) Math.round(255.0 * (b + 0.5) / bands)];
                boolean edge = (i > 0 && band[p - 1] != b) || (j > 0 && band[p - w] != b);
                argb[p] = edge ? darken(c) : c;
            }
        }
        contours = new WritableImage(w, h);
        contours.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), IntBuffer.wrap(argb), w);
    }

    private void drawMarks(GraphicsContext g) {
        for (LabSurface.Mark m : surface.marks()) {
            double px = toPixelX(m.x()), py = toPixelY(m.y());
            if (m.minimum()) {
                star(g, px, py, 9);
            } else {
                g.setLineCap(StrokeLineCap.ROUND);
                for (double[] wc : new double[][] {{5, 0xff}, {2, 0}}) {
                    g.setLineWidth(wc[0]);
                    g.setStroke(wc[1] == 0 ? Color.BLACK : Color.WHITE);
                    g.strokeLine(px - 7, py - 7, px + 7, py + 7);
                    g.strokeLine(px - 7, py + 7, px + 7, py - 7);
                }
            }
        }
    }

    private static void star(GraphicsContext g, double px, double py, double r) {
        double[] xs = new double[10], ys = new double[10];
        for (int k = 0; k < 10; k++) {
            double a = -Math.PI / 2 + k * Math.PI / 5, rr = k % 2 == 0 ? r : r * 0.45;
            xs[k] = px + rr * Math.cos(a);
            ys[k] = py + rr * Math.sin(a);
        }
        g.setFill(Color.web("#ffd400"));
        g.fillPolygon(xs, ys, 10);
        g.setStroke(Color.BLACK);
        g.setLineWidth(1.5);
        g.strokePolygon(xs, ys, 10);
    }

    private void drawPaths(GraphicsContext g) {
        g.setLineJoin(StrokeLineJoin.ROUND);
        g.setLineCap(StrokeLineCap.ROUND);
        double[] xs = new double[race.steps() + 1], ys = new double[race.steps() + 1];
        for (Race.Run run : race.runs()) {
            int m = Math.min(run.n(), revealed + 1);
            if (m == 0) continue;
            Color c = COLORS[run.row() % COLORS.length];
            int kept = pixels(run.x(), run.y(), m, xs, ys);
            g.setLineDashes();
            g.setStroke(Color.rgb(255, 255, 255, 0.85));
            g.setLineWidth(5);
            g.strokePolyline(xs, ys, kept);
            g.setStroke(c);
            g.setLineWidth(2.2);
            g.strokePolyline(xs, ys, kept);
            if (m <= 80) {
                g.setFill(c);
                for (int k = 1; k < m; k++) g.fillOval(xs[k] - 2.5, ys[k] - 2.5, 5, 5);
            }
            if (polyak && m > 1 && run.avgX() != null) {
                int keptAvg = pixels(run.avgX(), run.avgY(), m, xs, ys);
                g.setLineDashes(7, 5);
                g.setLineWidth(2);
                g.setStroke(c);
                g.strokePolyline(xs, ys, keptAvg);
                g.setLineDashes();
            }
        }
    }

    /**
     * The first m points in pixels, leaving out those within half a pixel of the last one kept (a converged
     * run's last hundreds of steps are one pixel); the m-th point is always kept. Returns how many were kept.
     */
    private int pixels(double[] x, double[] y, int m, double[] xs, double[] ys) {
        int kept = 0;
        for (int k = 0; k < m; k++) {
            double px = clampPx(toPixelX(x[k])), py = clampPx(toPixelY(y[k]));
            if (kept > 0 && k < m - 1 && Math.abs(px - xs[kept - 1]) < 0.5 && Math.abs(py - ys[kept - 1]) < 0.5) continue;
            xs[kept] = px;
            ys[kept++] = py;
        }
        return kept;
    }

    /** Every row's current point with its arrows, and the start point, above the paths and the marks. */
    private void drawHeads(GraphicsContext g) {
        for (Race.Run run : race.runs()) {
            int m = Math.min(run.n(), revealed + 1);
            if (m == 0) continue;
            Color c = COLORS[run.row() % COLORS.length];
            int k = m - 1;
            double px = toPixelX(run.x()[k]), py = toPixelY(run.y()[k]);
            if (arrows) drawArrows(g, run, k, px, py, c);
            g.setFill(c);
            g.setStroke(Color.WHITE);
            g.setLineWidth(1.5);
            g.fillOval(px - 5, py - 5, 10, 10);
            g.strokeOval(px - 5, py - 5, 10, 10);
            if (run.diverged() && revealed >= run.n()) {
                g.setFill(c);
                g.setFont(TICKS);
                g.setTextAlign(TextAlignment.LEFT);
                g.setTextBaseline(VPos.BOTTOM);
                g.fillText("diverged", clampPx(px) + 7, clampPx(py) - 4);
            }
        }
        double sx = toPixelX(race.x0()), sy = toPixelY(race.y0());
        g.setFill(Color.WHITE);
        g.setStroke(Color.BLACK);
        g.setLineWidth(2);
        g.fillOval(sx - 7, sy - 7, 14, 14);
        g.strokeOval(sx - 7, sy - 7, 14, 14);
    }

    /**
     * At w_k: the plain gradient step −γ∇L (solid; for second-order methods −∇L), the velocity v = w_k − w_{k−1}
     * of momentum methods (dashed), and for adaptive methods a box of half-sides |Δx|, |Δy|, the last step per
     * coordinate. Arrows shorter than 14 px or longer than 90 px are stretched or cut to that length.
     */
    private void drawArrows(GraphicsContext g, Race.Run run, int k, double px, double py, Color c) {
        double[] grad = new double[2];
        surface.surface().gradient(run.x()[k], run.y()[k], grad);
        double gamma = run.method().firstOrder() ? run.settings().rates().rate(k) : 1;
        double u = unitsPerPixel();
        arrow(g, px, py, -gamma * grad[0] / u, gamma * grad[1] / u, c, false);
        if (k > 0) {
            double dx = (run.x()[k] - run.x()[k - 1]) / u, dy = -(run.y()[k] - run.y()[k - 1]) / u;
            if (run.method().hasVelocity()) arrow(g, px, py, dx, dy, c, true);
            if (stepBoxes && run.method().adaptive()) {
                double bw = Math.min(Math.abs(dx), 200), bh = Math.min(Math.abs(dy), 200);
                g.setLineDashes(3, 3);
                g.setStroke(c);
                g.setLineWidth(1.5);
                g.strokeRect(px - bw, py - bh, 2 * bw, 2 * bh);
                g.setLineDashes();
            }
        }
    }

    private static void arrow(GraphicsContext g, double px, double py, double dx, double dy, Color c, boolean dashed) {
        double len = Math.hypot(dx, dy);
        if (!(len > 1e-9) || !Double.isFinite(len)) return;
        double target = Math.max(14, Math.min(90, len));
        dx *= target / len;
        dy *= target / len;
        double ex = px + dx, ey = py + dy, ux = dx / target, uy = dy / target;
        g.setLineDashes(dashed ? new double[] {5, 4} : null);
        for (int pass = 0; pass < 2; pass++) {
            g.setStroke(pass == 0 ? Color.WHITE : c);
            g.setLineWidth(pass == 0 ? 4.5 : 2);
            g.strokeLine(px, py, ex, ey);
        }
        g.setLineDashes();
        double[] hx = {ex, ex - 9 * ux + 4.5 * uy, ex - 9 * ux - 4.5 * uy};
        double[] hy = {ey, ey - 9 * uy - 4.5 * ux, ey - 9 * uy + 4.5 * ux};
        g.setFill(c);
        g.fillPolygon(hx, hy, 3);
    }

    private static double clampPx(double v) {
        return Double.isNaN(v) ? 0 : Math.max(-1e5, Math.min(1e5, v));
    }

    private void drawAxes(GraphicsContext g) {
        double[] w = window();
        g.setFont(TICKS);
        g.setFill(Color.web("#1f2328"));
        g.setStroke(Color.web("#57606a"));
        g.setLineWidth(1);
        double step = niceStep((w[1] - w[0]) / 6);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (double x = Math.ceil(w[0] / step) * step; x <= w[1]; x += step) {
            double px = toPixelX(x);
            g.strokeLine(px, TOP + plotHeight(), px, TOP + plotHeight() + 5);
            g.fillText(tick(x, step), px, TOP + plotHeight() + 7);
        }
        g.fillText("x", LEFT + plotWidth() / 2, TOP + plotHeight() + 26);
        step = niceStep((w[3] - w[2]) / 6);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (double y = Math.ceil(w[2] / step) * step; y <= w[3]; y += step) {
            double py = toPixelY(y);
            g.strokeLine(LEFT - 5, py, LEFT, py);
            g.fillText(tick(y, step), LEFT - 7, py);
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("y", 4, TOP + plotHeight() / 2);
    }

    private void drawLegend(GraphicsContext g) {
        double x = LEFT + plotWidth() + 14, top = TOP + 22, h = plotHeight() - 30, barW = 16;
        int bands = (int) Math.round(DECADES * BANDS_PER_DECADE);
        for (int b = 0; b < bands; b++) {
            int c = MAP[(int) Math.round(255.0 * (b + 0.5) / bands)];
            g.setFill(Color.rgb((c >> 16) & 0xff, (c >> 8) & 0xff, c & 0xff));
            double y1 = top + h - (b + 1) * h / bands;
            g.fillRect(x, y1, barW, h / bands + 0.5);
        }
        g.setStroke(Color.web("#57606a"));
        g.strokeRect(x + 0.5, top + 0.5, barW, h);
        g.setFont(TICKS);
        g.setFill(Color.web("#1f2328"));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText("L − L*", x - 6, top - 4);
        g.setTextBaseline(VPos.CENTER);
        for (int d = (int) Math.ceil(lo); d <= hi; d++) {
            double y = top + h - (d - lo) / (hi - lo) * h;
            g.strokeLine(x + barW, y, x + barW + 4, y);
            g.fillText(d == (int) Math.ceil(lo) ? "≤ " + power(d) : power(d), x + barW + 6, y);
        }
    }

    /** 10 to the d, as 10⁻³. */
    static String power(int d) {
        String sup = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        StringBuilder s = new StringBuilder("10");
        if (d < 0) s.append('⁻');
        for (char ch : Integer.toString(Math.abs(d)).toCharArray()) s.append(sup.charAt(ch - '0'));
        return s.toString();
    }

    static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw))), f = raw / p;
        return (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) * p;
    }

    private static String tick(double v, double step) {
        if (Math.abs(v) < step * 1e-6) return "0";
        return LabFormat.number(Math.round(v / step) * step).replace('-', '−');
    }

    private static int darken(int c) {
        int r = (c >> 16) & 0xff, gg = (c >> 8) & 0xff, b = c & 0xff;
        return 0xff000000 | ((int) (r * 0.72) << 16) | ((int) (gg * 0.72) << 8) | (int) (b * 0.72);
    }

    private static int[] colourMap() {
        int[] anchors = {0x440154, 0x482878, 0x3e4989, 0x31688e, 0x26828e, 0x1f9e89, 0x35b779, 0x6ece58, 0xfde725};
        int[] lut = new int[256];
        for (int i = 0; i < 256; i++) {
            double t = i / 255.0 * (anchors.length - 1);
            int a = Math.min((int) t, anchors.length - 2);
            double f = t - a;
            int rgb = 0;
            for (int shift = 16; shift >= 0; shift -= 8) {
                double ch = ((anchors[a] >> shift) & 0xff) * (1 - f) + ((anchors[a + 1] >> shift) & 0xff) * f;
                ch = ch + (255 - ch) * 0.4; // lightened
                rgb |= (int) Math.round(ch) << shift;
            }
            lut[i] = 0xff000000 | rgb;
        }
        return lut;
    }
}
