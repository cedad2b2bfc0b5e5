package org.mlplayground.ui;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.mlplayground.lesson.Lesson;
import org.mlplayground.lesson.LessonLibrary;
import org.mlplayground.lesson.Progress;
import org.mlplayground.ui.lesson.LessonBrowser;
import org.mlplayground.ui.lesson.LessonPanel;

/**
 * The lesson column beside the playground: the lesson browser, and once a lesson is open its text and tasks
 * with "← All lessons" to go back. The shipped lessons load off the FX thread when the column is first shown;
 * progress (done tasks, the last lesson) lives in a small file whose place the window decides.
 */
final class LessonDock extends VBox {
    private final LessonBrowser browser;
    private final LessonPanel panel;
    private final Button back = new Button("← All lessons");
    private final Progress progress;
    private boolean loaded;

    /**
     * @param locale       the language of the texts and the lessons listed first
     * @param progressFile where done tasks are remembered between runs
     */
    LessonDock(Locale locale, Path progressFile) {
        browser = new LessonBrowser(locale);
        panel = new LessonPanel(locale);
        progress = Progress.load(progressFile);
        browser.setProgress(progress);
        panel.setProgress(progress);
        getStyleClass().add("lesson-dock");
        setId("lessonDock");
        back.setId("lessonsBack");
        back.getStyleClass().add("small-button");
        back.setTooltip(new Tooltip("Back to the list of lessons; the playground keeps its settings"));
        back.setOnAction(e -> showBrowser());
        HBox bar = new HBox(back);
        bar.getStyleClass().add("lesson-dock-bar");
        bar.managedProperty().bind(bar.visibleProperty());
        bar.visibleProperty().bind(panel.visibleProperty());
        StackPane pages = new StackPane(browser, panel);
        VBox.setVgrow(pages, Priority.ALWAYS);
        getChildren().addAll(bar, pages);
        browser.setOnOpen(this::open);
        showBrowser();
    }

    /** Loads the shipped lessons the first time the column is shown; a build without them says so. */
    void loadShippedOnce(Consumer<String> onProblem) {
        if (loaded) return;
        loaded = true;
        try {
            browser.loadFolder(LessonLibrary.shippedFolder());
        } catch (IllegalStateException e) {
            onProblem.accept("The lessons could not be found: " + e.getMessage() + ". Open a folder of lessons instead.");
        }
    }

    /** The caller loads the shipped lessons and hands them over with {@link #useLibrary}: the column does not load them too. */
    void loadingElsewhere() {
        loaded = true;
    }

    /** Lists {@code library} (loaded by the caller), so the shipped lessons are not loaded a second time. */
    void useLibrary(LessonLibrary library) {
        loaded = true;
        browser.setLibrary(library);
    }

    /** The library listed now, or null before it has loaded. */
    LessonLibrary library() {
        return browser.library();
    }

    /** Opens {@code lesson} in the panel (it does not apply the preset: the student or the caller does). */
    void open(Lesson lesson) {
        panel.show(lesson);
        panel.setVisible(true);
        browser.setVisible(false);
    }

    void showBrowser() {
        panel.setVisible(false);
        browser.setVisible(true);
    }

    /** Called with the lesson whose "Apply preset" was pressed. */
    void setOnApplyPreset(Consumer<Lesson> handler) {
        panel.setOnApplyPreset(Objects.requireNonNull(handler));
    }

    /** Called when a task becomes current ("Next task"). */
    void setOnTask(Consumer<LessonPanel.TaskEvent> handler) {
        panel.setOnTask(Objects.requireNonNull(handler));
    }

    /** Called with a sentence for the status line. */
    void setOnMessage(Consumer<String> handler) {
        panel.setOnMessage(Objects.requireNonNull(handler));
    }

    LessonBrowser browser() {
        return browser;
    }

    LessonPanel panel() {
        return panel;
    }

    Progress progress() {
        return progress;
    }

    /** The lesson open in the panel, or null. */
    Lesson openLesson() {
        return panel.isVisible() ? panel.lesson() : null;
    }
}
