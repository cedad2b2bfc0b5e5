package org.mlplayground.lesson;

import java.util.Locale;

/** The view a lesson opens in: the playground, the backprop stepper, the gradient-health view or the optimizer lab. */
public enum LessonView {
    PLAYGROUND("playground"),
    BACKPROP("backprop"),
    GRADIENT_HEALTH("gradient-health"),
    OPTIMIZER_LAB("optimizer-lab");

    private final String id;

    LessonView(String id) {
        this.id = id;
    }

    /** The word a lesson header uses, e.g. {@code optimizer-lab}. */
    public String id() {
        return id;
    }

    /** @throws IllegalArgumentException naming the unknown view and the known ones */
    public static LessonView byId(String id) {
        for (LessonView v : values()) if (v.id.equals(id.trim().toLowerCase(Locale.ROOT))) return v;
        throw new IllegalArgumentException("unknown view '" + id + "'; known: playground, backprop, gradient-health, "
                + "optimizer-lab");
    }
}
