package org.mlplayground.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mlplayground.engine.Parameter;
import org.mlplayground.train.Penalty;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/** The regularisation controls in the running window (top bar and diagram), used as a student would. */
@ExtendWith(ApplicationExtension.class)
class RegularizationControlsTest {
    private PlaygroundApp app;

    @Start
    void start(Stage stage) {
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
    void l1WithRateThreeMakesWeightsExactlyZero(FxRobot robot) throws TimeoutException {
        assertEquals("", text(robot, "#zeroWeights"), "the count of zero weights belongs to L1");

        pick(robot, "#penalty", "L1");
        typeRate(robot, "3");
        robot.clickOn("#play");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> zeroWeightsShown(robot) > 0);
        robot.clickOn("#play");
        Snapshot paused = waitUntilShown(robot, s -> !s.running());

        assertEquals(new Penalty.L1(3), paused.regularization().penalty());
        assertEquals("· zero weights " + paused.network().zeroWeightCount() + " of 18", text(robot, "#zeroWeights"));
    }

    @Test
    void withL2TheTrainingLossSplitsIntoDataTermAndAPositivePenalty(FxRobot robot) throws TimeoutException {
        assertFalse(visible(robot, "#penaltyTerm"), "no penalty, no penalty number");

        pick(robot, "#penalty", "L2");
        typeRate(robot, "1");
        robot.clickOn("#step");
        Snapshot shown = waitUntilShown(robot, s -> s.step() == 1);

        assertTrue(visible(robot, "#penaltyTerm"));
        double penalty = number(text(robot, "#penaltyTerm"));
        assertTrue(penalty > 0, "penalty shown: " + penalty);
        assertEquals(String.format(java.util.Locale.ROOT, "%.4f", l2Term(shown, 1)), text(robot, "#penaltyTerm"));
        assertEquals(String.format(java.util.Locale.ROOT, "%.4f", shown.trainLoss()), text(robot, "#dataTerm"));
        assertEquals(text(robot, "#trainLoss"), text(robot, "#dataTerm"), "the training loss on top is the data term C₀");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-1", "NaN"})
    void aBadRateShowsAMessageAndKeepsTheRateInUse(String typed, FxRobot robot) throws TimeoutException {
        pick(robot, "#penalty", "L2");
        typeRate(robot, "1");
        typeRate(robot, typed);
        robot.clickOn("#step");
        Snapshot after = waitUntilShown(robot, s -> s.step() == 1);

        assertEquals("Rate λ needs a number ≥\u00a00, got '" + typed + "'; keeping what is in use.", text(robot, "#message"));
        assertEquals("1", rateShown(robot));
        assertEquals(new Penalty.L2(1), after.regularization().penalty());
    }

    @Test
    void aGoodRateAfterABadOneTakesEffectAndClearsTheMessage(FxRobot robot) throws TimeoutException {
        pick(robot, "#penalty", "L2");
        typeRate(robot, "abc");
        assertTrue(text(robot, "#message").startsWith("Rate λ needs a number"));

        typeRate(robot, "0,03");
        waitUntilShown(robot, s -> s.regularization().penalty().equals(new Penalty.L2(0.03)));

        assertTrue(text(robot, "#message").contains("λ 0.03"), "the status line says what changed: " + text(robot, "#message"));
        assertEquals("0.03", rateShown(robot));
    }

    @Test
    void changesReachTheTrainerWhilePlaying(FxRobot robot) throws TimeoutException {
        robot.clickOn("#play");
        waitUntilShown(robot, s -> s.running() && s.epoch() >= 2);

        pick(robot, "#penalty", "L2");
        pick(robot, "#dropout1", "p=0.2");
        pick(robot, "#dropout2", "p=0.2");
        Snapshot changed = waitUntilShown(robot, s -> s.regularization().penalty() instanceof Penalty.L2
                && s.regularization().dropout().equals(List.of(0.2, 0.2)));

        assertTrue(changed.running(), "changing a remedy must not pause training");
        assertEquals("Pause", text(robot, "#play"));
    }

    @Test
    void resetKeepsTheChosenRemedies(FxRobot robot) throws TimeoutException {
        pick(robot, "#penalty", "L1");
        typeRate(robot, "3");
        pick(robot, "#dropout1", "p=0.2");
        pick(robot, "#dropout2", "p=0.2");
        robot.clickOn("#play");
        waitUntilShown(robot, s -> s.epoch() >= 5);

        robot.clickOn("#reset");
        Snapshot reset = waitUntilShown(robot, s -> !s.running() && s.step() == 0);

        assertEquals(new Penalty.L1(3), reset.regularization().penalty());
        assertEquals(List.of(0.2, 0.2), reset.regularization().dropout());
        assertEquals("L1", onFx(() -> robot.lookup("#penalty").queryAs(ComboBox.class).getValue()));
        assertEquals("3", rateShown(robot));
        assertEquals("· zero weights 0 of 18", text(robot, "#zeroWeights"), "the initial weights have no zeros");
    }

    /** Clicks into the rate field, replaces its text and presses Enter. */
    private static void typeRate(FxRobot robot, String typed) {
        robot.clickOn("#lambda .text-field").type(KeyCode.END);
        robot.eraseText(rateShown(robot).length());
        robot.write(typed).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Opens the list {@code box} and clicks the entry showing {@code shown}. */
    private static void pick(FxRobot robot, String box, String shown) {
        robot.clickOn(box);
        Node cell = robot.lookup(".combo-box-popup .list-cell").match(LabeledMatchers.hasText(shown)).query();
        robot.clickOn(cell);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String rateShown(FxRobot robot) {
        return onFx(() -> robot.lookup("#lambda .text-field").queryAs(TextField.class).getText());
    }

    /** k of the "k of n" a student reads, or −1 while the count is hidden. */
    private static int zeroWeightsShown(FxRobot robot) {
        String shown = text(robot, "#zeroWeights");
        if (shown.isEmpty()) return -1;
        return Integer.parseInt(shown.replace("· zero weights ", "").split(" of ")[0]);
    }

    /** λ/(2n) Σ w² over the snapshot's weights, n = 250 training points: the course's L2 term. */
    private static double l2Term(Snapshot s, double lambda) {
        double sum = 0;
        for (Parameter p : s.network().parameters()) {
            if (!p.weight()) continue;
            for (int i = 0; i < p.size(); i++) sum += p.value()[i] * p.value()[i];
        }
        return lambda / (2.0 * s.data().train().size()) * sum;
    }

    private static double number(String shown) {
        return Double.parseDouble(shown.replace(',', '.'));
    }

    private Snapshot displayed() {
        return onFx(() -> app.controller().displayedSnapshotProperty().get());
    }

    private Snapshot waitUntilShown(FxRobot robot, Predicate<Snapshot> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> condition.test(displayed()));
        WaitForAsyncUtils.waitForFxEvents();
        return displayed();
    }

    /** Whether a person can see the node: it and every node around it are visible. */
    private static boolean visible(FxRobot robot, String query) {
        return onFx(() -> {
            for (Node n = robot.lookup(query).query(); n != null; n = n.getParent()) if (!n.isVisible()) return false;
            return true;
        });
    }

    private static String text(FxRobot robot, String query) {
        return onFx(() -> robot.lookup(query).queryLabeled().getText());
    }

    private static <T> T onFx(Callable<T> task) {
        return WaitForAsyncUtils.waitForAsyncFx(5_000, task);
    }
}
