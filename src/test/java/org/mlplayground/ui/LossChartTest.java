package org.mlplayground.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mlplayground.train.EpochMetrics;
import org.mlplayground.train.TrainingConfig;
import org.mlplayground.ui.LossCurves.Curve;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.w3c.dom.Document;

/** The loss chart fed with snapshots, as the output panel feeds it, and used as a student would. */
@ExtendWith(ApplicationExtension.class)
class LossChartTest {
    private LossChart chart;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        chart = new LossChart();
        stage.setScene(new Scene(chart, 460, 220));
        stage.sizeToScene();
        stage.show();
    }

    @Test
    void curvesHoldExactlyTheLossesOfARealRunAgainstEpochs() throws TimeoutException {
        Snapshot trained;
        try (TrainingLoop loop = new TrainingLoop(TrainingConfig.defaults())) {
            loop.start();
            for (int i = 0; i < 6; i++) loop.stepEpoch();
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> loop.latest().epoch() == 6);
            trained = loop.latest();
        }
        show(trained);

        List<EpochMetrics> history = trained.history();
        assertEquals(6, history.size());
        assertCurve(history, EpochMetrics::trainLoss, Curve.TRAIN_LOSS);
        assertCurve(history, EpochMetrics::testLoss, Curve.TEST_LOSS);
        assertEquals(0, count(Curve.VALIDATION_LOSS), "no validation set, no validation curve");
        assertEquals(null, onFx(() -> chart.curves().legendLabel(Curve.VALIDATION_LOSS)), "nor a legend entry");
        assertEquals(0, count(Curve.TRAIN_ACCURACY), "accuracy is off until asked for");
    }

    @Test
    void aNewRunClearsTheCurves() {
        show(snapshot(1, history(40, 0)));
        assertEquals(40, count(Curve.TRAIN_LOSS));

        show(snapshot(2, List.of()));
        assertEquals(0, count(Curve.TRAIN_LOSS));
        assertEquals(0, count(Curve.TEST_LOSS));

        List<EpochMetrics> fresh = history(1, 0);
        show(snapshot(2, fresh));
        assertCurve(fresh, EpochMetrics::trainLoss, Curve.TRAIN_LOSS);
    }

    @Test
    void aNewRunUndoesTheZoom() {
        show(snapshot(1, history(40, 0)));
        onFx(() -> {
            chart.curves().plot().getDomainAxis().setRange(10, 20);
            return null;
        });
        show(snapshot(2, history(5, 0)));
        assertTrue(onFx(() -> chart.curves().plot().getDomainAxis().isAutoRange()), "the new run is shown whole");
        assertEquals(5, onFx(() -> chart.curves().plot().getDomainAxis().getUpperBound()), 1);
    }

    @Test
    void logScaleSwapsTheAxisAndLeavesOutLossesThatAreNotPositive(FxRobot robot) {
        List<EpochMetrics> history = new ArrayList<>(history(10, 0));
        history.set(3, metrics(4, 0.0, 0.5, 0));
        history.set(6, metrics(7, Double.NaN, 0.4, 0));
        show(snapshot(1, history));
        assertInstanceOf(NumberAxis.class, lossAxis());
        assertEquals(9, count(Curve.TRAIN_LOSS), "linear: only the NaN is left out");

        robot.clickOn("#logScale");
        redraw();

        assertInstanceOf(LogAxis.class, lossAxis());
        double[][] train = points(Curve.TRAIN_LOSS);
        assertEquals(8, train[0].length);
        for (double loss : train[1]) assertTrue(loss > 0);
        assertFalse(epochs(train).contains(4.0), "the zero loss of epoch 4 cannot be drawn on a log axis");
        assertEquals(10, count(Curve.TEST_LOSS));

        robot.clickOn("#logScale");
        redraw();
        assertInstanceOf(NumberAxis.class, lossAxis());
        assertEquals(9, count(Curve.TRAIN_LOSS));
    }

    @Test
    void splitCostShowsDataTermPenaltyAndTheirSumAtEveryEpoch(FxRobot robot) {
        show(snapshot(1, history(30, 0)));
        assertFalse(visible("#splitCost"), "no penalty, nothing to split");

        List<EpochMetrics> penalised = history(30, 0.02);
        show(snapshot(1, penalised));
        assertTrue(visible("#splitCost"));
        assertEquals(0, count(Curve.COST), "split only when asked");

        robot.clickOn("#splitCost");
        redraw();

        assertCurve(penalised, EpochMetrics::trainLoss, Curve.TRAIN_LOSS);
        assertCurve(penalised, EpochMetrics::penalty, Curve.PENALTY);
        double[][] c0 = points(Curve.TRAIN_LOSS), penalty = points(Curve.PENALTY), cost = points(Curve.COST);
        assertEquals(penalised.size(), cost[0].length);
        for (int i = 0; i < cost[0].length; i++) {
            assertEquals(c0[0][i], cost[0][i]);
            assertEquals(c0[1][i] + penalty[1][i], cost[1][i], 1e-12);
        }
        assertEquals("data term C₀", onFx(() -> chart.curves().legendLabel(Curve.TRAIN_LOSS)));
        assertEquals("C = C₀ + penalty", onFx(() -> chart.curves().legendLabel(Curve.COST)));
    }

    @Test
    void accuracyGoesOnARightAxisInPercent(FxRobot robot) {
        List<EpochMetrics> history = history(20, 0);
        show(snapshot(1, history));
        assertEquals(null, onFx(() -> chart.curves().plot().getRangeAxis(1)));

        robot.clickOn("#showAccuracy");
        redraw();

        assertInstanceOf(NumberAxis.class, onFx(() -> chart.curves().plot().getRangeAxis(1)));
        assertCurve(history, m -> 100 * m.trainAccuracy(), Curve.TRAIN_ACCURACY);
        assertCurve(history, m -> 100 * m.testAccuracy(), Curve.TEST_ACCURACY);
    }

    @Test
    void snapshotsOfAnUnchangedHistoryAreNotRedrawn() throws TimeoutException {
        List<EpochMetrics> history = history(500, 0);
        show(snapshot(1, history));
        int drawn = onFx(chart::rebuilds);

        for (int i = 0; i < 30; i++) {
            Snapshot same = snapshot(1, List.copyOf(history)); // a new list, as every snapshot brings
            onFx(() -> {
                chart.snapshotProperty().set(same);
                return null;
            });
        }
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        assertEquals(drawn, onFx(chart::rebuilds));

        onFx(() -> {
            chart.snapshotProperty().set(snapshot(1, history(501, 0)));
            return null;
        });
        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> onFx(chart::rebuilds) == drawn + 1);
        assertEquals(501, count(Curve.TRAIN_LOSS));
    }

    @Test
    void sixtySnapshotsASecondAreDrawnAtMostTenTimesASecond() throws TimeoutException {
        int before = onFx(chart::rebuilds);
        long start = System.nanoTime();
        for (int epoch = 1; epoch <= 60; epoch++) {
            Snapshot next = snapshot(1, history(epoch, 0));
            onFx(() -> {
                chart.snapshotProperty().set(next);
                return null;
            });
            WaitForAsyncUtils.sleep(16, TimeUnit.MILLISECONDS);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> !onFx(chart::redrawPending));
        int redraws = onFx(chart::rebuilds) - before;

        assertTrue(redraws <= Math.ceil(seconds * LossChart.REDRAWS_PER_SECOND) + 2,
                redraws + " redraws in " + seconds + " s");
        assertEquals(60, count(Curve.TRAIN_LOSS), "the newest history is drawn in the end");
    }

    @Test
    void anEmptyHistoryShowsAxesAndAskToPressPlay() throws IOException {
        show(snapshot(0, List.of()));
        assertEquals("press Play", onFx(() -> chart.curves().plot().getNoDataMessage()));
        for (Curve c : Curve.values()) assertEquals(0, count(c));
        show(null);
        Path png = Path.of("target", "loss-chart-empty.png");
        BufferedImage shot = onFx(() -> SceneCapture.render(chart.getScene()));
        SceneCapture.writePng(shot, png);
        assertEquals(460, ImageIO.read(png.toFile()).getWidth());
    }

    @Test
    void exportedPngDecodesAtTheRequestedSize(@TempDir Path dir) throws Exception {
        show(snapshot(1, history(100, 0.01)));
        Path file = dir.resolve("chart.png");

        Path written = onFx(() -> chart.writePng(file, 640, 360)).get(20, TimeUnit.SECONDS);

        BufferedImage image = ImageIO.read(written.toFile());
        assertEquals(640, image.getWidth());
        assertEquals(360, image.getHeight());
    }

    @Test
    void exportedSvgIsWellFormedXmlWithAnSvgRoot(@TempDir Path dir) throws Exception {
        show(snapshot(1, history(100, 0.01)));
        Path file = dir.resolve("chart.svg");

        onFx(() -> chart.writeSvg(file, 500, 250)).get(20, TimeUnit.SECONDS);

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        // The file names the SVG 1.1 DTD; well-formedness needs no download of it.
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document svg = factory.newDocumentBuilder().parse(file.toFile());
        assertEquals("svg", svg.getDocumentElement().getLocalName());
        assertEquals(500, Double.parseDouble(svg.getDocumentElement().getAttribute("width")));
        assertTrue(Files.readString(file).contains("epoch"), "the axis labels are in the drawing");
    }

    @Test
    void anExportThatCannotBeWrittenFailsWithTheFileItNamed(@TempDir Path dir) throws Exception {
        show(snapshot(1, history(10, 0)));
        Path nowhere = dir.resolve("no such folder").resolve("chart.png");

        var result = onFx(() -> chart.writePng(nowhere, 300, 200));

        Throwable failure = assertInstanceOf(Throwable.class, result.handle((ok, e) -> e).get(20, TimeUnit.SECONDS));
        assertInstanceOf(IOException.class, failure.getCause() != null ? failure.getCause() : failure);
    }

    // ---- helpers ------------------------------------------------------------------------------------

    /** A classification run's metrics over {@code epochs} epochs: losses falling, accuracies rising. */
    static List<EpochMetrics> history(int epochs, double penalty) {
        List<EpochMetrics> history = new ArrayList<>();
        for (int e = 1; e <= epochs; e++) history.add(metrics(e, 0.5 / Math.sqrt(e), 0.55 / Math.sqrt(e), penalty * (1 + 1.0 / e)));
        return List.copyOf(history);
    }

    static EpochMetrics metrics(int epoch, double trainLoss, double testLoss, double penalty) {
        double accuracy = Math.min(1, 0.5 + epoch / 100.0);
        return new EpochMetrics(epoch, 25L * epoch, trainLoss, accuracy, testLoss, accuracy * 0.97, penalty, Double.NaN, Double.NaN);
    }

    static Snapshot snapshot(long run, List<EpochMetrics> history) {
        EpochMetrics last = history.isEmpty() ? null : history.get(history.size() - 1);
        return new Snapshot(TrainingConfig.defaults(), run, null, List.of(), null, null, null, history,
                last == null ? 0 : last.epoch(), last == null ? 0 : last.step(), last == null ? Double.NaN : last.trainLoss(),
                last == null ? 0 : last.penalty(), Double.NaN, Double.NaN, Double.NaN, 0, 18, List.of(), false, "", -1, "");
    }

    private void show(Snapshot s) {
        onFx(() -> {
            chart.snapshotProperty().set(s);
            chart.redrawNow();
            return null;
        });
    }

    private void redraw() {
        onFx(() -> {
            chart.redrawNow();
            return null;
        });
    }

    /** {x[], y[]} of the curve on display. */
    private double[][] points(Curve curve) {
        return onFx(() -> chart.curves().points(curve));
    }

    private int count(Curve curve) {
        return points(curve)[0].length;
    }

    private Object lossAxis() {
        return onFx(() -> chart.curves().plot().getRangeAxis(0));
    }

    private static List<Double> epochs(double[][] points) {
        return Arrays.stream(points[0]).boxed().toList();
    }

    /** The curve's points are exactly (epoch, value) of every point of {@code history}, in order. */
    private void assertCurve(List<EpochMetrics> history, ToDoubleFunction<EpochMetrics> value, Curve curve) {
        double[][] xy = points(curve);
        assertEquals(history.size(), xy[0].length, curve + " points");
        for (int i = 0; i < history.size(); i++) {
            assertEquals(history.get(i).epoch(), xy[0][i], 0.0, curve + " x at " + i);
            assertEquals(value.applyAsDouble(history.get(i)), xy[1][i], 0.0, curve + " y at " + i);
        }
    }

    private boolean visible(String query) {
        return onFx(() -> {
            for (Node n = stage.getScene().lookup(query); n != null; n = n.getParent()) if (!n.isVisible()) return false;
            return true;
        });
    }

    private static <T> T onFx(Callable<T> task) {
        return WaitForAsyncUtils.waitForAsyncFx(10_000, task);
    }
}
