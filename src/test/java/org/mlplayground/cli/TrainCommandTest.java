package org.mlplayground.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlplayground.experiment.Experiment;
import org.mlplayground.experiment.ExperimentData;
import org.mlplayground.experiment.ExperimentFiles;
import org.mlplayground.render.HeatColors;
import org.mlplayground.train.Trainer;
import org.mlplayground.train.TrainingConfig;

class TrainCommandTest {
    @TempDir
    Path dir;

    private record Result(int code, List<String> out, List<String> err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, lines(out), lines(err));
    }

    private static List<String> lines(StringWriter w) {
        String text = w.toString();
        return text.isEmpty() ? List.of() : List.of(text.split("\\R"));
    }

    private Path fresh() throws IOException {
        Path file = dir.resolve("start.json");
        ExperimentFiles.save(file, new Experiment(TrainingConfig.defaults(), new ExperimentData.FromRecipe(), null));
        return file;
    }

    @Test
    void trainingTwiceForTwoEpochsEqualsTrainingOnceForFour() throws Exception {
        Path start = fresh(), half = dir.resolve("half.json"), whole = dir.resolve("whole.json");

        Result first = run("train", "--experiment", start.toString(), "--epochs", "2", "--out", half.toString());
        Result second = run("train", "--experiment", half.toString(), "--epochs", "2", "--out", dir.resolve("end.json").toString());
        Result once = run("train", "--experiment", start.toString(), "--epochs", "4", "--out", whole.toString(),
                "--metrics", dir.resolve("m.csv").toString());

        assertEquals(0, first.code() + second.code() + once.code(), first.err() + " " + second.err() + " " + once.err());
        assertEquals(once.out().subList(0, 3), first.out());
        assertEquals(once.out().subList(3, 5), second.out().subList(1, 3));
        assertEquals(once.out(), Files.readAllLines(dir.resolve("m.csv")));
        assertTrue(once.out().get(4).startsWith("4,100,"), once.out().get(4));
        Trainer a = ExperimentFiles.read(whole).trainer(), b = ExperimentFiles.read(dir.resolve("end.json")).trainer();
        for (int i = 0; i < a.network().parameters().size(); i++) {
            assertArrayEquals(a.network().parameters().get(i).value(), b.network().parameters().get(i).value());
        }
    }

    @Test
    void theSnapshotIsTheHeatmapInTheWindowsColours() throws Exception {
        Path png = dir.resolve("boundary.png");
        Result r = run("train", "--experiment", fresh().toString(), "--epochs", "30", "--snapshot", png.toString(), "--size", "200");
        assertEquals(0, r.code(), r.err().toString());

        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(200, image.getWidth());
        // After 30 epochs on the circle the centre is +1 (blue) and the corners −1 (orange): the heatmap's pale ends.
        int centre = image.getRGB(100, 100) & 0xffffff, corner = image.getRGB(3, 3) & 0xffffff;
        assertTrue(blue(centre) > red(centre), Integer.toHexString(centre));
        assertTrue(red(corner) > blue(corner), Integer.toHexString(corner));
        assertEquals(HeatColors.argb(-1) & 0xffffff, corner, 0x080808, "a sure −1 in the corner");
    }

    private static int red(int rgb) {
        return rgb >> 16 & 0xff;
    }

    private static int blue(int rgb) {
        return rgb & 0xff;
    }

    @Test
    void aMissingFileIsOneLineAndExitCode2() {
        Result r = run("train", "--experiment", dir.resolve("nope.json").toString(), "--epochs", "1");
        assertEquals(2, r.code());
        assertEquals(List.of("error: nope.json: no such file"), r.err());
    }

    @Test
    void aDamagedFileGivesItsMessageOnOneLine() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"format\": \"mlp-playground-experiment\", \"version\": 9}");
        Result r = run("train", "--experiment", bad.toString(), "--epochs", "1");
        assertEquals(2, r.code());
        assertEquals(List.of("error: bad.json: line 1, column 52: format version 9 is newer than this app understands (1); "
                + "update the app"), r.err());
    }

    @Test
    void negativeEpochsAreRefused() throws IOException {
        Result r = run("train", "--experiment", fresh().toString(), "--epochs", "-1");
        assertEquals(2, r.code());
        assertEquals(List.of("error: --epochs must be 0 or more, got -1"), r.err());
    }
}
