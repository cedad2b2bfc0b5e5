package org.mlplayground.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.mlplayground.train.TrainingConfig;

/** The MLP Playground window: {@code mvn javafx:run}. Command-line options: see {@link LaunchOptions}. */
public final class PlaygroundApp extends Application {
    /** Seeds the data, the split, the initial weights and the shuffling of the first lesson. */
    static final long SEED = 1;

    private PlaygroundController controller;
    /** Where the settings keep the chosen language. */
    private final LanguageSetting languageSetting;
    /** The language to start in whatever is stored (a test's, or {@code --lang}); null to follow the settings. */
    private final I18n.Language startLanguage;
    private I18n i18n = I18n.ENGLISH;
    private Stage stage;

    public PlaygroundApp() {
        this(LanguageSetting.user(), null);
    }

    /** A window that starts in {@code language} (null: the stored choice or the system's locale) and stores switches in {@code setting}. */
    PlaygroundApp(LanguageSetting setting, I18n.Language language) {
        this.languageSetting = setting;
        this.startLanguage = language;
    }

    public static void main(String[] args) {
        launch(args);
    }

    @Override
    public void start(Stage stage) {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(getParameters() == null ? List.of() : getParameters().getRaw());
        } catch (IllegalArgumentException e) {
            System.err.println("MLP Playground: " + e.getMessage());
            Platform.exit();
            return;
        }
        this.stage = stage;
        i18n = I18n.of(options.language() != null ? options.language()
                : startLanguage != null ? startLanguage : languageSetting.atStart(java.util.Locale.getDefault()));
        Scene scene;
        try {
            scene = new Scene(new ZoomPane(load(TrainingConfig.defaults(), null)), initialWidth(), initialHeight());
        } catch (IOException e) {
            showStartupProblem(e.getMessage());
            return;
        }
        stage.titleProperty().bind(controller.experiments().titleProperty());
        stage.setMinWidth(1000);
        stage.setMinHeight(660);
        stage.setScene(scene);
        stage.sizeToScene(); // a stage that was shown before (tests reuse one) keeps its old size otherwise
        controller.installDropTarget(scene);
        stage.show();
        fitOnScreen(stage);
        controller.chooseRegularization(options.penalty(), options.dropout());
        controller.chooseSpeed(options.speed());
        if (options.fps()) controller.showFrameReadout();
        if (options.gradients()) {
            controller.openGradientHealth();
            if (options.healthPreset() != null) controller.configProperty().set(options.healthPreset().config());
            if (options.comparison() != null) controller.gradientHealthView().compare(options.comparison());
        }
        if (options.lesson() != null) controller.openLesson(options.lesson());
        if (options.classroom()) controller.setClassroom(true);
        if (options.snapshot() == null) controller.experiments().offerRecovery();
        if (options.snapshot() != null && options.lesson() != null) {
            // The lesson loads on a thread of its own: train and take the picture once its preset is applied.
            // In the optimizer lab the playground does not train (Play is off there): the picture is taken at once.
            pollUntil(() -> controller.lessonDock().openLesson() != null, () -> {
                if (controller.optimizerLabShown()) captureSoon(scene, options);
                else captureAfterTraining(scene, options);
            });
        } else if (options.snapshot() != null && options.comparison() != null) {
            // The pair trains on its own thread: the picture is taken once both runs have done the epochs.
            long steps = (long) options.epochs() * GradientHealthView.COMPARISON_STEPS_PER_FRAME;
            var pair = controller.gradientHealthView().pair();
            pollUntil(() -> pair.steps()[1] >= steps || !pair.playing(), () -> {
                pair.pause();
                controller.gradientHealthView().redrawNow();
                captureSoon(scene, options);
            });
        } else if (options.snapshot() != null) {
            captureAfterTraining(scene, options);
        } else if (options.backprop()) {
            controller.openBackprop();
        } else if (options.play()) {
            controller.startPlaying();
        }
    }

    /** Checks {@code done} every 100 ms on the FX thread and runs {@code then} once it holds. */
    private static void pollUntil(java.util.function.BooleanSupplier done, Runnable then) {
        PauseTransition tick = new PauseTransition(Duration.millis(100));
        tick.setOnFinished(e -> {
            if (done.getAsBoolean()) then.run();
            else tick.playFromStart();
        });
        tick.play();
    }

    /** 1440 × 860, or 90 % of a larger screen (a projector at 1920 × 1080 gets 1728 × 972). */
    private static double initialWidth() {
        return Math.max(1440, Math.floor(Screen.getPrimary().getVisualBounds().getWidth() * 0.9));
    }

    private static double initialHeight() {
        return Math.max(860, Math.floor(Screen.getPrimary().getVisualBounds().getHeight() * 0.9));
    }

    /** Builds the window in the current language on {@code setup}, over {@code data} (null: the data setup's recipe makes). */
    private Parent load(TrainingConfig setup, SessionData data) throws IOException {
        FXMLLoader loader = new FXMLLoader(PlaygroundApp.class.getResource("playground.fxml"), i18n.bundle());
        I18n language = i18n;
        loader.setControllerFactory(type -> {
            if (type == PlaygroundController.class) return new PlaygroundController(setup, data, language, this::switchLanguage);
            if (type == DataPanel.class) return new DataPanel(language);
            throw new IllegalStateException("no controller known for " + type.getName());
        });
        Parent root = loader.load();
        controller = loader.getController();
        return root;
    }

    /**
     * A laptop or projector at 1366×768 gets the whole window, shrunk to the screen, not cut off. Width and
     * height are set together: GTK refuses a resize that gives only one of them.
     */
    private static void fitOnScreen(Stage stage) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        if (stage.getWidth() <= screen.getWidth() && stage.getHeight() <= screen.getHeight()) return;
        stage.setX(Math.max(screen.getMinX(), Math.min(stage.getX(), screen.getMaxX() - stage.getWidth())));
        stage.setY(screen.getMinY());
        stage.setWidth(Math.min(stage.getWidth(), screen.getWidth()));
        stage.setHeight(Math.min(stage.getHeight(), screen.getHeight()));
    }

    private static void showStartupProblem(String why) {
        Alert alert = new Alert(Alert.AlertType.ERROR, "The window could not be built: " + why);
        alert.setTitle("MLP Playground");
        alert.setHeaderText("MLP Playground could not start");
        alert.showAndWait();
        Platform.exit();
    }

    /** Plays until {@code options.epochs()}, pauses, and writes the window to the PNG file, then exits. */
    private void captureAfterTraining(Scene scene, LaunchOptions options) {
        ChangeListener<Snapshot> watcher = new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Snapshot> obs, Snapshot old, Snapshot now) {
                if (now.running() && now.epoch() >= options.epochs()) controller.pausePlaying();
                if (!now.running() && (now.epoch() >= options.epochs() || !now.problem().isEmpty())) {
                    obs.removeListener(this);
                    captureSoon(scene, options);
                }
            }
        };
        if (options.epochs() == 0) {
            captureSoon(scene, options);
        } else {
            controller.displayedSnapshotProperty().addListener(watcher);
            controller.startPlaying();
        }
    }

    /**
     * Waits a moment so layout and the last heatmap have reached the screen, renders the window on the FX
     * thread, then writes the file on a thread of its own and exits.
     */
    private void captureSoon(Scene scene, LaunchOptions options) {
        if (options.backprop()) {
            controller.openBackprop();
            PauseTransition toBackward = new PauseTransition(Duration.millis(600));
            toBackward.setOnFinished(e -> controller.showStage(controller.depth() + 2)); // Loss, then Backward L
            toBackward.play();
        }
        PauseTransition settle = new PauseTransition(Duration.millis(options.backprop() ? 1200 : 400));
        settle.setOnFinished(event -> {
            BufferedImage image = SceneCapture.render(scene);
            Thread writer = new Thread(() -> {
                try {
                    SceneCapture.writePng(image, options.snapshot());
                    System.out.println("wrote " + options.snapshot());
                } catch (IOException e) {
                    System.err.println("MLP Playground: " + e.getMessage());
                }
                Platform.exit();
            }, "snapshot-writer");
            writer.start();
        });
        settle.play();
    }

    /**
     * Stores {@code language} as the settings' choice and builds the window anew in it, with the config and the
     * data in use. The new window's training loop starts from the initial weights of that config (the status
     * line says so); the stage keeps its size.
     */
    void switchLanguage(I18n.Language language) {
        languageSetting.store(language);
        if (language == i18n.language() || stage == null) return;
        PlaygroundController old = controller;
        TrainingConfig setup = old.configProperty().get();
        Snapshot shown = old.latestSnapshot();
        // The data on display (imported or drawn points too) unless a new data recipe is still on its way to the loop.
        SessionData data = shown.config().data().equals(setup.data()) ? shown.data() : null;
        I18n before = i18n;
        i18n = I18n.of(language);
        Parent root;
        try {
            root = load(setup, data);
        } catch (IOException | RuntimeException e) {
            i18n = before;
            controller = old;
            return;
        }
        old.shutdown();
        Scene scene = new Scene(new ZoomPane(root), stage.getScene().getWidth(), stage.getScene().getHeight());
        stage.titleProperty().bind(controller.experiments().titleProperty());
        stage.setScene(scene);
        controller.installDropTarget(scene);
        controller.announce(i18n.text("status.language"));
    }

    /** The language the window speaks now. */
    I18n.Language language() {
        return i18n.language();
    }

    @Override
    public void stop() {
        if (stage != null) stage.titleProperty().unbind();
        if (controller != null) controller.shutdown();
    }

    /** The window's controller, once {@link #start} has built it. */
    PlaygroundController controller() {
        return controller;
    }
}
