package org.mlplayground.ui;

import static org.mlplayground.ui.WindowTests.onFx;
import static org.mlplayground.ui.WindowTests.visible;
import static org.mlplayground.ui.WindowTests.saveWindow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mlplayground.lesson.Control;
import org.mlplayground.lesson.Lesson;
import org.mlplayground.lesson.LessonLibrary;
import org.mlplayground.train.TrainingConfig;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Lessons in the playground window: open one, its preset applies, its controls hide, its tasks change settings. */
@ExtendWith(ApplicationExtension.class)
class LessonWindowTest {
    @TempDir
    static Path home;

    private PlaygroundApp app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        System.setProperty("mlplayground.progress", home.resolve("progress.properties").toString());
        this.stage = stage;
        app = new PlaygroundApp();
        app.start(stage);
    }

    @AfterEach
    void stopTraining() {
        onFx(() -> {
            app.stop();
            return null;
        });
        System.clearProperty("mlplayground.progress");
    }

    private static Lesson lesson(String id) {
        return LessonLibrary.load(Path.of("lessons")).find(id, "en").orElseThrow();
    }

    @Test
    void openingALessonAppliesItsPresetAndHidesItsControls(FxRobot robot) throws Exception {
        Lesson xor = lesson("01-perceptron-xor");
        onFx(() -> {
            app.controller().openLesson(xor.id());
            return null;
        });
        TrainingConfig want = xor.configAtTask(0);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> app.controller().configProperty().get()).equals(want));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> app.controller().displayedSnapshotProperty().get()
                .config().equals(want)));
        assertTrue(visible(robot, "#lessonDock"), "the lesson column is beside the playground");
        assertEquals(xor.title(), onFx(() -> app.controller().lessonDock().openLesson().title()), "the lesson is open in it");
        assertTrue(visible(robot, "#apply-preset") && visible(robot, "#next-task"));

        // Every control the lesson hides is out of sight; the top bar's others stay.
        assertFalse(xor.hidden().isEmpty());
        for (Control c : xor.hidden()) {
            assertTrue(onFx(() -> app.controller().controlHiding().isHidden(c)), c + " hidden");
        }
        if (xor.hidden().contains(Control.PENALTY)) assertFalse(visible(robot, "#penalty"), "penalty hidden");
        if (xor.hidden().contains(Control.FEATURES)) {
            assertTrue(onFx(() -> robot.lookup("#diagram").query().getParent().getScene().getRoot()
                    .lookup(".playground").getStyleClass().contains("hide-features")), "features hidden by style class");
        }
        assertTrue(visible(robot, "#learningRate"), "γ is not hidden");

        // H reveals them, H again hides them.
        robot.clickOn("#stepCount");
        robot.type(KeyCode.H);
        for (Control c : xor.hidden()) assertFalse(onFx(() -> app.controller().controlHiding().isHidden(c)), c + " revealed");
        if (xor.hidden().contains(Control.PENALTY)) assertTrue(visible(robot, "#penalty"));
        robot.type(KeyCode.H);
        if (xor.hidden().contains(Control.PENALTY)) assertFalse(visible(robot, "#penalty"));

        Path file = saveWindow(stage, "lesson-window.png");
        assertTrue(Files.size(file) > 10_000);

        // Closing the lesson column shows every control again.
        robot.clickOn("#lessonsMode");
        for (Control c : xor.hidden()) assertFalse(onFx(() -> app.controller().controlHiding().isHidden(c)));
    }

    @Test
    void aLessonOpensItsViewAndNextTaskAppliesTheTasksChanges(FxRobot robot) throws TimeoutException {
        Lesson gradients = lesson("06-vanishing-exploding-gradients");
        onFx(() -> {
            app.controller().openLesson(gradients.id());
            return null;
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> onFx(() -> app.controller().configProperty().get()).equals(gradients.configAtTask(0)));
        assertTrue(visible(robot, "#healthView"), "the lesson opens the gradient view");

        // The button itself (LessonPanelTest clicks it); here what the window does with the task.
        onFx(() -> {
            ((javafx.scene.control.Button) robot.lookup("#next-task").query()).fire();
            return null;
        });
        TrainingConfig second = gradients.configAtTask(1);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> app.controller().configProperty().get()).equals(second));
        assertTrue(second.hidden().stream().allMatch(l -> l.phi().equals(org.mlplayground.engine.Activation.relu())),
                "task 2 of the lesson is ReLU with He initialisation");
        assertEquals(org.mlplayground.engine.Initializer.HE_NORMAL, second.init());
        assertEquals(1, (int) onFx(() -> app.controller().lessonDock().panel().currentTask()), "the panel is on task 2");
        assertTrue(onFx(() -> app.controller().lessonDock().panel().isTaskDone(0)), "task 1 is marked done");
    }

    @Test
    void anOptimizerLessonOpensTheLabWhereThePlaygroundsSettingsMakeWay(FxRobot robot) throws Exception {
        Lesson momentum = lesson("09-momentum-nesterov");
        onFx(() -> {
            app.controller().openLesson(momentum.id());
            return null;
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> app.controller().optimizerLab() != null));
        assertTrue(visible(robot, "#optimizerLab"), "the lesson opens the lab");
        assertFalse(visible(robot, "#learningRate"), "the playground's settings bar makes way");
        assertFalse(visible(robot, "#trainLoss"), "and its output column");
        Path file = saveWindow(stage, "lesson-lab-window.png");
        assertTrue(Files.size(file) > 10_000);

        robot.clickOn("#stepCount");
        robot.type(KeyCode.O);
        assertFalse(visible(robot, "#optimizerLab"), "O goes back to the playground");
        assertTrue(visible(robot, "#learningRate") && visible(robot, "#diagram"));
    }
}
