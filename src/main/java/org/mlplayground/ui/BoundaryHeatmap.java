package org.mlplayground.ui;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.ejml.data.DMatrixRMaj;
import org.mlplayground.data.InputMap;
import org.mlplayground.engine.Activation;
import org.mlplayground.engine.Inference;
import org.mlplayground.engine.Network;

/**
 * A network's output over the plane [−6, 6]² as a small heatmap, for "decision boundary before and after
 * the step": one inference pass over an n × n grid of points (x₁ to the right, x₂ up), coloured like the
 * playground's output (orange −1, blue +1; one hue per class for softmax).
 */
final class BoundaryHeatmap {
    static final double EXTENT = 6;

    private BoundaryHeatmap() {
    }

    /**
     * @param map the raw point (x₁, x₂) → network inputs, or {@code null} when the network takes the raw point
     * @throws IllegalArgumentException if the points, mapped, do not fit the network's inputs
     */
    static WritableImage render(Network net, InputMap map, int n) {
        int count = n * n;
        DMatrixRMaj raw = new DMatrixRMaj(2, count);
        for (int row = 0; row < n; row++) {
            for (int col = 0; col < n; col++) {
                raw.set(0, row * n + col, -EXTENT + 2 * EXTENT * (col + 0.5) / n);
                raw.set(1, row * n + col, EXTENT - 2 * EXTENT * (row + 0.5) / n);
            }
        }
        DMatrixRMaj x = raw;
        if (map != null) {
            x = new DMatrixRMaj(1, 1);
            map.apply(raw, x);
        }
        DMatrixRMaj o = new Inference(net.spec()).run(net, x);
        Activation out = net.outputLayer().phi();
        int[] pixels = new int[count];
        for (int i = 0; i < count; i++) {
            if (out instanceof Activation.Softmax) {
                int best = 0;
                for (int k = 1; k < o.numRows; k++) if (o.get(k, i) > o.get(best, i)) best = k;
                pixels[i] = Palette.argbClass(best, o.get(best, i), o.numRows);
            } else if (out instanceof Activation.Sigmoid) {
                pixels[i] = Palette.argb(2 * o.get(0, i) - 1);
            } else {
                pixels[i] = Palette.argb(o.get(0, i));
            }
        }
        WritableImage image = new WritableImage(n, n);
        image.getPixelWriter().setPixels(0, 0, n, n, PixelFormat.getIntArgbInstance(), pixels, 0, n);
        return image;
    }
}
