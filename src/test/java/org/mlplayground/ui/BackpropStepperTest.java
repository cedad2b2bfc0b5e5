package org.mlplayground.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mlplayground.train.BackpropTrace;
import org.mlplayground.train.BackpropTrace.Kind;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/** The backprop stepper used as a student would: stepping, switching examples, hovering numbers. */
@ExtendWith(ApplicationExtension.class)
class BackpropStepperTest {
    private BackpropStepper stepper;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stepper = new BackpropStepper();
        stepper.setTrace(StepperTraces.tanhNet());
        stage.setScene(new Scene(stepper, 1100, 720));
        stage.sizeToScene();
        stage.show();
    }

    @Test
    void nextVisitsForwardLossBackwardUpdateInOrder(FxRobot robot) {
        BackpropTrace t = trace();
        List<String> seen = new ArrayList<>();
        seen.add(text(robot, "#stageTitle"));
        for (int i = 1; i < t.stages().size(); i++) {
            robot.clickOn("#nextStage");
            seen.add(text(robot, "#stageTitle"));
            assertEquals(List.of(i), onFx(() -> currentChips()), "one chip is highlighted, the stage's");
        }
        assertEquals(List.of("Forward 1", "Forward 2", "Forward 3", "Loss", "Backward 3", "Backward 2", "Backward 1", "Update"), seen);
        assertTrue(onFx(() -> robot.lookup("#nextStage").queryAs(Button.class).isDisabled()), "the update ends the step");
        assertTrue(onFx(() -> robot.lookup("#nextStep").queryAs(Button.class).isVisible()));
    }

    @Test
    void nextStepAsksForANewTrainingStepAndANewTraceStartsAtForwardOne(FxRobot robot) {
        AtomicInteger asked = new AtomicInteger();
        onFx(() -> {
            stepper.setOnNewStep(asked::incrementAndGet);
            stepper.runToEnd();
            return null;
        });
        assertEquals("Update", text(robot, "#stageTitle"));
        robot.clickOn("#nextStep");
        assertEquals(1, asked.get());

        BackpropTrace second = StepperTraces.trace(trace().after(), trace().x(), trace().y(), 0.1, 2, 7);
        onFx(() -> {
            stepper.setTrace(second);
            return null;
        });
        assertEquals("Forward 1", text(robot, "#stageTitle"));
        assertFalse(onFx(() -> robot.lookup("#nextStep").queryAs(Button.class).isVisible()), "Next step belongs to the update");
    }

    @Test
    void chipsAndArrowKeysMoveBetweenStages(FxRobot robot) {
        robot.clickOn("#chip-5");
        assertEquals("Backward 2", text(robot, "#stageTitle"));
        robot.clickOn("#stageTitle").type(KeyCode.RIGHT);
        assertEquals("Backward 1", text(robot, "#stageTitle"));
        robot.type(KeyCode.LEFT).type(KeyCode.LEFT);
        assertEquals("Backward 3", text(robot, "#stageTitle"));
        robot.clickOn("#restartStage");
        assertEquals("Forward 1", text(robot, "#stageTitle"));
        robot.clickOn("#runToEnd");
        assertEquals("Update", text(robot, "#stageTitle"));
    }

    @Test
    void previousThenNextShowsTheSameNumbersAgain(FxRobot robot) {
        for (int stageIndex : new int[] {1, 4, 5, 7}) {
            goTo(stageIndex);
            Map<String, List<String>> shown = onFx(this::shownTexts);
            assertFalse(shown.isEmpty());
            robot.clickOn("#previousStage");
            assertFalse(shown.equals(onFx(this::shownTexts)), "the stage before shows other numbers");
            robot.clickOn("#nextStage");
            assertEquals(shown, onFx(this::shownTexts), "stage " + stageIndex);
        }
    }

    @Test
    void shownDeltaAndWeightGradientAreTheTracesNumbers(FxRobot robot) {
        BackpropTrace t = trace();
        List<BackpropTrace.Stage> stages = t.stages();
        int checked = 0;
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).kind() != Kind.BACKWARD) continue;
            goTo(i);
            int l = stages.get(i).layer();
            DMatrixRMaj delta = TraceView.pick(t.layer(l).delta(), TraceView.BATCH_MEAN);
            assertCells(delta, "delta", "δ of layer " + l);
            assertCells(t.layer(l).dLdW(), "dLdW", "∂L/∂W of layer " + l);
            assertCells(t.layer(l).dLdb(), "dLdb", "∂L/∂b of layer " + l);
            checked++;
        }
        assertEquals(3, checked);
    }

    @Test
    void gradientCheckShowsTheRelativeErrorOfTheTrace(FxRobot robot) {
        BackpropTrace t = trace();
        goTo(t.stages().size() - 2); // Backward 1: blocks W1, b1
        List<GradientCheckTable.Row> rows = onFx(() -> stepper.gradientCheck().rows());
        assertEquals(3 * 2 + 3, rows.size(), "every entry of W₁ and b₁");
        for (int k = 0; k < rows.size(); k++) {
            int block = k < 6 ? 0 : 1, index = k < 6 ? k : k - 6;
            double g = t.gradients().get(block)[index], f = t.finiteDifferences().get(block)[index];
            // |g − f| / max(|g|, |f|, 1e-4): below 1e-4 the difference is compared absolutely (GradientCheck).
            double expected = Math.abs(g - f) / Math.max(Math.max(Math.abs(g), Math.abs(f)), 1e-4);
            Label cell = rows.get(k).relativeErrorCell();
            double shown = Double.parseDouble(onFx(cell::getText));
            assertEquals(expected, shown, expected * 0.06 + 1e-15, rows.get(k).entry());
            assertTrue(expected < 1e-6, "tanh is smooth: backprop and finite differences agree, " + expected);
            assertTrue(onFx(() -> cell.getStyleClass().contains("check-good")));
        }
        assertEquals("W₁[2, 1]", rows.get(2).entry());

        onFx(() -> {
            stepper.setTrace(StepperTraces.withWrongGradient(t, 0, 2, 1.5));
            stepper.goTo(t.stages().size() - 2);
            return null;
        });
        Label wrong = onFx(() -> stepper.gradientCheck().rows().get(2).relativeErrorCell());
        assertEquals(1.0 / 3, Double.parseDouble(onFx(wrong::getText)), 0.01, "|1.5g − g| / 1.5|g|");
        assertTrue(onFx(() -> wrong.getStyleClass().contains("check-bad")));
    }

    @Test
    void choosingAnExampleShowsItsColumnAndTheBatchChoiceTheMean(FxRobot robot) {
        BackpropTrace t = trace();
        goTo(1); // Forward 2: h₁ in, h₂ out
        assertCells(TraceView.pick(t.layer(2).h(), -1), "h", "mean h₂");
        robot.clickOn("#exampleChoice");
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell").match(LabeledMatchers.hasText("Example 3 (point #23)")).<Node>query());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, onFx(() -> stepper.exampleColumnProperty().get()));
        assertCells(TraceView.pick(t.layer(2).h(), 2), "h", "h₂ of example 3");
        assertCells(TraceView.pick(t.layer(1).h(), 2), "hPrev", "h₁ of example 3");

        goTo(5); // Backward 2
        assertCells(TraceView.pick(t.layer(2).delta(), 2), "delta", "δ₂ of example 3");
        assertCells(TraceView.pick(t.layer(3).delta(), 2), "deltaNext", "δ₃ of example 3");
        assertCells(t.layer(2).dLdW(), "dLdW", "∂L/∂W stays the batch mean");

        robot.clickOn("#exampleChoice");
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell").match(LabeledMatchers.hasText("Whole mini-batch (mean)")).<Node>query());
        WaitForAsyncUtils.waitForFxEvents();
        assertCells(TraceView.pick(t.layer(2).delta(), -1), "delta", "mean δ₂");
    }

    @Test
    void hoveringADeltaMarksTheWeightsAndDeltasItCameFrom(FxRobot robot) {
        goTo(5); // Backward 2: δ₂ = Φ'(a₂) ⊙ (W₃ᵀ δ₃), W₃ is 1 × 2, so W₃ᵀ is 2 × 1
        onFx(() -> {
            stepper.exampleColumnProperty().set(1);
            return null;
        });
        reveal(onFx(() -> stepper.table("delta").cell(1, 0)));
        robot.moveTo(onFx(() -> stepper.table("delta").cell(1, 0)));
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(marked("delta", 1, 0, MatrixTable.SOURCE));
        assertTrue(marked("WnextT", 1, 0, MatrixTable.TRACED), "row 2 of W₃ᵀ");
        assertFalse(marked("WnextT", 0, 0, MatrixTable.TRACED), "not row 1");
        assertTrue(marked("deltaNext", 0, 0, MatrixTable.TRACED));
        assertTrue(marked("phiPrime", 1, 0, MatrixTable.TRACED));
        assertFalse(marked("phiPrime", 0, 0, MatrixTable.TRACED));
        String caption = onFx(() -> stepper.caption().getText());
        assertTrue(caption.startsWith("δ₂,₂ = Φ'(a₂,₂) · (w·δ) = "), caption);
        String delta = onFx(() -> stepper.table("delta").cell(1, 0).getText());
        assertTrue(caption.endsWith(" = " + delta), caption);

        // The pointer leaves δ₂[2] and enters ∂L/∂W₂[2, 3]. The events are sent to the cells directly: after
        // scrolling, the headless robot does not always land on a cell it was sent to.
        robot.moveTo("#stageTitle"); // off the tables, so no real pointer event lands on them meanwhile
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(marked("delta", 1, 0, MatrixTable.SOURCE), "leaving δ₂[2] clears its marks");
        onFx(() -> {
            pointer(stepper.table("dLdW").cell(1, 2), javafx.scene.input.MouseEvent.MOUSE_ENTERED);
            return null;
        });
        assertTrue(marked("delta", 1, 0, MatrixTable.TRACED), "∂L/∂W₂[2, 3] comes from δ₂[2] …");
        assertTrue(marked("hPrevT", 0, 2, MatrixTable.TRACED), "… and h₁[3]");
        assertFalse(marked("hPrevT", 0, 0, MatrixTable.TRACED));
        assertFalse(marked("WnextT", 1, 0, MatrixTable.TRACED), "the last hover's marks are gone");
    }

    @Test
    void batchNormShowsNormalisedValuesAndDropoutItsMask(FxRobot robot) {
        BackpropTrace t = StepperTraces.batchNormDropoutSoftmax();
        onFx(() -> {
            stepper.setTrace(t);
            stepper.exampleColumnProperty().set(0);
            return null;
        });
        assertNotNull(onFx(() -> stepper.table("mask")), "layer 1 drops out");
        assertNull(onFx(() -> stepper.table("aHat")), "layer 1 has no batch norm");
        DMatrixRMaj mask = t.layer(1).mask();
        for (int i = 0; i < mask.numRows; i++) {
            int row = i;
            assertEquals(mask.get(i, 0) == 0, onFx(() -> stepper.table("mask").cell(row, 0).getStyleClass().contains("dropped")));
        }
        goTo(1);
        assertCells(TraceView.pick(t.layer(2).aHat(), 0), "aHat", "â₂");
        assertCells(TraceView.pick(t.layer(2).z(), 0), "z", "z₂");
        goTo(t.stages().size() - 2); // Backward 1, with γ₁? no: layer 1 has W₁, b₁ only
        assertEquals(4 * 2 + 4, onFx(() -> stepper.gradientCheck().rows().size()));
        goTo(t.stages().size() - 3); // Backward 2: W₂, b₂, γ₂, β₂
        assertEquals(3 * 4 + 3 + 3 + 3, onFx(() -> stepper.gradientCheck().rows().size()));
    }

    @Test
    void screenshotsOfAForwardABackwardAndTheUpdateStage(FxRobot robot) throws Exception {
        onFx(() -> {
            stepper.setTrace(StepperTraces.batchNormDropoutSoftmax());
            stepper.exampleColumnProperty().set(1);
            return null;
        });
        save("target/backprop-forward.png");

        onFx(() -> {
            stepper.setTrace(StepperTraces.of(org.mlplayground.engine.NetworkSpec.input(2)
                    .dense(4, org.mlplayground.engine.Activation.tanh()).dense(3, org.mlplayground.engine.Activation.tanh())
                    .dense(1, org.mlplayground.engine.Activation.sigmoid()).loss(org.mlplayground.engine.Loss.SIGMOID_CROSS_ENTROPY), 6, 0, 3));
            stepper.exampleColumnProperty().set(0);
            stepper.goTo(5); // Backward 2
            return null;
        });
        robot.moveTo(onFx(() -> stepper.table("delta").cell(2, 0)));
        save("target/backprop-backward.png");

        onFx(() -> {
            stepper.runToEnd();
            return null;
        });
        robot.moveTo(onFx(() -> stepper.table("step:W2").cell(1, 2)));
        save("target/backprop-update.png");
        assertNotNull(robot.lookup("#boundaryBefore").query());
        assertNotNull(robot.lookup("#boundaryAfter").query());

        onFx(() -> {
            BackpropTrace shown = stepper.getTrace();
            stepper = new BackpropStepper();
            stepper.setTrace(shown);
            stepper.exampleColumnProperty().set(0);
            stage.setScene(new Scene(stepper, 760, 540));
            stage.sizeToScene();
            stepper.goTo(5);
            return null;
        });
        save("target/backprop-small-window.png");
    }

    // ---------------------------------------------------------------------------------------------

    private void save(String file) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        BufferedImage shot = onFx(() -> SceneCapture.render(stage.getScene()));
        SceneCapture.writePng(shot, Path.of(file));
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

    private List<Integer> currentChips() {
        List<Integer> current = new ArrayList<>();
        List<Button> chips = stepper.stageChips();
        for (int i = 0; i < chips.size(); i++) if (chips.get(i).getStyleClass().contains("current")) current.add(i);
        return current;
    }

    private Map<String, List<String>> shownTexts() {
        Map<String, List<String>> texts = new LinkedHashMap<>();
        stepper.tables().forEach((key, table) -> texts.put(key, table.texts()));
        if (stepper.gradientCheck() != null) {
            List<String> rows = new ArrayList<>();
            for (GradientCheckTable.Row r : stepper.gradientCheck().rows()) rows.add(r.entry() + r.relativeErrorCell().getText());
            texts.put("check", rows);
        }
        return texts;
    }

    /** Every cell of table {@code key} reads as the matching entry of {@code expected}, to four significant digits. */
    private void assertCells(DMatrixRMaj expected, String key, String what) {
        List<String> shown = onFx(() -> stepper.table(key).texts());
        assertEquals(expected.getNumElements(), shown.size(), what);
        for (int k = 0; k < shown.size(); k++) {
            double v = expected.data[k];
            assertEquals(v, MatrixTable.parse(shown.get(k)), Math.abs(v) * 6e-4 + 1e-12, what + " entry " + k);
        }
    }

    private boolean marked(String key, int i, int j, String styleClass) {
        return onFx(() -> stepper.table(key).cell(i, j).getStyleClass().contains(styleClass));
    }

    private static String text(FxRobot robot, String query) {
        WaitForAsyncUtils.waitForFxEvents();
        return onFx(() -> robot.lookup(query).queryAs(Label.class).getText());
    }

    private static <T> T onFx(Callable<T> task) {
        return WaitForAsyncUtils.waitForAsyncFx(10_000, task);
    }

    private static void pointer(javafx.scene.Node cell, javafx.event.EventType<javafx.scene.input.MouseEvent> type) {
        cell.fireEvent(new javafx.scene.input.MouseEvent(type, 1, 1, 0, 0, javafx.scene.input.MouseButton.NONE, 0, false,
                false, false, false, false, false, false, false, false, false, null));
    }

    /** Scrolls the tables so that {@code cell} is in view, as a student would before pointing at it. */
    private static void reveal(javafx.scene.Node cell) {
        onFx(() -> {
            for (javafx.scene.Node n = cell.getParent(); n != null; n = n.getParent()) {
                if (!(n instanceof javafx.scene.control.ScrollPane pane)) continue;
                javafx.scene.Node content = pane.getContent();
                javafx.geometry.Bounds b = content.sceneToLocal(cell.localToScene(cell.getBoundsInLocal()));
                double free = content.getLayoutBounds().getHeight() - pane.getViewportBounds().getHeight();
                if (free > 0) pane.setVvalue(Math.max(0, Math.min(1, (b.getMinY() - 20) / free)));
                double wide = content.getLayoutBounds().getWidth() - pane.getViewportBounds().getWidth();
                if (wide > 0) pane.setHvalue(Math.max(0, Math.min(1, (b.getMinX() - 20) / wide)));
                pane.layout();
            }
            return null;
        });
        // Let a pulse lay the scrolled content out before anyone asks where the cell is on screen.
        WaitForAsyncUtils.sleep(150, java.util.concurrent.TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
