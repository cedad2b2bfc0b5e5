package org.mlplayground.ui.lab;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/** Screenshots of the lab for review, and pixels of a node for comparing two frames. */
final class LabShots {
    private LabShots() {
    }

    /** Writes what {@code scene} shows into target/{@code name}. */
    static Path save(Scene scene, String name) throws IOException {
        WritableImage shot = WaitForAsyncUtils.waitForAsyncFx(10_000, () -> scene.snapshot(null));
        int w = (int) shot.getWidth(), h = (int) shot.getHeight();
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        PixelReader pixels = shot.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) image.setRGB(x, y, pixels.getArgb(x, y));
        }
        Path file = Path.of("target", name);
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    /** The ARGB pixels {@code node} shows now. */
    static int[] pixels(Node node) {
        WritableImage shot = WaitForAsyncUtils.waitForAsyncFx(10_000, () -> node.snapshot(null, null));
        int w = (int) shot.getWidth(), h = (int) shot.getHeight();
        int[] argb = new int[w * h];
        shot.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), argb, 0, w);
        return argb;
    }
}
