package org.mlplayground.ui;

import java.awt.Graphics2D;
import java.awt.Insets;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.scilab.forge.jlatexmath.ParseException;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

/**
 * Typesets TeX with JLaTeXMath into JavaFX images: the formula is painted into an AWT image, whose pixels
 * are copied into a {@link WritableImage} (SwingFXUtils is not on the classpath). Images are kept, so stepping
 * back and forth lays out each formula once. Public for the lesson panel ({@code ui.lesson}), which typesets a lesson's
 * formulas the same way.
 */
public final class TexRenderer {
    private static final int CACHE_SIZE = 64;
    private final float size;
    /** Pixels of each cached formula below its baseline (descenders and the bottom inset). */
    private final Map<String, Double> depths = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Double> eldest) {
            return size() > CACHE_SIZE;
        }
    };
    private final Map<String, Image> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Image> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    /** @param size the font size in pixels */
    public TexRenderer(float size) {
        this.size = size;
    }

    /**
     * The formula as an image.
     *
     * @throws IllegalArgumentException if JLaTeXMath cannot parse {@code tex}
     */
    public Image image(String tex) {
        Image cached = cache.get(tex);
        if (cached != null && depths.containsKey(tex)) return cached;
        Image image = typeset(tex);
        cache.put(tex, image);
        return image;
    }

    /** A node showing the formula; the TeX source as plain text if it cannot be typeset. */
    public Node view(String tex) {
        try {
            ImageView view = new ImageView(image(tex));
            view.getStyleClass().add("formula");
            view.setUserData(tex);
            return view;
        } catch (IllegalArgumentException e) {
            Label fallback = new Label(tex);
            fallback.getStyleClass().add("formula-source");
            return fallback;
        }
    }

    /**
     * Pixels of the formula's image below its baseline (descenders and the bottom inset), so that a line of text
     * can put the formula's baseline on its own.
     *
     * @throws IllegalArgumentException if JLaTeXMath cannot parse {@code tex}
     */
    public double depth(String tex) {
        image(tex);
        return depths.getOrDefault(tex, 0.0);
    }

    private Image typeset(String tex) {
        TeXIcon icon;
        try {
            icon = new TeXFormula(tex).createTeXIcon(TeXConstants.STYLE_DISPLAY, size);
        } catch (ParseException e) {
            throw new IllegalArgumentException("cannot typeset " + tex + ": " + e.getMessage(), e);
        }
        icon.setInsets(new Insets(3, 3, 3, 3));
        icon.setForeground(new java.awt.Color(0x1f, 0x23, 0x28));
        depths.put(tex, (double) icon.getIconDepth());
        int w = Math.max(1, icon.getIconWidth()), h = Math.max(1, icon.getIconHeight());
        BufferedImage awt = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = awt.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        icon.paintIcon(null, g, 0, 0);
        g.dispose();
        int[] argb = awt.getRGB(0, 0, w, h, null, 0, w);
        WritableImage image = new WritableImage(w, h);
        image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return image;
    }
}
