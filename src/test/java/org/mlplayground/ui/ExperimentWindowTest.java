package org.mlplayground.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mlplayground.engine.Parameter;
import org.mlplayground.experiment.ExperimentFiles;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Save, Open and Export through the window's actions (with paths: the native file dialogs are not driven). */
@ExtendWith(ApplicationExtension.class)
class ExperimentWindowTest {
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

    private static List<double[]> weights(Snapshot s) {
        List<double[]> w = new ArrayList<>();
        for (Parameter p : s.network().parameters()) w.add(java.util.Arrays.copyOf(p.value(), p.size()));
        return w;
    }

    @Test
    void saveThenOpenBringsBackTheWeightsStepAndSettings(FxRobot robot, @TempDir Path dir) throws Exception {
        for (int i = 0; i < 7; i++) robot.clickOn("#step");
        Snapshot saved = waitUntilShown(s -> s.step() == 7);
        Path file = dir.resolve("lesson.json");

        await(onFx(() -> app.controller().experiments().saveTo(file)));

        assertEquals("lesson.json — MLP Playground", onFx(stage::getTitle));
        assertTrue(text(robot, "#message").startsWith("Saved lesson.json (epoch 0, step 7)"), text(robot, "#message"));
        onFx(() -> {
            app.controller().configProperty().set(app.controller().configProperty().get().withLearningRate(0.3));
            return null;
        });
        robot.clickOn("#stepEpoch");
        Snapshot moved = waitUntilShown(s -> s.epoch() == 1 && s.config().learningRate() == 0.3);
        assertFalse(java.util.Arrays.equals(weights(saved).get(0), weights(moved).get(0)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("• lesson.json — MLP Playground", onFx(stage::getTitle));

        await(onFx(() -> app.controller().experiments().open(file)));
        Snapshot opened = waitUntilShown(s -> s.step() == 7);

        for (int b = 0; b < weights(saved).size(); b++) assertArrayEquals(weights(saved).get(b), weights(opened).get(b));
        assertEquals(0.03, opened.config().learningRate());
        assertEquals(0.03, app.controller().configProperty().get().learningRate(), "the controls show the file's settings");
        assertEquals("0.03", onFx(() -> robot.lookup("#learningRate").queryComboBox().getValue()));
        assertEquals("lesson.json — MLP Playground", onFx(stage::getTitle));
        assertEquals(file.toAbsolutePath().normalize(), onFx(() -> app.controller().experiments().recent().get(0)));
    }

    @Test
    void ctrlSSavesTheRunToTheOpenFile(FxRobot robot, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys.json");
        await(onFx(() -> app.controller().experiments().saveTo(file)));
        for (int i = 0; i < 4; i++) robot.clickOn("#step");
        waitUntilShown(s -> s.step() == 4);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("• keys.json — MLP Playground", onFx(stage::getTitle));

        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.S)
                .release(javafx.scene.input.KeyCode.S, javafx.scene.input.KeyCode.CONTROL);

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> ExperimentFiles.read(file).state().step() == 4);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(stage::getTitle).equals("keys.json — MLP Playground"));
    }

    @Test
    void aBadFileLeavesTheSessionAsItWasAndSaysWhy(FxRobot robot, @TempDir Path dir) throws Exception {
        for (int i = 0; i < 3; i++) robot.clickOn("#step");
        Snapshot before = waitUntilShown(s -> s.step() == 3);
        Path good = dir.resolve("good.json");
        await(onFx(() -> app.controller().experiments().saveTo(good)));
        String text = Files.readString(good);
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, text.substring(0, text.length() / 3), StandardCharsets.UTF_8);

        CompletableFuture<?> opening = onFx(() -> app.controller().experiments().open(bad));
        assertThrows(ExecutionException.class, () -> opening.get(20, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals("bad.json: the file ends early (truncated?)", text(robot, "#message"));
        Snapshot after = onFx(() -> app.controller().displayedSnapshotProperty().get());
        assertEquals(before.run(), after.run());
        assertEquals(3, after.step());
        assertSame(before.data(), after.data());
        for (int b = 0; b < weights(before).size(); b++) assertArrayEquals(weights(before).get(b), weights(after).get(b));
        assertEquals("good.json — MLP Playground", onFx(stage::getTitle), "still the file that was open");
    }

    @Test
    void exportsWriteAPictureAtTwiceTheSizeTheMetricsTheWeightsAndThePoints(FxRobot robot, @TempDir Path dir) throws Exception {
        robot.clickOn("#stepEpoch");
        Snapshot s = waitUntilShown(x -> x.epoch() == 1);
        ExportActions exports = onFx(() -> app.controller().exports());
        javafx.scene.Node output = onFx(() -> robot.lookup("#heatmap").query().getParent());
        double w = onFx(() -> output.getBoundsInLocal().getWidth()), h = onFx(() -> output.getBoundsInLocal().getHeight());

        Path png = await(onFx(() -> exports.png(output, 2, dir.resolve("output@2x.png"))));
        Path csv = await(onFx(() -> exports.metricsCsv(dir.resolve("metrics.csv"))));
        Path json = await(onFx(() -> exports.weightsJson(dir.resolve("weights.json"))));
        Path points = dir.resolve("points.csv");
        await(onFx(() -> exports.pointsCsv(points)));

        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(Math.ceil(2 * w), image.getWidth(), 1);
        assertEquals(Math.ceil(2 * h), image.getHeight(), 1);
        List<String> lines = Files.readAllLines(csv);
        assertEquals("epoch,step,trainLoss,testLoss,trainAccuracy,testAccuracy,penalty,validationLoss,validationAccuracy",
                lines.get(0));
        assertEquals(2, lines.size());
        assertTrue(lines.get(1).startsWith("1,25," + s.history().get(0).trainLoss() + ","), lines.get(1));
        String weights = Files.readString(json);
        assertTrue(weights.contains("\"shape\" : \"2-4-2-1\""), weights);
        // W1 of the 2-4-2-1 net: 4 rows of 2 numbers, row 1 = weights into neuron 1.
        double[] w1 = weights(s).get(0);
        assertTrue(weights.contains("\"W\" : [ [ " + w1[0] + ", " + w1[1] + " ], [ " + w1[2] + ", " + w1[3] + " ]"), weights);
        List<String> rows = Files.readAllLines(points);
        assertEquals(1 + 500, rows.size(), "a header and the circle's 500 points");
        assertTrue(rows.get(0).contains("split"), rows.get(0));
    }

    private <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(20, TimeUnit.SECONDS);
    }

    private Snapshot waitUntilShown(Predicate<Snapshot> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> condition.test(onFx(() -> app.controller().displayedSnapshotProperty().get())));
        WaitForAsyncUtils.waitForFxEvents();
        return onFx(() -> app.controller().displayedSnapshotProperty().get());
    }

    private static String text(FxRobot robot, String query) {
        return onFx(() -> robot.lookup(query).queryLabeled().getText());
    }

    private static <T> T onFx(Callable<T> task) {
        try {
            return WaitForAsyncUtils.asyncFx(task).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
