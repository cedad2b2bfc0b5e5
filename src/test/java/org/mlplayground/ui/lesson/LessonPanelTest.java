package org.mlplayground.ui.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mlplayground.lesson.Lesson;
import org.mlplayground.lesson.LessonLibrary;
import org.mlplayground.lesson.LessonParser;
import org.mlplayground.lesson.Progress;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The lesson panel, used as a student would: read, apply the preset, go through the tasks; and on a projector. */
@ExtendWith(ApplicationExtension.class)
class LessonPanelTest {
    private static final String LESSON = """
            ---
            title: Momentum
            topics: momentum, bowl
            optimizer: momentum
            momentum: 0.9
            ---
            # Momentum

            The velocity keeps a **running** average: $v \\leftarrow \\beta v - \\gamma \\nabla L(w)$ and *then*
            `w += v`.

            $$w \\leftarrow w + v$$

            - first point
            - second point

            > A quote.

            ## Try this: watch it
            Press Play.

            ## Try this: less momentum
            set: momentum = 0.5
            Slower, straighter.

            ## Try this: none
            set: momentum = 0
            Plain gradient descent.
            """;

    private Stage stage;
    private LessonPanel panel;
    private final List<Lesson> applied = new CopyOnWriteArrayList<>();
    private final List<LessonPanel.TaskEvent> opened = new CopyOnWriteArrayList<>();

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        panel = new LessonPanel(Locale.ENGLISH);
        panel.setOnApplyPreset(applied::add);
        panel.setOnTask(opened::add);
        stage.setScene(new Scene(panel, 520, 760));
        stage.sizeToScene();
        stage.show();
    }

    private static Lesson lesson() throws Exception {
        return LessonParser.parse(LESSON, "momentum.md", "momentum", "en");
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }

    private static <T extends Node> List<T> all(Node root, Class<T> type) {
        List<T> found = new java.util.ArrayList<>();
        collect(root, type, found);
        return found;
    }

    private static <T extends Node> void collect(Node node, Class<T> type, List<T> found) {
        if (type.isInstance(node) && found.stream().noneMatch(f -> f == node)) found.add(type.cast(node));
        if (node instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) collect(c, type, found);
        if (node instanceof javafx.scene.control.ScrollPane s && s.getContent() != null) collect(s.getContent(), type, found);
    }

    @Test
    void aFormulaIsTypesetAsAnImageAndTheMarkdownBecomesStyledText() throws Exception {
        Lesson lesson = lesson();
        onFx(() -> {
            panel.show(lesson);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<ImageView> formulas = onFx(() -> all(panel, ImageView.class));
        List<Object> tex = formulas.stream().map(ImageView::getUserData).toList();
        assertTrue(tex.contains("v \\leftarrow \\beta v - \\gamma \\nabla L(w)"), "inline formula: " + tex);
        assertTrue(tex.contains("w \\leftarrow w + v"), "display formula: " + tex);
        List<Text> texts = onFx(() -> all(panel, Text.class));
        Text running = texts.stream().filter(t -> t.getText().equals("running")).findFirst().orElseThrow();
        assertTrue(running.getFont().getStyle().toLowerCase(Locale.ROOT).contains("bold"), running.getFont().getStyle());
        Text code = texts.stream().filter(t -> t.getText().equals("w += v")).findFirst().orElseThrow();
        assertTrue(code.getFont().getFamily().toLowerCase(Locale.ROOT).contains("mono"), code.getFont().getFamily());
        assertTrue(texts.stream().anyMatch(t -> t.getText().equals("first point")), "list items are shown");
    }

    @Test
    void nextTaskMarksTheTaskDoneAndAnnouncesTheNextOne(FxRobot robot) throws Exception {
        Lesson lesson = lesson();
        onFx(() -> {
            panel.show(lesson);
            return null;
        });
        assertEquals(0, (int) onFx(panel::currentTask));
        robot.clickOn("#next-task");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, (int) onFx(panel::currentTask));
        assertTrue(onFx(() -> panel.isTaskDone(0)));
        assertFalse(onFx(() -> panel.isTaskDone(1)));
        assertEquals(1, opened.size());
        assertEquals(1, opened.get(0).index());
        assertEquals("less momentum", opened.get(0).task().title());
        List<String> marks = onFx(() -> all(panel, Label.class).stream().filter(l -> l.getStyleClass().contains("task-mark"))
                .map(Label::getText).toList());
        assertEquals(List.of("✓", "▶", "○"), marks);
        assertEquals("Task 2 of 3", onFx(() -> all(panel, Label.class).stream().filter(l -> l.getText().startsWith("Task "))
                .findFirst().orElseThrow().getText()));
    }

    @Test
    void applyPresetHandsTheLessonOver(FxRobot robot) throws Exception {
        Lesson lesson = lesson();
        onFx(() -> {
            panel.show(lesson);
            return null;
        });
        robot.clickOn("#apply-preset");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(lesson), applied);
    }

    @Test
    void fontScaleTwoDoublesTextAndFormulas() throws Exception {
        Lesson lesson = lesson();
        onFx(() -> {
            panel.show(lesson);
            return null;
        });
        double text = onFx(() -> bodySize());
        double formula = onFx(() -> formulaHeight());
        onFx(() -> {
            panel.setFontScale(2);
            return null;
        });
        assertEquals(2 * text, onFx(() -> bodySize()), 1e-9);
        // TexRenderer pads every formula by 3 px on each side; the typeset formula inside doubles.
        double ratio = (onFx(() -> formulaHeight()) - 6) / (formula - 6);
        assertTrue(ratio > 1.8 && ratio < 2.2, "formula grows with the text, ratio " + ratio);
    }

    private double bodySize() {
        return all(panel, Text.class).stream().filter(t -> t.getText().equals("Press Play.")).findFirst().orElseThrow()
                .getFont().getSize();
    }

    private double formulaHeight() {
        return all(panel, ImageView.class).stream().filter(v -> "w \\leftarrow w + v".equals(v.getUserData())).findFirst()
                .orElseThrow().getImage().getHeight();
    }

    @Test
    void progressFromAnEarlierRunOpensTheFirstTaskNotDone() throws Exception {
        Path file = dir.resolve("progress.properties");
        Progress before = Progress.load(file);
        before.markTaskDone("momentum", 0);
        before.save();
        Lesson lesson = lesson();
        Progress progress = Progress.load(file);
        onFx(() -> {
            panel.setProgress(progress);
            panel.show(lesson);
            return null;
        });
        assertEquals(1, (int) onFx(panel::currentTask));
        assertTrue(onFx(() -> panel.isTaskDone(0)));
        onFx(() -> {
            panel.nextTask();
            return null;
        });
        assertTrue(Progress.load(file).isTaskDone("momentum", 1), "saved at once");
        assertEquals(java.util.Optional.of("momentum"), Progress.load(file).lastLesson());
    }

    @Test
    void screenshotOfTheFirstShippedLessonAtItsSecondTask() throws Exception {
        Lesson xor = LessonLibrary.load(Path.of("lessons")).find("01-perceptron-xor", "en").orElseThrow();
        onFx(() -> {
            panel.show(xor);
            panel.nextTask();
            panel.setFontScale(1.25);
            stage.getScene().setRoot(new javafx.scene.layout.Pane());
            stage.setScene(new Scene(panel, 640, 900));
            stage.sizeToScene();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage shot = onFx(() -> stage.getScene().snapshot(null));
        int w = (int) shot.getWidth(), h = (int) shot.getHeight();
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) image.setRGB(x, y, shot.getPixelReader().getArgb(x, y));
        Files.createDirectories(Path.of("target"));
        assertTrue(ImageIO.write(image, "png", Path.of("target", "lesson-panel.png").toFile()));
        onFx(() -> {
            panel.setFontScale(2);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage big = onFx(() -> stage.getScene().snapshot(null));
        BufferedImage classroom = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) classroom.setRGB(x, y, big.getPixelReader().getArgb(x, y));
        assertTrue(ImageIO.write(classroom, "png", Path.of("target", "lesson-panel-classroom.png").toFile()));
        assertNotNull(onFx(() -> all(panel, ImageView.class).isEmpty() ? null : "formulas shown"));
    }
}
