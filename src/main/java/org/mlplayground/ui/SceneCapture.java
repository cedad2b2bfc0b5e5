package org.mlplayground.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Writes what a scene shows into a PNG file, for figures and screenshots. */
final class SceneCapture {
    private SceneCapture() {
    }

    /**
     * Renders {@code scene} into an image; must run on the FX thread. The result is plain pixels that
     * {@link #writePng} may write from any thread.
     */
    static BufferedImage render(Scene scene) {
        WritableImage shot = scene.snapshot(null);
        int w = (int) shot.getWidth(), h = (int) shot.getHeight();
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        PixelReader pixels = shot.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) image.setRGB(x, y, pixels.getArgb(x, y));
        }
        return image;
    }

    /**
     * Writes {@code image} to {@code file} as PNG. File work: call it off the FX thread.
     *
     * @throws IOException with the file's name if it cannot be written
     */
    static void writePng(BufferedImage image, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !parent.toFile().isDirectory()) {
            throw new IOException("cannot write " + file + ": folder " + parent + " does not exist");
        }
        if (!ImageIO.write(image, "png", file.toFile())) throw new IOException("no PNG writer for " + file);
    }
}
