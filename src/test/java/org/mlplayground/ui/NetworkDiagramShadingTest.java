package org.mlplayground.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mlplayground.engine.Activation;
import org.mlplayground.ui.NeuronShading.Scale;

/** How the diagram colours each activation's outputs: orange −1, white 0, blue +1 after scaling. */
class NetworkDiagramShadingTest {

    @Test
    void tanhIsShownAsItIs() {
        assertArrayEquals(colours(-1, 0, 0.5, 1), shaded(Activation.tanh(), false, 1, -1, 0, 0.5, 1));
    }

    @Test
    void sigmoidMapsOneHalfToWhite() {
        assertArrayEquals(colours(-1, 0, 1), shaded(Activation.sigmoid(), false, 1, 0, 0.5, 1));
    }

    @Test
    void reluMapsZeroToOrangeAndItsLargestValueToBlue() {
        assertArrayEquals(colours(-1, 0, 1), shaded(Activation.relu(), false, 1, 0, 2, 4));
    }

    @Test
    void aDeadReluIsOrangeEverywhereAndCalledDead() {
        assertArrayEquals(colours(-1, -1), shaded(Activation.relu(), false, 1, 0, 0));
        assertTrue(NeuronShading.dead(Activation.relu(), new double[] {0, 0}));
        assertFalse(NeuronShading.dead(Activation.relu(), new double[] {0, 1e-9}));
        assertFalse(NeuronShading.dead(Activation.tanh(), new double[] {0, 0}));
    }

    @Test
    void hiddenIdentityIsScaledByItsLargestMagnitudeButAnIdentityOutputIsClamped() {
        assertArrayEquals(colours(-1, 0, 0.5), shaded(Activation.identity(), false, 1, -4, 0, 2));
        assertArrayEquals(colours(-1, 0, 1), shaded(Activation.identity(), true, 1, -4, 0, 2));
    }

    @Test
    void softmaxIsWhiteAtChanceAndBlueWhenSure() {
        assertArrayEquals(colours(-1, 0, 1, 0.5), shaded(Activation.softmax(), true, 3, 0, 1 / 3.0, 1, 2 / 3.0));
        assertEquals(Scale.VERSUS_CHANCE, NeuronShading.scaleOf(Activation.softmax(), true));
    }

    private static int[] shaded(Activation phi, boolean output, int units, double... h) {
        int[] pixels = new int[h.length];
        NeuronShading.shade(h, NeuronShading.scaleOf(phi, output), units, pixels);
        return pixels;
    }

    private static int[] colours(double... v) {
        int[] c = new int[v.length];
        for (int i = 0; i < v.length; i++) c[i] = Palette.argb(v[i]);
        return c;
    }
}
