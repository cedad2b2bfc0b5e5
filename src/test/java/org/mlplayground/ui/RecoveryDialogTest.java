package org.mlplayground.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mlplayground.experiment.Experiment;
import org.mlplayground.experiment.ExperimentData;
import org.mlplayground.experiment.ExperimentFiles;
import org.mlplayground.train.Trainer;
import org.mlplayground.train.TrainingConfig;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A recovery file left by a crash: the window starts with the offer to restore it, and Restore brings the run back. */
@ExtendWith(ApplicationExtension.class)
class RecoveryDialogTest {
    private static final Path RECOVERY = ExperimentActions.defaultHome().resolve("recovery.json");
    private PlaygroundApp app;
    private Trainer crashed;

    @Start
    void start(Stage stage) throws Exception {
        // The run of a session that crashed after 40 steps on the opening setup.
        TrainingConfig config = TrainingConfig.defaults();
        crashed = new Experiment(config, new ExperimentData.FromRecipe(), null).trainer();
        for (int i = 0; i < 40; i++) crashed.step();
        ExperimentFiles.save(RECOVERY, new Experiment(config, new ExperimentData.FromRecipe(), crashed.checkpoint()));
        app = new PlaygroundApp();
        app.start(stage);
    }

    @AfterEach
    void stop() throws Exception {
        onFx(() -> {
            app.stop();
            return null;
        });
        Files.deleteIfExists(RECOVERY);
    }

    @Test
    void restoreBringsBackTheRunFromBeforeTheCrash(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Restore");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> onFx(() -> app.controller().displayedSnapshotProperty().get().step()) == 40);
        WaitForAsyncUtils.waitForFxEvents();

        Snapshot shown = onFx(() -> app.controller().displayedSnapshotProperty().get());
        for (int b = 0; b < shown.network().parameters().size(); b++) {
            assertArrayEquals(crashed.network().parameters().get(b).value(), shown.network().parameters().get(b).value());
        }
        assertEquals("Restored the run from before the crash at epoch 1.",
                onFx(() -> robot.lookup("#message").queryLabeled().getText()));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !Files.exists(RECOVERY));
        assertFalse(Files.exists(RECOVERY), "restored, the recovery file is gone");
    }

    private static <T> T onFx(Callable<T> task) {
        try {
            return WaitForAsyncUtils.asyncFx(task).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
