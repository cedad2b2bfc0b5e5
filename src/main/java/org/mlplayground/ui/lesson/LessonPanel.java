package org.mlplayground.ui.lesson;

import java.io.IOException;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import org.mlplayground.lesson.Lesson;
import org.mlplayground.lesson.Progress;
import org.mlplayground.lesson.Task;

/**
 * One lesson beside the playground: its title and topics, its text (Markdown with typeset formulas), then its
 * "Try this" tasks, each with a checkmark once done and the current one highlighted; below, Apply preset and Next
 * task. The panel only tells: {@link #setOnApplyPreset} and {@link #setOnTask} hand the lesson and the task to
 * whoever owns the playground. {@link #setFontScale} makes text and formulas larger for a projector.
 */
public final class LessonPanel extends Region {
    /** The task that became current: its number (from 0) and the task, whose changes the playground applies. */
    public record TaskEvent(Lesson lesson, int index, Task task) {
    }

    private final ResourceBundle messages;
    private final BorderPane root = new BorderPane();
    private final VBox content = new VBox();
    private final ScrollPane scroll = new ScrollPane(content);
    private final Label title = new Label(), topics = new Label(), position = new Label();
    private final Button apply = new Button(), next = new Button();
    private final List<VBox> taskBoxes = new ArrayList<>();
    private final List<Label> marks = new ArrayList<>();
    private Lesson lesson;
    private int current;
    private Progress progress;
    private double fontScale = 1;
    private Consumer<Lesson> onApplyPreset = l -> { };
    private Consumer<TaskEvent> onTask = t -> { };
    private Consumer<String> onLink = u -> { };
    private Consumer<String> onMessage = m -> { };

    /** A panel with the lesson texts of {@code locale}'s language (English, Czech, Russian; English otherwise). */
    public LessonPanel(Locale locale) {
        messages = ResourceBundle.getBundle("org.mlplayground.ui.lesson.messages", locale);
        getStylesheets().add(LessonPanel.class.getResource("lesson.css").toExternalForm());
        getStyleClass().add("lesson-panel");
        apply.setText(messages.getString("lesson.applyPreset"));
        apply.setId("apply-preset");
        apply.setOnAction(e -> {
            if (lesson != null) onApplyPreset.accept(lesson);
        });
        next.setText(messages.getString("lesson.nextTask"));
        next.setId("next-task");
        next.setOnAction(e -> nextTask());
        title.setWrapText(true);
        title.getStyleClass().add("lesson-title");
        topics.setWrapText(true);
        topics.getStyleClass().add("lesson-topics");
        VBox top = new VBox(4, title, topics);
        top.getStyleClass().add("lesson-header");
        root.setTop(top);
        content.getStyleClass().add("lesson-content");
        content.setFillWidth(true);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        root.setCenter(scroll);
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox bar = new HBox(8, apply, spring, position, next);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("lesson-bar");
        root.setBottom(bar);
        getChildren().add(root);
        showNothing();
    }

    /** Shows {@code lesson}, at the first task its progress has not done (the first task without progress). */
    public void show(Lesson lesson) {
        this.lesson = lesson;
        doneHere.clear();
        current = progress == null ? 0 : progress.nextTask(lesson);
        if (progress != null) {
            progress.setLastLesson(lesson.id());
            save();
        }
        rebuild();
        scroll.setVvalue(0);
    }

    public Lesson lesson() {
        return lesson;
    }

    /** The task the student is on, from 0. */
    public int currentTask() {
        return current;
    }

    /** Where done tasks are remembered; null for none. */
    public void setProgress(Progress progress) {
        this.progress = progress;
        if (lesson != null) show(lesson);
    }

    /**
     * Marks the current task done and moves to the next one, telling {@link #setOnTask} about it; on the last
     * task, marks it done and stays.
     */
    public void nextTask() {
        if (lesson == null) return;
        doneHere.add(current);
        if (progress != null) {
            progress.markTaskDone(lesson.id(), current);
            save();
        }
        boolean moved = current < lesson.tasks().size() - 1;
        if (moved) current++;
        refreshTasks();
        if (moved) {
            VBox box = taskBoxes.get(current);
            scroll.layout();
            double h = content.getHeight() - scroll.getViewportBounds().getHeight();
            if (h > 0) scroll.setVvalue(Math.min(1, box.getBoundsInParent().getMinY() / h));
            onTask.accept(new TaskEvent(lesson, current, lesson.tasks().get(current)));
        }
    }

    /** Whether the task has been done (by Next task, now or in an earlier run). */
    public boolean isTaskDone(int index) {
        return doneHere.contains(index) || (progress != null && lesson != null && progress.isTaskDone(lesson.id(), index));
    }

    private final java.util.Set<Integer> doneHere = new java.util.HashSet<>();

    /** Text and formulas at {@code scale} times their normal size (2 for a projector). */
    public void setFontScale(double scale) {
        if (!(scale > 0 && Double.isFinite(scale))) throw new IllegalArgumentException("font scale must be > 0, got " + scale);
        fontScale = scale;
        setStyle("-fx-font-size: " + 13 * scale + "px;");
        rebuild();
    }

    public double fontScale() {
        return fontScale;
    }

    public void setOnApplyPreset(Consumer<Lesson> handler) {
        onApplyPreset = handler;
    }

    public void setOnTask(Consumer<TaskEvent> handler) {
        onTask = handler;
    }

    /** Called with a link's destination when the student clicks it (the app opens it in a browser). */
    public void setOnLink(Consumer<String> handler) {
        onLink = handler;
    }

    /** Called with a sentence for the status line, e.g. when progress cannot be saved. */
    public void setOnMessage(Consumer<String> handler) {
        onMessage = handler;
    }

    private void save() {
        try {
            progress.save();
        } catch (IOException e) {
            onMessage.accept(MessageFormat.format(messages.getString("lesson.progressNotSaved"), e.getMessage()));
        }
    }

    private void showNothing() {
        title.setText(messages.getString("lesson.noLesson"));
        topics.setText("");
        content.getChildren().clear();
        apply.setDisable(true);
        next.setDisable(true);
        position.setText("");
    }

    private void rebuild() {
        if (lesson == null) {
            showNothing();
            return;
        }
        title.setText(lesson.title());
        title.setFont(Font.font("System", FontWeight.BOLD, MarkdownRenderer.BASE_SIZE * 1.5 * fontScale));
        topics.setText(lesson.topics().isEmpty() ? "" : MessageFormat.format(messages.getString("lesson.topics"),
                String.join(", ", lesson.topics())));
        topics.setFont(Font.font("System", MarkdownRenderer.BASE_SIZE * 0.95 * fontScale));
        MarkdownRenderer renderer = new MarkdownRenderer(fontScale, u -> onLink.accept(u));
        content.getChildren().setAll(renderer.render(lesson.body()));
        content.setSpacing(MarkdownRenderer.BASE_SIZE * fontScale);
        content.setPadding(new Insets(MarkdownRenderer.BASE_SIZE * 0.8 * fontScale));
        taskBoxes.clear();
        marks.clear();
        Label tasksHeading = new Label(messages.getString("lesson.tasks"));
        tasksHeading.setFont(Font.font("System", FontWeight.BOLD, MarkdownRenderer.BASE_SIZE * 1.3 * fontScale));
        content.getChildren().add(tasksHeading);
        for (int i = 0; i < lesson.tasks().size(); i++) {
            Task task = lesson.tasks().get(i);
            Label mark = new Label();
            mark.setFont(Font.font("System", FontWeight.BOLD, MarkdownRenderer.BASE_SIZE * 1.2 * fontScale));
            mark.setMinWidth(MarkdownRenderer.BASE_SIZE * 1.6 * fontScale);
            mark.getStyleClass().add("task-mark");
            Label name = new Label((i + 1) + ". " + task.title());
            name.setWrapText(true);
            name.setFont(Font.font("System", FontWeight.BOLD, MarkdownRenderer.BASE_SIZE * 1.1 * fontScale));
            HBox head = new HBox(6, mark, name);
            head.setAlignment(Pos.CENTER_LEFT);
            VBox box = new VBox(MarkdownRenderer.BASE_SIZE * 0.4 * fontScale, head, renderer.render(task.text()));
            box.getStyleClass().add("task");
            box.setPadding(new Insets(MarkdownRenderer.BASE_SIZE * 0.5 * fontScale));
            taskBoxes.add(box);
            marks.add(mark);
            content.getChildren().add(box);
        }
        apply.setDisable(false);
        refreshTasks();
    }

    private void refreshTasks() {
        int n = lesson.tasks().size();
        for (int i = 0; i < n; i++) {
            boolean done = isTaskDone(i);
            Label mark = marks.get(i);
            mark.setText(done ? "✓" : i == current ? "▶" : "○");
            mark.getStyleClass().removeAll("done", "current", "open");
            mark.getStyleClass().add(done ? "done" : i == current ? "current" : "open");
            VBox box = taskBoxes.get(i);
            box.getStyleClass().remove("current-task");
            if (i == current) box.getStyleClass().add("current-task");
        }
        position.setText(MessageFormat.format(messages.getString("lesson.taskOf"), current + 1, n));
        boolean last = current == n - 1;
        next.setText(messages.getString(last ? "lesson.finishTask" : "lesson.nextTask"));
        next.setDisable(last && isTaskDone(current));
    }

    @Override
    protected void layoutChildren() {
        layoutInArea(root, 0, 0, getWidth(), getHeight(), 0, javafx.geometry.HPos.LEFT, javafx.geometry.VPos.TOP);
    }

    @Override
    protected double computePrefWidth(double height) {
        return root.prefWidth(height);
    }

    @Override
    protected double computePrefHeight(double width) {
        return root.prefHeight(width);
    }

    @Override
    protected double computeMinWidth(double height) {
        return root.minWidth(height);
    }

    @Override
    protected double computeMinHeight(double width) {
        return root.minHeight(width);
    }
}
