package org.mlplayground.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mlplayground.engine.Activation;
import org.mlplayground.engine.Loss;
import org.mlplayground.engine.NetworkSpec;
import org.mlplayground.train.BackpropTrace;
import org.mlplayground.train.PathSum;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The "paths" explanation of a backward stage: every path of one weight, their sum, and backprop beside it. */
@ExtendWith(ApplicationExtension.class)
class PathsPanelTest {
    /** The lecture's 2-2-2-2 network: tanh, squared error. Stages F1 F2 F3 Loss B3 B2 B1 Update. */
    private static final NetworkSpec LECTURE = NetworkSpec.input(2).dense(2, Activation.tanh()).dense(2, Activation.tanh())
            .dense(2, Activation.tanh()).loss(Loss.MSE);
    private static final int BACKWARD_2 = 5, BACKWARD_1 = 6;

    private BackpropStepper stepper;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stepper = new BackpropStepper();
        stepper.setTrace(StepperTraces.of(LECTURE, 4, 0, 5));
        stage.setScene(new Scene(stepper, 1100, 760));
        stage.sizeToScene();
        stage.show();
    }

    @Test
    void thePathsButtonBelongsToTheBackwardStagesOnly(FxRobot robot) {
        List<BackpropTrace.Stage> stages = trace().stages();
        for (int s = 0; s < stages.size(); s++) {
            goTo(s);
            boolean backward = stages.get(s).kind() == BackpropTrace.Kind.BACKWARD;
            assertEquals(backward, onFx(() -> robot.lookup("#showPaths").queryAs(ToggleButton.class).isVisible()), stages.get(s).title());
        }
        goTo(BACKWARD_1);
        robot.clickOn("#showPaths");
        assertNotNull(robot.lookup("#pathsPanel").tryQuery().orElse(null), "Paths opens the panel");
        assertNull(onFx(() -> stepper.table("delta")), "in place of the tables");
        goTo(BACKWARD_1 + 1);
        assertTrue(robot.lookup("#pathsPanel").tryQuery().isEmpty(), "the update stage has no paths");
        goTo(BACKWARD_1);
        robot.clickOn("#showPaths");
        assertTrue(robot.lookup("#pathsPanel").tryQuery().isEmpty(), "Paths again closes it");
        assertNotNull(onFx(() -> stepper.table("delta")), "and the tables are back");
    }

    @Test
    void aWeightOfLayerOneHasFourPathsAndItsSumIsBackprop(FxRobot robot) {
        run(() -> stepper.exampleColumnProperty().set(2));
        openPaths(robot, BACKWARD_1);
        PathsPanel panel = onFx(stepper::pathsPanel);
        assertEquals(1, onFx(panel::weightI));
        assertEquals(1, onFx(panel::weightJ), "w₁,₁₁ by default");
        assertEquals(4, onFx(() -> panel.formulaRows().size()), "n₂ · n₃ = 2 · 2 paths");
        assertEquals(4, onFx(() -> panel.pathSum().paths().size()));
        assertTrue(onFx(() -> panel.plainRows().isEmpty()));
        assertTrue(text(panel.formulaRows().get(0), ".path-route").startsWith("1.  h₁,₀ → a₁,₁ → a₁,₂ → a₁,₃ → o₁"),
                text(panel.formulaRows().get(0), ".path-route"));
        assertTrue(onFx(() -> ((Label) robot.lookup("#pathsLead").query()).getText())
                .startsWith("Backprop adds up these 4 paths once per layer instead of one by one: δ₁ = Φ'₁(a₁) ⊙ W₂ᵀ δ₂"));
        assertSumIsBackpropAndTheTraceTerm(panel, 2);

        onFx(() -> {
            stepper.goTo(BACKWARD_2);
            return null;
        });
        assertEquals(2, onFx(() -> panel.formulaRows().size()), "n₃ = 2 paths from a weight of layer 2");
        assertEquals(2, onFx(panel::pathCount));
        assertSumIsBackpropAndTheTraceTerm(panel, 2);
    }

    @Test
    void onTheBatchMeanThePathsAreForTheFirstExampleAndSaySo(FxRobot robot) {
        assertEquals(BackpropStepper.BATCH_MEAN, onFx(() -> stepper.exampleColumnProperty().get()));
        openPaths(robot, BACKWARD_1);
        PathsPanel panel = onFx(stepper::pathsPanel);
        assertEquals(0, onFx(panel::column));
        String note = onFx(() -> panel.exampleNote().getText());
        assertTrue(note.startsWith("The view shows the batch mean, but paths belong to one example: these are for example 1"), note);
        assertSumIsBackpropAndTheTraceTerm(panel, 0);

        run(() -> stepper.exampleColumnProperty().set(3));
        assertEquals(3, onFx(panel::column), "the panel follows the example chosen");
        assertTrue(onFx(() -> panel.exampleNote().getText()).startsWith("For example 4"));
        assertSumIsBackpropAndTheTraceTerm(panel, 3);
    }

    @Test
    void clickingAWeightGradientChoosesThatWeight(FxRobot robot) {
        goTo(BACKWARD_2);
        robot.clickOn(onFx(() -> stepper.table("dLdW").cell(1, 0)));
        WaitForAsyncUtils.waitForFxEvents();
        PathsPanel panel = onFx(stepper::pathsPanel);
        assertTrue(onFx(() -> robot.lookup("#showPaths").queryAs(ToggleButton.class).isSelected()), "the click opens the paths");
        assertEquals(List.of(2, 1), onFx(() -> List.of(panel.weightI(), panel.weightJ())), "∂L/∂W₂[2, 1] is w₂,₂₁");
        assertEquals(2, onFx(() -> panel.pathSum().i()));
        assertTrue(onFx(() -> panel.backpropText().getText()).startsWith("backprop ∂ℓ/∂w₂,₂₁ = δ₂,₂ · h₁,₁ = "));

        robot.clickOn(onFx(() -> panel.picker().cell(0, 1)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(1, 2), onFx(() -> List.of(panel.pathSum().i(), panel.pathSum().j())), "the panel's ∂L/∂W₂ chooses too");
        assertTrue(onFx(() -> panel.picker().cell(0, 1).getStyleClass().contains(MatrixTable.SOURCE)), "the chosen weight is marked");
        assertFalse(onFx(() -> panel.picker().cell(1, 0).getStyleClass().contains(MatrixTable.SOURCE)));
        assertSumIsBackpropAndTheTraceTerm(panel, 0);

        robot.clickOn("#pathI .increment-arrow-button");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(2, 2), onFx(() -> List.of(panel.pathSum().i(), panel.pathSum().j())), "the i spinner chooses the row");
    }

    @Test
    void aSoftmaxOutputMultipliesThePathsByItsSize(FxRobot robot) {
        NetworkSpec tanh = NetworkSpec.input(2).dense(2, Activation.tanh()).dense(2, Activation.tanh())
                .dense(3, Activation.tanh()).loss(Loss.MSE);
        NetworkSpec softmax = NetworkSpec.input(2).dense(2, Activation.tanh()).dense(2, Activation.tanh())
                .dense(3, Activation.softmax()).loss(Loss.SOFTMAX_CROSS_ENTROPY);
        run(() -> stepper.setTrace(StepperTraces.of(tanh, 3, 0, 8)));
        openPaths(robot, BACKWARD_1);
        PathsPanel panel = onFx(stepper::pathsPanel);
        assertEquals(2 * 3, onFx(() -> panel.formulaRows().size()), "n₂ · n₃");

        onFx(() -> {
            stepper.setTrace(StepperTraces.of(softmax, 3, 0, 8));
            stepper.goTo(BACKWARD_1);
            return null;
        });
        assertEquals(3 * 2 * 3, onFx(() -> panel.formulaRows().size()), "n₂ · n₃ · n_L: each path reaches the loss through every o_m");
        String route = text(panel.formulaRows().get(1), ".path-route");
        assertTrue(route.startsWith("2.  h₁,₀ → a₁,₁ → a₁,₂ → a₁,₃ → o₂"), route);
        assertSumIsBackpropAndTheTraceTerm(panel, 0);
    }

    @Test
    void beyondSixtyFourPathsTheRestArePlainText(FxRobot robot) {
        NetworkSpec wide = NetworkSpec.input(2).dense(2, Activation.tanh()).dense(10, Activation.tanh())
                .dense(10, Activation.tanh()).dense(1, Activation.tanh()).loss(Loss.MSE);
        run(() -> stepper.setTrace(StepperTraces.of(wide, 2, 0, 4)));
        openPaths(robot, trace().stages().size() - 2);
        PathsPanel panel = onFx(stepper::pathsPanel);
        assertEquals(100, onFx(panel::pathCount), "10 · 10 · 1");
        assertEquals(PathsPanel.MAX_FORMULAS, onFx(() -> panel.formulaRows().size()));
        List<String> rest = onFx(() -> List.copyOf(panel.plainRows()));
        assertEquals(100 - PathsPanel.MAX_FORMULAS, rest.size());
        assertTrue(rest.get(0).startsWith("65.  h₁,₀ → a₁,₁ → a₇,₂ → a₅,₃ → a₁,₄ → o₁"), rest.get(0));
        assertSumIsBackpropAndTheTraceTerm(panel, 0);
    }

    @Test
    void aNetworkWithTooManyPathsShowsWhyInstead(FxRobot robot) {
        NetworkSpec deep = NetworkSpec.input(2).dense(2, Activation.tanh()).dense(25, Activation.tanh())
                .dense(25, Activation.tanh()).dense(25, Activation.tanh()).dense(1, Activation.tanh()).loss(Loss.MSE);
        run(() -> stepper.setTrace(StepperTraces.of(deep, 2, 0, 4)));
        openPaths(robot, trace().stages().size() - 2);
        PathsPanel panel = onFx(stepper::pathsPanel);
        assertNull(onFx(panel::pathSum));
        assertEquals(25L * 25 * 25, onFx(panel::pathCount));
        assertTrue(onFx(() -> panel.message().isVisible()));
        String message = onFx(() -> panel.message().getText());
        assertTrue(message.contains("along 15625 paths, more than the " + PathSum.MAX_PATHS), message);
        assertEquals("15625 paths lead from w₁,₁₁ to the loss", onFx(() -> ((Label) robot.lookup("#pathsHeading").query()).getText()));
        assertTrue(onFx(() -> panel.formulaRows().isEmpty()));
        assertFalse(onFx(() -> robot.lookup("#pathSummary").query().isVisible()));
    }

    @Test
    void withDropoutThePathsAreComparedWithBackpropWithoutIt(FxRobot robot) {
        run(() -> stepper.setTrace(StepperTraces.of(LECTURE, 4, 0.5, 5)));
        openPaths(robot, BACKWARD_1);
        PathsPanel panel = onFx(stepper::pathsPanel);
        assertTrue(Double.isNaN(onFx(panel::traceTerm)));
        assertTrue(onFx(() -> panel.traceText().getText()).startsWith("This step used dropout"));
        assertEquals(onFx(() -> panel.sumText().getText()).replaceAll(".* = ", ""),
                onFx(() -> panel.backpropText().getText()).replaceAll(".* = ", ""));
    }

    @Test
    void screenshotOfThePaths(FxRobot robot) throws Exception {
        run(() -> stepper.exampleColumnProperty().set(1));
        openPaths(robot, BACKWARD_1);
        onFx(() -> {
            stepper.pathsPanel().select(1, 2, 1);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        BufferedImage shot = onFx(() -> SceneCapture.render(stage.getScene()));
        SceneCapture.writePng(shot, Path.of("target/backprop-paths.png"));
        assertEquals(4, onFx(() -> stepper.pathsPanel().formulaRows().size()));
    }

    // ---------------------------------------------------------------------------------------------

    /**
     * The shown Σ and backprop read the same to the printed digits, and Σ is this step's δ_{i,l} h_{j,l−1} of
     * the example in {@code column} to 1e-12.
     */
    private void assertSumIsBackpropAndTheTraceTerm(PathsPanel panel, int column) {
        PathSum sum = onFx(panel::pathSum);
        BackpropTrace t = trace();
        int l = sum.l();
        assertEquals(column, onFx(panel::column));
        String shownSum = onFx(() -> panel.sumText().getText()).replaceAll(".* = ", "");
        String shownBackprop = onFx(() -> panel.backpropText().getText()).replaceAll(".* = ", "");
        String shownTrace = onFx(() -> panel.traceText().getText()).replaceAll(".* = ", "");
        assertEquals(PathsPanel.precise(sum.sum()), shownSum);
        assertEquals(shownSum, shownBackprop, "Σ paths and backprop agree to the printed digits");
        assertEquals(shownSum, shownTrace, "and with this step's δ·h");
        double traced = t.layer(l).delta().get(sum.i() - 1, column) * t.layer(l).hPrev().get(sum.j() - 1, column);
        assertTrue(Math.abs(traced) > 1e-9, "too small to test: " + traced);
        assertEquals(traced, onFx(panel::traceTerm), 0);
        assertEquals(traced, sum.sum(), 1e-12, "Σ paths = δ_{i,l} h_{j,l−1} of example " + (column + 1));
        assertEquals(traced, sum.backprop(), 1e-12);
    }

    private void openPaths(FxRobot robot, int stageIndex) {
        goTo(stageIndex);
        if (!onFx(() -> robot.lookup("#showPaths").queryAs(ToggleButton.class).isSelected())) robot.clickOn("#showPaths");
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(Node row, String styleClass) {
        return onFx(() -> ((Label) row.lookup(styleClass)).getText());
    }

    private BackpropTrace trace() {
        return onFx(stepper::getTrace);
    }

    private void goTo(int index) {
        onFx(() -> {
            stepper.goTo(index);
            return null;
        });
    }

    private static <T> T onFx(Callable<T> task) {
        return WaitForAsyncUtils.waitForAsyncFx(10_000, task);
    }

    private static void run(Runnable task) {
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
            task.run();
            return null;
        });
    }
}
