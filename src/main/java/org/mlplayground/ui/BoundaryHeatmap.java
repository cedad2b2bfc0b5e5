package org.mlplayground.ui;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.ejml.data.DMatrixRMaj;
import org.mlplayground.data.InputMap;
import org.mlplayground.engine.Activation;
import org.mlplayground.engine.Inference;
import org.mlplayground.engine.Network;
import org.mlplayground.train.TrainingConfig;

/**
 * A network's output over the plane as a small heatmap, for "decision boundary before and after the step":
 * one inference pass over the grid {@link FieldEvaluator#mapped} makes, coloured by
 * {@link DecisionBoundaryView#outputPixels} exactly as the output panel colours it.
 */
final class BoundaryHeatmap {

    private BoundaryHeatmap() {
    }

    /**
     * @param map   the raw point (x₁, x₂) → network inputs, or {@code null} when the network takes the raw point
     * @param plane the rectangle to cover
     * @throws IllegalArgumentException if the points, mapped, do not fit the network's inputs
     */
    static WritableImage render(Network net, InputMap map, Plane plane, int n) {
        DMatrixRMaj x = FieldEvaluator.mapped(map == null ? InputMap.identity(2) : map, plane, n);
        DMatrixRMaj o = new Inference(net.spec()).run(net, x);
        double[][] rows = new double[o.numRows][o.numCols];
        for (int r = 0; r < o.numRows; r++) System.arraycopy(o.data, r * o.numCols, rows[r], 0, o.numCols);
        int[] pixels = new int[n * n];
        DecisionBoundaryView.outputPixels(problemOf(net.outputLayer().phi()), rows, false, pixels);
        WritableImage image = new WritableImage(n, n);
        image.getPixelWriter().setPixels(0, 0, n, n, PixelFormat.getIntArgbInstance(), pixels, 0, n);
        return image;
    }

    /** The colouring the output layer calls for: one hue per class, a probability, or a value. */
    private static TrainingConfig.Problem problemOf(Activation out) {
        if (out instanceof Activation.Softmax) return TrainingConfig.Problem.MULTICLASS;
        if (out instanceof Activation.Sigmoid) return TrainingConfig.Problem.BINARY_SIGMOID;
        return TrainingConfig.Problem.BINARY_TANH;
    }
}
