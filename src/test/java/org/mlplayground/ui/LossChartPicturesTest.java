package org.mlplayground.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mlplayground.train.Penalty;
import org.mlplayground.train.TrainingConfig;
import org.mlplayground.ui.LossCurves.Curve;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Pictures of the loss chart after a real run of about 200 epochs on the default circle, plain and with an L2
 * penalty, at the size it has under the decision boundary: target/loss-chart-*.png, to be looked at.
 */
@ExtendWith(ApplicationExtension.class)
class LossChartPicturesTest {
    private static final int WIDTH = 440, HEIGHT = 220;
    private LossChart chart;

    @Start
    void start(Stage stage) {
        chart = new LossChart();
        stage.setScene(new Scene(chart, WIDTH, HEIGHT));
        stage.sizeToScene();
        stage.show();
    }

    @Test
    void theDefaultCircleAfter200Epochs(FxRobot robot) throws Exception {
        Snapshot run = trained(TrainingConfig.defaults());
        show(run);
        save("loss-chart-circle.png");
        robot.clickOn("#logScale");
        robot.clickOn("#showAccuracy");
        save("loss-chart-circle-log-accuracy.png");
        Path exported = Path.of("target", "loss-chart-circle-export.png");
        onFx(() -> chart.writePng(exported, 900, 450)).get(20, TimeUnit.SECONDS);
        onFx(() -> chart.writeSvg(Path.of("target", "loss-chart-circle-export.svg"), WIDTH, HEIGHT)).get(20, TimeUnit.SECONDS);
    }

    @Test
    void theCircleWithL2After200Epochs(FxRobot robot) throws Exception {
        Snapshot run = trained(TrainingConfig.defaults().withPenalty(new Penalty.L2(0.3)));
        assertTrue(run.penalty() > 0);
        show(run);
        robot.clickOn("#splitCost");
        assertEquals(run.history().size(), onFx(() -> chart.curves().points(Curve.COST)[0].length));
        save("loss-chart-l2-split.png");
        robot.clickOn("#showAccuracy");
        save("loss-chart-l2-split-accuracy.png");
        robot.clickOn("#logScale");
        onFx(() -> {
            chart.getScene().getWindow().setWidth(380);
            chart.getScene().getWindow().setHeight(175);
            return null;
        });
        save("loss-chart-l2-split-log-narrow.png");
    }

    private static Snapshot trained(TrainingConfig config) throws Exception {
        try (TrainingLoop loop = new TrainingLoop(config)) {
            loop.start();
            loop.play();
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> loop.latest().epoch() >= 200);
            loop.pause();
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !loop.latest().running());
            return loop.latest();
        }
    }

    private void show(Snapshot s) {
        onFx(() -> {
            chart.snapshotProperty().set(s);
            chart.redrawNow();
            return null;
        });
    }

    private void save(String name) throws IOException {
        WaitForAsyncUtils.waitForFxEvents();
        BufferedImage shot = onFx(() -> {
            chart.redrawNow();
            return SceneCapture.render(chart.getScene());
        });
        SceneCapture.writePng(shot, Path.of("target", name));
    }

    private static <T> T onFx(Callable<T> task) {
        return WaitForAsyncUtils.waitForAsyncFx(10_000, task);
    }
}
