package org.mlplayground.ui;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.TilePane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.mlplayground.data.DataRecipe;
import org.mlplayground.data.Dataset;
import org.mlplayground.data.Generator;
import org.mlplayground.data.RealDataset;
import org.mlplayground.data.csv.CsvExporter;
import org.mlplayground.data.csv.CsvImportException;
import org.mlplayground.data.csv.CsvImporter;
import org.mlplayground.data.csv.ImportedTable;
import org.mlplayground.train.TrainingConfig;

/**
 * The DATA section of the left column (data.fxml): thumbnails of the data sets to pick from, the training
 * share, noise, number of points and blobs, Regenerate, CSV import (button or a file dropped onto the window)
 * and export, and the draw mode's class.
 *
 * <p>Generated data is a recipe: a change writes {@code config.withData(recipe)} into {@link #configProperty()}
 * (with the problem type the data's task needs, in the same write), and whoever runs the training makes the
 * points. Imported and shipped real data are points, not a recipe: the panel reads and splits them on its own
 * background thread and hands them to the {@link #setOnData data handler} on the FX thread, then writes the
 * config it handed over with them. The handler is not called when a file does not import; the message goes
 * to {@link #setOnMessage the status line} and the data on display stays.
 */
final class DataPanel {
    /** Takes data that is to replace the data on display. */
    @FunctionalInterface
    interface DataHandler {
        /** On the FX thread: train on {@code data} with {@code config} from now on; {@code why} names the change. */
        void use(SessionData data, TrainingConfig config, String why);
    }

    static final List<Integer> POINT_COUNTS = List.of(100, 200, 500, 1_000, 2_000, 5_000, 10_000, 100_000);
    /** Side of a thumbnail picture, in pixels. */
    static final int THUMBNAIL_SIZE = 56;
    private static final int THUMBNAIL_POINTS = 300;
    /** A value is read from colour, so regression thumbnails get enough points to look like a field. */
    private static final int REGRESSION_THUMBNAIL_POINTS = 1_500;
    /** Two blobs are labelled ±1 under a multi-class task, which softmax cannot learn; so three at least. */
    static final int MIN_BLOBS = 3;
    static final int MAX_BLOBS = 8;

    /** What a thumbnail offers: a generator or a shipped real data set. */
    private sealed interface Choice permits Made, Shipped {
        String id();

        String title();
    }

    private record Made(Generator generator) implements Choice {
        public String id() {
            return generator.id();
        }

        public String title() {
            return generator.title();
        }
    }

    private record Shipped(RealDataset set) implements Choice {
        public String id() {
            return set.id();
        }

        public String title() {
            return set.title();
        }
    }

    /**
     * Imported data handed over, and how to make it again with another training share and seed.
     *
     * @param name      the data's name once made, to recognise it on display; null before
     * @param fileSplit whether the file's split column fixes the split (the training share then does not apply)
     */
    private record Imported(String name, boolean fileSplit, Function<DataRecipe, SessionData> make) {
        Imported named(String dataName) {
            return new Imported(dataName, fileSplit, make);
        }
    }

    /** The window's language. */
    private final I18n i18n;
    private final ObjectProperty<TrainingConfig> config = new SimpleObjectProperty<>(this, "config", TrainingConfig.defaults());
    private final ObjectProperty<Snapshot> snapshot = new SimpleObjectProperty<>(this, "snapshot");
    private final ReadOnlyBooleanWrapper drawing = new ReadOnlyBooleanWrapper(this, "drawMode");
    private final ReadOnlyDoubleWrapper drawLabel = new ReadOnlyDoubleWrapper(this, "drawLabel", -1);
    /** Reads, splits, draws thumbnails and writes files, one job after another, never on the FX thread. */
    private final ExecutorService background = Executors.newSingleThreadExecutor(job -> {
        Thread thread = new Thread(job, "data panel");
        thread.setDaemon(true);
        return thread;
    });
    private DataHandler onData = (data, next, why) -> { };

    DataPanel() {
        this(I18n.ENGLISH);
    }

    DataPanel(I18n i18n) {
        this.i18n = i18n;
    }
    private BiConsumer<String, Boolean> onMessage = (text, problem) -> { };
    private Function<ImportedTable, Optional<int[]>> inputChooser = this::askForInputs;
    private final Map<Choice, ToggleButton> thumbs = new LinkedHashMap<>();
    private Imported imported;
    /** Set while the controls are being set from the config, so that they write nothing back. */
    private boolean syncing;
    /** What the draw-class buttons were made for: task and classes. */
    private List<Object> drawKey = List.of();
    private File lastFolder;

    @FXML private Label summary;
    @FXML private TilePane thumbnails;
    @FXML private Slider trainShare;
    @FXML private Label trainShareText;
    @FXML private Slider noise;
    @FXML private Label noiseText;
    @FXML private ComboBox<Integer> points;
    @FXML private Node classesRow;
    @FXML private Spinner<Integer> classes;
    @FXML private Button regenerate;
    @FXML private Label importedHint;
    @FXML private Button exportCsv;
    @FXML private ToggleButton drawMode;
    @FXML private ToggleGroup drawClass;
    @FXML private FlowPane drawClasses;
    @FXML private Label drawHint;

    @FXML
    private void initialize() {
        for (Generator g : Generator.values()) if (g.dimension() == 2) addThumbnail(new Made(g));
        for (RealDataset set : RealDataset.values()) addThumbnail(new Shipped(set));

        applyOnRelease(trainShare, this::applyTrainShare);
        applyOnRelease(noise, this::applyNoise);
        trainShareText.textProperty().bind(Bindings.createStringBinding(
                () -> Math.round(trainShare.getValue()) + " %", trainShare.valueProperty()));
        noiseText.textProperty().bind(Bindings.createStringBinding(
                () -> String.format(Locale.ROOT, "%.2f", stepOfNoise(noise.getValue())), noise.valueProperty()));
        points.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer n) {
                return n == null ? "" : String.format(Locale.ROOT, "%,d", n);
            }

            @Override
            public Integer fromString(String text) {
                return Integer.valueOf(text.replace(",", "").trim());
            }
        });
        points.getItems().setAll(POINT_COUNTS);
        points.valueProperty().addListener((obs, old, n) -> {
            if (!syncing && n != null) useRecipe(config.get().data().withPoints(n), i18n.text("data.why.points"));
        });
        classes.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(MIN_BLOBS, MAX_BLOBS,
                Generator.BLOBS.defaultClasses()));
        classes.valueProperty().addListener((obs, old, k) -> {
            if (!syncing) useRecipe(withClasses(config.get().data(), k), i18n.text("data.why.classes"));
        });

        drawing.bind(drawMode.selectedProperty());
        for (Node n : List.of(drawClasses, drawHint)) {
            n.visibleProperty().bind(drawMode.selectedProperty());
            n.managedProperty().bind(n.visibleProperty());
        }
        drawClass.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                drawLabel.set((Double) now.getUserData());
            } else if (old != null && drawClass.getToggles().contains(old)) {
                old.setSelected(true); // one class is always chosen
            }
        });
        for (Node n : List.of(classesRow, importedHint)) n.managedProperty().bind(n.visibleProperty());
        exportCsv.disableProperty().bind(snapshot.isNull());

        config.addListener((obs, old, now) -> showRecipe());
        snapshot.addListener((obs, old, now) -> {
            // A new frame of the same data changes nothing here; new data (a pick, an import, a drawn point) does.
            if (old == null || now == null || old.data() != now.data()) showData();
        });
        showRecipe();
        showData();
    }

    /** The config the student asked for; the panel writes data changes into it. */
    ObjectProperty<TrainingConfig> configProperty() {
        return config;
    }

    /** The snapshot on display, whose data the panel describes and exports. */
    ObjectProperty<Snapshot> snapshotProperty() {
        return snapshot;
    }

    /** Who takes imported and real data; called on the FX thread. */
    void setOnData(DataHandler handler) {
        onData = handler;
    }

    /**
     * Where errors and confirmations go (the status line), with {@code true} for a problem; called on the FX
     * thread.
     */
    void setOnMessage(BiConsumer<String, Boolean> messages) {
        onMessage = messages;
    }

    /** Whether "Draw points" is on: clicks on the output then add (and right-clicks remove) points. */
    ReadOnlyBooleanProperty drawModeProperty() {
        return drawing.getReadOnlyProperty();
    }

    /** The label a drawn point gets: ±1, a class 0 … K−1, or a value in −1 … 1. */
    ReadOnlyDoubleProperty drawLabelProperty() {
        return drawLabel.getReadOnlyProperty();
    }

    /** Replaces the dialog that picks two inputs out of a wider table (tests answer it themselves). */
    void setInputChooser(Function<ImportedTable, Optional<int[]>> chooser) {
        inputChooser = chooser;
    }

    /**
     * Imports {@code file} in the background: on success its points replace the data on display, after the
     * student has chosen two inputs if the table has more; on failure the message goes to the status line.
     *
     * @return whether reading has started: false (with a message) for a file that is not a .csv, .tsv or .txt
     */
    public boolean importFile(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (!name.toLowerCase(Locale.ROOT).matches(".*\\.(csv|tsv|txt)")) {
            message(i18n.text("data.notCsv", name));
            return false;
        }
        CompletableFuture.supplyAsync(() -> read(file), background).whenComplete((table, failure) -> Platform.runLater(() -> {
            if (failure != null) {
                message(reason(failure));
            } else {
                useTable(table);
            }
        }));
        return true;
    }

    /** Lets a CSV file dragged onto any part of {@code scene} be imported. */
    public void installDropTarget(Scene scene) {
        scene.addEventHandler(DragEvent.DRAG_OVER, event -> {
            if (event.getDragboard().hasFiles()) {
                event.acceptTransferModes(TransferMode.COPY);
                event.consume();
            }
        });
        scene.addEventHandler(DragEvent.DRAG_DROPPED, event -> {
            List<File> files = event.getDragboard().hasFiles() ? event.getDragboard().getFiles() : List.of();
            event.setDropCompleted(!files.isEmpty() && importFile(files.get(0).toPath()));
            event.consume();
        });
    }

    /**
     * Writes the data on display (training, validation and test points, with a split column when there is a
     * test set) to {@code file} in the background; the confirmation or the error also goes to the status line.
     *
     * @return completes with the confirmation, or exceptionally with the reason it failed
     */
    CompletableFuture<String> exportTo(Path file) {
        SessionData data = snapshot.get().data();
        CompletableFuture<String> done = CompletableFuture.supplyAsync(() -> export(data, file), background);
        done.whenComplete((text, failure) -> Platform.runLater(() -> {
            if (failure == null) confirm(text);
            else message(reason(failure));
        }));
        return done;
    }

    // ---- Thumbnails -------------------------------------------------------------------------------------

    private void addThumbnail(Choice choice) {
        ImageView picture = new ImageView();
        ToggleButton button = new ToggleButton(choice.title(), picture);
        button.setId("thumb-" + choice.id());
        button.getStyleClass().add("thumbnail");
        button.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        button.setMnemonicParsing(false);
        button.setTooltip(new Tooltip(choice.title()));
        button.setOnAction(event -> pick(choice));
        thumbnails.getChildren().add(button);
        thumbs.put(choice, button);
        CompletableFuture.supplyAsync(() -> DataThumbnail.render(sample(choice), THUMBNAIL_SIZE), background)
                .whenComplete((pixels, failure) -> Platform.runLater(() -> {
                    if (failure != null) {
                        message(i18n.text("data.thumbnailFailed", choice.title(), reason(failure)));
                        return;
                    }
                    WritableImage image = new WritableImage(THUMBNAIL_SIZE, THUMBNAIL_SIZE);
                    image.getPixelWriter().setPixels(0, 0, THUMBNAIL_SIZE, THUMBNAIL_SIZE, PixelFormat.getIntArgbInstance(),
                            pixels, 0, THUMBNAIL_SIZE);
                    picture.setImage(image);
                }));
    }

    /** The points a thumbnail shows: the generator's clean pattern, or the real data's default inputs. */
    private static SessionData sample(Choice choice) {
        if (choice instanceof Made made) {
            Generator g = made.generator();
            int n = g.task() == Generator.Task.REGRESSION ? REGRESSION_THUMBNAIL_POINTS : THUMBNAIL_POINTS;
            return SessionData.generated(DataRecipe.of(g, 1).withPoints(n));
        }
        return SessionData.real(((Shipped) choice).set(), 0.5, 1);
    }

    private void pick(Choice choice) {
        select(choice);
        DataRecipe recipe = config.get().data();
        if (choice instanceof Made made) {
            Generator g = made.generator();
            int k = g == Generator.BLOBS ? classes.getValue() : g.defaultClasses();
            useRecipe(new DataRecipe(g, recipe.points(), recipe.noise(), recipe.trainShare(), recipe.validationShare(),
                    recipe.seed(), k), i18n.text("data.why.chose", g.title()));
        } else {
            RealDataset set = ((Shipped) choice).set();
            load(new Imported(null, false, r -> SessionData.real(set, r.trainShare(), r.seed())), recipe,
                    i18n.text("data.why.chose", set.title()), null);
        }
    }

    private void select(Choice choice) {
        thumbs.forEach((c, button) -> button.setSelected(c.equals(choice)));
    }

    // ---- From the controls to the config -------------------------------------------------------------------

    /** Calls {@code apply} when a drag of the slider ends, or when the value jumps (a click, a key). */
    private void applyOnRelease(Slider slider, Runnable apply) {
        slider.valueChangingProperty().addListener((obs, was, now) -> {
            if (!now && !syncing) apply.run();
        });
        slider.valueProperty().addListener((obs, old, now) -> {
            if (!slider.isValueChanging() && !syncing) apply.run();
        });
    }

    private void applyNoise() {
        double n = stepOfNoise(noise.getValue());
        DataRecipe recipe = config.get().data();
        if (n != recipe.noise()) useRecipe(recipe.withNoise(n), i18n.text("data.why.noise"));
    }

    private void applyTrainShare() {
        double share = Math.round(trainShare.getValue() / 10) * 10 / 100.0;
        DataRecipe recipe = config.get().data();
        if (share == recipe.trainShare()) return;
        DataRecipe next = recipe.withTrainShare(share);
        if (showingGenerated()) {
            useRecipe(next, i18n.text("data.why.trainShare"));
        } else if (importedOnDisplay() && !imported.fileSplit()) {
            load(imported, next, i18n.text("data.why.trainShare"), null);
        }
    }

    @FXML
    private void regenerate() {
        DataRecipe recipe = config.get().data();
        useRecipe(recipe.withSeed(recipe.seed() + 1), i18n.text("data.why.regenerate"));
    }

    /**
     * Writes {@code recipe} (and the problem its task needs) into the config. If imported data is on display,
     * a recipe equal to the config's would change nothing, so the generated points are handed over instead.
     */
    private void useRecipe(DataRecipe recipe, String why) {
        if (showingGenerated()) {
            config.set(forTask(config.get().withData(recipe), recipe.generator().task()).withStandardize(false));
        } else {
            load(new Imported(null, false, SessionData::generated), recipe, why, null);
        }
    }

    /**
     * Makes the data in the background, then hands it over with {@code recipe} and the problem its task needs,
     * and writes that config too (the handler has it already, so the write changes nothing more).
     */
    private void load(Imported source, DataRecipe recipe, String why, String confirmation) {
        Supplier<SessionData> make = () -> source.make().apply(recipe);
        CompletableFuture.supplyAsync(make, background).whenComplete((data, failure) -> Platform.runLater(() -> {
            if (failure != null) {
                message(reason(failure));
                return;
            }
            // Points far outside TensorFlow Playground's plane (penguins' bills in mm) would saturate the neurons:
            // such data get standardised inputs, the generators' points stay as they are.
            TrainingConfig next = forTask(config.get().withData(recipe), data.task())
                    .withStandardize(!data.plane().equals(Plane.STANDARD));
            imported = data.generator() == null ? source.named(data.name()) : null;
            onData.use(data, next, why);
            config.set(next);
            if (confirmation != null) confirm(confirmation);
        }));
    }

    private static TrainingConfig forTask(TrainingConfig c, Generator.Task task) {
        return c.problem().task() == task ? c : c.withProblem(TrainingConfig.Problem.defaultFor(task));
    }

    private static DataRecipe withClasses(DataRecipe r, int k) {
        return new DataRecipe(r.generator(), r.points(), r.noise(), r.trainShare(), r.validationShare(), r.seed(), k);
    }

    private static double stepOfNoise(double value) {
        return Math.round(value * 20) / 20.0;
    }

    // ---- From the model to the controls --------------------------------------------------------------------

    /** Sets the sliders, list and spinner to the config's recipe. */
    private void showRecipe() {
        DataRecipe recipe = config.get().data();
        syncing = true;
        try {
            if (!trainShare.isValueChanging()) trainShare.setValue(100 * recipe.trainShare());
            if (!noise.isValueChanging()) noise.setValue(recipe.noise());
            if (!points.getItems().contains(recipe.points())) points.getItems().add(recipe.points());
            points.setValue(recipe.points());
            if (recipe.generator() == Generator.BLOBS && recipe.classes() >= MIN_BLOBS && recipe.classes() <= MAX_BLOBS) {
                classes.getValueFactory().setValue(recipe.classes());
            }
        } finally {
            syncing = false;
        }
        showEnabled();
    }

    /** Describes the data on display, marks its thumbnail and offers its classes for drawing. */
    private void showData() {
        SessionData data = snapshot.get() == null ? null : snapshot.get().data();
        summary.setText(data == null ? "" : describe(data, i18n));
        if (data != null) {
            thumbs.forEach((choice, button) -> button.setSelected(shows(choice, data)));
        }
        showDrawClasses(data);
        showEnabled();
    }

    /** Recipe controls work on generated data; the training share also on imported data without a split column. */
    private void showEnabled() {
        boolean generated = showingGenerated();
        noise.setDisable(!generated);
        points.setDisable(!generated);
        regenerate.setDisable(!generated);
        trainShare.setDisable(!generated && !(importedOnDisplay() && !imported.fileSplit()));
        classesRow.setVisible(generated && config.get().data().generator() == Generator.BLOBS);
        importedHint.setVisible(!generated);
    }

    private static boolean shows(Choice choice, SessionData data) {
        if (choice instanceof Made made) return data.generator() == made.generator();
        return data.generator() == null && data.name().startsWith(((Shipped) choice).set().title() + ":");
    }

    /** "Circle · 250 training · 250 test points". */
    static String describe(SessionData data, I18n i18n) {
        StringBuilder s = new StringBuilder(i18n.text("data.summary", data.name(), count(data.train().size())));
        if (data.validation() != null) s.append(i18n.text("data.summary.validation", count(data.validation().size())));
        return s.append(i18n.text("data.summary.test", count(data.testSize()))).toString();
    }

    private static String count(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private boolean showingGenerated() {
        return snapshot.get() == null || snapshot.get().data().generator() != null;
    }

    private boolean importedOnDisplay() {
        return imported != null && snapshot.get() != null && snapshot.get().data().name().equals(imported.name());
    }

    // ---- Draw mode -------------------------------------------------------------------------------------------

    /** One button per class (±1 for binary data), or a value spinner for regression; keeps the label if it still fits. */
    private void showDrawClasses(SessionData data) {
        List<Object> key = data == null ? List.of()
                : List.of(data.task(), data.classNames(), data.outputs(), data.train().classNames());
        if (key.equals(drawKey)) return;
        drawKey = key;
        double keep = drawLabel.get();
        for (Toggle t : List.copyOf(drawClass.getToggles())) t.setToggleGroup(null);
        drawClasses.getChildren().clear();
        if (data == null) return;
        switch (data.task()) {
            case BINARY -> {
                List<String> names = data.train().classNames().size() == 2 ? data.train().classNames() : List.of("−1", "+1");
                addDrawClass("drawNegative", names.get(0), -1, Palette.NEGATIVE);
                addDrawClass("drawPositive", names.get(1), 1, Palette.POSITIVE);
            }
            case MULTICLASS -> {
                for (int k = 0; k < data.outputs(); k++) {
                    String name = k < data.classNames().size() ? data.classNames().get(k) : i18n.text("output.className", k + 1);
                    addDrawClass("drawClass" + k, name, k, Palette.ofClass(k));
                }
            }
            case REGRESSION -> {
                Spinner<Double> value = new Spinner<>(-1.0, 1.0, Math.max(-1, Math.min(1, keep)), 0.1);
                value.setId("drawValue");
                value.setEditable(true);
                value.getStyleClass().add("data-spinner");
                value.setTooltip(new Tooltip(i18n.text("data.drawValue.tip")));
                value.valueProperty().addListener((obs, old, v) -> drawLabel.set(v));
                drawClasses.getChildren().add(value);
                drawLabel.set(value.getValue());
                return;
            }
            default -> throw new AssertionError(data.task());
        }
        Toggle chosen = drawClass.getToggles().stream().filter(t -> (Double) t.getUserData() == keep).findFirst()
                .orElse(drawClass.getToggles().get(0));
        chosen.setSelected(true);
        drawLabel.set((Double) chosen.getUserData());
    }

    private void addDrawClass(String id, String name, double label, Color color) {
        ToggleButton button = new ToggleButton(name, new Circle(7, color));
        button.setId(id);
        button.getStyleClass().add("draw-class");
        button.setMnemonicParsing(false);
        button.setUserData(label);
        button.setToggleGroup(drawClass);
        button.setTooltip(new Tooltip(i18n.text("data.drawClass.tip", name)));
        drawClasses.getChildren().add(button);
    }

    // ---- Import ------------------------------------------------------------------------------------------

    @FXML
    private void chooseImport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.text("data.importTitle"));
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(i18n.text("data.csvFiles"), "*.csv", "*.tsv", "*.txt"),
                new FileChooser.ExtensionFilter(i18n.text("data.allFiles"), "*.*"));
        if (lastFolder != null) chooser.setInitialDirectory(lastFolder);
        File file = chooser.showOpenDialog(window());
        if (file == null) return;
        lastFolder = file.getParentFile();
        importFile(file.toPath());
    }

    private static ImportedTable read(Path file) {
        try {
            return CsvImporter.read(file);
        } catch (CsvImportException e) {
            throw new CompletionException(e);
        }
    }

    /** On the FX thread: the student picks two inputs if there are more, then the points are split and handed over. */
    private void useTable(ImportedTable table) {
        List<String> inputs = table.inputNames();
        if (inputs.size() < 2) {
            message(inputs.isEmpty() ? i18n.text("data.tooFewColumns.none", table.source(), table.labelName())
                    : i18n.text("data.tooFewColumns.one", table.source(), inputs.get(0), table.labelName()));
            return;
        }
        Optional<int[]> pair = inputs.size() == 2 ? Optional.of(new int[] {0, 1}) : inputChooser.apply(table);
        if (pair.isEmpty()) {
            message(i18n.text("data.importCancelled", table.source()));
            return;
        }
        int a = pair.get()[0], b = pair.get()[1];
        load(new Imported(null, table.hasSplit(), r -> SessionData.imported(table, a, b, r.trainShare(), r.seed())),
                config.get().data(), i18n.text("data.why.imported", table.source()), i18n.text("data.imported", table.summary()));
    }

    /** The default chooser: a small dialog with two lists, the first two inputs chosen. */
    private Optional<int[]> askForInputs(ImportedTable table) {
        ComboBox<String> first = new ComboBox<>(), second = new ComboBox<>();
        first.setId("inputA");
        second.setId("inputB");
        for (ComboBox<String> box : List.of(first, second)) box.getItems().setAll(table.inputNames());
        first.getSelectionModel().select(0);
        second.getSelectionModel().select(1);
        first.setTooltip(new Tooltip(i18n.text("data.inputA.tip")));
        second.setTooltip(new Tooltip(i18n.text("data.inputB.tip")));
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        grid.addRow(0, new Label(i18n.text("data.inputA")), first);
        grid.addRow(1, new Label(i18n.text("data.inputB")), second);
        Dialog<int[]> dialog = new Dialog<>();
        dialog.initOwner(window());
        dialog.setTitle(i18n.text("data.chooseInputs"));
        dialog.setHeaderText(i18n.text("data.chooseInputs.header", table.source(), table.inputNames().size()));
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(Bindings.equal(
                first.getSelectionModel().selectedIndexProperty(), second.getSelectionModel().selectedIndexProperty()));
        dialog.setResultConverter(button -> button == ButtonType.OK ? new int[] {
            first.getSelectionModel().getSelectedIndex(), second.getSelectionModel().getSelectedIndex()} : null);
        return dialog.showAndWait();
    }

    // ---- Export ----------------------------------------------------------------------------------------------

    @FXML
    private void chooseExport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.text("data.exportTitle"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(i18n.text("data.csvFiles"), "*.csv"));
        chooser.setInitialFileName(fileName(snapshot.get().data().name()) + ".csv");
        if (lastFolder != null) chooser.setInitialDirectory(lastFolder);
        File file = chooser.showSaveDialog(window());
        if (file == null) return;
        lastFolder = file.getParentFile();
        exportTo(file.toPath());
    }

    private String export(SessionData data, Path file) {
        Dataset train = data.validation() == null ? data.train() : joined(data.train(), data.validation());
        List<String> inputs = data.inputNames().equals(List.of("x₁", "x₂")) ? List.of("x1", "x2") : data.inputNames();
        List<String> names = exportedClassNames(data);
        try {
            if (data.test() == null) {
                CsvExporter.write(file, train, inputs, names);
            } else {
                CsvExporter.write(file, new Dataset.Split(train, data.test()), inputs, names);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(i18n.text("data.exportFailed", data.name(), e.getMessage()), e);
        }
        return i18n.text("data.exported", count(train.size() + data.testSize()), file.toAbsolutePath());
    }

    /** Names that read back to the same labels: the data's own if the importer would sort them the same way. */
    private static List<String> exportedClassNames(SessionData data) {
        return switch (data.task()) {
            case REGRESSION -> List.of();
            case BINARY -> data.train().classNames().size() == 2 ? data.train().classNames() : List.of();
            case MULTICLASS -> {
                List<String> names = data.classNames();
                boolean sorted = names.size() == data.outputs();
                for (int k = 1; k < names.size(); k++) sorted &= names.get(k - 1).compareTo(names.get(k)) < 0;
                yield sorted ? names : CsvExporter.numberedClassNames(data.outputs());
            }
        };
    }

    private static Dataset joined(Dataset a, Dataset b) {
        List<double[]> x = new ArrayList<>(List.of(a.x()));
        x.addAll(List.of(b.x()));
        double[] y = new double[a.size() + b.size()];
        System.arraycopy(a.y(), 0, y, 0, a.size());
        System.arraycopy(b.y(), 0, y, a.size(), b.size());
        return new Dataset(a.name(), x.toArray(double[][]::new), y, a.classNames());
    }

    /** "Palmer penguins: bill_length_mm × bill_depth_mm" → "palmer-penguins-bill_length_mm-bill_depth_mm". */
    private static String fileName(String dataName) {
        String name = dataName.replaceAll("\\.csv\\b", "").replaceAll("[^\\p{L}\\p{N}_]+", "-").replaceAll("^-|-$", "");
        return name.isEmpty() ? "points" : name.toLowerCase(Locale.ROOT);
    }

    // ---- Messages --------------------------------------------------------------------------------------------

    /** A problem for the status line. */
    private void message(String text) {
        tell(text, true);
    }

    /** A confirmation for the status line. */
    private void confirm(String text) {
        tell(text, false);
    }

    private void tell(String text, boolean problem) {
        if (Platform.isFxApplicationThread()) {
            onMessage.accept(text, problem);
        } else {
            Platform.runLater(() -> onMessage.accept(text, problem));
        }
    }

    /** The student's reason for a failed background job: the importer's message, or what went wrong with the file. */
    private String reason(Throwable failure) {
        Throwable e = failure;
        while ((e instanceof CompletionException || e instanceof ExecutionException || e instanceof UncheckedIOException)
                && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof AccessDeniedException denied) return i18n.text("data.writeDenied", denied.getFile());
        if (e instanceof NoSuchFileException missing) return i18n.text("data.writeNoFolder", missing.getFile());
        if (e instanceof IOException) return i18n.text("data.writeFailed", e.getMessage());
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    private Window window() {
        return thumbnails.getScene() == null ? null : thumbnails.getScene().getWindow();
    }
}
