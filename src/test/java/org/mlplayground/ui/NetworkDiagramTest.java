package org.mlplayground.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mlplayground.data.Feature;
import org.mlplayground.engine.Activation;
import org.mlplayground.train.TrainingConfig;
import org.mlplayground.train.TrainingConfig.HiddenLayer;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/** The network diagram on its own, used as a student would: buttons, features, edges, hovering. */
@ExtendWith(ApplicationExtension.class)
class NetworkDiagramTest {
    private final ObjectProperty<TrainingConfig> config = new SimpleObjectProperty<>(TrainingConfig.defaults());
    /** Every edit the diagram asked for, as {block, index, value}. */
    private final List<double[]> edits = Collections.synchronizedList(new ArrayList<>());
    private NetworkDiagram diagram;
    private TrainingLoop loop;

    @Start
    void start(Stage stage) {
        loop = new TrainingLoop(TrainingConfig.defaults());
        diagram = new NetworkDiagram();
        diagram.configProperty().bindBidirectional(config);
        diagram.snapshotProperty().set(loop.latest());
        diagram.setOnEditParameter((block, index, value) -> edits.add(new double[] {block, index, value}));
        stage.setScene(new Scene(diagram, 700, 520));
        stage.sizeToScene();
        stage.show();
    }

    @AfterEach
    void stopTraining() {
        loop.close();
    }

    @Test
    void addLayerAddsAHiddenLayerLikeTheLastWithFourNeurons(FxRobot robot) {
        show(TrainingConfig.defaults().withHiddenLayer(2, new HiddenLayer(2, Activation.relu(), 0.1, false)));

        robot.clickOn("#addLayer");

        assertEquals(List.of(new HiddenLayer(4, Activation.tanh()), new HiddenLayer(2, Activation.relu(), 0.1, false),
                new HiddenLayer(4, Activation.relu(), 0.1, false)), config.get().hidden());
        assertEquals("HIDDEN LAYERS (3)", text(robot, "#hiddenLayers"));
        assertTrue(robot.lookup("#addNeuron3").tryQuery().isPresent(), "the new layer has its own controls");
    }

    @Test
    void removeLayerDropsTheLastHiddenLayer(FxRobot robot) {
        robot.clickOn("#removeLayer");

        assertEquals(List.of(new HiddenLayer(4, Activation.tanh())), config.get().hidden());
        assertFalse(robot.lookup("#addNeuron2").tryQuery().isPresent(), "layer 2's controls are gone");
    }

    @Test
    void neuronButtonsChangeTheSizeOfLayerOne(FxRobot robot) {
        robot.clickOn("#addNeuron1");
        assertEquals(5, config.get().hidden().get(0).size());
        assertEquals("5", text(robot, "#neurons1"));

        robot.clickOn("#removeNeuron1").clickOn("#removeNeuron1");
        assertEquals(3, config.get().hidden().get(0).size());
        assertEquals(2, config.get().hidden().get(1).size(), "layer 2 is left alone");
    }

    @Test
    void hiddenLayersStayBetweenZeroAndEight(FxRobot robot) {
        show(TrainingConfig.defaults().withHidden(Collections.nCopies(8, new HiddenLayer(3, Activation.tanh()))));
        robot.clickOn("#addLayer");
        assertEquals(8, config.get().hidden().size());

        show(TrainingConfig.defaults().withHidden(List.of()));
        robot.clickOn("#removeLayer");
        assertEquals(0, config.get().hidden().size());
        robot.clickOn("#addLayer");
        assertEquals(List.of(new HiddenLayer(4, Activation.tanh())), config.get().hidden(),
                "the first layer of a net without hidden layers is 4 tanh neurons");
    }

    @Test
    void neuronsStayBetweenOneAndSixteen(FxRobot robot) {
        show(TrainingConfig.defaults().withHiddenLayer(1, new HiddenLayer(16, Activation.tanh())));
        robot.clickOn("#addNeuron1");
        assertEquals(16, config.get().hidden().get(0).size());

        show(TrainingConfig.defaults().withHiddenLayer(1, new HiddenLayer(1, Activation.tanh())));
        robot.clickOn("#removeNeuron1");
        assertEquals(1, config.get().hidden().get(0).size());
    }

    @Test
    void layerControlsWriteActivationDropoutAndBatchNorm(FxRobot robot) {
        robot.clickOn("#activation2");
        robot.clickOn(cell(robot, "relu"));
        robot.clickOn("#dropout1");
        robot.clickOn(cell(robot, "p=0.3"));
        robot.clickOn("#batchNorm2");

        assertEquals(List.of(new HiddenLayer(4, Activation.tanh(), 0.3, false),
                new HiddenLayer(2, Activation.relu(), 0, true)), config.get().hidden());
    }

    @Test
    void whileTheSnapshotLagsTheDiagramShowsTheNewShapeWithoutNumbers(FxRobot robot) {
        robot.clickOn("#addNeuron1"); // the snapshot still has the old 4 neurons in layer 1

        robot.moveTo(screen(onFx(() -> diagram.neuronCentre(1, 4))));
        assertEquals(new NetworkDiagram.Neuron(1, 4), diagram.hoveredNeuronProperty().get());
        assertEquals("h₅,₁ (layer 1 neuron 5)", text(robot, "#hoverTip"));
        robot.clickOn(screen(onFx(() -> diagram.edgePoint(2, 0, 4, 0.3))));
        assertFalse(visible(robot, "#editor"), "nothing to edit until the new weights arrive");
    }

    @Test
    void clickingAFeatureTogglesItKeepingTheEnumOrder(FxRobot robot) {
        robot.clickOn("#featureX1_SQUARED");
        assertEquals(List.of(Feature.X1, Feature.X2, Feature.X1_SQUARED), config.get().features());

        robot.clickOn("#featureX1");
        assertEquals(List.of(Feature.X2, Feature.X1_SQUARED), config.get().features());

        robot.clickOn(screen(onFx(() -> diagram.featureCentre(Feature.SIN_X1))));
        assertEquals(List.of(Feature.X2, Feature.X1_SQUARED, Feature.SIN_X1), config.get().features(),
                "the heatmap toggles as the label does");
    }

    @Test
    void theLastFeatureCannotBeSwitchedOff(FxRobot robot) {
        show(TrainingConfig.defaults().withFeatures(List.of(Feature.X2)));

        robot.clickOn("#featureX2");

        assertEquals(List.of(Feature.X2), config.get().features());
        assertTrue(visible(robot, "#hoverTip"));
        assertTrue(text(robot, "#hoverTip").contains("at least one input"), text(robot, "#hoverTip"));
    }

    @Test
    void clickingAnEdgeAndTypingAValueEditsThatWeight(FxRobot robot) {
        // Default net: W1 (4×2), b1, W2 (2×4), b2, W3 (1×2), b3. The edge from neuron 3 of layer 1 to neuron 2
        // of layer 2 is W2[2,3] (1-based): block 2, row-major index (2 − 1)·4 + (3 − 1) = 6.
        assertEquals("W2", loop.latest().network().parameters().get(2).name());

        robot.clickOn(screen(pointOnEdge(2, 1, 2)));
        assertTrue(visible(robot, "#editor"));
        replaceText(robot, "0.25");
        robot.type(KeyCode.ENTER);

        assertEquals(1, edits.size());
        assertArrayEquals(new double[] {2, 6, 0.25}, edits.get(0));
        assertFalse(visible(robot, "#editor"));
    }

    @Test
    void withBatchNormTheBlocksOfLayerTwoMoveBehindGammaAndBeta(FxRobot robot) {
        // W1, b1, γ1, β1, W2, b2, …: W2 is block 4, b2 block 5.
        TrainingConfig bn = TrainingConfig.defaults().withHiddenLayer(1, new HiddenLayer(4, Activation.tanh(), 0, true));
        show(bn);
        assertEquals("b2", loop.latest().network().parameters().get(5).name());

        robot.clickOn(screen(pointOnEdge(2, 0, 3)));
        replaceText(robot, "-1.5");
        robot.type(KeyCode.ENTER);
        robot.clickOn(screen(onFx(() -> diagram.biasCentre(2, 1))));
        replaceText(robot, "0.125");
        robot.type(KeyCode.ENTER);

        assertEquals(2, edits.size());
        assertArrayEquals(new double[] {4, 3, -1.5}, edits.get(0), "W2[1,4]: row 0, column 3");
        assertArrayEquals(new double[] {5, 1, 0.125}, edits.get(1), "b2[2]");
    }

    @Test
    void aNonNumberShowsAnErrorAndChangesNothing(FxRobot robot) {
        robot.clickOn(screen(pointOnEdge(1, 0, 0)));
        replaceText(robot, "abc");
        robot.type(KeyCode.ENTER);

        assertTrue(visible(robot, "#editError"));
        assertTrue(text(robot, "#editError").contains("'abc' is not a number"), text(robot, "#editError"));
        assertTrue(visible(robot, "#editor"), "the field stays open to try again");
        assertTrue(edits.isEmpty());

        robot.type(KeyCode.ESCAPE);
        assertFalse(visible(robot, "#editor"));
        assertTrue(edits.isEmpty());
    }

    @Test
    void hoveringANeuronOrAFeatureSetsTheHoveredNeuron(FxRobot robot) {
        assertNull(diagram.hoveredNeuronProperty().get());

        robot.moveTo(screen(onFx(() -> diagram.neuronCentre(2, 1))));
        assertEquals(new NetworkDiagram.Neuron(2, 1), diagram.hoveredNeuronProperty().get());
        assertTrue(text(robot, "#hoverTip").startsWith("h₂,₂ (layer 2 neuron 2)"), text(robot, "#hoverTip"));

        robot.moveTo(screen(onFx(() -> diagram.featureCentre(Feature.X2))));
        assertEquals(new NetworkDiagram.Neuron(0, 1), diagram.hoveredNeuronProperty().get());

        robot.moveTo(screen(onFx(() -> diagram.neuronCentre(3, 0))));
        assertEquals(new NetworkDiagram.Neuron(3, 0), diagram.hoveredNeuronProperty().get(), "the output neuron");

        // Between the features and layer 1, below the edges of x₁ and x₂: nothing there.
        robot.moveTo(screen(onFx(() -> new Point2D((diagram.featureCentre(Feature.COS_X2).getX()
                + diagram.neuronCentre(1, 0).getX()) / 2, diagram.featureCentre(Feature.COS_X2).getY()))));
        assertNull(diagram.hoveredNeuronProperty().get());
        assertFalse(visible(robot, "#hoverTip"));
    }

    @Test
    void theHoverTextShowsTheWeightAndItsGradient(FxRobot robot) throws TimeoutException {
        loop.start();
        loop.step();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> loop.latest().step() == 1);
        Snapshot trained = loop.latest();
        onFx(() -> {
            diagram.snapshotProperty().set(trained);
            return null;
        });
        // W1[3,2]: neuron 3 of layer 1 from input 2 (x₂): block 0, index 2·2 + 1 = 5.
        double w = trained.network().parameters().get(0).value()[5];
        double g = trained.gradients().get(0)[5];
        assertNotEquals(0, g, "one step leaves a gradient to show");

        robot.moveTo(screen(pointOnEdge(1, 2, 1)));

        String shown = text(robot, "#hoverTip");
        assertTrue(shown.startsWith("W1[3,2] = " + NetworkDiagram.number(w) + "   ∂L/∂W = " + NetworkDiagram.number(g)),
                shown);
        assertTrue(shown.contains("from x₂ to h₃,₁"), shown);

        robot.moveTo(screen(onFx(() -> diagram.biasCentre(1, 0))));
        double b = trained.network().parameters().get(1).value()[0];
        double gb = trained.gradients().get(1)[0];
        assertTrue(text(robot, "#hoverTip").startsWith("b1[1] = " + NetworkDiagram.number(b) + "   ∂L/∂b = "
                + NetworkDiagram.number(gb)), text(robot, "#hoverTip"));
    }

    @Test
    void numbersUseATrueMinusAndSubscriptsAreDigits() {
        assertEquals("−0.0213", NetworkDiagram.number(-0.02131));
        assertEquals("3.00e−05", NetworkDiagram.number(3e-5));
        assertEquals("₁₂", NumberText.sub(12));
    }

    // ---------------------------------------------------------------------------------------------

    /** The config and a snapshot of a fresh run with it, as the controller would hand them over. */
    private void show(TrainingConfig next) {
        loop.close();
        loop = new TrainingLoop(next);
        onFx(() -> {
            config.set(next);
            diagram.snapshotProperty().set(loop.latest());
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * A pixel on edge W_l[j, i] where this edge, and no other, is under the pointer, also one pixel off in
     * every direction (edges cross, and their midpoints can coincide).
     */
    private Point2D pointOnEdge(int l, int j, int i) {
        return onFx(() -> {
            for (double t = 0.5; t > 0.1; t -= 0.04) {
                for (double u : new double[] {t, 1 - t}) {
                    Point2D p = diagram.edgePoint(l, j, i, u);
                    double x = Math.round(p.getX()), y = Math.round(p.getY());
                    if (onlyEdgeAround(l, j, i, x, y)) return new Point2D(x, y);
                }
            }
            return fail("no clear point on edge W" + l + "[" + j + "," + i + "]");
        });
    }

    private boolean onlyEdgeAround(int l, int j, int i, double x, double y) {
        for (int dx = -1; dx <= 1; dx++) {
            for (int dy = -1; dy <= 1; dy++) {
                int[] hit = diagram.edgeAt(x + dx, y + dy);
                if (hit == null || hit[0] != l || hit[1] != j || hit[2] != i) return false;
            }
        }
        return true;
    }

    private Point2D screen(Point2D local) {
        return onFx(() -> diagram.localToScreen(local));
    }

    private static Node cell(FxRobot robot, String text) {
        return robot.lookup(".combo-box-popup .list-cell").match(LabeledMatchers.hasText(text)).query();
    }

    private static void replaceText(FxRobot robot, String typed) {
        robot.type(KeyCode.END);
        robot.eraseText(40);
        robot.write(typed);
    }

    private static boolean visible(FxRobot robot, String query) {
        return onFx(() -> {
            for (Node n = robot.lookup(query).query(); n != null; n = n.getParent()) if (!n.isVisible()) return false;
            return true;
        });
    }

    private static String text(FxRobot robot, String query) {
        return onFx(() -> robot.lookup(query).queryLabeled().getText());
    }

    private static <T> T onFx(Callable<T> task) {
        return WaitForAsyncUtils.waitForAsyncFx(5_000, task);
    }
}
