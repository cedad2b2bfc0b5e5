package org.mlplayground.ui;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** What the window's TestFX tests share: running on the FX thread, what a student sees, screenshots. */
final class WindowTests {
    private WindowTests() {
    }

    /** Runs {@code task} on the FX thread and returns its result (10 s at most). */
    static <T> T onFx(Callable<T> task) {
        return WaitForAsyncUtils.waitForAsyncFx(10_000, task);
    }

    /** Whether the node {@code query} finds is visible, and every parent of it too. */
    static boolean visible(FxRobot robot, String query) {
        return onFx(() -> {
            for (Node n = robot.lookup(query).query(); n != null; n = n.getParent()) if (!n.isVisible()) return false;
            return true;
        });
    }

    /** The text of the labeled node {@code query} finds. */
    static String text(FxRobot robot, String query) {
        return onFx(() -> robot.lookup(query).queryLabeled().getText());
    }

    /** Renders the stage's scene into target/{@code name} for review. */
    static Path saveWindow(Stage stage, String name) throws Exception {
        Path file = Path.of("target", name);
        SceneCapture.writePng(onFx(() -> SceneCapture.render(stage.getScene())), file);
        return file;
    }
}
