package org.mlplayground.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.TextField;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mlplayground.data.DataRecipe;
import org.mlplayground.data.Feature;
import org.mlplayground.data.Generator;
import org.mlplayground.engine.Activation;
import org.mlplayground.engine.Network;
import org.mlplayground.engine.Parameter;
import org.mlplayground.optim.Adam;
import org.mlplayground.train.Trainer;
import org.mlplayground.train.TrainingConfig;
import org.mlplayground.train.TrainingData;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The playground window's top bar, keys, output panel and status line, used as a student would. */
@ExtendWith(ApplicationExtension.class)
class PlaygroundWindowTest {
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
    void stepTrainsExactlyTheFirstMiniBatchOfTheRun(FxRobot robot) throws TimeoutException {
        robot.clickOn("#step");
        Snapshot shown = waitUntilShown(s -> s.step() == 1);

        // The same run built by hand from the config: its seeds, its data, one trainer step.
        TrainingConfig c = TrainingConfig.defaults();
        SplittableRandom seeds = new SplittableRandom(c.seed());
        long weightSeed = seeds.nextLong(), shuffleSeed = seeds.nextLong();
        DataRecipe.Parts parts = c.data().make();
        Network reference = Network.create(c.spec(1), c.init(), weightSeed);
        Trainer trainer = new Trainer(reference, new TrainingData(parts.train(), null, parts.test(), c.featureMap()),
                c.settings(), shuffleSeed);
        trainer.step();

        for (int b = 0; b < reference.parameters().size(); b++) {
            Parameter want = reference.parameters().get(b), got = shown.network().parameters().get(b);
            for (int i = 0; i < want.size(); i++) assertEquals(want.value()[i], got.value()[i], 0.0, want.name() + "[" + i + "]");
        }
        assertEquals("1", text(robot, "#stepCount"));
    }

    @Test
    void aNewLearningRateWhilePlayingAppliesWithoutAReset(FxRobot robot) throws TimeoutException {
        robot.clickOn("#play");
        Snapshot before = waitUntilShown(s -> s.running() && s.epoch() >= 3);

        typeInto(robot, "#learningRate", "0.1");
        Snapshot changed = waitUntilShown(s -> s.config().learningRate() == 0.1);
        Snapshot later = waitUntilShown(s -> s.epoch() >= changed.epoch() + 2);

        assertEquals(before.run(), later.run(), "the weights were not reset");
        assertTrue(changed.step() >= before.step(), "training went on from where it was");
        assertTrue(later.running(), "training goes on");
        assertEquals("Pause", text(robot, "#play"));
        assertTrue(text(robot, "#message").contains("learning rate γ 0.03 → 0.1"), text(robot, "#message"));
    }

    @Test
    void aNewInitialiserResetsTheWeightsAndSaysWhy(FxRobot robot) throws TimeoutException {
        robot.clickOn("#step");
        Snapshot stepped = waitUntilShown(s -> s.step() == 1);

        pick(robot, "#init", "he  N(0, 2/n_in)");
        Snapshot reset = waitUntilShown(s -> s.run() != stepped.run());

        assertEquals(0, reset.step());
        assertEquals("Weights reset: the initialiser changed.", text(robot, "#message"));
    }

    @Test
    void keysPlayStepAndReset(FxRobot robot) throws TimeoutException {
        robot.clickOn("#heatmap"); // focus on the window, not on a text field
        robot.type(KeyCode.SPACE);
        waitUntilShown(s -> s.running() && s.epoch() >= 2);
        robot.type(KeyCode.SPACE);
        Snapshot paused = waitUntilShown(s -> !s.running());

        robot.type(KeyCode.RIGHT);
        waitUntilShown(s -> s.step() == paused.step() + 1);
        robot.press(KeyCode.SHIFT).type(KeyCode.RIGHT).release(KeyCode.SHIFT);
        Snapshot epochDone = waitUntilShown(s -> s.epoch() == paused.epoch() + 1 || s.step() > paused.step() + 1
                && s.epoch() > paused.epoch());
        assertEquals(0, epochDone.step() % 25, "an epoch of 250 points at B = 10 ends at a multiple of 25 steps");

        robot.type(KeyCode.R);
        waitUntilShown(s -> s.step() == 0 && s.epoch() == 0);

        robot.type(KeyCode.F3);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> text(robot, "#fps").contains("fps"));
        assertTrue(onFx(() -> robot.lookup("#fps").query().isVisible()));
    }

    @Test
    void aDivergingRunSaysSoAndGoesBackToItsBestWeights(FxRobot robot) throws TimeoutException {
        onFx(() -> {
            TrainingConfig c = app.controller().configProperty().get();
            app.controller().configProperty().set(c.withProblem(TrainingConfig.Problem.REGRESSION)
                    .withData(DataRecipe.of(Generator.PLANE, 1))
                    .withHidden(List.of(new TrainingConfig.HiddenLayer(8, Activation.identity()),
                            new TrainingConfig.HiddenLayer(8, Activation.identity()))));
            return null;
        });
        waitUntilShown(s -> s.config().problem() == TrainingConfig.Problem.REGRESSION);
        robot.clickOn("#play");
        waitUntilShown(s -> s.epoch() >= 3);
        typeInto(robot, "#learningRate", "3");

        Snapshot stopped = waitUntilShown(s -> !s.running() && !s.problem().isEmpty());
        assertTrue(stopped.problem().contains("diverged") || stopped.problem().contains("jumped"), stopped.problem());
        assertEquals("Play", text(robot, "#play"), "the window offers Play again");
        assertTrue(visible(robot, "#revert"));
        double best = stopped.history().stream().mapToDouble(m -> m.trainLoss()).filter(Double::isFinite).min().orElseThrow();

        robot.clickOn("#revert");
        Snapshot back = waitUntilShown(s -> s.notice().startsWith("Went back"));
        assertEquals(best, back.trainLoss(), 1e-9 * best, "the weights with the lowest training loss so far");
        assertFalse(visible(robot, "#revert"));
    }

    @Test
    void threeArmSpiralWithSoftmaxShowsThreeHuesAndLearns(FxRobot robot) throws Exception {
        onFx(() -> {
            TrainingConfig c = app.controller().configProperty().get();
            app.controller().configProperty().set(c.withData(DataRecipe.of(Generator.SPIRAL3, 1).withPoints(1000))
                    .withProblem(TrainingConfig.Problem.MULTICLASS)
                    .withFeatures(List.of(Feature.X1, Feature.X2, Feature.SIN_X1, Feature.SIN_X2))
                    .withHidden(List.of(new TrainingConfig.HiddenLayer(12, Activation.tanh()),
                            new TrainingConfig.HiddenLayer(12, Activation.tanh()))));
            return null;
        });
        waitUntilShown(s -> s.config().problem() == TrainingConfig.Problem.MULTICLASS);
        pick(robot, "#optimizer", new Adam.Settings(0.9, 0.999, 1e-8).name());
        typeInto(robot, "#learningRate", "0.01");
        pick(robot, "#speed", "100 steps/frame");
        robot.clickOn("#play");
        Snapshot good = waitUntilShown(s -> s.testAccuracy() >= 0.9, 120);
        robot.clickOn("#play");
        waitUntilShown(s -> !s.running());

        assertTrue(good.testAccuracy() >= 0.9, "test accuracy " + good.testAccuracy());
        int[] shares = classShares(heatmapPixels(robot));
        for (int k = 0; k < 3; k++) assertTrue(shares[k] > 15, "class " + k + " covers " + shares[k] + " % of the plot");
        assertEquals(3, onFx(() -> robot.lookup("#legend").queryAs(javafx.scene.layout.HBox.class).getChildren().size()));
        saveWindow("playground-spiral3.png");
    }

    @Test
    void layersAndNeuronsAddedAndRemovedInTheDiagramReachTheNetwork(FxRobot robot) throws TimeoutException {
        robot.clickOn("#addLayer");
        Snapshot three = waitUntilShown(s -> s.network().depth() == 4);
        assertEquals(List.of(4, 2, 4, 1), sizes(three.network()));
        assertEquals("Weights reset: the network's layers changed.", text(robot, "#message"));

        robot.clickOn("#addNeuron1");
        Snapshot wider = waitUntilShown(s -> s.network().spec().size(1) == 5);
        assertEquals(List.of(5, 2, 4, 1), sizes(wider.network()));

        robot.clickOn("#removeNeuron1");
        robot.clickOn("#removeLayer");
        Snapshot back = waitUntilShown(s -> s.network().depth() == 3 && s.network().spec().size(1) == 4);
        assertEquals(List.of(4, 2, 1), sizes(back.network()));
        TrainingConfig asked = onFx(() -> app.controller().configProperty().get());
        for (int l = 1; l <= asked.hidden().size(); l++) assertEquals(asked.hidden().get(l - 1).size(), back.network().spec().size(l));
        // The same initial weights as at the start: same shape, same seed.
        Network fresh = Network.create(TrainingConfig.defaults().spec(1), TrainingConfig.defaults().init(),
                new SplittableRandom(1).nextLong());
        assertArrayEquals(fresh.parameters().get(0).value(), back.network().parameters().get(0).value(), 0.0);
    }

    @Test
    void aBiasTypedIntoTheDiagramChangesTheEnginesBias(FxRobot robot) throws TimeoutException {
        NetworkDiagram diagram = onFx(() -> robot.lookup("#diagram").queryAs(NetworkDiagram.class));
        robot.clickOn(onFx(() -> diagram.localToScreen(diagram.biasCentre(1, 2))));
        robot.type(KeyCode.END).eraseText(40).write("0.75").type(KeyCode.ENTER);

        Snapshot edited = waitUntilShown(s -> s.network().parameters().get(1).value()[2] == 0.75);
        assertEquals("b1", edited.network().parameters().get(1).name());
        assertEquals(0, edited.step(), "editing is not training");
        assertTrue(text(robot, "#message").contains("b1[2] set to 0.75"), text(robot, "#message"));
        robot.clickOn("#step");
        Snapshot stepped = waitUntilShown(s -> s.step() == 1);
        assertTrue(Math.abs(stepped.network().parameters().get(1).value()[2] - 0.75) < 0.05,
                "training goes on from the edited bias");
    }

    @Test
    void aWeightTypedIntoTheDiagramChangesTheEnginesWeight(FxRobot robot) throws TimeoutException {
        NetworkDiagram diagram = onFx(() -> robot.lookup("#diagram").queryAs(NetworkDiagram.class));
        double[] w3Before = displayed().network().parameters().get(4).value().clone();
        // The output's edge from neuron 2 of layer 2 is W3[1,2] (1-based): block 4, entry 1 of the 1×2 matrix.
        robot.clickOn(onFx(() -> diagram.localToScreen(diagram.edgePoint(3, 0, 1, 0.5))));
        robot.type(KeyCode.END).eraseText(40).write("-1.5").type(KeyCode.ENTER);

        Snapshot edited = waitUntilShown(s -> s.network().parameters().get(4).value()[1] == -1.5);
        assertEquals("W3", edited.network().parameters().get(4).name());
        assertEquals(w3Before[0], edited.network().parameters().get(4).value()[0], 0.0, "only the clicked weight changed");
        assertEquals(edited.run(), displayed().run(), "no reset");
    }

    @Test
    void drawModeAddsAPointWhereTheOutputIsClickedAndRightClickRemovesIt(FxRobot robot) throws TimeoutException {
        Snapshot before = displayed();
        scrollDataColumnDown(robot); // to its draw controls, as a student would on a small screen
        robot.clickOn("#drawMode");
        scrollDataColumnDown(robot); // the class buttons appear under it
        robot.clickOn("#drawPositive");
        assertEquals(1.0, onFx(() -> app.controller().drawLabel()));
        Canvas heatmap = onFx(() -> robot.lookup("#heatmap").queryAs(Canvas.class));
        // The top-left corner of the plot, (−5.4, 5.4): far from every circle point.
        javafx.geometry.Point2D corner = onFx(() -> heatmap.localToScreen(heatmap.getWidth() * 0.05, heatmap.getHeight() * 0.05));
        robot.clickOn(corner);

        Snapshot added = waitUntilShown(s -> s.data().train().size() == before.data().train().size() + 1);
        double[] p = added.data().train().x()[added.data().train().size() - 1];
        assertEquals(-5.4, p[0], 0.1);
        assertEquals(5.4, p[1], 0.1);
        assertEquals(1.0, added.data().train().y()[added.data().train().size() - 1]);
        assertTrue(text(robot, "#message").startsWith("Weights reset: you added a point"), text(robot, "#message"));

        robot.rightClickOn(corner);
        Snapshot removed = waitUntilShown(s -> s.data().train().size() == before.data().train().size());
        assertEquals(before.data().testSize(), removed.data().testSize());
    }

    @Test
    void hoveringANeuronShowsItsHeatmapLargeInTheOutput(FxRobot robot) throws TimeoutException {
        robot.clickOn("#play");
        waitUntilShown(s -> s.epoch() >= 20);
        robot.clickOn("#play");
        Snapshot paused = waitUntilShown(s -> !s.running());
        int[] output = heatmapPixels(robot);
        NetworkDiagram diagram = onFx(() -> robot.lookup("#diagram").queryAs(NetworkDiagram.class));

        robot.moveTo(onFx(() -> diagram.localToScreen(diagram.neuronCentre(1, 0))));
        WaitForAsyncUtils.waitForFxEvents();
        int[] neuron = heatmapPixels(robot);
        assertEquals("h₁,₁: neuron 1 of layer 1", text(robot, ".highlight-caption"));
        // Neuron 1 of layer 1 is tanh(w·x + b): its sign changes along a straight line, unlike the circle's output.
        assertTrue(different(output, neuron) > neuron.length / 10, "the plot shows the neuron, not the output");
        double[] h = paused.field().neurons()[0][0];
        double min = java.util.Arrays.stream(h).min().orElseThrow(), max = java.util.Arrays.stream(h).max().orElseThrow();
        assertTrue(min < 0 && max > 0, "the neuron's output crosses 0 on the plane: " + min + " … " + max);

        // An input: x₁ runs from −6 (orange) on the left to +6 (blue) on the right.
        robot.moveTo(onFx(() -> diagram.localToScreen(diagram.featureCentre(org.mlplayground.data.Feature.X1))));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("input x₁", text(robot, ".highlight-caption"));
        int[] x1 = heatmapPixels(robot);
        int side = (int) Math.round(Math.sqrt(x1.length));
        Color left = argbColor(x1[side / 2 * side + 2]), right = argbColor(x1[side / 2 * side + side - 3]);
        assertTrue(left.getRed() > left.getBlue() && right.getBlue() > right.getRed(), left + " … " + right);

        robot.moveTo("#heatmap");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, different(output, heatmapPixels(robot)), "back to the output when the pointer leaves");
        assertEquals("", text(robot, ".highlight-caption"));
    }

    private static Color argbColor(int p) {
        return Color.rgb((p >> 16) & 0xff, (p >> 8) & 0xff, p & 0xff);
    }

    private static int different(int[] a, int[] b) {
        int n = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) if (a[i] != b[i]) n++;
        return n + Math.abs(a.length - b.length);
    }

    @Test
    void backpropModeStepsThroughOneRealTrainingStep(FxRobot robot) throws Exception {
        robot.clickOn("#heatmap");
        robot.type(KeyCode.B);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> stepper(robot).getTrace() != null));
        BackpropStepper stepper = stepper(robot);
        org.mlplayground.train.BackpropTrace trace = onFx(stepper::getTrace);
        Snapshot afterTrace = waitUntilShown(s -> s.step() == 1);
        assertEquals("Forward 1", onFx(() -> stepper.currentStage().title()));
        saveWindow("playground-backprop-forward.png");

        // Walk every stage with → and back one with ←: the view changes, the weights do not.
        int stages = trace.stages().size();
        for (int i = 1; i < stages; i++) robot.type(KeyCode.RIGHT);
        assertEquals("Update", onFx(() -> stepper.currentStage().title()));
        robot.type(KeyCode.LEFT);
        assertEquals("Backward 1", onFx(() -> stepper.currentStage().title()));
        onFx(() -> {
            stepper.goTo(trace.layers().size() + 2); // Loss, then Backward L
            return null;
        });
        saveWindow("playground-backprop-backward.png");
        assertEquals(1, displayed().step(), "moving between stages trains nothing");

        // The step shown is the first real step of the run: the same weights as a plain Trainer's step().
        TrainingConfig c = TrainingConfig.defaults();
        SplittableRandom seeds = new SplittableRandom(c.seed());
        long weightSeed = seeds.nextLong(), shuffleSeed = seeds.nextLong();
        DataRecipe.Parts parts = c.data().make();
        Network reference = Network.create(c.spec(1), c.init(), weightSeed);
        new Trainer(reference, new TrainingData(parts.train(), null, parts.test(), c.featureMap()), c.settings(), shuffleSeed)
                .step();
        for (int b = 0; b < reference.parameters().size(); b++) {
            assertArrayEquals(reference.parameters().get(b).value(), trace.after().parameters().get(b).value(), 0.0);
            assertArrayEquals(reference.parameters().get(b).value(), afterTrace.network().parameters().get(b).value(), 0.0);
        }

        // A click on a training point takes that one example apart without moving the weights.
        double[] p = afterTrace.data().train().x()[0];
        Canvas heatmap = onFx(() -> robot.lookup("#heatmap").queryAs(Canvas.class));
        robot.clickOn(onFx(() -> heatmap.localToScreen(afterTrace.data().plane().toPixelX(p[0], heatmap.getWidth()),
                afterTrace.data().plane().toPixelY(p[1], heatmap.getHeight()))));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> stepper.getTrace().batchSize() == 1));
        assertEquals(1, displayed().step(), "an example's trace does not train");

        robot.type(KeyCode.B);
        assertFalse(onFx(() -> stepper.isVisible()));
        assertTrue(onFx(() -> robot.lookup("#diagram").query().isVisible()));
    }

    private static BackpropStepper stepper(FxRobot robot) {
        return onFx(() -> robot.lookup("#stepper").queryAs(BackpropStepper.class));
    }

    private static void scrollDataColumnDown(FxRobot robot) {
        onFx(() -> {
            javafx.scene.control.ScrollPane pane = robot.lookup(".side-scroll").queryAs(javafx.scene.control.ScrollPane.class);
            pane.layout();
            pane.setVvalue(1);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static List<Integer> sizes(Network net) {
        List<Integer> sizes = new java.util.ArrayList<>();
        for (int l = 1; l <= net.depth(); l++) sizes.add(net.spec().size(l));
        return sizes;
    }

    @Test
    void aBadCsvFileIsReportedAndTheDataOnDisplayStays(FxRobot robot, @org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        robot.clickOn("#step");
        Snapshot before = waitUntilShown(s -> s.step() == 1);
        Path bad = dir.resolve("broken.csv");
        Files.writeString(bad, "x1,x2,label\n0.5,1.0,1\n0.25,oops,-1\n");

        assertTrue(onFx(() -> app.controller().importFile(bad)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#message").contains("broken.csv"));

        String shown = text(robot, "#message");
        assertTrue(shown.contains("line 3"), shown);
        assertTrue(onFx(() -> robot.lookup("#message").query().getStyleClass().contains("warning")));
        Snapshot after = displayed();
        assertTrue(after.data() == before.data(), "the data on display stays");
        assertEquals(before.run(), after.run(), "the weights stay");
        assertEquals(1, after.step());
    }

    @Test
    void windowScreenshotIsSavedForReview(FxRobot robot) throws Exception {
        robot.clickOn("#play");
        waitUntilShown(s -> s.epoch() >= 40);
        robot.clickOn("#play");
        waitUntilShown(s -> !s.running());
        Path file = saveWindow("playground-window.png");
        assertTrue(Files.size(file) > 10_000);
    }

    // ---- helpers ----------------------------------------------------------------------------

    private Path saveWindow(String name) throws Exception {
        Path file = Path.of("target", name);
        java.awt.image.BufferedImage image = onFx(() -> SceneCapture.render(stage.getScene()));
        SceneCapture.writePng(image, file);
        return file;
    }

    /** Per cent of the heatmap's pixels nearest to each of the first three class colours. */
    private static int[] classShares(int[] argb) {
        int[] counts = new int[3];
        for (int p : argb) {
            Color c = Color.rgb((p >> 16) & 0xff, (p >> 8) & 0xff, p & 0xff);
            int best = -1;
            double bestDistance = 0.25; // pale pixels (the network unsure) count for none
            for (int k = 0; k < 3; k++) {
                Color target = Palette.ofClass(k).interpolate(Color.WHITE, 0.3);
                double d = Math.abs(c.getRed() - target.getRed()) + Math.abs(c.getGreen() - target.getGreen())
                        + Math.abs(c.getBlue() - target.getBlue());
                if (d < bestDistance) {
                    bestDistance = d;
                    best = k;
                }
            }
            if (best >= 0) counts[best]++;
        }
        for (int k = 0; k < 3; k++) counts[k] = (int) Math.round(100.0 * counts[k] / argb.length);
        return counts;
    }

    private static void typeInto(FxRobot robot, String comboBox, String typed) {
        TextField editor = onFx(() -> robot.lookup(comboBox + " .text-field").queryAs(TextField.class));
        robot.clickOn(editor);
        onFx(() -> {
            editor.selectAll();
            return null;
        });
        robot.write(typed).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void pick(FxRobot robot, String box, String shown) {
        robot.clickOn(box);
        Node cell = robot.lookup(".combo-box-popup .list-cell")
                .match(org.testfx.matcher.control.LabeledMatchers.hasText(shown)).query();
        robot.clickOn(cell);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Snapshot displayed() {
        return onFx(() -> app.controller().displayedSnapshotProperty().get());
    }

    private Snapshot waitUntilShown(Predicate<Snapshot> condition) throws TimeoutException {
        return waitUntilShown(condition, 20);
    }

    private Snapshot waitUntilShown(Predicate<Snapshot> condition, int seconds) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> condition.test(displayed()));
        WaitForAsyncUtils.waitForFxEvents();
        return displayed();
    }

    private static boolean visible(FxRobot robot, String query) {
        return onFx(() -> {
            for (Node n = robot.lookup(query).query(); n != null; n = n.getParent()) if (!n.isVisible()) return false;
            return true;
        });
    }

    private static String text(FxRobot robot, String query) {
        return onFx(() -> robot.lookup(query).queryLabeled().getText());
    }

    private static int[] heatmapPixels(FxRobot robot) {
        return onFx(() -> {
            Canvas canvas = robot.lookup("#heatmap").queryAs(Canvas.class);
            WritableImage image = canvas.snapshot(null, null);
            int w = (int) image.getWidth(), h = (int) image.getHeight();
            PixelReader reader = image.getPixelReader();
            int[] argb = new int[w * h];
            for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) argb[y * w + x] = reader.getArgb(x, y);
            return argb;
        });
    }

    private static <T> T onFx(Callable<T> task) {
        return WaitForAsyncUtils.waitForAsyncFx(10_000, task);
    }
}
