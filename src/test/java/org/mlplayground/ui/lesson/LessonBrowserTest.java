package org.mlplayground.ui.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mlplayground.lesson.Lesson;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The lesson list: titles and topics, the filter, the language, and a broken lesson's message. */
@ExtendWith(ApplicationExtension.class)
class LessonBrowserTest {
    private LessonBrowser browser;
    private final List<Lesson> opened = new CopyOnWriteArrayList<>();

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        browser = new LessonBrowser(Locale.ENGLISH);
        browser.setOnOpen(opened::add);
        stage.setScene(new Scene(browser, 480, 600));
        stage.sizeToScene();
        stage.show();
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }

    private void folder() throws Exception {
        Files.writeString(dir.resolve("01-xor.md"), "---\ntitle: XOR\ntopics: perceptron, features\n---\nx\n## Try this: a\nA.\n");
        Files.writeString(dir.resolve("02-moons.md"), "---\ntitle: Moons\ntopics: overfitting\n---\nx\n## Try this: a\nA.\n");
        Files.writeString(dir.resolve("03-bad.md"), "---\ntitle: Bad\nbatch-size: many\n---\nx\n## Try this: a\nA.\n");
        Files.createDirectories(dir.resolve("cs"));
        Files.writeString(dir.resolve("cs/01-xor.md"),
                "---\ntitle: XOR česky\ntopics: perceptron\ntask-heading: Zkuste\n---\nx\n## Zkuste: a\nA.\n");
        onFx(() -> {
            browser.loadFolder(dir);
            return null;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> browser.entries().size()) > 0);
    }

    @Test
    void listsTheLessonsAndShowsTheBrokenOnesMessage(FxRobot robot) throws Exception {
        folder();
        List<LessonBrowser.Entry> entries = onFx(browser::entries);
        assertEquals(3, entries.size());
        assertEquals("XOR", ((LessonBrowser.LessonEntry) entries.get(0)).lesson().title());
        assertEquals("Moons", ((LessonBrowser.LessonEntry) entries.get(1)).lesson().title());
        String expected = dir.resolve("03-bad.md") + ":3: batch-size must be a whole number 1 … 100000, got 'many'";
        assertEquals(new LessonBrowser.ProblemEntry(expected), entries.get(2));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> shown = robot.lookup(".lesson-problem").queryAllAs(Label.class).stream().map(Label::getText).toList();
        assertEquals(List.of("Cannot load " + expected), shown);
        List<String> topics = robot.lookup(".lesson-entry-topics").queryAllAs(Label.class).stream().map(Label::getText).toList();
        assertTrue(topics.contains("perceptron · features"), topics.toString());
    }

    @Test
    void theFilterMatchesTitlesAndTopicsAndProblemsStay(FxRobot robot) throws Exception {
        folder();
        robot.clickOn("#lesson-filter").write("overfit");
        WaitForAsyncUtils.waitForFxEvents();
        List<LessonBrowser.Entry> entries = onFx(browser::entries);
        assertEquals(2, entries.size());
        assertEquals("Moons", ((LessonBrowser.LessonEntry) entries.get(0)).lesson().title());
        assertTrue(entries.get(1) instanceof LessonBrowser.ProblemEntry);
    }

    @Test
    void anotherLanguageShowsItsTranslationsAndEnglishForTheRest() throws Exception {
        folder();
        onFx(() -> {
            browser.setLanguage("cs");
            return null;
        });
        List<String> titles = onFx(() -> browser.entries().stream().filter(e -> e instanceof LessonBrowser.LessonEntry)
                .map(e -> ((LessonBrowser.LessonEntry) e).lesson().title()).toList());
        assertEquals(List.of("XOR česky", "Moons"), titles);
    }

    @Test
    void doubleClickOpensTheLesson(FxRobot robot) throws Exception {
        folder();
        // The list draws its cells on a later pulse: wait for the row before clicking it.
        java.util.function.Predicate<javafx.scene.Node> shown = n -> n.getScene() != null && n.isVisible();
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> robot.from(browser).lookup("Moons").match(shown).tryQuery().isPresent());
        javafx.scene.Node row = robot.from(browser).lookup("Moons").match(shown).query();
        robot.doubleClickOn(row, javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("Moons"), opened.stream().map(Lesson::title).toList());
    }

    @Test
    void aFolderThatDoesNotExistIsShownAsAProblem() throws Exception {
        onFx(() -> {
            browser.loadFolder(dir.resolve("missing"));
            return null;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> browser.entries().size()) > 0);
        assertEquals(List.of(new LessonBrowser.ProblemEntry("no lesson folder " + dir.resolve("missing"))), onFx(browser::entries));
    }

    @Test
    void screenshotOfTheShippedLessonsInCzechWithABrokenOne() throws Exception {
        for (String name : List.of("01-perceptron-xor.md", "02-depth-needs-nonlinearity.md", "03-activation-functions.md",
                "04-softmax-cross-entropy.md", "05-backprop-step-by-step.md")) {
            Files.copy(Path.of("lessons", name), dir.resolve(name));
        }
        Files.createDirectories(dir.resolve("cs"));
        Files.copy(Path.of("lessons/cs/01-perceptron-xor.md"), dir.resolve("cs/01-perceptron-xor.md"));
        Files.writeString(dir.resolve("06-mine.md"), "---\ntitle: Mine\nlerning-rate: 0.1\n---\nx\n## Try this: a\nA.\n");
        onFx(() -> {
            browser.setLanguage("cs");
            browser.loadFolder(dir);
            return null;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> browser.entries().size()) > 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(6, onFx(() -> browser.entries().size()));
        javafx.scene.image.WritableImage shot = onFx(() -> browser.getScene().snapshot(null));
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage((int) shot.getWidth(), (int) shot.getHeight(),
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) image.setRGB(x, y, shot.getPixelReader().getArgb(x, y));
        }
        Files.createDirectories(Path.of("target"));
        assertTrue(javax.imageio.ImageIO.write(image, "png", Path.of("target", "lesson-browser.png").toFile()));
    }
}
