package org.mlplayground.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class PlaygroundAppTest {
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
            app.stop();
            return null;
        });
    }

    @Test
    void windowShowsTheUntrainedNetworkAtStartup(FxRobot robot) {
        Snapshot shown = onFx(() -> app.controller().displayedSnapshotProperty().get());
        assertEquals(0, shown.step());
        assertEquals("MLP Playground", onFx(stage::getTitle));
        assertEquals("Play", text(robot, "#play"));
        assertFalse(text(robot, "#trainLoss").isEmpty());
        assertTrue(countDifferentPixels(blank(robot), heatmapPixels(robot)) > 10_000,
                "the heatmap should be drawn before anyone presses Play");
    }

    @Test
    void playingLowersTheLossAndMovesTheBoundary(FxRobot robot) throws TimeoutException {
        Snapshot before = displayed(robot);
        int[] pixelsBefore = heatmapPixels(robot);

        robot.clickOn("#play");
        assertEquals("Pause", text(robot, "#play"));
        waitUntilShown(robot, s -> s.running() && s.epoch() >= 100);
        robot.clickOn("#play");
        assertEquals("Play", text(robot, "#play"));
        Snapshot after = waitUntilShown(robot, s -> !s.running());

        assertTrue(after.trainLoss() < 0.8 * before.trainLoss(),
                "training loss should fall by a fifth at least: " + before.trainLoss() + " → " + after.trainLoss());
        int changed = countDifferentPixels(pixelsBefore, heatmapPixels(robot));
        assertTrue(changed > pixelsBefore.length / 10, "only " + changed + " of " + pixelsBefore.length
                + " heatmap pixels changed");
    }

    @Test
    void pausingStopsTraining(FxRobot robot) throws TimeoutException {
        robot.clickOn("#play");
        waitUntilShown(robot, s -> s.running() && s.step() > 0);
        robot.clickOn("#play");
        Snapshot paused = waitUntilShown(robot, s -> !s.running());
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
        assertEquals(paused.step(), app.controller().latestSnapshot().step());
    }

    @Test
    void stepWhilePausedAdvancesTheStepCounterByOne(FxRobot robot) throws TimeoutException {
        long before = displayed(robot).step();
        String labelBefore = text(robot, "#stepCount");

        robot.clickOn("#step");
        Snapshot after = waitUntilShown(robot, s -> s.step() != before);

        assertEquals(before + 1, after.step());
        assertEquals(Long.toString(before + 1), text(robot, "#stepCount"));
        assertEquals("0", labelBefore);
    }

    @Test
    void resetReturnsToTheInitialWeights(FxRobot robot) throws TimeoutException {
        Snapshot initial = displayed(robot);
        int[] pixelsInitial = heatmapPixels(robot);
        robot.clickOn("#play");
        waitUntilShown(robot, s -> s.epoch() >= 20);

        robot.clickOn("#reset");
        Snapshot reset = waitUntilShown(robot, s -> !s.running() && s.step() == 0);

        assertEquals("Play", text(robot, "#play"));
        assertEquals(initial.trainLoss(), reset.trainLoss(), 1e-12);
        assertEquals(0, countDifferentPixels(pixelsInitial, heatmapPixels(robot)));
    }

    private Snapshot displayed(FxRobot robot) {
        return onFx(() -> app.controller().displayedSnapshotProperty().get());
    }

    /** Waits until the window shows a snapshot matching {@code condition} and returns it. */
    private Snapshot waitUntilShown(FxRobot robot, Predicate<Snapshot> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> condition.test(displayed(robot)));
        WaitForAsyncUtils.waitForFxEvents();
        return displayed(robot);
    }

    private static String text(FxRobot robot, String query) {
        return onFx(() -> robot.lookup(query).queryLabeled().getText());
    }

    private static int[] heatmapPixels(FxRobot robot) {
        return onFx(() -> {
            Canvas canvas = robot.lookup("#heatmap").queryAs(Canvas.class);
            return pixels(canvas.snapshot(null, null));
        });
    }

    private static int[] blank(FxRobot robot) {
        return onFx(() -> {
            Canvas canvas = robot.lookup("#heatmap").queryAs(Canvas.class);
            return new int[(int) canvas.getWidth() * (int) canvas.getHeight()];
        });
    }

    private static <T> T onFx(Callable<T> task) {
        return WaitForAsyncUtils.waitForAsyncFx(5_000, task);
    }

    private static int[] pixels(WritableImage image) {
        int w = (int) image.getWidth(), h = (int) image.getHeight();
        PixelReader reader = image.getPixelReader();
        int[] argb = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) argb[y * w + x] = reader.getArgb(x, y);
        }
        return argb;
    }

    private static int countDifferentPixels(int[] a, int[] b) {
        assertEquals(a.length, b.length, "the heatmap changed size");
        int n = 0;
        for (int i = 0; i < a.length; i++) if (a[i] != b[i]) n++;
        return n;
    }
}
