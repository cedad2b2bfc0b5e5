package org.mlplayground.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mlplayground.data.Dataset;
import org.mlplayground.data.Generator;
import org.mlplayground.data.csv.CsvImporter;
import org.mlplayground.data.csv.ImportedTable;
import org.mlplayground.train.TrainingConfig;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The DATA panel on its own, in a column as wide as the window's, used as a student would. */
@ExtendWith(ApplicationExtension.class)
class DataPanelTest {
    /** One call of the data handler. */
    private record Use(SessionData data, TrainingConfig config, String why) {
    }

    private DataPanel panel;
    private Scene scene;
    private final ObjectProperty<TrainingConfig> config = new SimpleObjectProperty<>(TrainingConfig.defaults());
    /** Every config the panel wrote, in order. */
    private final List<TrainingConfig> writes = new CopyOnWriteArrayList<>();
    private final List<Use> uses = new CopyOnWriteArrayList<>();
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private Snapshot shown;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) throws IOException {
        FXMLLoader loader = new FXMLLoader(DataPanel.class.getResource("data.fxml"), I18n.ENGLISH.bundle());
        loader.setControllerFactory(type -> new DataPanel()); // as PlaygroundApp's factory does: the class is package-private
        Parent root = loader.load();
        panel = loader.getController();
        panel.configProperty().bindBidirectional(config);
        config.addListener((obs, old, now) -> writes.add(now));
        shown = new TrainingLoop(TrainingConfig.defaults()).latest();
        panel.snapshotProperty().set(shown);
        panel.setOnData((data, next, why) -> uses.add(new Use(data, next, why)));
        panel.setOnMessage((text, problem) -> messages.add(text));

        VBox column = new VBox(root);
        column.setStyle("-fx-padding: 4px 12px 12px 12px; -fx-background-color: #fafbfc;");
        column.setPrefWidth(240);
        scene = new Scene(column, 240, 800);
        scene.getStylesheets().add(DataPanel.class.getResource("playground.css").toExternalForm());
        stage.setScene(scene);
        stage.sizeToScene();
        stage.show();
    }

    @Test
    void clickingTheSpiralThumbnailWritesAConfigWithTheSpiralGenerator(FxRobot robot) {
        TrainingConfig before = config.get();

        robot.clickOn("#thumb-spiral");

        assertEquals(1, writes.size(), "one click, one change");
        assertEquals(Generator.SPIRAL, config.get().data().generator());
        assertEquals(before.data().seed(), config.get().data().seed());
        assertEquals(before.problem(), config.get().problem(), "spiral is binary like the circle");
        assertTrue(selected(robot, "#thumb-spiral"));
        assertFalse(selected(robot, "#thumb-circle"));
        assertTrue(uses.isEmpty(), "generated data goes through the config, not the data handler");
    }

    @Test
    void clickingTheThreeRingsSwitchesTheProblemToMultiClassInTheSameChange(FxRobot robot) {
        robot.clickOn("#thumb-rings");

        assertEquals(1, writes.size(), "data and problem change together, or the trainer would see rings with tanh");
        assertEquals(Generator.RINGS, writes.get(0).data().generator());
        assertEquals(TrainingConfig.Problem.MULTICLASS, writes.get(0).problem());
    }

    @Test
    void theNoiseSliderWritesTheNoiseWhenReleased(FxRobot robot) {
        robot.drag("#noise .thumb", MouseButton.PRIMARY).moveBy(30, 0).moveBy(30, 0);
        double whileDragging = config.get().data().noise();
        String shownWhileDragging = text(robot, "#noiseText");
        robot.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(0, whileDragging, "nothing is written during the drag");
        assertNotEquals("0.00", shownWhileDragging, "the value shown follows the drag");
        assertEquals(1, writes.size());
        double noise = config.get().data().noise();
        assertTrue(noise > 0, "noise " + noise);
        assertEquals(Math.round(noise * 20) / 20.0, noise, 1e-12, "noise moves in steps of 0.05");
        assertEquals(String.format(java.util.Locale.ROOT, "%.2f", noise), text(robot, "#noiseText"));
    }

    @Test
    void regenerateChangesOnlyTheDataSeed(FxRobot robot) {
        TrainingConfig before = config.get();

        robot.clickOn("#regenerate");

        assertEquals(before.withData(before.data().withSeed(before.data().seed() + 1)), config.get());
    }

    @Test
    void importingAGoodCsvHandsOverItsPointsSplitByTheTrainingShare(FxRobot robot) throws Exception {
        StringBuilder csv = new StringBuilder("length,width,species\n");
        String[] species = {"Adelie", "Chinstrap", "Gentoo"};
        for (int i = 0; i < 20; i++) csv.append(30 + i).append(',').append(15 + i % 4).append(',').append(species[i % 3]).append('\n');
        Path file = Files.writeString(dir.resolve("birds.csv"), csv);

        assertTrue(onFx(() -> panel.importFile(file)));
        Use use = waitForUse();

        assertEquals(10, use.data().train().size());
        assertEquals(10, use.data().testSize());
        assertEquals(Generator.Task.MULTICLASS, use.data().task());
        assertEquals(List.of("Adelie", "Chinstrap", "Gentoo"), use.data().classNames());
        assertEquals(TrainingConfig.Problem.MULTICLASS, use.config().problem(), "the problem follows the labels");
        assertEquals("imported birds.csv", use.why());
        assertEquals(use.config(), config.get(), "the config written is the one handed over");
    }

    @Test
    void importingABadCsvNamesFileAndLineAndKeepsTheData(FxRobot robot) throws Exception {
        Path file = Files.writeString(dir.resolve("broken.csv"), "x1,x2,label\n1,2,1\n1.5,abc,0\n2,3,1\n");

        onFx(() -> panel.importFile(file));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !messages.isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        String message = messages.get(0);
        assertTrue(message.contains("broken.csv") && message.contains("line 3"), message);
        assertTrue(uses.isEmpty(), "a bad file must not replace the data");
        assertTrue(writes.isEmpty());
    }

    @Test
    void aTableWithFourInputsUsesTheColumnsTheStudentChose(FxRobot robot) throws Exception {
        StringBuilder csv = new StringBuilder("a,b,c,d,label\n");
        for (int i = 0; i < 12; i++) csv.append(i).append(',').append(100 + i).append(',').append(200 + i).append(',')
                .append(300 + i).append(',').append(i % 2).append('\n');
        Path file = Files.writeString(dir.resolve("wide.csv"), csv);
        List<String> offered = new CopyOnWriteArrayList<>();
        panel.setInputChooser(table -> {
            offered.addAll(table.inputNames());
            return Optional.of(new int[] {2, 0});
        });

        onFx(() -> panel.importFile(file));
        Use use = waitForUse();

        assertEquals(List.of("a", "b", "c", "d"), offered);
        assertEquals(List.of("c", "a"), use.data().inputNames());
        List<String> points = new ArrayList<>();
        for (Dataset part : List.of(use.data().train(), use.data().test())) {
            for (double[] p : part.x()) points.add((int) p[0] + "," + (int) p[1]);
        }
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 12; i++) expected.add((200 + i) + "," + i);
        points.sort(null);
        expected.sort(null);
        assertEquals(expected, points, "x₁ is column c, x₂ is column a");
        assertEquals(Generator.Task.BINARY, use.data().task());
    }

    @Test
    void exportWritesThePointsOnDisplaySoThatTheImporterReadsThemBack(FxRobot robot) throws Exception {
        Path file = dir.resolve("out.csv");

        String confirmation = onFx(() -> panel.exportTo(file)).get(10, TimeUnit.SECONDS);
        ImportedTable back = CsvImporter.read(file);

        assertEquals("Exported 500 points to " + file.toAbsolutePath(), confirmation);
        Dataset.Split split = back.toSplit(0, 1);
        assertSamePoints(shown.data().train(), split.train());
        assertSamePoints(shown.data().test(), split.test());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> messages.contains(confirmation));
    }

    @Test
    void drawModeTogglesAndTheLabelFollowsTheClassButtons(FxRobot robot) {
        assertFalse(panel.drawModeProperty().get());

        robot.clickOn("#drawMode");
        assertTrue(panel.drawModeProperty().get());
        robot.clickOn("#drawPositive");
        assertEquals(1, panel.drawLabelProperty().get());
        robot.clickOn("#drawNegative");
        assertEquals(-1, panel.drawLabelProperty().get());
        robot.clickOn("#drawNegative");
        assertEquals(-1, panel.drawLabelProperty().get(), "clicking the chosen class keeps it chosen");
        robot.clickOn("#drawMode");

        assertFalse(panel.drawModeProperty().get());
    }

    @Test
    void pickingTheIrisThumbnailHandsOverTheIrisPointsWithSoftmax(FxRobot robot) throws Exception {
        robot.clickOn("#thumb-iris");
        Use use = waitForUse();

        assertEquals(150, use.data().train().size() + use.data().testSize());
        assertEquals(List.of("petal_length", "petal_width"), use.data().inputNames());
        assertEquals(TrainingConfig.Problem.MULTICLASS, use.config().problem());
        assertTrue(selected(robot, "#thumb-iris"));
    }

    @Test
    void penguinsInMillimetresGetStandardisedInputsAndTheGeneratorsDoNot(FxRobot robot) throws Exception {
        robot.clickOn("#thumb-penguins");
        Use use = waitForUse();
        assertTrue(use.config().standardize(), "bills of 32 … 60 mm would saturate every tanh neuron");
        assertTrue(use.data().plane().xMax() > 30, "the plane follows the data: " + use.data().plane());

        // Generated points stay as TensorFlow Playground feeds them (here the snapshot still shows the circle,
        // so the panel writes the recipe into the config instead of handing points over).
        robot.clickOn("#thumb-spiral");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> config.get().data().generator() == Generator.SPIRAL);
        assertFalse(config.get().standardize());
    }

    @Test
    void savesAPictureOfThePanel(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> robot.lookup(".thumbnail").queryAllAs(ToggleButton.class)
                .stream().allMatch(b -> ((ImageView) b.getGraphic()).getImage() != null)));
        robot.clickOn("#thumb-blobs"); // shows the classes row, and four classes to draw
        onFx(() -> {
            panel.snapshotProperty().set(new TrainingLoop(config.get()).latest());
            return null;
        });
        robot.clickOn("#drawMode");
        WaitForAsyncUtils.waitForFxEvents();

        BufferedImage picture = onFx(() -> SceneCapture.render(scene));
        SceneCapture.writePng(picture, Path.of("target", "data-panel.png"));

        double bottom = onFx(() -> robot.lookup("#drawHint").query().localToScene(
                robot.lookup("#drawHint").query().getBoundsInLocal()).getMaxY());
        assertTrue(bottom <= scene.getHeight(), "the whole panel fits the picture: ends at " + bottom);
    }

    private Use waitForUse() throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !uses.isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(messages.stream().noneMatch(m -> m.contains("line")), "no import error: " + messages);
        return uses.get(0);
    }

    private static void assertSamePoints(Dataset expected, Dataset actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) assertArrayEquals(expected.x()[i], actual.x()[i], 0, "point " + i);
        assertTrue(Arrays.equals(expected.y(), actual.y()), "labels");
    }

    private static boolean selected(FxRobot robot, String query) {
        return onFx(() -> robot.lookup(query).queryAs(ToggleButton.class).isSelected());
    }

    private static String text(FxRobot robot, String query) {
        return onFx(() -> robot.lookup(query).queryLabeled().getText());
    }

    private static <T> T onFx(Callable<T> task) {
        return WaitForAsyncUtils.waitForAsyncFx(5_000, task);
    }
}
