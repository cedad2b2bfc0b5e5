package org.mlplayground.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mlplayground.engine.Activation;
import org.mlplayground.engine.Loss;
import org.mlplayground.engine.NetworkSpec;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Every formula the stepper can show typesets, for every activation, loss and optimizer. */
@ExtendWith(ApplicationExtension.class)
class BackpropStepperFormulasTest {

    @Start
    void start(Stage stage) {
        // Only the toolkit is needed: the formulas become JavaFX images.
    }

    @Test
    void everyStageFormulaTypesetsForEveryActivationLossAndOptimizer() {
        List<String> lines = new ArrayList<>();
        for (Activation phi : Activation.elementwiseChoices()) {
            NetworkSpec spec = NetworkSpec.input(2).dense(3, phi).batchNorm().dense(2, phi).dense(1, phi).loss(Loss.MSE);
            lines.addAll(StageFormulas.forward(spec, 1, true));
            lines.addAll(StageFormulas.forward(spec, 2, false));
            lines.addAll(StageFormulas.backward(spec, 1, true));
            lines.addAll(StageFormulas.backward(spec, 2, false));
            lines.addAll(StageFormulas.backward(spec, 3, false));
        }
        lines.addAll(StageFormulas.loss(NetworkSpec.input(2).dense(1, Activation.tanh()).loss(Loss.MAE)));
        lines.addAll(StageFormulas.loss(NetworkSpec.input(2).dense(1, Activation.sigmoid()).loss(Loss.SIGMOID_CROSS_ENTROPY)));
        NetworkSpec softmax = NetworkSpec.input(2).dense(3, Activation.softmax()).loss(Loss.SOFTMAX_CROSS_ENTROPY);
        lines.addAll(StageFormulas.loss(softmax));
        lines.addAll(StageFormulas.backward(softmax, 1, false));
        for (String optimizer : List.of("Gradient descent", "Momentum", "Nesterov momentum", "AdaGrad", "RMSProp",
                "RMSProp + Nesterov", "Adadelta", "Adam", "Delta-bar-delta", "Look_ahead {x}")) {
            lines.addAll(StageFormulas.update(optimizer, 0.03));
        }
        TexRenderer tex = new TexRenderer(21f);
        for (String line : lines) {
            Image image = tex.image(line); // JavaFX images may be made on any thread once the toolkit runs
            assertTrue(image.getWidth() > 20 && image.getHeight() > 10, line);
        }
    }

    @Test
    void theRulesAreTheCoursesAndAnUnknownOptimizerGetsTheGenericStep() {
        assertEquals("w \\leftarrow w - \\gamma\\,\\frac{\\partial C}{\\partial w}", StageFormulas.update("Gradient descent", 0.1).get(0));
        assertTrue(StageFormulas.update("Momentum", 0.1).get(0).contains("v \\leftarrow \\beta v"));
        assertTrue(StageFormulas.update("Adam", 0.1).get(1).contains("\\sqrt{\\hat{a}} + \\epsilon"));
        assertTrue(StageFormulas.update("Delta-bar-delta", 0.1).get(0).contains("w \\leftarrow w + \\Delta w"));
        assertTrue(StageFormulas.update("Delta-bar-delta", 0.1).get(0).contains("Delta-bar-delta"));
        NetworkSpec spec = NetworkSpec.input(2).dense(3, Activation.relu()).dense(1, Activation.sigmoid())
                .loss(Loss.SIGMOID_CROSS_ENTROPY);
        assertEquals("\\delta_{2} = o - y", StageFormulas.backward(spec, 2, false).get(0));
        assertTrue(StageFormulas.backward(spec, 1, false).get(0).startsWith("\\delta_{1} = \\Phi_{1}'(a_{1}) \\odot (W_{2}^{\\top}"));
        assertTrue(StageFormulas.forward(spec, 1, false).get(1).endsWith("\\mathrm{ReLU}"));
    }

    @Test
    void brokenTexIsReportedNotDrawn() {
        TexRenderer tex = new TexRenderer(21f);
        assertThrows(IllegalArgumentException.class, () -> tex.image("a_{1} = \\undefinedmacro{x}"));
    }
}
