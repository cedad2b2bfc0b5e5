package org.mlplayground.ui;

import static org.mlplayground.ui.WindowTests.onFx;
import static org.mlplayground.ui.WindowTests.visible;
import static org.mlplayground.ui.WindowTests.text;
import static org.mlplayground.ui.WindowTests.saveWindow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mlplayground.health.GradientHealth;
import org.mlplayground.health.GradientMonitor;
import org.mlplayground.health.HealthPreset;
import org.mlplayground.health.Histogram;
import org.mlplayground.train.TrainingConfig;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The gradient view in the playground window, used as a student would. */
@ExtendWith(ApplicationExtension.class)
class GradientHealthViewTest {
    private static final Pattern FACTOR = Pattern.compile("learns ([0-9.]+)(·10([⁰¹²³⁴⁵⁶⁷⁸⁹]+))?× (slower|faster)");

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
    void theViewAddsNoWorkToTrainingWhileHidden(FxRobot robot) throws TimeoutException {
        assertNull(onFx(() -> app.controller().attachedGradientMonitor()), "hidden from the start: nothing attached");
        robot.clickOn("#healthMode");
        GradientMonitor monitor = onFx(() -> app.controller().attachedGradientMonitor());
        assertNotNull(monitor, "shown: the view's monitor measures the run");
        robot.clickOn("#step");
        waitUntilShown(s -> s.step() == 1);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> monitor.history().added() == 1);

        robot.clickOn("#healthMode"); // hide it again
        assertNull(onFx(() -> app.controller().attachedGradientMonitor()), "hidden: detached");
        robot.clickOn("#play");
        waitUntilShown(s -> s.step() >= 60);
        robot.clickOn("#play");
        waitUntilShown(s -> !s.running());
        assertEquals(1, monitor.history().added(), "not one step measured while the view was hidden");
        assertTrue(onFx(() -> robot.lookup("#diagram").query().isVisible()), "the network diagram is back");
    }

    @Test
    void theSigmoidPresetShowsTheFirstLayerLearningFarSlower(FxRobot robot) throws Exception {
        robot.clickOn("#healthMode");
        robot.clickOn("#healthApplyPreset"); // the default choice: sigmoid with N(0, 0.01²)
        waitUntilShown(s -> s.config().equals(HealthPreset.SIGMOID_SMALL_GAUSSIAN.config()));
        for (int k = 1; k <= 5; k++) {
            robot.clickOn("#step");
            int want = k;
            waitUntilShown(s -> s.step() == want);
        }
        GradientMonitor monitor = onFx(() -> app.controller().attachedGradientMonitor());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> monitor.history().added() == 5);
        onFx(() -> {
            app.controller().gradientHealthView().redrawNow();
            return null;
        });
        GradientHealth health = monitor.latest();

        // The sentence's factor is the measured ratio ‖∂L/∂W_1‖ / ‖∂L/∂W_6‖, read back from the screen.
        String sentence = text(robot, "#healthSentence");
        Matcher m = FACTOR.matcher(sentence);
        assertTrue(m.find(), sentence);
        assertEquals("slower", m.group(4), sentence);
        double shown = Double.parseDouble(m.group(1)) * (m.group(3) == null ? 1 : Math.pow(10, superscript(m.group(3))));
        double measured = health.layer(6).dLdWNorm() / health.layer(1).dLdWNorm();
        assertTrue(measured > 10, "first to last below 1/10: " + 1 / measured);
        assertEquals(measured, shown, 0.06 * measured, sentence);
        assertTrue(sentence.startsWith("Layer 1 learns") && sentence.contains("than layer 6"), sentence);

        // One line per layer (6 hidden + output), each ending at the newest measured norm.
        GradientChart chart = onFx(() -> app.controller().gradientHealthView().chart());
        assertEquals(7, (int) onFx(chart::lineCount));
        for (int l = 1; l <= 7; l++) {
            int layer = l;
            assertEquals(health.layer(l).dLdWNorm(), onFx(() -> chart.newest(layer)), 0.0, "layer " + l);
        }
        // ‖δ_l‖ instead, by the toggle.
        robot.clickOn("#measureDelta");
        for (int l = 1; l <= 7; l++) {
            int layer = l;
            assertEquals(health.layer(l).deltaNorm(), onFx(() -> chart.newest(layer)), 0.0, "δ of layer " + l);
        }

        // Histograms of every layer count its units × the batch's examples: 8 × 10 for hidden layers.
        for (int l = 1; l <= 6; l++) {
            for (String kind : new String[] {"A", "H", "PhiPrime"}) {
                Histogram drawn = histogram(robot, "#healthHist" + kind + l);
                assertEquals(80, drawn.total(), kind + " of layer " + l);
            }
        }
        // Sigmoid with tiny weights: a ≈ 0, so Φ'(a) ≈ 1/4 sits in the top bin of [0, 0.25].
        Histogram phiPrime = histogram(robot, "#healthHistPhiPrime1");
        assertEquals(80, phiPrime.count(phiPrime.bins()), "every Φ'(a_1) in the last bin");
        assertTrue(text(robot, "#healthSaturation1").contains("0 % saturated"), text(robot, "#healthSaturation1"));

        Path file = saveWindow(stage, "health-single.png");
        assertTrue(Files.size(file) > 10_000);
    }

    @Test
    void chainModeShowsTheProductFactorByFactor(FxRobot robot) throws TimeoutException {
        robot.clickOn("#healthMode");
        robot.clickOn("#healthApplyPreset");
        waitUntilShown(s -> s.config().equals(HealthPreset.SIGMOID_SMALL_GAUSSIAN.config()));
        robot.clickOn("#healthMakeChain");
        waitUntilShown(s -> s.config().hidden().stream().allMatch(l -> l.size() == 1));
        robot.clickOn("#step");
        waitUntilShown(s -> s.step() == 1);
        GradientMonitor monitor = onFx(() -> app.controller().attachedGradientMonitor());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> monitor.latestChain() != null);
        onFx(() -> {
            app.controller().gradientHealthView().redrawNow();
            return null;
        });
        int factors = onFx(() -> ((javafx.scene.layout.Pane) robot.lookup("#healthChainFactors").query()).getChildren().size());
        assertEquals(12, factors, "Φ'(a_i) and w_{i+1} for i = 1 … 6");
        assertTrue(visible(robot, "#healthChainFactors"));
        assertTrue(!visible(robot, "#healthMakeChain"), "already a chain: no button");
        TrainingConfig c = onFx(() -> app.controller().configProperty().get());
        assertEquals(6, c.hidden().size(), "the layers and their Φ stay");
        assertTrue(c.hidden().stream().allMatch(l -> l.phi().equals(org.mlplayground.engine.Activation.sigmoid())));
    }

    @Test
    void comparingShowsBothRunsOneAboveTheOther(FxRobot robot) throws Exception {
        robot.clickOn("#healthMode");
        robot.clickOn("#healthCompare");
        var view = onFx(() -> app.controller().gradientHealthView());
        var pair = onFx(view::pair);
        assertNotNull(pair);
        assertSame(HealthPreset.Comparison.SIGMOID_VS_RELU, pair.comparison());
        robot.clickOn("#healthComparePlay");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> pair.steps()[0] >= 25);
        robot.clickOn("#healthComparePlay");
        assertTrue(!pair.playing(), "Pause both pauses");
        // The numbers below from a fixed point of both runs: reset, then exactly 100 steps each.
        pair.reset();
        pair.step(100);
        onFx(() -> {
            view.redrawNow();
            return null;
        });
        assertEquals(7, (int) onFx(() -> view.topChart().lineCount()));
        assertEquals(7, (int) onFx(() -> view.bottomChart().lineCount()));
        String top = onFx(view::topSentence), bottom = onFx(view::bottomSentence);
        Matcher sick = FACTOR.matcher(top);
        assertTrue(sick.find() && sick.group(4).equals("slower") && sick.group(3) != null, "top: " + top);
        Matcher well = FACTOR.matcher(bottom);
        assertTrue(!well.find() || well.group(3) == null && Double.parseDouble(well.group(1)) < 10 || bottom.contains("about as fast"),
                "bottom: " + bottom);
        Path file = saveWindow(stage, "health-compare.png");
        assertTrue(Files.size(file) > 10_000);

        robot.clickOn("#healthMode"); // hiding the view stops the pair's thread
        assertNull(onFx(view::pair));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !pair.alive());
    }

    @Test
    void keyGOpensAndClosesTheView(FxRobot robot) {
        robot.clickOn("#stepCount"); // focus on the window, not on a text field
        robot.type(KeyCode.G);
        assertTrue(visible(robot, "#healthView"));
        assertTrue(!visible(robot, "#diagram"));
        robot.type(KeyCode.G);
        assertTrue(!visible(robot, "#healthView"));
        assertTrue(visible(robot, "#diagram"));
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static int superscript(String digits) {
        int n = 0;
        for (char c : digits.toCharArray()) n = 10 * n + "⁰¹²³⁴⁵⁶⁷⁸⁹".indexOf(c);
        return n;
    }

    private static Histogram histogram(FxRobot robot, String query) {
        return onFx(() -> ((HistogramCanvas) robot.lookup(query).query()).shown());
    }

    private Snapshot displayed() {
        return onFx(() -> app.controller().displayedSnapshotProperty().get());
    }

    private Snapshot waitUntilShown(Predicate<Snapshot> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> condition.test(displayed()));
        WaitForAsyncUtils.waitForFxEvents();
        return displayed();
    }
}
