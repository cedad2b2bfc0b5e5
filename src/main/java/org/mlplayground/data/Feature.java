package org.mlplayground.data;

import java.util.Locale;

/**
 * An input feature computed from a 2-D point (x1, x2): TensorFlow Playground's seven, plus the cosines.
 * Squares and the product let a single-layer network draw circles and saddles; sines and cosines, waves.
 */
public enum Feature {
    X1("x1", "x₁"),
    X2("x2", "x₂"),
    X1_SQUARED("x1^2", "x₁²"),
    X2_SQUARED("x2^2", "x₂²"),
    X1_TIMES_X2("x1*x2", "x₁x₂"),
    SIN_X1("sin(x1)", "sin x₁"),
    SIN_X2("sin(x2)", "sin x₂"),
    COS_X1("cos(x1)", "cos x₁"),
    COS_X2("cos(x2)", "cos x₂");

    private final String id;
    private final String label;

    Feature(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The value at the point (x1, x2). */
    public double of(double x1, double x2) {
        return switch (this) {
            case X1 -> x1;
            case X2 -> x2;
            case X1_SQUARED -> x1 * x1;
            case X2_SQUARED -> x2 * x2;
            case X1_TIMES_X2 -> x1 * x2;
            case SIN_X1 -> Math.sin(x1);
            case SIN_X2 -> Math.sin(x2);
            case COS_X1 -> Math.cos(x1);
            case COS_X2 -> Math.cos(x2);
        };
    }

    /** Plain-text name for files and the command line, e.g. "x1^2". */
    public String id() {
        return id;
    }

    /** The name as the UI shows it, e.g. "x₁²". */
    public String label() {
        return label;
    }

    /**
     * The feature of this id (also accepts the enum name and the label).
     *
     * @throws IllegalArgumentException naming the unknown feature and the known ones
     */
    public static Feature byId(String id) {
        String key = id.trim();
        for (Feature f : values()) {
            if (f.id.equalsIgnoreCase(key) || f.name().equalsIgnoreCase(key) || f.label.equals(key)) return f;
        }
        StringBuilder known = new StringBuilder();
        for (Feature f : values()) known.append(known.length() == 0 ? "" : ", ").append(f.id);
        throw new IllegalArgumentException("unknown feature '" + id + "'; known: " + known.toString().toLowerCase(Locale.ROOT));
    }
}
