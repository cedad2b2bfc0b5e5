package org.mlplayground.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mlplayground.data.Feature;
import org.mlplayground.engine.Activation;
import org.mlplayground.train.TrainingConfig;
import org.mlplayground.train.TrainingConfig.HiddenLayer;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The diagram at the sizes it gets on a 1366×768 laptop (about 700×520) and a 1920×1080 projector (about
 * 1100×800), with the default net and the largest one: everything fits, nothing overlaps, and a PNG of each
 * goes to target/ to be looked at.
 */
@ExtendWith(ApplicationExtension.class)
class NetworkDiagramPictureTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @ParameterizedTest(name = "{0} at {1}×{2}")
    @CsvSource({"default, 700, 520", "default, 1100, 800", "largest, 700, 520", "largest, 1100, 800"})
    void theDiagramFitsAndIsSavedAsPng(String net, int width, int height) throws IOException, TimeoutException {
        TrainingConfig config = net.equals("default") ? TrainingConfig.defaults() : largest();
        NetworkDiagram diagram = showTrained(config, width, height);
        BufferedImage image = onFx(() -> SceneCapture.render(stage.getScene()));
        Path file = Path.of("target", "network-diagram-" + net + "-" + width + "x" + height + ".png");
        Files.createDirectories(file.getParent());
        SceneCapture.writePng(image, file);

        double thumb = onFx(diagram::thumbSize);
        assertTrue(thumb >= NetworkDiagram.MIN_THUMB && thumb <= NetworkDiagram.MAX_THUMB, "thumbnail side " + thumb);
        assertTrue(onFx(diagram::contentBottom) <= height, "neurons end at " + onFx(diagram::contentBottom));
        assertTrue(onFx(diagram::contentRight) <= width, "output column ends at " + onFx(diagram::contentRight));
        List<Bounds> controls = onFx(() -> {
            List<Bounds> b = new ArrayList<>();
            for (Node n : diagram.getChildrenUnmodifiable()) {
                if (n instanceof LayerControls || n.getStyleClass().contains("layer-header")) b.add(n.getBoundsInParent());
            }
            return b;
        });
        for (int a = 0; a < controls.size(); a++) {
            Bounds box = controls.get(a);
            assertTrue(box.getMinX() >= 0 && box.getMaxX() <= width && box.getMinY() >= 0, "inside: " + box);
            for (int b = a + 1; b < controls.size(); b++) {
                assertFalse(box.intersects(controls.get(b)), box + " overlaps " + controls.get(b));
            }
        }
    }

    @Test
    void theDiagramShowsSigmoidReluAndSoftmaxNetsWithoutTrouble(FxRobot robot) throws TimeoutException, IOException {
        TrainingConfig spiral = TrainingConfig.defaults()
                .withData(org.mlplayground.data.DataRecipe.of(org.mlplayground.data.Generator.SPIRAL3, 1))
                .withProblem(TrainingConfig.Problem.MULTICLASS)
                .withFeatures(List.of(Feature.X1, Feature.X2, Feature.SIN_X1, Feature.COS_X2))
                .withHidden(List.of(new HiddenLayer(6, Activation.relu()), new HiddenLayer(5, Activation.sigmoid(), 0.3,
                        true), new HiddenLayer(3, Activation.softplus())));
        NetworkDiagram diagram = showTrained(spiral, 900, 600);
        robot.moveTo(onFx(() -> diagram.localToScreen(diagram.neuronCentre(2, 1))));
        assertTrue(robot.lookup("#hoverTip").queryLabeled().getText().contains("sigmoid"));
        BufferedImage image = onFx(() -> SceneCapture.render(stage.getScene()));
        SceneCapture.writePng(image, Path.of("target", "network-diagram-softmax-900x600.png"));

        robot.clickOn(onFx(() -> diagram.localToScreen(diagram.biasCentre(1, 2))));
        robot.write("abc").type(KeyCode.ENTER);
        assertTrue(robot.lookup("#editError").queryLabeled().isVisible());
        image = onFx(() -> SceneCapture.render(stage.getScene()));
        SceneCapture.writePng(image, Path.of("target", "network-diagram-editor-900x600.png"));
    }

    /** 8 hidden layers of 16, with a few activations and dropout, so every kind of drawing shows. */
    private static TrainingConfig largest() {
        List<HiddenLayer> layers = new ArrayList<>();
        for (int l = 1; l <= TrainingConfig.MAX_HIDDEN_LAYERS; l++) {
            Activation phi = l % 3 == 0 ? Activation.relu() : (l % 3 == 1 ? Activation.tanh() : Activation.leakyRelu());
            layers.add(new HiddenLayer(TrainingConfig.MAX_NEURONS, phi, l == 2 ? 0.3 : 0, l == 4));
        }
        return TrainingConfig.defaults().withHidden(layers)
                .withFeatures(List.of(Feature.X1, Feature.X2, Feature.X1_SQUARED, Feature.SIN_X2))
                .withPenalty(new org.mlplayground.train.Penalty.L1(0.3));
    }

    /** The diagram of {@code config} after one epoch of training, in a window of the given size. */
    private NetworkDiagram showTrained(TrainingConfig config, int width, int height) throws TimeoutException {
        try (TrainingLoop loop = new TrainingLoop(config)) {
            loop.start();
            loop.stepEpoch();
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> loop.latest().epoch() >= 1);
            Snapshot trained = loop.latest();
            NetworkDiagram diagram = onFx(() -> {
                NetworkDiagram d = new NetworkDiagram();
                d.configProperty().set(config);
                d.snapshotProperty().set(trained);
                stage.setScene(new Scene(d, width, height));
                stage.sizeToScene(); // TestFX reuses one stage: a window shown at another size keeps it otherwise
                stage.show();
                return d;
            });
            WaitForAsyncUtils.waitForFxEvents();
            return diagram;
        }
    }

    private static <T> T onFx(Callable<T> task) {
        return WaitForAsyncUtils.waitForAsyncFx(10_000, task);
    }
}
