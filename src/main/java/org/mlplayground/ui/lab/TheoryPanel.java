package org.mlplayground.ui.lab;

import java.nio.IntBuffer;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.mlplayground.surface.BowlTheory;
import org.mlplayground.surface.EllipticalBowl;

/**
 * What theory says on a quadratic bowl (Goh, "Why Momentum Really Works", 2017; COURSE.md §5): the eigenvalues,
 * κ, gradient descent's best step 2/(λ₁ + λ₂) and momentum's best (γ, β), each with its rate; the predicted rate
 * of every SGD and Momentum row (constant γ, no clipping) beside the rate measured on its path; and the (γ, β)
 * stability map of momentum, converging iff 0 &lt; γλ &lt; 2 + 2β for both eigenvalues, where a click picks
 * (γ, β) for the selected Momentum row.
 */
final class TheoryPanel extends VBox {
    /** What a click on the panel picks for a row of {@code method}: γ, and β (NaN for none). */
    interface Pick {
        void pick(Method method, double gamma, double beta);
    }

    static final double MAP_W = 300, MAP_H = 170, MAP_LEFT = 44, MAP_BOTTOM = 36;
    private static final Font SMALL = Font.font("System", 13);

    private final Label eigen = new Label(), gd = new Label(), momentum = new Label(), note = new Label();
    private final GridPane rates = new GridPane();
    private final Button useGamma = new Button("use optimal γ"), useMomentum = new Button("use optimal (γ, β)");
    private final Canvas map = new Canvas(MAP_LEFT + MAP_W + 8, MAP_H + MAP_BOTTOM + 6);
    private Pick pick = (m, g, b) -> { };
    private BowlTheory theory;
    private RowSettings selected;
    private WritableImage mapImage;

    TheoryPanel() {
        setId("labTheory");
        getStyleClass().add("lab-theory");
        eigen.setId("labEigen");
        gd.setId("labGdTheory");
        momentum.setId("labMomentumTheory");
        for (Label l : new Label[] {eigen, gd, momentum, note}) l.setWrapText(true);
        note.setText("No theory here: the panel covers the quadratic bowls (bowl, circle, stretched).");
        note.managedProperty().bind(note.visibleProperty());
        rates.setId("labRates");
        rates.setHgap(10);
        rates.setVgap(2);
        useGamma.setId("labUseOptimalGamma");
        useGamma.setTooltip(new Tooltip("Set the selected SGD row (or the first one) to γ = 2/(λ₁ + λ₂)."));
        useGamma.setOnAction(e -> {
            if (theory != null) pick.pick(Method.SGD, theory.optimalStep(), Double.NaN);
        });
        useMomentum.setId("labUseOptimalMomentum");
        useMomentum.setTooltip(new Tooltip("Set the selected Momentum row (or the first one) to γ = (2/(√λ₁ + √λ₂))², "
                + "β = ((√κ − 1)/(√κ + 1))²."));
        useMomentum.setOnAction(e -> {
            if (theory == null) return;
            BowlTheory.GammaBeta best = theory.optimalMomentum();
            pick.pick(Method.MOMENTUM, best.gamma(), best.beta()); // exact: the optimum is a sharp corner
        });
        map.setId("labStabilityMap");
        Tooltip.install(map, new Tooltip("Momentum's (γ, β): blue converges (darker = faster), red diverges; the border is "
                + "γλ₁ = 2 + 2β. Click to give the selected Momentum row that γ and β. Dot: its current (γ, β); star: the best."));
        map.setOnMouseClicked(e -> {
            if (theory == null) return;
            double gamma = (e.getX() - MAP_LEFT) / MAP_W * gammaMax(), beta = (MAP_H - e.getY()) / MAP_H * 0.99;
            if (gamma > 0 && beta >= 0 && beta < 1) pick.pick(Method.MOMENTUM, round(gamma), round(beta));
        });
        Label title = new Label("Theory of the quadratic bowl");
        title.getStyleClass().add("lab-theory-title");
        HBox buttons = new HBox(8, useGamma, useMomentum);
        buttons.setAlignment(Pos.CENTER_LEFT);
        Label mapTitle = new Label("momentum stability map (click picks γ, β)");
        getChildren().addAll(title, note, eigen, gd, momentum, buttons, rates, mapTitle, map);
    }

    void setOnPick(Pick pick) {
        this.pick = pick;
    }

    void setSurface(LabSurface s) {
        EllipticalBowl bowl = s.quadratic();
        theory = bowl == null ? null : BowlTheory.of(bowl);
        boolean on = theory != null;
        note.setVisible(!on);
        for (javafx.scene.Node n : getChildren().subList(2, getChildren().size())) {
            n.setVisible(on);
            n.setManaged(on);
        }
        if (!on) return;
        double k = theory.kappa();
        eigen.setText("λ₁ = " + LabFormat.number(theory.lambdaMin()) + ",  λ₂ = " + LabFormat.number(theory.lambdaMax())
                + ",  κ = λ₂/λ₁ = " + LabFormat.number(k));
        gd.setText("Gradient descent: best γ = 2/(λ₁ + λ₂) = " + LabFormat.number(theory.optimalStep())
                + "\n    rate (κ − 1)/(κ + 1) = " + LabFormat.number(theory.optimalGdRate()));
        BowlTheory.GammaBeta best = theory.optimalMomentum();
        momentum.setText("Momentum: best γ = (2/(√λ₁ + √λ₂))² = " + LabFormat.number(best.gamma())
                + "\n    β = ((√κ − 1)/(√κ + 1))² = " + LabFormat.number(best.beta())
                + "\n    rate (√κ − 1)/(√κ + 1) = " + LabFormat.number(theory.optimalMomentumRate()));
        mapImage = stabilityImage();
        drawMap();
    }

    void setSelected(RowSettings s) {
        selected = s;
        drawMap();
    }

    /** The rows' predicted and measured rates. */
    void setRace(Race race, RowSettings selectedRow) {
        selected = selectedRow;
        rates.getChildren().clear();
        if (theory == null) return;
        rates.addRow(0, new Label(""), new Label("row"), new Label("predicted rate"), new Label("measured"));
        int line = 1;
        for (Race.Run run : race.runs()) {
            RowSettings s = run.settings();
            boolean plain = s.schedule() == RowSettings.ScheduleKind.CONSTANT && s.clip() == RowSettings.ClipKind.NONE;
            if (!plain || run.trajectory() == null || (s.method() != Method.SGD && s.method() != Method.MOMENTUM)) continue;
            double predicted = s.method() == Method.SGD ? theory.gdRate(s.rate()) : theory.momentumRate(s.rate(), s.beta());
            double measured = BowlTheory.measuredRate(run.trajectory(), 0);
            Label p = new Label(LabFormat.number(predicted)), m = new Label(LabFormat.number(measured));
            p.setId("labPredicted" + run.row());
            m.setId("labMeasured" + run.row());
            rates.addRow(line++, new Rectangle(12, 12, ContourPlot.COLORS[run.row() % ContourPlot.COLORS.length]),
                    new Label((run.row() + 1) + " " + s.method().label), p, m);
        }
        if (line == 1) rates.addRow(1, new Label(""), new Label("(no SGD or Momentum row with constant γ, no clipping)"));
        drawMap();
    }

    /** γ on the map runs to 4.4/λ₂, past the widest stable γ = 4/λ₂ (at β → 1). */
    private double gammaMax() {
        return 4.4 / theory.lambdaMax();
    }

    private WritableImage stabilityImage() {
        int w = (int) MAP_W, h = (int) MAP_H;
        int[] argb = new int[w * h];
        Color fast = Color.web("#0550ae"), slow = Color.web("#ddeeff"), unstable = Color.web("#f4c7c3");
        for (int j = 0; j < h; j++) {
            double beta = (h - j - 0.5) / h * 0.99;
            for (int i = 0; i < w; i++) {
                double gamma = (i + 0.5) / w * gammaMax();
                boolean stable = theory.momentumConverges(gamma, beta);
                Color c = unstable;
                if (stable) {
                    double rate = theory.momentumRate(gamma, beta);
                    double t = Math.min(1, Math.log10(1 / (1 - rate)) / 3); // 0: one step, 1: ≥ 1000 steps per e-fold
                    c = fast.interpolate(slow, t);
                }
                argb[j * w + i] = 0xff000000 | ((int) (c.getRed() * 255) << 16) | ((int) (c.getGreen() * 255) << 8)
                        | (int) (c.getBlue() * 255);
            }
        }
        WritableImage image = new WritableImage(w, h);
        image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), IntBuffer.wrap(argb), w);
        return image;
    }

    private void drawMap() {
        GraphicsContext g = map.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, map.getWidth(), map.getHeight());
        if (theory == null || mapImage == null) return;
        g.drawImage(mapImage, MAP_LEFT, 0);
        g.setStroke(Color.web("#57606a"));
        g.setLineWidth(1);
        g.strokeRect(MAP_LEFT + 0.5, 0.5, MAP_W, MAP_H);
        g.setFont(SMALL);
        g.setFill(Color.web("#1f2328"));
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.CENTER);
        double gMax = gammaMax(), step = ContourPlot.niceStep(gMax / 4);
        for (double x = 0; x <= gMax; x += step) {
            double px = MAP_LEFT + x / gMax * MAP_W;
            g.strokeLine(px, MAP_H, px, MAP_H + 4);
            g.fillText(LabFormat.number(Math.round(x / step) * step), px, MAP_H + 5);
        }
        g.fillText("γ", MAP_LEFT + MAP_W / 2, MAP_H + 20);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (double b : new double[] {0, 0.5, 0.9}) {
            double py = MAP_H - b / 0.99 * MAP_H;
            g.strokeLine(MAP_LEFT - 4, py, MAP_LEFT, py);
            g.fillText(LabFormat.number(b), MAP_LEFT - 6, py);
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("β", 2, MAP_H / 2);
        BowlTheory.GammaBeta best = theory.optimalMomentum();
        mark(g, best.gamma(), best.beta(), true);
        if (selected != null && selected.method() == Method.MOMENTUM) mark(g, selected.rate(), selected.beta(), false);
    }

    private void mark(GraphicsContext g, double gamma, double beta, boolean star) {
        double px = MAP_LEFT + gamma / gammaMax() * MAP_W, py = MAP_H - beta / 0.99 * MAP_H;
        if (px < MAP_LEFT || px > MAP_LEFT + MAP_W) return;
        if (star) {
            g.setFill(Color.web("#ffd400"));
            g.setStroke(Color.BLACK);
            double[] xs = new double[10], ys = new double[10];
            for (int k = 0; k < 10; k++) {
                double a = -Math.PI / 2 + k * Math.PI / 5, r = k % 2 == 0 ? 8 : 3.6;
                xs[k] = px + r * Math.cos(a);
                ys[k] = py + r * Math.sin(a);
            }
            g.fillPolygon(xs, ys, 10);
            g.strokePolygon(xs, ys, 10);
        } else {
            g.setFill(Color.web("#1f4fd6"));
            g.setStroke(Color.WHITE);
            g.setLineWidth(2);
            g.fillOval(px - 5, py - 5, 10, 10);
            g.strokeOval(px - 5, py - 5, 10, 10);
        }
    }

    /** Four significant digits, as a slider would show them. */
    private static double round(double v) {
        return Double.parseDouble(String.format(java.util.Locale.ROOT, "%.4g", v));
    }

    /** The map's pixel for (γ, β), for tests. */
    double[] mapPixel(double gamma, double beta) {
        return new double[] {MAP_LEFT + gamma / gammaMax() * MAP_W, MAP_H - beta / 0.99 * MAP_H};
    }
}
