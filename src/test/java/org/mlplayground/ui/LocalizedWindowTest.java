package org.mlplayground.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.geometry.Bounds;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mlplayground.train.TrainingConfig;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window in Czech and Russian, started through the app's own language path (not the JVM's locale): no
 * text on screen is a bundle key or a leftover {@code %key}, the buttons read in that language, nothing is cut
 * short with an ellipsis or pushed past the window's edge; and switching in the settings rebuilds the window
 * in the new language with the same config and stores the choice.
 */
@ExtendWith(ApplicationExtension.class)
class LocalizedWindowTest {
    /** A node of the tests' own, removed after each test: a student's stored choice is never touched. */
    private final Preferences node = Preferences.userRoot().node("org/mlplayground-tests/localized-window");
    private PlaygroundApp app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stopTraining() throws BackingStoreException {
        onFx(() -> {
            if (app != null) app.stop();
            return null;
        });
        node.removeNode();
    }

    private void open(I18n.Language language) {
        WaitForAsyncUtils.waitForAsyncFx(30_000, () -> {
            app = new PlaygroundApp(new LanguageSetting(node), language);
            app.start(stage);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @ParameterizedTest
    @EnumSource(value = I18n.Language.class)
    void theWindowSpeaksTheLanguageWithNoRawKeysAndNothingCutShort(I18n.Language language, FxRobot robot) throws Exception {
        open(language);
        I18n expected = I18n.of(language);
        assertEquals(expected.text("toolbar.play"), text(robot, "#play"));
        assertEquals(expected.text("toolbar.reset"), text(robot, "#reset"));
        assertEquals(expected.text("data.regenerate"), text(robot, "#regenerate"));
        // A notice of the training thread, in the window's language too.
        robot.clickOn("#newSeed");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#message")
                .equals(expected.text("loop.weightsReset", expected.text("reason.seed"))));

        // With a penalty the cost row and the chart's third toggle show too; accuracies of 100.0 % are the widest.
        onFx(() -> {
            app.controller().chooseRegularization(org.mlplayground.train.Penalty.of("l2", 0.3), 0);
            return null;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> !app.controller().displayedSnapshotProperty().get()
                .config().penalty().id().equals("none")));
        // The headless screen is 1280 × 800, narrower than the 1410 px the layout needs even in English; the
        // window opens at 1440 × 860 or more on a real screen. So the window's content is laid out at that size
        // in a scene of its own, checked there and pictured.
        Scene wide = widen();
        List<String> problems = onFx(() -> {
            wide.getRoot().applyCss();
            wide.getRoot().layout();
            return problemsOnScreen(wide.getRoot(), I18n.ENGLISH.bundle().keySet(), wide.getWidth());
        });
        assertTrue(problems.isEmpty(), language + ": " + String.join("\n", problems));

        Path file = Path.of("target", "window-" + language.id() + ".png");
        java.awt.image.BufferedImage image = onFx(() -> SceneCapture.render(wide));
        SceneCapture.writePng(image, file);
    }

    @Test
    void theGradientViewSpeaksCzech(FxRobot robot) throws Exception {
        open(I18n.Language.CS);
        I18n cs = I18n.of(I18n.Language.CS);
        robot.clickOn("#healthMode");
        assertEquals(cs.text("health.thisRun"), text(robot, "#healthSingle"));
        assertEquals(cs.text("health.press"), text(robot, "#healthSentence"));
        robot.clickOn("#healthApplyPreset");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> app.controller().displayedSnapshotProperty().get()
                .config().equals(org.mlplayground.health.HealthPreset.SIGMOID_SMALL_GAUSSIAN.config())));
        robot.clickOn("#step");
        var monitor = onFx(() -> app.controller().attachedGradientMonitor());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> monitor.latest() != null);
        onFx(() -> {
            app.controller().gradientHealthView().redrawNow();
            return null;
        });
        var health = monitor.latest();
        double factor = health.layer(6).dLdWNorm() / health.layer(1).dLdWNorm();
        assertEquals("Vrstva 1 se učí " + org.mlplayground.health.GradientHealth.times(factor) + " pomaleji než vrstva 6.",
                text(robot, "#healthSentence"));
        assertEquals(cs.text("health.layer", 1, "sigmoid"), text(robot, "#healthLayer1"));
        Scene wide = widen();
        List<String> problems = onFx(() -> {
            wide.getRoot().applyCss();
            wide.getRoot().layout();
            return problemsOnScreen(wide.getRoot(), I18n.ENGLISH.bundle().keySet(), wide.getWidth());
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        SceneCapture.writePng(onFx(() -> SceneCapture.render(wide)), Path.of("target", "gradients-cs.png"));
    }

    @Test
    void theBackpropSteppersFrameSpeaksRussian(FxRobot robot) throws Exception {
        open(I18n.Language.RU);
        robot.clickOn("#backpropMode");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#stageTitle").equals("Прямой 1"));
        assertEquals("Следующая ▶", text(robot, "#nextStage"));
        // Three layers with weights (4, 2 hidden neurons and the output): Forward 1 … 3, Loss, then Backward 3 first.
        assertEquals("Обратный 3", text(robot, "#chip-4"));
        assertEquals("Потери", text(robot, "#chip-3"));
        Scene wide = widen();
        List<String> problems = onFx(() -> {
            wide.getRoot().applyCss();
            wide.getRoot().layout();
            return problemsOnScreen(wide.getRoot(), I18n.ENGLISH.bundle().keySet(), wide.getWidth());
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        SceneCapture.writePng(onFx(() -> SceneCapture.render(wide)), Path.of("target", "backprop-ru.png"));
    }

    @Test
    void switchingInTheSettingsRebuildsTheWindowWithTheSameConfigAndStoresTheChoice(FxRobot robot) throws TimeoutException {
        open(I18n.Language.EN);
        assertEquals("Play", text(robot, "#play"));
        TrainingConfig chosen = onFx(() -> {
            TrainingConfig c = app.controller().configProperty().get().withLearningRate(0.1).withSeed(7);
            app.controller().configProperty().set(c);
            return c;
        });

        robot.clickOn("#language");
        robot.clickOn("Русский");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> app.language() == I18n.Language.RU));
        WaitForAsyncUtils.waitForFxEvents();

        I18n ru = I18n.of(I18n.Language.RU);
        assertEquals("Пуск", text(robot, "#play"));
        assertEquals(ru.text("status.language"), text(robot, "#message"));
        assertEquals(chosen, onFx(() -> app.controller().configProperty().get()), "the settings stayed");
        assertEquals("0.1", onFx(() -> ((ComboBox<?>) stage.getScene().lookup("#learningRate")).getEditor().getText()));
        assertEquals(0L, onFx(() -> app.controller().displayedSnapshotProperty().get().step()), "a new run, at step 0");
        assertEquals(java.util.Optional.of(I18n.Language.RU), new LanguageSetting(node).stored());
    }

    @Test
    void theStoredChoiceWinsOverTheSystemLocaleAndABadValueIsIgnored() {
        LanguageSetting setting = new LanguageSetting(node);
        assertEquals(I18n.Language.CS, setting.atStart(java.util.Locale.forLanguageTag("cs-CZ")));
        assertEquals(I18n.Language.RU, setting.atStart(java.util.Locale.forLanguageTag("ru-RU")));
        assertEquals(I18n.Language.EN, setting.atStart(java.util.Locale.GERMANY));
        assertEquals(I18n.Language.EN, setting.atStart(java.util.Locale.forLanguageTag("sk-SK")));
        setting.store(I18n.Language.RU);
        assertEquals(I18n.Language.RU, setting.atStart(java.util.Locale.forLanguageTag("cs-CZ")));
        node.put(LanguageSetting.KEY, "de");
        assertEquals(I18n.Language.CS, setting.atStart(java.util.Locale.forLanguageTag("cs-CZ")));
    }

    @Test
    void theLaunchOptionPicksTheLanguage() {
        assertEquals(I18n.Language.CS, LaunchOptions.parse(List.of("--lang", "cs")).language());
        assertEquals(I18n.Language.RU, LaunchOptions.parse(List.of("--lang", "RU")).language());
        assertEquals(null, LaunchOptions.parse(List.of()).language());
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> LaunchOptions.parse(List.of("--lang", "de")));
        assertEquals("--lang must be en, cs or ru, got 'de'", e.getMessage());
    }

    /**
     * The headless screen is 1280 × 800, narrower than the 1410 px the layout needs even in English; the window
     * opens at 1440 × 860 or more on a real screen. So the window's content moves into a scene of that size of
     * its own, to be checked and pictured there.
     */
    private Scene widen() {
        Scene wide = onFx(() -> {
            Parent root = stage.getScene().getRoot();
            stage.getScene().setRoot(new Group());
            Scene scene = new Scene(root, 1440, 860);
            root.applyCss();
            root.layout();
            return scene;
        });
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS); // the heatmap and the diagram draw at the new size
        return wide;
    }

    /**
     * Texts on screen that are keys, start with '%', are shown shortened ("Rychl…") or stick out past the
     * window's right edge. Hidden parts are skipped; inside a scroll pane only the ellipsis is checked.
     */
    private static List<String> problemsOnScreen(Parent root, Set<String> keys, double width) {
        List<String> problems = new ArrayList<>();
        walk(root, keys, width, false, problems);
        return problems;
    }

    private static void walk(Node node, Set<String> keys, double width, boolean scrolled, List<String> problems) {
        if (!node.isVisible()) return;
        String where = node.getClass().getSimpleName() + (node.getId() == null ? "" : "#" + node.getId());
        List<String> texts = new ArrayList<>();
        if (node instanceof Labeled l && l.getText() != null) texts.add(l.getText());
        if (node instanceof Control c && c.getTooltip() != null) texts.add(c.getTooltip().getText());
        if (node instanceof TextField f && f.getPromptText() != null) texts.add(f.getPromptText());
        if (node instanceof ComboBox<?> b && b.getPromptText() != null) texts.add(b.getPromptText());
        for (String t : texts) {
            if (t.startsWith("%") || keys.contains(t.trim())) problems.add(where + " shows the key '" + t + "'");
        }
        if (node instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            Node shown = l.lookup(".text");
            if (shown instanceof Text t && t.getParent() == l && !t.getText().equals(l.getText())) {
                problems.add(where + " is cut short: '" + t.getText() + "' of '" + l.getText() + "'");
            }
            Bounds b = l.localToScene(l.getLayoutBounds());
            if (!scrolled && b.getMaxX() > width + 0.5) {
                problems.add(where + " '" + l.getText() + "' ends at x = " + b.getMaxX() + ", past the window's " + width);
            }
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                walk(child, keys, width, scrolled || node instanceof ScrollPane, problems);
            }
        }
    }

    private static String text(FxRobot robot, String query) {
        return onFx(() -> robot.lookup(query).queryLabeled().getText());
    }

    private static <T> T onFx(Callable<T> task) {
        return WaitForAsyncUtils.waitForAsyncFx(10_000, task);
    }
}
