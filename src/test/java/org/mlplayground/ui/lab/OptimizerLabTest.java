package org.mlplayground.ui.lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The optimizer lab, used like a student: clicking the plot, moving sliders, typing numbers. */
@ExtendWith(ApplicationExtension.class)
class OptimizerLabTest {
    private OptimizerLab lab;
    private Scene scene;

    @Start
    void start(Stage stage) {
        lab = new OptimizerLab();
        scene = new Scene(lab, 1280, 800);
        stage.setScene(scene);
        stage.sizeToScene();
        stage.show();
    }

    @Test
    void theDefaultRaceOnTheBowlIsSavedForReview() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        LabShots.save(scene, "lab-bowl.png");
        List<Method> methods = onFx(() -> lab.race().runs().stream().map(Race.Run::method).toList());
        assertEquals(List.of(Method.SGD, Method.MOMENTUM, Method.NESTEROV, Method.RMSPROP, Method.ADAM), methods);
        assertEquals(5, onFx(() -> lab.table().getItems().size()), "one table line per optimizer");
    }

    @Test
    void clickingThePlotMovesTheStartPointToTheClickedPlaneCoordinates(FxRobot robot) {
        ContourPlot plot = onFx(lab::plot);
        double[] w = onFx(plot::window);
        double plotW = onFx(plot::plotWidth), plotH = onFx(plot::plotHeight);
        // 30 % across and 70 % down the plot area: the plane point follows from the axis range alone
        double px = ContourPlot.LEFT + 0.3 * plotW, py = ContourPlot.TOP + 0.7 * plotH;
        double expectedX = w[0] + 0.3 * (w[1] - w[0]), expectedY = w[3] - 0.7 * (w[3] - w[2]);
        double pixel = (w[1] - w[0]) / plotW;
        int[] before = LabShots.pixels(plot);

        robot.clickOn(onFx(() -> plot.localToScreen(px, py)));
        WaitForAsyncUtils.waitForFxEvents();

        Race race = onFx(lab::race);
        assertEquals(expectedX, race.x0(), pixel, "start x is where the click was");
        assertEquals(expectedY, race.y0(), pixel, "start y is where the click was");
        for (Race.Run run : race.runs()) {
            assertEquals(race.x0(), run.x()[0], 0, run.method() + " starts at the new start point");
            assertEquals(race.y0(), run.y()[0], 0, run.method() + " starts at the new start point");
        }
        assertFalse(Arrays.equals(before, LabShots.pixels(plot)), "the plot was redrawn");
    }

    @Test
    void draggingTheStartPointCarriesEveryPathWithIt(FxRobot robot) {
        ContourPlot plot = onFx(lab::plot);
        Race before = onFx(lab::race);
        Point2D from = onFx(() -> plot.localToScreen(plot.toPixelX(before.x0()), plot.toPixelY(before.y0())));
        double[] w = onFx(plot::window);
        // to the plane point (−1, −0.5)
        Point2D to = onFx(() -> plot.localToScreen(plot.toPixelX(-1), plot.toPixelY(-0.5)));
        robot.drag(from).dropTo(to);
        WaitForAsyncUtils.waitForFxEvents();
        Race after = onFx(lab::race);
        double pixel = (w[1] - w[0]) / onFx(plot::plotWidth);
        assertEquals(-1, after.x0(), 1.5 * pixel);
        assertEquals(-0.5, after.y0(), 1.5 * pixel);
        assertArrayEquals(w, onFx(plot::window), 1e-12, "dragging the start point does not pan");
    }

    @Test
    void movingTheLearningRateSliderRedrawsThePathWithinAFrame(FxRobot robot) {
        ContourPlot plot = onFx(lab::plot);
        double oldRate = onFx(() -> lab.rows().get(0).settingsProperty().get().rate());
        int[] before = LabShots.pixels(plot);
        Node thumb = robot.lookup("#labRate0").lookup(".thumb").query();
        robot.drag(thumb).moveBy(-25, 0).drop();
        WaitForAsyncUtils.waitForFxEvents();

        double rate = onFx(() -> lab.rows().get(0).settingsProperty().get().rate());
        assertTrue(rate < oldRate, "dragging left lowers γ: " + rate);
        double expectedRate = Math.pow(10, onFx(() -> robot.lookup("#labRate0").queryAs(Slider.class).getValue()));
        assertEquals(expectedRate, rate, 0.005 * expectedRate, "the rate is the slider's 10^value");
        Race.Run sgd = onFx(() -> lab.race().runs().get(0));
        // SGD on ½(x² + 10y²): w₁ = (x₀(1 − γ), y₀(1 − 10γ)) with the start (1, 1)
        assertEquals(1 - rate, sgd.x()[1], 1e-12);
        assertEquals(1 - 10 * rate, sgd.y()[1], 1e-12);
        assertFalse(Arrays.equals(before, LabShots.pixels(plot)), "the drawn path changed after one pulse");
        assertEquals(LabFormat.number(rate), robot.lookup("#labRateField0").queryTextInputControl().getText());
    }

    @Test
    void theWheelZoomsAboutThePointerAndADragPans(FxRobot robot) {
        ContourPlot plot = onFx(lab::plot);
        double[] before = onFx(plot::window);
        double px = ContourPlot.LEFT + 0.25 * onFx(plot::plotWidth), py = ContourPlot.TOP + 0.4 * onFx(plot::plotHeight);
        double[] under = new double[4]; // the pointer in the plot, and the plane point there before the zoom
        run(() -> plot.addEventFilter(javafx.scene.input.ScrollEvent.SCROLL, e -> {
            under[0] = e.getX();
            under[1] = e.getY();
            under[2] = plot.toPlaneX(e.getX());
            under[3] = plot.toPlaneY(e.getY());
        }));
        robot.moveTo(onFx(() -> plot.localToScreen(px, py))).scroll(3, javafx.geometry.VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();
        double[] after = onFx(plot::window);
        // (Monocle's robot turns the wheel by one unit and its sign convention differs from a mouse's: check the zoom, not its direction)
        assertNotEquals(before[1] - before[0], after[1] - after[0], 1e-9, "the wheel zooms");
        assertEquals(under[2], onFx(() -> plot.toPlaneX(under[0])), 1e-9, "the point under the pointer stays");
        assertEquals(under[3], onFx(() -> plot.toPlaneY(under[1])), 1e-9);

        double startX = onFx(() -> lab.race().x0());
        Point2D from = onFx(() -> plot.localToScreen(ContourPlot.LEFT + 40, ContourPlot.TOP + 40));
        double unitsPerPixel = (after[1] - after[0]) / onFx(plot::plotWidth);
        robot.drag(from).moveBy(60, 0).drop();
        WaitForAsyncUtils.waitForFxEvents();
        double[] panned = onFx(plot::window);
        assertEquals(after[0] - 60 * unitsPerPixel, panned[0], 2 * unitsPerPixel, "dragging right moves the view left");
        assertEquals(startX, onFx(() -> lab.race().x0()), 0, "a pan does not move the start point");
    }

    @Test
    void thePolyakToggleDrawsTheAveragedPath(FxRobot robot) {
        ContourPlot plot = onFx(lab::plot);
        assertEquals(null, onFx(() -> lab.race().runs().get(0).avgX()), "not computed while hidden");
        int[] before = LabShots.pixels(plot);
        robot.clickOn("#labPolyak");
        WaitForAsyncUtils.waitForFxEvents();
        Race.Run sgd = onFx(() -> lab.race().runs().get(0));
        double sum = 0;
        for (int k = 0; k <= 10; k++) sum += sgd.x()[k];
        assertEquals(sum / 11, sgd.avgX()[10], 1e-12, "the mean of w₀ … w₁₀");
        assertFalse(Arrays.equals(before, LabShots.pixels(plot)), "the dashed path is drawn");
    }

    @Test
    void aTypedRateThatIsNotANumberShowsAnErrorAndKeepsTheOldRate(FxRobot robot) {
        double oldRate = onFx(() -> lab.rows().get(0).settingsProperty().get().rate());
        robot.doubleClickOn("#labRateField0").eraseText(12).write("abc").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        Label error = robot.lookup("#labError0").queryAs(Label.class);
        assertTrue(onFx(error::isVisible), "an inline error is shown");
        assertTrue(onFx(error::getText).contains("'abc'"), onFx(error::getText));
        assertEquals(oldRate, onFx(() -> lab.rows().get(0).settingsProperty().get().rate()), "the old γ stays");
        assertEquals(oldRate, onFx(() -> lab.race().runs().get(0).settings().rate()), "and the path is the old one");

        robot.doubleClickOn("#labRateField0").eraseText(12).write("0.1").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(onFx(error::isVisible), "a good number clears the error");
        assertEquals(0.1, onFx(() -> lab.rows().get(0).settingsProperty().get().rate()));
    }

    @Test
    void aNegativeEpsilonIsRefusedWithTheOptimizersOwnMessage(FxRobot robot) {
        // row 4 is RMSProp
        double oldEpsilon = onFx(() -> lab.rows().get(3).settingsProperty().get().epsilon());
        robot.clickOn("#labRow3"); // scrolls nothing, selects the row
        onFx(() -> {
            robot.lookup("#labEpsilon3").queryTextInputControl().setText("-1e-8");
            robot.lookup("#labEpsilon3").queryTextInputControl().fireEvent(new javafx.event.ActionEvent());
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        String message = onFx(() -> lab.rows().get(3).errorText());
        assertTrue(message.contains("ε"), message);
        assertEquals(oldEpsilon, onFx(() -> lab.rows().get(3).settingsProperty().get().epsilon()));
    }

    @Test
    void stepRevealsOneStepAndSpacePlaysAndPauses(FxRobot robot) throws Exception {
        robot.clickOn("#labStep");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, onFx(lab::revealed), "from the whole path to step 1");
        robot.clickOn("#labStep");
        assertEquals(2, onFx(lab::revealed));
        ToggleButton play = robot.lookup("#labPlay").queryAs(ToggleButton.class);
        robot.type(KeyCode.SPACE);
        assertTrue(onFx(play::isSelected), "Space plays");
        robot.type(KeyCode.SPACE);
        assertFalse(onFx(play::isSelected), "Space again pauses");
        int paused = onFx(lab::revealed);
        robot.sleep(200);
        assertEquals(paused, onFx(lab::revealed), "nothing moves while paused");
        robot.clickOn("#labRewind");
        assertEquals(0, onFx(lab::revealed));
        robot.clickOn("#labPlay");
        int steps = onFx(() -> lab.race().steps());
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> onFx(lab::revealed) == steps);
        assertFalse(onFx(play::isSelected), "play stops by itself at the last step");
    }

    @Test
    void addingASixthRowDisablesAddAndRemovingARowKeepsTheOthersColours(FxRobot robot) {
        robot.clickOn("#labAdd");
        assertEquals(6, onFx(() -> lab.race().runs().size()));
        assertTrue(robot.lookup("#labAdd").query().isDisabled(), "six is the most");
        robot.clickOn("#labRemove0");
        List<Integer> rows = onFx(() -> lab.race().runs().stream().map(Race.Run::row).toList());
        assertEquals(List.of(1, 2, 3, 4, 5), rows, "the others keep their colour index");
        assertFalse(robot.lookup("#labAdd").query().isDisabled());
    }

    @Test
    void choosingNewtonInARowHidesTheLearningRate(FxRobot robot) {
        robot.clickOn("#labMethod0").clickOn("Newton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Method.NEWTON, onFx(() -> lab.race().runs().get(0).method()));
        assertFalse(shown(robot.lookup("#labRate0").query()), "Newton has no learning rate");
        robot.clickOn("#labMethod0").clickOn("L-BFGS");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(shown(robot.lookup("#labMemory0").query()), "L-BFGS shows its memory m");
        assertEquals(Method.LBFGS, onFx(() -> lab.race().runs().get(0).method()));
    }

    @Test
    void theBowlsSlidersSetItsEigenvaluesAndTheTurnKeepsThem(FxRobot robot) {
        run(() -> lab.setBowl(0.1, 10, 30));
        robot.clickOn("#labTheoryTab");
        String eigen = robot.lookup("#labEigen").queryAs(Label.class).getText();
        assertEquals("λ₁ = 0.1,  λ₂ = 10,  κ = λ₂/λ₁ = 100", eigen);
        // the turned bowl: L(r(cos 30°, sin 30°)) = ½ · 0.1 · r² along the first axis
        Race race = onFx(lab::race);
        double c = Math.cos(Math.toRadians(30)), sn = Math.sin(Math.toRadians(30));
        assertEquals(0.5 * 0.1 * 4, race.surface().surface().value(2 * c, 2 * sn), 1e-12);
    }

    @Test
    void aDivergingRunStopsAtItsFirstNonFiniteLossAndTheTableSaysSo() {
        run(() -> {
            lab.setSteps(1000);
            lab.setRows(List.of(RowSettings.of(Method.SGD, 3)));
        });
        // By hand: x ← (1 − γ)x, y ← (1 − 10γ)y from (1, 1); L = ½(x² + 10y²) overflows first
        double x = 1, y = 1;
        int k = 0;
        while (Double.isFinite(0.5 * (x * x + 10 * y * y))) {
            x -= 3 * x;
            y -= 3 * 10 * y;
            k++;
        }
        final int expected = k;
        Race.Run sgd = onFx(() -> lab.race().runs().get(0));
        assertTrue(sgd.diverged());
        assertEquals(expected, sgd.divergedAt());
        assertEquals(expected, sgd.n(), "the path keeps w₀ … w_{k−1}, the finite points");
        assertEquals("diverged at step " + expected, onFx(() -> lab.table().getItems().get(0).status()));
    }

    @Test
    void newtonLandsOnTheBowlsMinimumInOneStepAsTheTableShows() throws Exception {
        run(() -> lab.setRows(List.of(RowSettings.of(Method.NEWTON, 1), RowSettings.of(Method.SGD, 0.18))));
        ResultsTable.Line newton = onFx(() -> lab.table().getItems().get(0));
        assertEquals("Newton", newton.method());
        assertEquals("1", newton.steps(), "w₁ = w₀ − H⁻¹Hw₀ = 0");
        assertEquals("converged", newton.status());
        Race.Run run = onFx(() -> lab.race().runs().get(0));
        assertEquals(0, run.x()[1], 1e-15);
        assertEquals(0, run.y()[1], 1e-15);
    }

    @Test
    void theRosenbrockValleyAndNewtonAtTheSaddleAreSavedForReview() throws Exception {
        run(() -> {
            lab.chooseSurface("rosenbrock");
            lab.setSteps(1000);
            lab.setRows(List.of(RowSettings.of(Method.SGD, 0.001), RowSettings.of(Method.MOMENTUM, 0.0005),
                    RowSettings.of(Method.ADAM, 0.02), RowSettings.of(Method.NEWTON, 1), RowSettings.of(Method.BFGS, 1),
                    RowSettings.of(Method.LBFGS, 1)));
        });
        WaitForAsyncUtils.waitForFxEvents();
        LabShots.save(scene, "lab-rosenbrock.png");
        assertEquals(6, onFx(() -> lab.race().runs().size()));
        run(() -> {
            lab.chooseSurface("saddle");
            lab.setSteps(50);
            lab.setRows(List.of(RowSettings.of(Method.NEWTON, 1), RowSettings.of(Method.DAMPED_NEWTON, 1),
                    RowSettings.of(Method.SGD, 0.1), RowSettings.of(Method.MOMENTUM, 0.05)));
        });
        WaitForAsyncUtils.waitForFxEvents();
        LabShots.save(scene, "lab-saddle-newton.png");
        // Newton on the saddle jumps to the critical point (0, 0) in one step: no better than standing still there
        Race.Run newton = onFx(() -> lab.race().runs().get(0));
        assertEquals(0, newton.x()[1], 1e-12);
        assertEquals(0, newton.y()[1], 1e-12);
    }

    @Test
    void theOptimalMomentumButtonSetsGohsGammaAndBeta(FxRobot robot) throws Exception {
        robot.clickOn("#labTheoryTab");
        robot.clickOn("#labUseOptimalMomentum");
        WaitForAsyncUtils.waitForFxEvents();
        LabShots.save(scene, "lab-theory.png");
        // λ = 1 and 10: γ = (2/(1 + √10))², β = ((√10 − 1)/(√10 + 1))²
        double gamma = Math.pow(2 / (1 + Math.sqrt(10)), 2), beta = Math.pow((Math.sqrt(10) - 1) / (Math.sqrt(10) + 1), 2);
        RowSettings momentum = onFx(() -> lab.rows().get(1).settingsProperty().get());
        assertEquals(gamma, momentum.rate(), 1e-4);
        assertEquals(beta, momentum.beta(), 1e-4);
        double predicted = (Math.sqrt(10) - 1) / (Math.sqrt(10) + 1);
        double shownPredicted = Double.parseDouble(robot.lookup("#labPredicted1").queryAs(Label.class).getText());
        double shownMeasured = Double.parseDouble(robot.lookup("#labMeasured1").queryAs(Label.class).getText());
        assertEquals(predicted, shownPredicted, 1e-3);
        assertEquals(predicted, shownMeasured, 0.03, "the measured rate agrees with the prediction");
    }

    @Test
    void theOptimalStepButtonAddsAnSgdRowWhenThereIsNone(FxRobot robot) {
        run(() -> lab.setRows(List.of(RowSettings.of(Method.ADAM, 0.1))));
        robot.clickOn("#labTheoryTab");
        robot.clickOn("#labUseOptimalGamma");
        WaitForAsyncUtils.waitForFxEvents();
        Race race = onFx(lab::race);
        assertEquals(2, race.runs().size());
        assertEquals(Method.SGD, race.runs().get(1).method());
        assertEquals(2.0 / (1 + 10), race.runs().get(1).settings().rate(), 1e-15, "2/(λ₁ + λ₂)");
    }

    @Test
    void clickingTheStabilityMapPicksGammaAndBetaForTheMomentumRow(FxRobot robot) {
        robot.clickOn("#labTheoryTab");
        TheoryPanel theory = onFx(lab::theory);
        Node map = robot.lookup("#labStabilityMap").query();
        // γ = 0.2, β = 0.5 on λ₂ = 10: the map spans γ ∈ [0, 0.44] over 300 px and β ∈ [0, 0.99] over 170 px
        double px = TheoryPanel.MAP_LEFT + 0.2 / 0.44 * TheoryPanel.MAP_W, py = TheoryPanel.MAP_H - 0.5 / 0.99 * TheoryPanel.MAP_H;
        assertArrayEquals(new double[] {px, py}, onFx(() -> theory.mapPixel(0.2, 0.5)), 1e-9);
        robot.clickOn(onFx(() -> map.localToScreen(px, py)));
        WaitForAsyncUtils.waitForFxEvents();
        RowSettings momentum = onFx(() -> lab.rows().get(1).settingsProperty().get());
        assertEquals(0.2, momentum.rate(), 0.44 / 300 * 1.5);
        assertEquals(0.5, momentum.beta(), 0.99 / 170 * 1.5);
    }

    /** Whether a person sees the node: it and every parent visible. */
    private static boolean shown(Node node) {
        return onFx(() -> {
            for (Node n = node; n != null; n = n.getParent()) if (!n.isVisible()) return false;
            return true;
        });
    }

    private static <T> T onFx(Callable<T> c) {
        return WaitForAsyncUtils.waitForAsyncFx(10_000, c);
    }

    private static void run(Runnable r) {
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
            r.run();
            return null;
        });
    }
}
