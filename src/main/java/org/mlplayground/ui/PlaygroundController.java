package org.mlplayground.ui;

import static org.mlplayground.ui.NumberText.sub;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.util.Callback;
import org.mlplayground.data.Generator;
import org.mlplayground.engine.Activation;
import org.mlplayground.engine.Initializer;
import org.mlplayground.health.GradientMonitor;
import org.mlplayground.optim.Hyperparameters;
import org.mlplayground.train.Penalty;
import org.mlplayground.train.TrainingConfig;

/**
 * The playground window. One model, {@link #configProperty() the config the student asked for}: the top
 * bar, the data panel and the network diagram read it and write new values into it, and every change is
 * posted to the {@link TrainingLoop}, which applies it between two mini-batches (live, or with new weights
 * when the network itself changes — the status line says why). An {@link AnimationTimer} picks up the loop's
 * newest {@link Snapshot} once per frame, and every view draws from that snapshot only.
 */
public final class PlaygroundController {
    /** Mini-batches per frame the speed list offers; 25 is one epoch per frame on the default circle. */
    static final List<Integer> SPEEDS = List.of(1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500);

    private final TrainingLoop loop;
    /** The window's language. */
    private final I18n i18n;
    /** Builds the window anew in another language (PlaygroundApp's). */
    private final java.util.function.Consumer<I18n.Language> onLanguage;
    private final ObjectProperty<TrainingConfig> config = new SimpleObjectProperty<>(this, "config");
    private final ReadOnlyObjectWrapper<Snapshot> displayed = new ReadOnlyObjectWrapper<>(this, "displayed");
    private final FrameMeter meter = new FrameMeter();
    private final AnimationTimer frames = new AnimationTimer() {
        @Override
        public void handle(long now) {
            long start = System.nanoTime();
            Snapshot newest = loop.latest();
            if (newest != displayed.get()) displayed.set(newest);
            org.mlplayground.train.BackpropTrace trace = loop.latestTrace();
            if (backpropMode.isSelected() && trace != null && trace != stepper.getTrace()) {
                stepper.setInputMap(newest.inputs());
                stepper.setPlane(newest.data().plane());
                stepper.setTrace(trace);
            }
            if (healthMode.isSelected()) healthView.refresh();
            meter.frame(now, System.nanoTime() - start, displayed.get().epoch());
            if (fps.isVisible()) fps.setText(meter.text());
        }
    };
    /** Set while the controls are being set from the config, so they do not write it back. */
    private boolean syncing;
    /** A message of the window itself (a bad entry, an import error); shown until the next one. */
    private String localMessage = "";
    private boolean localProblem;

    @FXML private BorderPane root;
    @FXML private ToggleButton play;
    @FXML private Button step;
    @FXML private Button stepEpoch;
    @FXML private Label epoch;
    @FXML private Label stepCount;
    @FXML private ComboBox<Integer> speed;
    @FXML private Label fps;
    @FXML private ComboBox<String> learningRate;
    @FXML private ComboBox<Hyperparameters> optimizer;
    @FXML private HBox knobs;
    @FXML private ComboBox<Activation> activation;
    @FXML private ComboBox<TrainingConfig.Problem> problem;
    @FXML private ComboBox<String> penalty;
    @FXML private ComboBox<String> lambda;
    @FXML private ComboBox<String> batchSize;
    @FXML private ComboBox<Initializer> init;
    @FXML private TextField seed;
    @FXML private Label trainLoss;
    @FXML private Label testLoss;
    @FXML private Label trainAccuracy;
    @FXML private Label testAccuracy;
    @FXML private HBox costRow;
    @FXML private Label dataTerm;
    @FXML private Label penaltyTerm;
    @FXML private Label zeroWeights;
    @FXML private DecisionBoundaryView boundary;
    @FXML private Label highlightCaption;
    @FXML private HBox legend;
    @FXML private CheckBox showTestData;
    @FXML private CheckBox discretize;
    @FXML private LossChart lossChart;
    @FXML private NetworkDiagram diagram;
    @FXML private DataPanel dataController;
    @FXML private ToggleButton backpropMode;
    @FXML private BackpropStepper stepper;
    @FXML private ToggleButton healthMode;
    @FXML private ToggleButton classroom;
    @FXML private ToggleButton lessonsMode;
    @FXML private ToggleButton labMode;
    @FXML private VBox outputColumn;
    /** The optimizer lab, built the first time it is shown. */
    private org.mlplayground.ui.lab.OptimizerLab lab;
    @FXML private javafx.scene.layout.FlowPane settingsBar;
    private LessonDock lessons;
    private ControlHiding hiding;
    @FXML private StackPane centerStack;
    private final GradientHealthView healthView;
    /** Watches the run's gradients; attached to the loop only while the gradient view is shown. */
    private final GradientMonitor gradientMonitor = new GradientMonitor();
    @FXML private VBox playColumn;
    @FXML private javafx.scene.control.ScrollPane dataColumn;
    @FXML private Label message;
    @FXML private Button revert;
    @FXML private javafx.scene.control.MenuButton fileMenu;
    /** Save, open, autosave (see {@link ExperimentActions}) and the Export menu. */
    private ExperimentActions experiments;
    private ExportActions exports;
    @FXML private ComboBox<I18n.Language> language;

    /**
     * @param data       the data to start on, or null for the data {@code start}'s recipe makes
     * @param onLanguage called with the language picked in the settings
     */
    PlaygroundController(TrainingConfig start, SessionData data, I18n i18n, java.util.function.Consumer<I18n.Language> onLanguage) {
        this.i18n = i18n;
        this.healthView = new GradientHealthView(i18n);
        this.onLanguage = onLanguage;
        this.loop = data == null ? new TrainingLoop(start, i18n) : new TrainingLoop(start, data, i18n);
        config.set(start);
        displayed.set(loop.latest()); // the untrained net is on screen from the first frame
    }

    @FXML
    private void initialize() {
        diagram.setI18n(i18n);
        lossChart.setI18n(i18n);
        stepper.setI18n(i18n);
        play.textProperty().bind(Bindings.when(play.selectedProperty()).then(i18n.text("toolbar.pause")).otherwise(i18n.text("toolbar.play")));
        epoch.textProperty().bind(show(s -> String.format(Locale.ROOT, "%,d", s.epoch())));
        stepCount.textProperty().bind(show(s -> String.format(Locale.ROOT, "%,d", s.step())));
        trainLoss.textProperty().bind(show(s -> loss(s.trainLoss())));
        testLoss.textProperty().bind(show(s -> loss(s.testLoss())));
        trainAccuracy.textProperty().bind(show(s -> percent(s.trainAccuracy())));
        testAccuracy.textProperty().bind(show(s -> percent(s.testAccuracy())));
        dataTerm.textProperty().bind(show(s -> loss(s.trainLoss())));
        penaltyTerm.textProperty().bind(show(s -> loss(s.penalty())));
        zeroWeights.textProperty().bind(show(s -> s.config().penalty() instanceof Penalty.L1
                ? i18n.text("output.zeroWeights", s.zeroWeights(), s.weightCount()) : ""));
        showWhile(costRow, s -> !(s.config().penalty() instanceof Penalty.None));
        fps.setVisible(false);
        fps.managedProperty().bind(fps.visibleProperty());

        displayed.addListener((obs, old, now) -> {
            // A new run (preset, reset, chain mode): the gradient view starts afresh instead of showing the old one.
            if (old != null && old.run() != now.run()) {
                gradientMonitor.clear();
                healthView.setChainPossible(now.config().problem() != TrainingConfig.Problem.MULTICLASS);
            }
            // The loop pauses itself when training fails or early stopping ends it: offer Play again.
            if (!now.running() && !now.problem().isEmpty()) play.setSelected(false);
            if (old == null || !old.problem().equals(now.problem()) || !old.notice().equals(now.notice())) {
                localMessage = "";
            }
            if (old == null || old.data() != now.data() || old.config().problem() != now.config().problem()) {
                makeLegend(now);
            }
            showStatus(now);
        });
        message.setOnMouseClicked(e -> {
            localMessage = "";
            showStatus(displayed.get());
        });

        boundary.snapshotProperty().bind(displayed);
        boundary.showTestDataProperty().bind(showTestData.selectedProperty());
        boundary.discretizeProperty().bind(discretize.selectedProperty());
        boundary.setOnPlaneClick(this::drawAt);
        highlightCaption.visibleProperty().bind(highlightCaption.textProperty().isNotEmpty());
        lossChart.snapshotProperty().bind(displayed);
        lossChart.messageProperty().addListener((obs, old, now) -> {
            if (now == null || now.isEmpty()) return;
            if (lossChart.lastExportFailed()) say(now);
            else inform(now);
        });
        diagram.snapshotProperty().bind(displayed);
        diagram.configProperty().bindBidirectional(config);
        diagram.setOnEditParameter(loop::editParameter);
        diagram.hoveredNeuronProperty().addListener((obs, old, now) -> highlight(now));
        dataController.snapshotProperty().bind(displayed);
        dataController.configProperty().bindBidirectional(config);
        dataController.setOnData((data, next, why) -> {
            syncing = true;
            try {
                config.set(next);
            } finally {
                syncing = false;
            }
            loop.useData(data, next, why);
            syncControls(next);
        });
        dataController.setOnMessage((text, problem) -> {
            if (problem) say(text);
            else inform(text);
        });

        stepper.setOnNewStep(loop::traceStep);
        healthView.setId("healthView");
        healthView.setVisible(false);
        healthView.setMonitor(gradientMonitor);
        healthView.setOnChange(change -> config.set(change.apply(config.get())));
        healthView.setOnComparisonPlay(this::pausePlaying);
        centerStack.getChildren().add(healthView);
        healthView.visibleProperty().bind(healthMode.selectedProperty());
        playColumn.visibleProperty().bind(backpropMode.selectedProperty().not().and(healthMode.selectedProperty().not())
                .and(labMode.selectedProperty().not()));
        // The lab has its own controls and plots: the playground's settings and output make way for it.
        settingsBar.visibleProperty().bind(labMode.selectedProperty().not());
        for (javafx.scene.control.ButtonBase run : List.of(play, step, stepEpoch)) run.disableProperty().bind(labMode.selectedProperty());
        settingsBar.managedProperty().bind(settingsBar.visibleProperty());
        outputColumn.visibleProperty().bind(labMode.selectedProperty().not());
        outputColumn.managedProperty().bind(outputColumn.visibleProperty());
        stepper.visibleProperty().bind(backpropMode.selectedProperty());
        // The stepper's tables and the gradient view need the room; the data panel is not used there.
        dataColumn.visibleProperty().bind(backpropMode.selectedProperty().not().and(healthMode.selectedProperty().not())
                .and(labMode.selectedProperty().not()));
        dataColumn.managedProperty().bind(dataColumn.visibleProperty());

        setUpLessons();
        setUpControls();
        syncControls(config.get());
        config.addListener((obs, old, now) -> {
            if (syncing || now == null) return;
            loop.configure(now);
            syncControls(now);
        });
        makeLegend(displayed.get());
        showStatus(displayed.get());
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) installKeys(scene);
        });

        loop.start();
        frames.start();
        installFileMenu();
    }

    private void installFileMenu() {
        experiments = new ExperimentActions(ExperimentActions.host(loop, this::adopt, this::pausePlaying,
                (text, bad) -> {
                    if (bad) say(text);
                    else inform(text);
                }, this::window), ExperimentActions.defaultHome(), ExperimentActions.AUTOSAVE_PERIOD);
        exports = new ExportActions(List.of(new ExportActions.Panel("window", "Whole window", root),
                new ExportActions.Panel("output", "Output", boundary), new ExportActions.Panel("network", "Network", diagram),
                new ExportActions.Panel("loss-chart", "Loss chart", lossChart)), lossChart, dataController, displayed::get,
                (text, bad) -> {
                    if (bad) say(text);
                    else inform(text);
                }, this::window);
        fileMenu.getItems().setAll(experiments.menuItems());
        fileMenu.getItems().addAll(new javafx.scene.control.SeparatorMenuItem(), exports.menu());
        displayed.addListener((obs, old, now) -> experiments.shown(now));
    }

    private javafx.stage.Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    /** Shows {@code c} (an opened experiment's config) in every control without posting it to the loop again. */
    private void adopt(TrainingConfig c) {
        syncing = true;
        try {
            config.set(c);
        } finally {
            syncing = false;
        }
        syncControls(c);
    }

    // ---- Lessons --------------------------------------------------------------------------------

    /** Where lesson progress is kept: the system property {@code mlplayground.progress}, else ~/.mlplayground. */
    static java.nio.file.Path progressFile() {
        String file = System.getProperty("mlplayground.progress");
        return file != null ? java.nio.file.Path.of(file) : org.mlplayground.lesson.Progress.defaultFile();
    }

    private void setUpLessons() {
        // The lessons speak the window's language (their own Czech and Russian files where translated).
        lessons = new LessonDock(Locale.forLanguageTag(i18n.language().id()), progressFile());
        lessons.setOnApplyPreset(lesson -> applyLesson(lesson, lessons.panel().currentTask()));
        lessons.setOnTask(event -> applyTask(event.lesson(), event.index()));
        lessons.setOnMessage(this::say);
        hiding = new ControlHiding(root);
        hiding.map(org.mlplayground.lesson.Control.LEARNING_RATE, learningRate.getParent());
        hiding.map(org.mlplayground.lesson.Control.OPTIMIZER, optimizer.getParent().getParent());
        hiding.map(org.mlplayground.lesson.Control.ACTIVATION, activation.getParent());
        hiding.map(org.mlplayground.lesson.Control.PROBLEM, problem.getParent());
        hiding.map(org.mlplayground.lesson.Control.PENALTY, penalty.getParent(), lambda.getParent());
        hiding.map(org.mlplayground.lesson.Control.BATCH_SIZE, batchSize.getParent());
        hiding.map(org.mlplayground.lesson.Control.INITIALIZER, init.getParent());
        hiding.map(org.mlplayground.lesson.Control.SEED, seed.getParent().getParent());
        hiding.map(org.mlplayground.lesson.Control.TEST_DATA, showTestData);
        hiding.map(org.mlplayground.lesson.Control.DISCRETIZE, discretize);
        Node noise = dataColumn.getContent().lookup("#noise"), share = dataColumn.getContent().lookup("#trainShare"),
                points = dataColumn.getContent().lookup("#points");
        if (noise != null) hiding.map(org.mlplayground.lesson.Control.NOISE, noise.getParent());
        if (share != null && points != null) hiding.map(org.mlplayground.lesson.Control.SPLIT, share.getParent(), points.getParent());
    }

    /**
     * Sets the playground up as {@code lesson} says at task {@code task}: its config with the changes of the tasks
     * up to it, its hidden controls, and its view.
     */
    void applyLesson(org.mlplayground.lesson.Lesson lesson, int task) {
        config.set(lesson.configAtTask(Math.max(0, task)));
        hiding.hide(lesson.hidden());
        switch (lesson.view()) {
            case PLAYGROUND -> {
                if (backpropMode.isSelected()) backpropMode.fire();
                if (healthMode.isSelected()) healthMode.fire();
                if (labMode.isSelected()) labMode.fire();
            }
            case BACKPROP -> openBackprop();
            case GRADIENT_HEALTH -> openGradientHealth();
            case OPTIMIZER_LAB -> openLab(lesson.labAtTask(Math.max(0, task)));
        }
        inform("Lesson \u201c" + lesson.title() + "\u201d set up" + (lesson.hidden().isEmpty() ? "."
                : "; some controls are hidden (H shows them)."));
    }

    /** The lesson moved on to task {@code index}: the task's own changes, if it has any, apply now. */
    private void applyTask(org.mlplayground.lesson.Lesson lesson, int index) {
        org.mlplayground.lesson.Task task = lesson.tasks().get(index);
        if (!task.changes().isEmpty()) {
            config.set(task.apply(config.get()));
            if (lesson.lab() != null) openLab(lesson.labAtTask(index));
        }
        inform("Task " + (index + 1) + " of " + lesson.tasks().size() + ": " + task.title());
    }

    /** Opens the optimizer lab with {@code preset}. */
    private void openLab(org.mlplayground.lesson.LabPreset preset) {
        if (!labMode.isSelected()) labMode.fire();
        if (preset != null) org.mlplayground.ui.lab.LessonSetup.apply(lab, preset);
    }

    /**
     * Shows or hides the optimizer lab. The playground's run pauses: the lab is about 2-D losses, and the two
     * cores are better spent on its trajectories.
     */
    @FXML
    private void toggleLab() {
        if (labMode.isSelected()) {
            if (backpropMode.isSelected()) backpropMode.fire();
            if (healthMode.isSelected()) healthMode.fire();
            pausePlaying();
            if (lab == null) {
                lab = new org.mlplayground.ui.lab.OptimizerLab();
                lab.setId("optimizerLab");
                lab.visibleProperty().bind(labMode.selectedProperty());
                centerStack.getChildren().add(lab);
            }
            inform("Optimizer lab: click the plot to set the start, drag to pan, scroll to zoom; Space plays the race. "
                    + "O goes back to the playground.");
        } else {
            localMessage = "";
            showStatus(displayed.get());
        }
    }

    /** The optimizer lab, or null before it was first shown. */
    org.mlplayground.ui.lab.OptimizerLab optimizerLab() {
        return lab;
    }

    /** Whether the optimizer lab is shown now (the playground's run buttons are off then). */
    boolean optimizerLabShown() {
        return labMode.isSelected();
    }

    /** Opens the optimizer lab as its button does. */
    void openOptimizerLab() {
        if (!labMode.isSelected()) labMode.fire();
    }

    @FXML
    private void toggleLessons() {
        if (lessonsMode.isSelected()) {
            lessons.loadShippedOnce(this::say);
            root.setLeft(lessons);
        } else {
            root.setLeft(dataColumn);
            hiding.hide(java.util.Set.of());
        }
    }

    /**
     * Opens the shipped lesson {@code id} (its file name without .md) in the system language where translated,
     * and applies its preset. The lessons load off the FX thread; an unknown id says so on the status line.
     */
    void openLesson(String id) {
        org.mlplayground.lesson.LessonLibrary listed = lessons.library();
        if (listed == null) lessons.loadingElsewhere();
        setLessonsShown(true);
        String language = i18n.language().id();
        java.util.function.Consumer<org.mlplayground.lesson.LessonLibrary> open = library -> {
            var found = library.find(id, language);
            if (found.isEmpty()) {
                say("No lesson '" + id + "' in " + library.folder() + "; the lessons are: "
                        + String.join(", ", library.inLanguage("en").stream().map(org.mlplayground.lesson.Lesson::id).toList()));
                return;
            }
            lessons.open(found.get());
            applyLesson(found.get(), lessons.panel().currentTask());
        };
        if (listed != null) {
            open.accept(listed);
            return;
        }
        // Loaded once, off the FX thread; the browser lists the same library.
        Thread loader = new Thread(() -> {
            try {
                org.mlplayground.lesson.LessonLibrary library =
                        org.mlplayground.lesson.LessonLibrary.load(org.mlplayground.lesson.LessonLibrary.shippedFolder());
                javafx.application.Platform.runLater(() -> {
                    lessons.useLibrary(library);
                    open.accept(library);
                });
            } catch (RuntimeException e) {
                javafx.application.Platform.runLater(() -> say("The lessons could not be loaded: " + e.getMessage()));
            }
        }, "lesson-opener");
        loader.setDaemon(true);
        loader.start();
    }

    /** H: shows the controls the lesson hides, or hides them again. */
    private void revealHidden() {
        if (hiding.hidden().isEmpty()) return;
        hiding.reveal(!hiding.revealed());
        inform(hiding.revealed() ? "Hidden controls shown; H hides them again." : "The lesson's controls are hidden again.");
    }

    /** Shows or hides the lesson column as its button does. */
    void setLessonsShown(boolean shown) {
        if (lessonsMode.isSelected() != shown) lessonsMode.fire();
    }

    LessonDock lessonDock() {
        return lessons;
    }

    ControlHiding controlHiding() {
        return hiding;
    }

    // ---- Top bar --------------------------------------------------------------------------------

    private void setUpControls() {
        speed.getItems().setAll(SPEEDS);
        speed.setValue(TrainingLoop.DEFAULT_SPEED);
        speed.setCellFactory(list -> cell(s -> i18n.text(s == 1 ? "toolbar.speed.one" : "toolbar.speed.many", s)));
        speed.setButtonCell(cell(s -> i18n.text("toolbar.speed.button", s)));
        speed.valueProperty().addListener((obs, old, now) -> {
            if (now != null) loop.setSpeed(now);
        });

        learningRate.getItems().setAll(TrainingConfig.LEARNING_RATES.stream().map(NumberText::format).toList());
        learningRate.valueProperty().addListener((obs, old, typed) -> {
            if (syncing || typed == null) return;
            change(c -> c.withLearningRate(NumberText.parse(i18n, i18n.text("setting.learningRate"), i18n.text("status.rule.positive"), v -> v > 0, typed)), learningRate);
        });

        optimizer.getItems().setAll(Hyperparameters.IDS.stream().map(Hyperparameters::defaults).toList());
        Callback<javafx.scene.control.ListView<Hyperparameters>, ListCell<Hyperparameters>> names =
                list -> cell(Hyperparameters::name);
        optimizer.setCellFactory(names);
        optimizer.setButtonCell(cell(Hyperparameters::name));
        optimizer.valueProperty().addListener((obs, old, now) -> {
            if (syncing || now == null || now.id().equals(config.get().optimizer().id())) return;
            change(c -> c.withOptimizer(now), optimizer);
        });

        activation.getItems().setAll(Activation.elementwiseChoices());
        activation.setCellFactory(list -> cell(Activation::name));
        activation.setButtonCell(cell(Activation::name));
        activation.valueProperty().addListener((obs, old, now) -> {
            if (syncing || now == null) return;
            change(c -> c.withHidden(c.hidden().stream().map(l -> l.withPhi(now)).toList()), activation);
        });

        problem.getItems().setAll(TrainingConfig.Problem.values());
        problem.setCellFactory(list -> cell(this::title));
        problem.setButtonCell(cell(this::title));
        problem.valueProperty().addListener((obs, old, now) -> {
            if (syncing || now == null || now == config.get().problem()) return;
            Generator.Task task = displayed.get().data().task();
            if (now.task() != task) {
                say(i18n.text("status.problemMismatch", title(now), displayed.get().data().name(),
                        i18n.text("task." + task.name())));
                syncControls(config.get());
                return;
            }
            change(c -> c.withProblem(now), problem);
        });

        penalty.getItems().setAll(i18n.text("setting.penalty.none"), "L1", "L2");
        penalty.valueProperty().addListener((obs, old, now) -> {
            if (syncing || now == null) return;
            String id = now.startsWith("L") && now.length() == 2 ? now.toLowerCase(Locale.ROOT) : "none";
            change(c -> c.withPenalty(Penalty.of(id, rateShown(c))), penalty);
        });
        lambda.getItems().setAll(RegularizationRates.RATES.stream().map(NumberText::format).toList());
        lambda.valueProperty().addListener((obs, old, typed) -> {
            if (syncing || typed == null) return;
            change(c -> {
                double rate = NumberText.parse(i18n, i18n.text("setting.lambda"), "≥\u00a00", v -> v >= 0, typed);
                lastRate = rate;
                return c.penalty() instanceof Penalty.None ? c : c.withPenalty(Penalty.of(c.penalty().id(), rate));
            }, lambda);
        });

        batchSize.getItems().setAll(TrainingConfig.BATCH_SIZES.stream().map(String::valueOf).toList());
        batchSize.valueProperty().addListener((obs, old, typed) -> {
            if (syncing || typed == null) return;
            change(c -> c.withBatchSize((int) NumberText.parse(i18n, i18n.text("setting.batchSize"),
                    i18n.text("status.rule.batch", displayed.get().data().train().size()), v -> v >= 1 && v == Math.rint(v)
                    && v <= displayed.get().data().train().size(), typed)), batchSize);
        });

        init.getItems().setAll(Initializer.values());
        init.setCellFactory(list -> cell(i -> i.id() + "  " + i.formula()));
        init.setButtonCell(cell(Initializer::id));
        init.valueProperty().addListener((obs, old, now) -> {
            if (syncing || now == null) return;
            change(c -> c.withInit(now), init);
        });

        seed.setOnAction(e -> change(c -> c.withSeed(parseSeed(seed.getText())), seed));
        seed.focusedProperty().addListener((obs, was, now) -> {
            if (!now) syncControls(config.get());
        });

        language.getItems().setAll(I18n.Language.values());
        language.setCellFactory(list -> cell(I18n.Language::nativeName));
        language.setButtonCell(cell(l -> l.id().toUpperCase(Locale.ROOT)));
        language.setValue(i18n.language());
        language.valueProperty().addListener((obs, old, now) -> {
            // Later: the list's own click must finish before its window is replaced.
            if (now != null && now != i18n.language()) javafx.application.Platform.runLater(() -> onLanguage.accept(now));
        });
    }

    /** A problem type's name in the window's language. */
    private String title(TrainingConfig.Problem p) {
        String key = "problem." + p.name();
        return i18n.has(key) ? i18n.text(key) : p.title();
    }

    private double lastRate = RegularizationRates.DEFAULT_RATE;

    /** λ for a newly chosen penalty: the one in use, or the last typed. */
    private double rateShown(TrainingConfig c) {
        return c.penalty() instanceof Penalty.None ? lastRate : c.penalty().lambda();
    }

    private long parseSeed(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(i18n.text("status.seedNeedsNumber", text.trim()));
        }
    }

    /**
     * Writes {@code how(config)} into the config; a value the config refuses is reported in the status line
     * and the control goes back to what is in use.
     */
    private void change(Function<TrainingConfig, TrainingConfig> how, Node control) {
        try {
            TrainingConfig next = how.apply(config.get());
            control.getStyleClass().remove("bad-entry");
            localMessage = "";
            if (!next.equals(config.get())) config.set(next);
            else syncControls(config.get());
        } catch (IllegalArgumentException e) {
            if (!control.getStyleClass().contains("bad-entry")) control.getStyleClass().add("bad-entry");
            say(i18n.text("status.keepInUse", e.getMessage()));
            syncControls(config.get());
        }
    }

    /** Sets every control of the top bar to {@code c} without writing back. */
    private void syncControls(TrainingConfig c) {
        boolean was = syncing;
        syncing = true;
        try {
            learningRate.setValue(NumberText.format(c.learningRate()));
            optimizer.setValue(optimizer.getItems().stream().filter(h -> h.id().equals(c.optimizer().id())).findFirst()
                    .orElse(null));
            showKnobs(c.optimizer());
            Activation first = c.hidden().isEmpty() ? null : c.hidden().get(0).phi();
            boolean same = c.hidden().stream().allMatch(l -> l.phi().equals(first));
            activation.setValue(same ? first : null);
            activation.setPromptText(i18n.text(c.hidden().isEmpty() ? "setting.activation.noHidden" : "setting.activation.perLayer"));
            activation.setDisable(c.hidden().isEmpty());
            problem.setValue(c.problem());
            penalty.setValue(c.penalty() instanceof Penalty.None ? i18n.text("setting.penalty.none") : c.penalty().id().toUpperCase(Locale.ROOT));
            lambda.setValue(NumberText.format(rateShown(c)));
            lambda.setDisable(c.penalty() instanceof Penalty.None);
            batchSize.setValue(Integer.toString(c.batchSize()));
            init.setValue(c.init());
            seed.setText(Long.toString(c.seed()));
        } finally {
            syncing = was;
        }
    }

    /** A small text field per hyperparameter of the optimizer, applied on Enter or when focus leaves. */
    private void showKnobs(Hyperparameters h) {
        knobs.getChildren().clear();
        for (OptimizerKnobs.Knob knob : OptimizerKnobs.of(h)) {
            Label symbol = new Label(knob.symbol());
            symbol.getStyleClass().add("knob-symbol");
            TextField field = new TextField(NumberText.compact(knob.value()));
            field.setId("knob-" + knob.symbol());
            field.getStyleClass().add("knob");
            field.setPrefColumnCount(5);
            Tooltip tip = new Tooltip(i18n.text("setting.knob.tip", knob.symbol(), knob.meaning()));
            field.setTooltip(tip);
            symbol.setTooltip(tip);
            Runnable apply = () -> {
                if (syncing) return;
                change(c -> c.withOptimizer(knob.with().apply(NumberText.parse(i18n, knob.symbol(), i18n.text("status.rule.knob"),
                        v -> true, field.getText()))), field);
            };
            field.setOnAction(e -> apply.run());
            field.focusedProperty().addListener((obs, was, now) -> {
                if (!now && !field.getText().equals(NumberText.compact(knob.value()))) apply.run();
            });
            knobs.getChildren().addAll(symbol, field);
        }
    }

    private static <T> ListCell<T> cell(Function<T, String> text) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        };
    }

    // ---- Output ---------------------------------------------------------------------------------

    private void makeLegend(Snapshot s) {
        legend.getChildren().clear();
        if (s.data().task() == Generator.Task.MULTICLASS) {
            int k = s.data().outputs();
            for (int c = 0; c < k; c++) {
                Rectangle swatch = new Rectangle(14, 14, Palette.ofClass(c));
                swatch.getStyleClass().add("class-swatch");
                String name = c < s.data().classNames().size() ? s.data().classNames().get(c) : i18n.text("output.className", c + 1);
                Label label = new Label(name, swatch);
                label.getStyleClass().add("class-key");
                legend.getChildren().add(label);
            }
            return;
        }
        boolean sigmoid = s.config().problem() == TrainingConfig.Problem.BINARY_SIGMOID;
        Region gradient = new Region();
        gradient.getStyleClass().add("legend-gradient");
        HBox.setHgrow(gradient, javafx.scene.layout.Priority.ALWAYS);
        Label low = new Label(sigmoid ? "0" : "−1"), middle = new Label(sigmoid ? "0.5" : "0"), high = new Label(sigmoid ? "1" : "+1");
        Pane a = new Pane(), b = new Pane();
        HBox.setHgrow(a, javafx.scene.layout.Priority.ALWAYS);
        HBox.setHgrow(b, javafx.scene.layout.Priority.ALWAYS);
        HBox scale = new HBox(low, a, middle, b, high);
        scale.getStyleClass().add("legend-scale");
        VBox box = new VBox(gradient, scale);
        box.getStyleClass().add("legend");
        HBox.setHgrow(box, javafx.scene.layout.Priority.ALWAYS);
        Label caption = new Label(i18n.text(s.data().task() == Generator.Task.REGRESSION ? "output.legend" : "output.legend.colon"));
        caption.getStyleClass().add("number-caption");
        legend.getChildren().addAll(caption, box);
    }

    private void highlight(NetworkDiagram.Neuron neuron) {
        if (neuron == null) {
            boundary.clearHighlight();
            highlightCaption.setText("");
            return;
        }
        boundary.highlight(neuron.layer(), neuron.unit());
        highlightCaption.setText(neuron.layer() == 0
                ? i18n.text("output.hoverInput", config.get().features().get(Math.min(neuron.unit(), config.get().features().size() - 1)).label())
                : i18n.text("output.hoverNeuron", sub(neuron.unit() + 1), sub(neuron.layer()), neuron.unit() + 1, neuron.layer()));
    }

    /**
     * Draw mode: a click adds a point of the chosen class, a right click removes the nearest. In backprop
     * mode a click picks the training point nearest to it and takes that example apart.
     */
    private void drawAt(double x1, double x2, MouseButton button) {
        if (backpropMode.isSelected() && button == MouseButton.PRIMARY) {
            int nearest = nearestTrainingPoint(x1, x2);
            if (nearest >= 0) loop.traceExample(nearest);
            return;
        }
        if (!dataController.drawModeProperty().get()) return;
        Plane plane = displayed.get().data().plane();
        if (button == MouseButton.SECONDARY) {
            loop.removePoint(x1, x2, plane.width() * 0.03);
        } else if (button == MouseButton.PRIMARY) {
            loop.addPoint(x1, x2, dataController.drawLabelProperty().get());
        }
    }

    /** The training point nearest to (x1, x2) within 5 % of the plane's width, or −1. */
    private int nearestTrainingPoint(double x1, double x2) {
        Snapshot s = displayed.get();
        double[][] x = s.data().train().x();
        double best = s.data().plane().width() * 0.05;
        int nearest = -1;
        for (int i = 0; i < x.length; i++) {
            double d = Math.hypot(x[i][0] - x1, x[i][1] - x2);
            if (d <= best) {
                best = d;
                nearest = i;
            }
        }
        return nearest;
    }

    // ---- Status line ----------------------------------------------------------------------------

    /** Puts a complaint of the window itself on the status line. */
    private void say(String text) {
        localMessage = text;
        localProblem = true;
        showStatus(displayed.get());
    }

    /** Puts a confirmation of the window itself on the status line. */
    private void inform(String text) {
        localMessage = text;
        localProblem = false;
        showStatus(displayed.get());
    }

    private void showStatus(Snapshot s) {
        String problemText = s.problem();
        String text = !localMessage.isEmpty() ? localMessage : !problemText.isEmpty() ? problemText : s.notice();
        message.setText(text);
        message.getStyleClass().removeAll("warning", "info");
        message.getStyleClass().add(!localMessage.isEmpty() ? (localProblem ? "warning" : "info")
                : !problemText.isEmpty() ? "warning" : "info");
        boolean canRevert = !problemText.isEmpty() && s.revertEpoch() >= 0;
        revert.setText(canRevert ? i18n.text("status.revert", s.revertEpoch()) : "");
        revert.setVisible(canRevert);
        revert.setManaged(canRevert);
    }

    // ---- Keys and buttons -----------------------------------------------------------------------

    private void installKeys(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.F3) {
                fps.setVisible(!fps.isVisible());
                e.consume();
                return;
            }
            if (e.getCode() == KeyCode.F11) {
                classroom.fire();
                e.consume();
                return;
            }
            if (e.isShortcutDown() && (e.getCode() == KeyCode.PLUS || e.getCode() == KeyCode.EQUALS
                    || e.getCode() == KeyCode.ADD || e.getCode() == KeyCode.MINUS || e.getCode() == KeyCode.SUBTRACT)) {
                boolean in = e.getCode() != KeyCode.MINUS && e.getCode() != KeyCode.SUBTRACT;
                zoomBy(in ? ZOOM_STEP : -ZOOM_STEP);
                e.consume();
                return;
            }
            // Typing into a field keeps its keys.
            if (scene.getFocusOwner() instanceof TextInputControl
                    || scene.getFocusOwner() instanceof ComboBox<?> box && box.isEditable()) {
                return;
            }
            if (e.isControlDown() || e.isAltDown() || e.isMetaDown()) return;
            if (labMode.isSelected()) {
                // The lab has its own keys (Space plays its race); only the view keys stay the window's.
                switch (e.getCode()) {
                    case O -> labMode.fire();
                    case L -> lessonsMode.fire();
                    case H -> revealHidden();
                    default -> {
                        return;
                    }
                }
                e.consume();
                return;
            }
            if (backpropMode.isSelected()) {
                switch (e.getCode()) {
                    case LEFT -> stepper.previous();
                    case RIGHT -> stepper.next();
                    case B -> backpropMode.fire();
                    case G -> healthMode.fire();
                    case L -> lessonsMode.fire();
                    case O -> labMode.fire();
                    case H -> revealHidden();
                    default -> {
                        return;
                    }
                }
                e.consume();
                return;
            }
            switch (e.getCode()) {
                case B -> {
                    backpropMode.fire();
                    e.consume();
                }
                case G -> {
                    healthMode.fire();
                    e.consume();
                }
                case L -> {
                    lessonsMode.fire();
                    e.consume();
                }
                case O -> {
                    labMode.fire();
                    e.consume();
                }
                case H -> {
                    revealHidden();
                    e.consume();
                }
                case SPACE -> {
                    play.fire();
                    e.consume();
                }
                case RIGHT -> {
                    if (e.isShiftDown()) stepOneEpoch();
                    else stepOnce();
                    e.consume();
                }
                case R -> {
                    resetWeights();
                    e.consume();
                }
                default -> { }
            }
        });
    }

    @FXML
    private void togglePlay() {
        if (play.isSelected()) {
            loop.play();
        } else {
            loop.pause();
        }
    }

    @FXML
    private void stepOnce() {
        play.setSelected(false);
        loop.step();
    }

    @FXML
    private void stepOneEpoch() {
        play.setSelected(false);
        loop.stepEpoch();
    }

    @FXML
    private void resetWeights() {
        play.setSelected(false);
        loop.reset();
    }

    @FXML
    private void toggleBackprop() {
        if (backpropMode.isSelected()) {
            if (healthMode.isSelected()) healthMode.fire();
            if (labMode.isSelected()) labMode.fire();
            play.setSelected(false);
            // One example first: there δ = Φ'(a) ⊙ ∂L/∂h holds entry by entry; the batch mean is one click away.
            stepper.exampleColumnProperty().set(0);
            loop.traceStep();
            inform(i18n.text("status.backprop"));
        } else {
            localMessage = "";
            showStatus(displayed.get());
        }
    }

    /**
     * Shows or hides the gradient view. Its monitor measures the run's steps only while it is shown: hidden, the
     * training thread does no gradient-health work at all.
     */
    @FXML
    private void toggleHealth() {
        if (healthMode.isSelected()) {
            if (backpropMode.isSelected()) backpropMode.fire();
            if (labMode.isSelected()) labMode.fire();
            loop.watchGradients(gradientMonitor);
            healthView.redrawNow();
            inform(i18n.text("status.gradients"));
        } else {
            loop.watchGradients(null);
            healthView.stop();
            localMessage = "";
            showStatus(displayed.get());
        }
    }

    /**
     * Classroom mode: full screen, and the whole window magnified so that it is as large as a 1280 × 760 window
     * filling the screen (1.42× on a 1920 × 1080 projector); Ctrl + and Ctrl − change the zoom.
     */
    @FXML
    private void toggleClassroom() {
        if (!(root.getScene().getWindow() instanceof javafx.stage.Stage stage)) return;
        if (classroom.isSelected()) {
            stage.setFullScreenExitHint("");
            if (!watchingFullScreen) {
                watchingFullScreen = true;
                // Esc (JavaFX's own exit key) leaves full screen: classroom mode ends with it, zoom and button too.
                stage.fullScreenProperty().addListener((obs, was, is) -> {
                    if (!is && classroom.isSelected()) classroom.fire();
                });
            }
            stage.setFullScreen(true);
            javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getBounds();
            setZoom(classroomZoom(screen.getWidth(), screen.getHeight()));
            inform(String.format(Locale.ROOT, "Classroom mode: zoom %.0f %%. Ctrl + / Ctrl − to change it, F11 to leave.", 100 * zoom()));
        } else {
            stage.setFullScreen(false);
            setZoom(1);
            localMessage = "";
            showStatus(displayed.get());
        }
    }

    static final double ZOOM_STEP = 0.1;
    private boolean watchingFullScreen;

    /** The zoom that makes a screen of w × h show as much as a 1280 × 760 window, at least 1. */
    static double classroomZoom(double w, double h) {
        return Math.max(ZoomPane.MIN_ZOOM, Math.min(ZoomPane.MAX_ZOOM, Math.min(w / 1280, h / 760)));
    }

    private void zoomBy(double step) {
        setZoom(Math.round((zoom() + step) * 10) / 10.0);
        inform(String.format(Locale.ROOT, "Zoom %.0f %%", 100 * zoom()));
    }

    private void setZoom(double z) {
        if (root.getParent() instanceof ZoomPane pane) pane.zoomProperty().set(z);
    }

    /** The window's magnification (1 outside classroom mode unless zoomed with Ctrl +). */
    double zoom() {
        return root.getParent() instanceof ZoomPane pane ? pane.zoomProperty().get() : 1;
    }

    /** Turns classroom mode on or off as its button does. */
    void setClassroom(boolean on) {
        if (classroom.isSelected() != on) classroom.fire();
    }

    @FXML
    private void goBack() {
        loop.revert();
    }

    @FXML
    private void nextSeed() {
        change(c -> c.withSeed(c.seed() + 1), seed);
    }

    private StringBinding show(Function<Snapshot, String> format) {
        return Bindings.createStringBinding(() -> format.apply(displayed.get()), displayed);
    }

    private void showWhile(Node node, java.util.function.Predicate<Snapshot> condition) {
        node.visibleProperty().bind(Bindings.createBooleanBinding(() -> condition.test(displayed.get()), displayed));
        node.managedProperty().bind(node.visibleProperty());
    }

    private static String loss(double v) {
        return Double.isNaN(v) ? "–" : v >= 1000 ? String.format(Locale.ROOT, "%.3g", v) : String.format(Locale.ROOT, "%.4f", v);
    }

    private static String percent(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f %%", 100 * v);
    }

    // ---- For the application and tests ------------------------------------------------------------

    /** The config the student has asked for; views write into it, the loop follows it. */
    ObjectProperty<TrainingConfig> configProperty() {
        return config;
    }

    /** Puts a confirmation on the status line, as the window's own messages are. */
    void announce(String text) {
        inform(text);
    }

    /** Starts training as if Play had been pressed. */
    void startPlaying() {
        if (!play.isSelected()) play.fire();
    }

    /** Pauses training as if Pause had been pressed. */
    void pausePlaying() {
        if (play.isSelected()) play.fire();
    }

    /** Picks this penalty as a student would. */
    void chooseRegularization(Penalty chosen, double dropout) {
        TrainingConfig c = config.get();
        List<TrainingConfig.HiddenLayer> layers = new ArrayList<>();
        for (TrainingConfig.HiddenLayer l : c.hidden()) layers.add(l.withDropout(dropout));
        if (!(chosen instanceof Penalty.None)) lastRate = chosen.lambda();
        config.set(c.withPenalty(chosen).withHidden(layers));
    }

    /** Trains this many mini-batches per frame, as if picked in the speed list. */
    void chooseSpeed(int stepsPerFrame) {
        if (!speed.getItems().contains(stepsPerFrame)) speed.getItems().add(stepsPerFrame);
        speed.setValue(stepsPerFrame);
    }

    /** Opens the backprop stepper as if its button had been pressed. */
    void openBackprop() {
        if (!backpropMode.isSelected()) backpropMode.fire();
    }

    /** Opens the gradient view as if its button had been pressed. */
    void openGradientHealth() {
        if (!healthMode.isSelected()) healthMode.fire();
    }

    /** Closes the gradient view as if its button had been pressed again. */
    void closeGradientHealth() {
        if (healthMode.isSelected()) healthMode.fire();
    }

    /** The gradient view (shown or not). */
    GradientHealthView gradientHealthView() {
        return healthView;
    }

    /** The monitor the training loop feeds now: the gradient view's while it is shown, otherwise null. */
    GradientMonitor attachedGradientMonitor() {
        return loop.gradientMonitor();
    }

    /** Goes to stage {@code index} (0-based) of the stepper. */
    void showStage(int index) {
        stepper.goTo(index);
    }

    /** L, the number of layers with weights of the displayed network. */
    int depth() {
        return displayed.get().network().depth();
    }

    /** Shows the frame readout, as F3 does. */
    void showFrameReadout() {
        fps.setVisible(true);
    }

    /** The snapshot the window shows right now (read on the FX thread). */
    ReadOnlyObjectProperty<Snapshot> displayedSnapshotProperty() {
        return displayed.getReadOnlyProperty();
    }

    /** The newest snapshot the training thread has published; safe from any thread. */
    Snapshot latestSnapshot() {
        return loop.latest();
    }

    /** Frame statistics of the F3 readout. */
    FrameMeter frameMeter() {
        return meter;
    }

    /** Imports a CSV file as if it had been dropped on the window; false if it is not a CSV file. */
    boolean importFile(java.nio.file.Path file) {
        return dataController.importFile(file);
    }

    /** The label a point drawn now gets. */
    double drawLabel() {
        return dataController.drawLabelProperty().get();
    }

    /** Lets the data panel take files dropped anywhere on the window. */
    void installDropTarget(Scene scene) {
        dataController.installDropTarget(scene);
    }

    /** Save, open, recent files, autosave and the window title. */
    ExperimentActions experiments() {
        return experiments;
    }

    /** The Export menu's actions. */
    ExportActions exports() {
        return exports;
    }

    /** Stops the frame timer, autosaving (a clean exit: the recovery file goes) and the training thread. */
    void shutdown() {
        frames.stop();
        healthView.stop();
        if (lab != null) lab.dispose();
        if (experiments != null) experiments.close();
        loop.close();
    }
}
