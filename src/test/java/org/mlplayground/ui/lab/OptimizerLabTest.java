package org.mlplayground.ui.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Callable;
import javafx.scene.Scene;
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
    void theDefaultRaceOnTheBowlIsSavedForReview(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        LabShots.save(scene, "lab-bowl.png");
        assertEquals(5, onFx(() -> lab.race().runs().size()));
    }

    private static <T> T onFx(Callable<T> c) {
        return WaitForAsyncUtils.waitForAsyncFx(10_000, c);
    }
}
