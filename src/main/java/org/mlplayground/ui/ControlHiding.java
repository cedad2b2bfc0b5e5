package org.mlplayground.ui;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.Parent;
import org.mlplayground.lesson.Control;

/**
 * Hides the controls a lesson names, as TensorFlow Playground hides controls, and shows them all again on
 * request (the reveal key). Controls of the top bar, the data panel and the output panel are taken out of the
 * layout; controls the network diagram rebuilds with every change (± neurons, each layer's Φ, dropout and batch
 * norm, the feature labels) are hidden by a style class on the window's root ({@code hide-<control>}, rules in
 * playground.css), so they stay hidden in every rebuilt layer.
 */
final class ControlHiding {
    private final Parent root;
    private final Map<Control, List<Node>> nodes = new EnumMap<>(Control.class);
    private Set<Control> hidden = EnumSet.noneOf(Control.class);
    private boolean revealed;

    ControlHiding(Parent root) {
        this.root = root;
    }

    /** {@code control} is these nodes (taken out of the layout when hidden). */
    void map(Control control, Node... controlNodes) {
        nodes.put(control, List.of(controlNodes));
    }

    /** Hides exactly {@code controls} (unless revealed), showing every other one. */
    void hide(Set<Control> controls) {
        hidden = controls.isEmpty() ? EnumSet.noneOf(Control.class) : EnumSet.copyOf(controls);
        revealed = false;
        apply();
    }

    /** Shows the hidden controls for now ({@code true}) or hides them again. */
    void reveal(boolean show) {
        revealed = show;
        apply();
    }

    boolean revealed() {
        return revealed;
    }

    /** The controls the lesson hides (whether or not revealed now). */
    Set<Control> hidden() {
        return EnumSet.copyOf(hidden.isEmpty() ? EnumSet.noneOf(Control.class) : hidden);
    }

    /** Whether {@code control} is out of sight now. */
    boolean isHidden(Control control) {
        return !revealed && hidden.contains(control);
    }

    private void apply() {
        for (Control c : Control.values()) {
            boolean hide = isHidden(c);
            String styleClass = "hide-" + c.id();
            root.getStyleClass().remove(styleClass);
            if (hide) root.getStyleClass().add(styleClass);
            for (Node n : nodes.getOrDefault(c, List.of())) {
                n.setVisible(!hide);
                n.setManaged(!hide);
            }
        }
    }
}
