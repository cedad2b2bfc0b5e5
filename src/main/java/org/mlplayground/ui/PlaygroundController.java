package org.mlplayground.ui;

import java.util.Locale;
import java.util.function.Function;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import org.mlplayground.train.Penalty;
import org.mlplayground.train.TrainingConfig;

/**
 * The playground window: Play/Pause, Step and Reset post commands to the {@link TrainingLoop}; an
 * {@link AnimationTimer} picks up the loop's newest {@link Snapshot} once per frame, and every label and
 * the heatmap are bound to that snapshot. The {@link RegularizationPanel}'s choices are posted to the loop
 * the moment they change, playing or paused.
 */
public final class PlaygroundController {
    private TrainingConfig config;
    private final TrainingLoop loop;
    private final ReadOnlyObjectWrapper<Snapshot> displayed = new ReadOnlyObjectWrapper<>(this, "displayed");
    private final AnimationTimer frames = new AnimationTimer() {
        @Override
        public void handle(long now) {
            Snapshot newest = loop.latest();
            if (newest != displayed.get()) displayed.set(newest);
        }
    };

    @FXML private ToggleButton play;
    @FXML private Button step;
    @FXML private Label epoch;
    @FXML private Label stepCount;
    @FXML private Label trainLoss;
    @FXML private Label testLoss;
    @FXML private Label testAccuracy;
    @FXML private Label message;
    @FXML private DecisionBoundaryView boundary;
    @FXML private Label dataInfo;
    @FXML private Label networkInfo;
    @FXML private Label lossInfo;
    @FXML private Label trainingInfo;
    @FXML private RegularizationPanel regularizationController;

    PlaygroundController(TrainingConfig config) {
        this.config = config;
        this.loop = new TrainingLoop(config);
        displayed.set(loop.latest()); // the untrained net is on screen from the first frame
    }

    @FXML
    private void initialize() {
        play.textProperty().bind(Bindings.when(play.selectedProperty()).then("Pause").otherwise("Play"));
        step.disableProperty().bind(play.selectedProperty());
        epoch.textProperty().bind(show(s -> String.format("%,d", s.epoch())));
        stepCount.textProperty().bind(show(s -> String.format("%,d", s.step())));
        trainLoss.textProperty().bind(show(s -> String.format("%.4f", s.trainLoss())));
        testLoss.textProperty().bind(show(s -> String.format("%.4f", s.testLoss())));
        testAccuracy.textProperty().bind(show(s -> Double.isNaN(s.testAccuracy()) ? "–"
                : String.format("%.1f %%", 100 * s.testAccuracy())));
        message.textProperty().bind(show(Snapshot::problem));
        message.visibleProperty().bind(message.textProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        boundary.snapshotProperty().bind(displayed);
        displayed.addListener((obs, old, now) -> {
            // The loop pauses itself when training fails; the button must then offer Play again.
            if (!now.running() && !now.problem().isEmpty()) play.setSelected(false);
        });
        describeSetup();
        regularizationController.snapshotProperty().bind(displayed);
        regularizationController.penaltyProperty().addListener((obs, old, now) -> regularize());
        regularizationController.dropoutProperty().addListener((obs, old, now) -> regularize());

        loop.start();
        frames.start();
    }

    private StringBinding show(Function<Snapshot, String> format) {
        return Bindings.createStringBinding(() -> format.apply(displayed.get()), displayed);
    }

    private void describeSetup() {
        Snapshot s = loop.latest();
        dataInfo.setText(String.format("%s · %d training, %d test points", s.data().name(),
                s.data().train().size(), s.data().testSize()));
        networkInfo.setText(s.network().spec().shape() + " · " + s.network().spec().layer(1).phi().name() + " · "
                + config.init().id() + " init");
        lossInfo.setText(s.network().spec().loss().id().toUpperCase(Locale.ROOT) + "  " + s.network().spec().loss().formula());
        trainingInfo.setText(String.format("batch %d · learning rate %s", config.batchSize(),
                Double.toString(config.learningRate())));
    }

    private void regularize() {
        double p = regularizationController.dropoutProperty().get();
        java.util.List<TrainingConfig.HiddenLayer> layers = new java.util.ArrayList<>();
        for (TrainingConfig.HiddenLayer layer : config.hidden()) layers.add(layer.withDropout(p));
        config = config.withPenalty(regularizationController.penaltyProperty().get()).withHidden(layers);
        loop.configure(config);
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
        loop.step();
    }

    @FXML
    private void resetWeights() {
        play.setSelected(false);
        loop.reset();
    }

    /** Picks these remedies in the REGULARISATION panel, as a student would. */
    void chooseRegularization(Penalty chosen, double dropout) {
        regularizationController.choose(chosen, dropout);
    }

    /** Starts training as if Play had been pressed. */
    void startPlaying() {
        if (!play.isSelected()) play.fire();
    }

    /** Pauses training as if Pause had been pressed. */
    void pausePlaying() {
        if (play.isSelected()) play.fire();
    }

    /** The snapshot the window shows right now (read on the FX thread). */
    ReadOnlyObjectProperty<Snapshot> displayedSnapshotProperty() {
        return displayed.getReadOnlyProperty();
    }

    /** The newest snapshot the training thread has published; safe from any thread. */
    Snapshot latestSnapshot() {
        return loop.latest();
    }

    /** Stops the frame timer and the training thread. */
    void shutdown() {
        frames.stop();
        loop.close();
    }
}
