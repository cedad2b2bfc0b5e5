package org.mlplayground.ui;

import java.util.List;
import javafx.scene.paint.Color;
import org.mlplayground.data.Dataset;
import org.mlplayground.data.Generator;

/**
 * A data set drawn as a small square picture of its points, coloured by label: the data panel's thumbnails.
 * Plain pixel arithmetic on an ARGB array, so it runs on any thread; only putting the pixels into an image
 * belongs to the FX thread.
 */
final class DataThumbnail {
    private static final int BACKGROUND = 0xfff7f8f9;
    /** Radius of a point, in pixels. */
    private static final double DOT = 1.6;

    private DataThumbnail() {
    }


    /**
     * Every point of {@code data} (training, validation, test) within its plane on a {@code size} × {@code size}
     * picture, row 0 at the top (up is +x₂), as opaque ARGB ints row by row.
     */
    static int[] render(SessionData data, int size) {
        int[] pixels = new int[size * size];
        java.util.Arrays.fill(pixels, BACKGROUND);
        for (Dataset part : new Dataset[] {data.train(), data.validation(), data.test()}) {
            if (part == null) continue;
            for (int i = 0; i < part.size(); i++) {
                double[] p = part.x()[i];
                dot(pixels, size, data.plane().toPixelX(p[0], size), data.plane().toPixelY(p[1], size),
                        argb(Palette.pointColor(data.task(), part.y()[i])));
            }
        }
        return pixels;
    }

    private static void dot(int[] pixels, int size, double cx, double cy, int argb) {
        int x0 = (int) Math.floor(cx - DOT), x1 = (int) Math.ceil(cx + DOT);
        int y0 = (int) Math.floor(cy - DOT), y1 = (int) Math.ceil(cy + DOT);
        for (int y = Math.max(0, y0); y <= Math.min(size - 1, y1); y++) {
            for (int x = Math.max(0, x0); x <= Math.min(size - 1, x1); x++) {
                if (Math.hypot(x + 0.5 - cx, y + 0.5 - cy) <= DOT) pixels[y * size + x] = argb;
            }
        }
    }

    private static int argb(Color c) {
        return 0xff000000 | (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }
}
