package org.mlplayground.engine;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Settings that cannot train are refused with a message that says what is wrong. */
class NetworkSpecValidationTest {

    private static void assertRejected(Executable build, String... mentions) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
        for (String word : mentions) {
            assertTrue(e.getMessage().contains(word), "message \"" + e.getMessage() + "\" should mention " + word);
        }
    }

    @Test
    void softmaxInAHiddenLayerIsRejected() {
        assertRejected(() -> NetworkSpec.input(2)
                .dense(4, Activation.tanh())
                .dense(3, Activation.softmax())
                .dense(2, Activation.softmax())
                .loss(Loss.SOFTMAX_CROSS_ENTROPY), "layer 2", "softmax", "output");
    }

    @Test
    void sigmoidCrossEntropyRejectsATanhOutput() {
        assertRejected(() -> NetworkSpec.input(2).dense(1, Activation.tanh()).loss(Loss.SIGMOID_CROSS_ENTROPY),
                "sigmoid-ce", "sigmoid", "tanh");
    }

    @Test
    void softmaxCrossEntropyRejectsASigmoidOutput() {
        assertRejected(() -> NetworkSpec.input(2).dense(3, Activation.sigmoid()).loss(Loss.SOFTMAX_CROSS_ENTROPY),
                "softmax-ce", "softmax", "sigmoid");
    }

    @Test
    void softmaxOutputWithMseIsRejected() {
        assertRejected(() -> NetworkSpec.input(2).dense(3, Activation.softmax()).loss(Loss.MSE), "softmax-ce", "mse");
    }

    @Test
    void networkWithoutLayersIsRejected() {
        assertRejected(() -> new NetworkSpec(2, List.of(), Loss.MSE), "output layer");
    }

    @Test
    void zeroInputsAreRejected() {
        assertRejected(() -> NetworkSpec.input(0).dense(1, Activation.tanh()).loss(Loss.MSE), "input", "0");
    }

    @Test
    void layerWithoutNeuronsIsRejected() {
        assertRejected(() -> new LayerSpec(0, Activation.tanh()), "neuron", "0");
    }

    @Test
    void unknownLossIdIsRejectedWithTheKnownOnes() {
        assertRejected(() -> Loss.byId("hinge"), "hinge", "mse", "softmax-ce");
    }

    @Test
    void inputOfTheWrongSizeIsRejected() {
        Network net = Network.create(NetworkSpec.input(2).dense(1, Activation.tanh()).loss(Loss.MSE),
                Initializer.UNIFORM, 1);
        assertRejected(() -> net.forward(new DMatrixRMaj(3, 4)), "2 inputs", "3");
    }

    @Test
    void targetsOfTheWrongShapeAreRejected() {
        Network net = Network.create(NetworkSpec.input(2).dense(1, Activation.tanh()).loss(Loss.MSE),
                Initializer.UNIFORM, 1);
        assertRejected(() -> net.backprop(new DMatrixRMaj(2, 4), new DMatrixRMaj(2, 4)), "2×4", "1×4");
    }
}
