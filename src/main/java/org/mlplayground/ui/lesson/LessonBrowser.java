package org.mlplayground.ui.lesson;

import java.io.File;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.util.StringConverter;
import org.mlplayground.lesson.Lesson;
import org.mlplayground.lesson.LessonException;
import org.mlplayground.lesson.LessonLibrary;
import org.mlplayground.lesson.Progress;

/**
 * The list of lessons: title and topics of each, a checkmark for lessons done, a filter on title and topics, the
 * language of the lessons (translations where there are any, English otherwise), "Open folder…" for a teacher's own
 * lessons, and every lesson that did not load, in red with its message. Folders load on a background thread.
 */
public final class LessonBrowser extends Region {
    /** One row of the list. */
    public sealed interface Entry permits LessonEntry, ProblemEntry {
    }

    /** A lesson that loaded. */
    public record LessonEntry(Lesson lesson) implements Entry {
    }

    /** A file that did not load, or a folder that could not be read. */
    public record ProblemEntry(String message) implements Entry {
    }

    private final ResourceBundle messages;
    private final VBox root = new VBox(6);
    private final ComboBox<String> language = new ComboBox<>();
    private final TextField filter = new TextField();
    private final ObservableList<Entry> entries = FXCollections.observableArrayList();
    private final ListView<Entry> list = new ListView<>(entries);
    private final Label status = new Label();
    private LessonLibrary library;
    private Progress progress;
    private Consumer<Lesson> onOpen = l -> { };

    /** A browser with the texts of {@code locale}'s language, showing lessons in that language where there are any. */
    public LessonBrowser(Locale locale) {
        messages = ResourceBundle.getBundle("org.mlplayground.ui.lesson.messages", locale);
        getStylesheets().add(LessonBrowser.class.getResource("lesson.css").toExternalForm());
        getStyleClass().add("lesson-browser");

        Label heading = new Label(messages.getString("browser.title"));
        heading.getStyleClass().add("lesson-title");
        heading.setStyle("-fx-font-size: 1.4em; -fx-font-weight: bold;");
        language.setId("lesson-language");
        language.getItems().setAll("en", "cs", "ru");
        language.setConverter(new StringConverter<>() {
            @Override
            public String toString(String code) {
                if (code == null) return "";
                return messages.containsKey("language." + code) ? messages.getString("language." + code) : code;
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        String wanted = locale.getLanguage();
        language.setValue(language.getItems().contains(wanted) ? wanted : "en");
        language.valueProperty().addListener((obs, old, now) -> refresh());
        Label languageLabel = new Label(messages.getString("browser.language"));
        filter.setId("lesson-filter");
        filter.setPromptText(messages.getString("browser.filter"));
        filter.textProperty().addListener((obs, old, now) -> refresh());
        HBox.setHgrow(filter, Priority.ALWAYS);
        HBox top = new HBox(6, languageLabel, language, filter);
        top.setAlignment(Pos.CENTER_LEFT);

        list.setId("lesson-list");
        list.setCellFactory(view -> new EntryCell());
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) openSelected();
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) openSelected();
        });
        VBox.setVgrow(list, Priority.ALWAYS);

        Button openFolder = new Button(messages.getString("browser.openFolder"));
        openFolder.setId("open-folder");
        openFolder.setOnAction(e -> chooseFolder());
        Button open = new Button(messages.getString("browser.open"));
        open.setId("open-lesson");
        open.setDefaultButton(false);
        open.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        open.setOnAction(e -> openSelected());
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox bottom = new HBox(6, openFolder, status, spring, open);
        bottom.setAlignment(Pos.CENTER_LEFT);
        status.getStyleClass().add("lesson-topics");

        root.getChildren().addAll(heading, top, list, bottom);
        root.setStyle("-fx-padding: 10;");
        getChildren().add(root);
    }

    /** Shows {@code library}'s lessons and problems. FX thread. */
    public void setLibrary(LessonLibrary library) {
        this.library = library;
        refresh();
    }

    public LessonLibrary library() {
        return library;
    }

    /** Loads {@code folder} on a background thread, then shows it; a folder that cannot be read shows its message. */
    public void loadFolder(Path folder) {
        status.setText(messages.getString("browser.loading"));
        Thread loader = new Thread(() -> {
            try {
                LessonLibrary loaded = LessonLibrary.load(folder);
                Platform.runLater(() -> setLibrary(loaded));
            } catch (RuntimeException e) {
                Platform.runLater(() -> {
                    library = null;
                    entries.setAll(new ProblemEntry(e.getMessage()));
                    status.setText("");
                });
            }
        }, "lesson-loader");
        loader.setDaemon(true);
        loader.start();
    }

    /** The language whose lessons are listed: {@code en}, {@code cs}, {@code ru}. */
    public void setLanguage(String code) {
        if (!language.getItems().contains(code)) language.getItems().add(code);
        language.setValue(code);
    }

    public String language() {
        return language.getValue();
    }

    /** Where done lessons are read from, for the checkmarks; null for none. */
    public void setProgress(Progress progress) {
        this.progress = progress;
        list.refresh();
    }

    /** Called with the lesson the student opens (double click, Enter or Open). */
    public void setOnOpen(Consumer<Lesson> handler) {
        onOpen = handler;
    }

    /** The rows now listed: the lessons matching the filter, then the problems. */
    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    private void openSelected() {
        if (list.getSelectionModel().getSelectedItem() instanceof LessonEntry e) onOpen.accept(e.lesson());
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(messages.getString("browser.chooseFolder"));
        if (library != null && library.folder().toFile().isDirectory()) chooser.setInitialDirectory(library.folder().toFile());
        File dir = chooser.showDialog(getScene() == null ? null : getScene().getWindow());
        if (dir != null) loadFolder(dir.toPath());
    }

    private void refresh() {
        if (library == null) return;
        String needle = filter.getText() == null ? "" : filter.getText().strip().toLowerCase(Locale.ROOT);
        List<Entry> shown = new ArrayList<>();
        for (Lesson l : library.inLanguage(language.getValue())) {
            String haystack = (l.title() + " " + String.join(" ", l.topics())).toLowerCase(Locale.ROOT);
            if (needle.isEmpty() || haystack.contains(needle)) shown.add(new LessonEntry(l));
        }
        for (LessonException p : library.problems()) shown.add(new ProblemEntry(p.getMessage()));
        entries.setAll(shown);
        status.setText(MessageFormat.format(messages.getString("browser.count"), library.inLanguage(language.getValue()).size(),
                library.problems().size()));
    }

    private final class EntryCell extends ListCell<Entry> {
        @Override
        protected void updateItem(Entry entry, boolean empty) {
            super.updateItem(entry, empty);
            setText(null);
            if (empty || entry == null) {
                setGraphic(null);
                return;
            }
            if (entry instanceof LessonEntry e) {
                Lesson l = e.lesson();
                boolean done = progress != null && progress.isLessonDone(l);
                Label title = new Label((done ? "✓ " : "") + l.title());
                title.getStyleClass().add("lesson-entry-title");
                Label topics = new Label(String.join(" · ", l.topics()));
                topics.getStyleClass().add("lesson-entry-topics");
                topics.setWrapText(true);
                VBox box = new VBox(2, title, topics);
                box.setMaxWidth(Math.max(100, getListView().getWidth() - 30));
                setGraphic(box);
            } else if (entry instanceof ProblemEntry p) {
                Label message = new Label(MessageFormat.format(messages.getString("browser.problem"), p.message()));
                message.getStyleClass().add("lesson-problem");
                message.setWrapText(true);
                message.setMaxWidth(Math.max(100, getListView().getWidth() - 30));
                setGraphic(message);
            }
        }
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
}
