package org.mlplayground.ui;

import static org.mlplayground.ui.WindowTests.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Classroom mode: full screen, and the whole window magnified for a projector. */
@ExtendWith(ApplicationExtension.class)
class ClassroomModeTest {
    private PlaygroundApp app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = new PlaygroundApp();
        app.start(stage);
    }

    @AfterEach
    void stopTraining() {
        onFx(() -> {
            stage.setFullScreen(false);
            app.stop();
            return null;
        });
    }

    @Test
    void classroomZoomFillsTheScreenWithA1280By760Window() {
        assertEquals(1920 / 1280.0, PlaygroundController.classroomZoom(1920, 1200), 1e-12, "width decides");
        assertEquals(1080 / 760.0, PlaygroundController.classroomZoom(1920, 1080), 1e-12, "height decides");
        assertEquals(1.0, PlaygroundController.classroomZoom(1024, 700), 0.0, "never smaller than the window itself");
    }

    @Test
    void classroomModeGoesFullScreenAndCtrlPlusMagnifiesTextAndLines(FxRobot robot) {
        double before = sceneHeight(robot, "#play"), fontBefore = sceneHeight(robot, "#epoch");
        robot.clickOn("#classroom");
        assertTrue(onFx(stage::isFullScreen), "full screen");
        double z0 = onFx(() -> app.controller().zoom());
        assertEquals(PlaygroundController.classroomZoom(onFx(() -> javafx.stage.Screen.getPrimary().getBounds().getWidth()),
                onFx(() -> javafx.stage.Screen.getPrimary().getBounds().getHeight())), z0, 1e-12);

        robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        double z = onFx(() -> app.controller().zoom());
        assertEquals(Math.round((z0 + 0.2) * 10) / 10.0, z, 1e-9, "two steps of 0.1");
        // Every node is drawn z times as large: the Play button and the epoch counter's text alike.
        assertEquals(z * before, sceneHeight(robot, "#play"), 0.02 * before);
        assertEquals(z * fontBefore, sceneHeight(robot, "#epoch"), 0.02 * fontBefore);

        robot.type(KeyCode.F11);
        assertFalse(onFx(stage::isFullScreen), "F11 leaves classroom mode");
        assertEquals(1.0, onFx(() -> app.controller().zoom()), 0.0);
        assertEquals(before, sceneHeight(robot, "#play"), 0.5);
    }

    private static double sceneHeight(FxRobot robot, String query) {
        return onFx(() -> {
            Node n = robot.lookup(query).query();
            Bounds b = n.localToScene(n.getLayoutBounds());
            return b.getHeight();
        });
    }
}
